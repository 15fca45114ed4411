package org.pediconsult.specialty.dermatology.internal.triage;

import java.util.Map;

import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.dermatology.internal.DermatologyQuestionnaire;

/**
 * The answers triage reasons about, read once from a validated assessment. A missing optional
 * answer counts as "no"; a missing required one cannot reach triage.
 */
public final class RashFacts {
    /** NICE NG143 defines fever as 38 °C or higher. */
    static final double FEVER_THRESHOLD_C = 38.0;

    final long ageInDays;
    final boolean fever;
    final boolean nonBlanchingSpots;
    final boolean mucosalInvolvement;
    final boolean blistering;
    final boolean rapidlySpreadingRedness;
    final boolean eczemaHerpeticumSigns;

    RashFacts(long ageInDays, boolean fever, boolean nonBlanchingSpots, boolean mucosalInvolvement, boolean blistering,
              boolean rapidlySpreadingRedness, boolean eczemaHerpeticumSigns) {
        this.ageInDays = ageInDays;
        this.fever = fever;
        this.nonBlanchingSpots = nonBlanchingSpots;
        this.mucosalInvolvement = mucosalInvolvement;
        this.blistering = blistering;
        this.rapidlySpreadingRedness = rapidlySpreadingRedness;
        this.eczemaHerpeticumSigns = eczemaHerpeticumSigns;
    }

    /**
     * A measured temperature of 38 °C or more counts as fever even when the guardian answered "no":
     * under-reporting a fever must not lower the triage level.
     */
    public static RashFacts of(AssessmentInput a) {
        Map<String, Object> answers = a.answers;
        Object t = answers.get(DermatologyQuestionnaire.TEMPERATURE_C);
        boolean measuredFever = t instanceof Number && ((Number) t).doubleValue() >= FEVER_THRESHOLD_C;
        return new RashFacts(a.ageInDays(),
                yes(answers, DermatologyQuestionnaire.FEVER) || measuredFever,
                yes(answers, DermatologyQuestionnaire.NON_BLANCHING_SPOTS),
                yes(answers, DermatologyQuestionnaire.MUCOSAL_INVOLVEMENT),
                yes(answers, DermatologyQuestionnaire.BLISTERING),
                yes(answers, DermatologyQuestionnaire.RAPIDLY_SPREADING_REDNESS),
                yes(answers, DermatologyQuestionnaire.ECZEMA_HERPETICUM_SIGNS));
    }

    private static boolean yes(Map<String, Object> answers, String id) {
        return Boolean.TRUE.equals(answers.get(id));
    }
}
