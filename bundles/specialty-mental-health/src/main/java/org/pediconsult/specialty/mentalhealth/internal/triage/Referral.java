package org.pediconsult.specialty.mentalhealth.internal.triage;

import java.util.Objects;

import org.pediconsult.specialty.api.Destination;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.Urgency;

/**
 * One rule's finding with how soon and where the child must be seen.
 *
 * @param finding the level, reason and advice
 * @param urgency how soon
 * @param destination where
 */
public record Referral(Finding finding, Urgency urgency, Destination destination) {
    /** The emergency department, asked for a mental health crisis assessment. */
    public static final Destination CRISIS_ED = Destination.of(Destination.Type.EMERGENCY_DEPARTMENT,
            LocalizedText.of("急诊（精神心理危机评估）", "emergency department (mental health crisis assessment)"));

    /** The child and adolescent mental health clinic. */
    public static final Destination MENTAL_HEALTH_CLINIC = Destination.of(Destination.Type.MENTAL_HEALTH_SERVICE,
            LocalizedText.of("儿童青少年精神心理门诊", "child and adolescent mental health clinic"));

    public Referral {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(destination, "destination");
    }

    public static Referral emergency(LocalizedText reason, LocalizedText advice) {
        return new Referral(new Finding(TriageLevel.EMERGENCY, reason, advice), Urgency.IMMEDIATE, CRISIS_ED);
    }

    public static Referral mentalHealthClinic(Urgency urgency, LocalizedText reason, LocalizedText advice) {
        return new Referral(new Finding(TriageLevel.IN_PERSON, reason, advice), urgency, MENTAL_HEALTH_CLINIC);
    }

    public TriageLevel level() {
        return finding.level();
    }
}
