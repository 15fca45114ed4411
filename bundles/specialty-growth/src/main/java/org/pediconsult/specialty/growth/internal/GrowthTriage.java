package org.pediconsult.specialty.growth.internal;

import java.util.ArrayList;
import java.util.List;

import org.pediconsult.growth.who.Sex;
import org.pediconsult.specialty.api.Answers;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.TriageResult;
import org.pediconsult.specialty.growth.internal.rules.DevelopmentalRegressionRule;
import org.pediconsult.specialty.growth.internal.rules.EarlyPubertyRule;
import org.pediconsult.specialty.growth.internal.rules.SeizuresReportedRule;

/**
 * The growth and development triage: z-score red flags of the measurements (against both WHO
 * standards when the sex is neither male nor female), early puberty, regression and seizures. The
 * most urgent finding wins and every reason is listed ({@link TriageSummary}).
 */
public final class GrowthTriage {
    private final AnthropometricFindings anthropometry;
    private final EarlyPubertyRule earlyPuberty;
    private final DevelopmentalRegressionRule regression;
    private final SeizuresReportedRule seizures;
    private final GrowthAdvice advice;

    public GrowthTriage(AnthropometricFindings anthropometry, EarlyPubertyRule earlyPuberty,
                        DevelopmentalRegressionRule regression, SeizuresReportedRule seizures, GrowthAdvice advice) {
        this.anthropometry = anthropometry;
        this.earlyPuberty = earlyPuberty;
        this.regression = regression;
        this.seizures = seizures;
        this.advice = advice;
    }

    public TriageResult triage(AssessmentInput a) {
        List<Measurement> chronological = MeasurementAnswers.chronological(MeasurementAnswers.parse(a.answers),
                a.birthDate, a.assessedOn);
        List<Sex> sexes = ReferenceSexes.of(a.sex);
        List<Finding> findings = new ArrayList<>();
        for (Sex sex : sexes) {
            findings.addAll(anthropometry.evaluate(sex, a.birthDate, chronological));
        }
        earlyPuberty.evaluate(a.sex, a.birthDate, a.assessedOn, Answers.choices(a.answers, "pubertySigns"))
                .ifPresent(findings::add);
        boolean lostSkills = Answers.isTrue(a.answers, "developmentalRegression");
        boolean hadSeizures = Answers.isTrue(a.answers, "seizures");
        regression.evaluate(lostSkills, hadSeizures).ifPresent(findings::add);
        seizures.evaluate(hadSeizures, lostSkills).ifPresent(findings::add);
        return TriageResult.mostUrgent(findings, advice.remoteOk(sexes, a.birthDate, chronological));
    }
}
