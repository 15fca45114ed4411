package com.example.hello.sleep;

import java.util.ArrayList;
import java.util.List;

import org.pediconsult.specialty.api.Answers;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.ChildContext;
import org.pediconsult.specialty.api.Destination;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Respondent;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.TriageResult;
import org.pediconsult.specialty.api.Urgency;

/**
 * The triage of {@code hello-sleep}: every rule adds a {@link Finding}, {@link TriageResult#mostUrgent}
 * folds them. Example rules after AAP 2012 (Marcus et al., Diagnosis and management of childhood
 * obstructive sleep apnea syndrome, Pediatrics 130(3):576) and the AASM 2016 consensus on sleep duration
 * (Paruthi et al., J Clin Sleep Med 12(6):785); not clinical advice.
 */
final class SleepTriage {
    /** Where a child with signs of sleep-disordered breathing is sent (instead of the platform's default clinic). */
    static final Destination SLEEP_CLINIC = Destination.of(Destination.Type.SPECIALIST_OUTPATIENT,
            LocalizedText.of("儿童睡眠门诊或耳鼻喉科门诊", "pediatric sleep clinic or ENT clinic"));

    private static final LocalizedText SEE_IN_PERSON = LocalizedText.of(
            "请在一周内到儿童睡眠门诊或耳鼻喉科门诊面诊", "see a pediatric sleep or ENT clinic in person within a week");

    private SleepTriage() {
    }

    static TriageResult triage(AssessmentInput a) {
        List<Finding> findings = new ArrayList<>();
        boolean snoring = Answers.isTrue(a.answers, "snoring");
        // answered only when snoring is yes: the platform refuses an answer to a question not asked
        if (Answers.isTrue(a.answers, "breathingPauses")) {
            findings.add(new Finding(TriageLevel.IN_PERSON,
                    LocalizedText.of("睡眠中呼吸暂停或憋气", "pauses in breathing or gasping during sleep"), SEE_IN_PERSON));
        }
        // asked from 6 years only: absent for younger children
        if (snoring && Answers.isTrue(a.answers, "sleepyInClass")) {
            findings.add(new Finding(TriageLevel.IN_PERSON,
                    LocalizedText.of("打鼾伴白天嗜睡", "snoring with daytime sleepiness"), SEE_IN_PERSON));
        }
        if (snoring && referredBefore(a.context)) {
            findings.add(new Finding(TriageLevel.IN_PERSON,
                    LocalizedText.of("此前已因睡眠问题转诊，仍有打鼾", "still snoring after an earlier referral for sleep"),
                    SEE_IN_PERSON));
        }
        Integer hours = Answers.integer(a.answers, "sleepHours");
        Integer fewest = fewestHours(a.ageInMonths());
        if (hours != null && fewest != null && hours < fewest) {
            findings.add(new Finding(TriageLevel.REMOTE_OK,
                    LocalizedText.of("睡眠时间少于该年龄的建议", "less sleep than recommended for the age"),
                    LocalizedText.of("可以在线问诊：医生会讨论作息安排", "suitable online: the doctor will go through the sleep routine")));
        }
        TriageResult result = TriageResult.mostUrgent(findings, nothingFound(a.respondent()));
        if (result.level == TriageLevel.IN_PERSON) {
            result = result.withUrgency(Urgency.WITHIN_7_DAYS).withDestination(SLEEP_CLINIC);
        }
        return result;
    }

    /** An earlier consultation of this specialty (the platform hands over only this specialty's) sent the child in person. */
    private static boolean referredBefore(ChildContext context) {
        return context.earlier.stream()
                .anyMatch(e -> e.triageLevel() == TriageLevel.IN_PERSON || "REFERRED".equals(e.state()));
    }

    /** The fewest hours in 24 h the AASM recommends for the age, or null under 4 months (no recommendation). */
    static Integer fewestHours(int ageInMonths) {
        if (ageInMonths < 4) {
            return null;
        }
        if (ageInMonths < 12) {
            return 12;
        }
        if (ageInMonths < 36) {
            return 11;
        }
        if (ageInMonths < 72) {
            return 10;
        }
        if (ageInMonths < 156) {
            return 9;
        }
        return 8;
    }

    /** The advice when no rule found anything, addressed to whoever answered. */
    private static LocalizedText nothingFound(Respondent respondent) {
        return respondent == Respondent.CHILD
                ? LocalizedText.of("你的回答没有需要面诊的情况，可以在线问诊（请和家长一起参加）",
                        "nothing in your answers needs an in-person visit: you can be seen online, with your parent")
                : LocalizedText.of("回答中没有需要面诊的情况，可以在线问诊",
                        "nothing in the answers needs an in-person visit: the child can be seen online");
    }
}
