package org.pediconsult.specialty.mentalhealth.internal.triage;

import java.util.Optional;

import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Urgency;
import org.pediconsult.specialty.mentalhealth.internal.PhqBand;

/**
 * Severe depressive symptoms: a PHQ-A total of 20 or more (the PHQ-9 "severe" band, Kroenke 2001):
 * IN_PERSON at a child and adolescent mental health clinic within 7 days. GLAD-PC Part II: severe
 * depression in adolescents calls for a mental health specialist's assessment and treatment, not
 * primary-care management alone; a video consult cannot start it.
 */
public final class SevereDepressionRule {
    static final LocalizedText ADVICE = LocalizedText.of(
            "请在7天内带孩子到儿童青少年精神心理门诊面诊，进行全面评估和治疗；如孩子出现想死或伤害自己的念头，请立即拨打120或前往急诊",
            "see a child and adolescent mental health clinic in person within 7 days for a full assessment and treatment; "
                    + "if your child has thoughts of dying or of hurting themself, call 120 or go to an emergency department at once");

    public Optional<Referral> evaluate(Integer phqTotal, boolean phqComplete) {
        if (phqTotal == null || !phqComplete || phqTotal < PhqBand.SEVERE.from) {
            return Optional.empty();
        }
        return Optional.of(Referral.mentalHealthClinic(Urgency.WITHIN_7_DAYS,
                // the score and its band are for the physician (Specialty.scores); the family reads what to do
                LocalizedText.of("筛查结果提示需要由精神心理专科医生面诊评估", "the screening suggests an in-person assessment by a mental health specialist"),
                ADVICE));
    }
}
