package org.pediconsult.specialty.mentalhealth.internal.triage;

import java.util.ArrayList;
import java.util.List;

import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Urgency;

/**
 * Suicide risk without expressed current intent: IN_PERSON at a child and adolescent mental health
 * clinic within 24 hours. NIMH ASQ pathway: a non-acute positive screen (a yes to any of 1-4, no to
 * 5) needs a brief suicide safety assessment and, if called for, a full mental health evaluation;
 * GLAD-PC and the PHQ-A's own footer: any thought of being better off dead or of self-harm (item 9
 * of 1 or more), serious thoughts of ending one's life in the past month, or a suicide attempt in the
 * child's life must never be scored silently. For a child under 10 the guardian's report of talk of
 * wanting to die or of self-harm (without immediate danger) is treated alike. Each criterion found
 * is its own reason.
 */
public final class SuicideRiskRule {
    static final LocalizedText ADVICE = LocalizedText.of(
            "请在24小时内带孩子到儿童青少年精神心理门诊面诊，做自杀风险安全评估；在此之前请家人陪伴孩子，收好药物、刀具等危险物品；"
                    + "如孩子想自杀的念头加重或伤害自己，请立即拨打120或前往急诊。需要倾诉或支持可拨打全国心理援助热线12356",
            "see a child and adolescent mental health clinic in person within 24 hours for a suicide safety assessment; "
                    + "until then keep your child with family and lock away medicines, knives and other dangerous items; "
                    + "if thoughts of suicide get worse or your child hurts themself, call 120 or go to an emergency "
                    + "department at once. For support you can call the national psychological assistance hotline 12356");

    /**
     * @param asqNonAcutePositive a yes to any of ASQ 1-4 and no to ASQ 5
     * @param phqItem9 PHQ-A item 9, or null when not asked
     * @param pastMonthSeriousThoughts PHQ-A supplementary question
     * @param everAttempt PHQ-A supplementary question (a lifetime attempt)
     * @param guardianSelfHarmTalk the guardian's report for a child under 10
     * @param guardianImmediateDanger the guardian's report of danger now (then {@link AcuteSuicideRiskRule} applies)
     */
    public List<Referral> evaluate(boolean asqNonAcutePositive, Integer phqItem9, boolean pastMonthSeriousThoughts,
                                   boolean everAttempt, boolean guardianSelfHarmTalk, boolean guardianImmediateDanger) {
        List<Referral> out = new ArrayList<>();
        if (asqNonAcutePositive) {
            out.add(referral("ASQ非急性阳性：近期有死亡或自杀的想法，或曾经试图自杀，目前没有自杀念头",
                    "ASQ non-acute positive: recent thoughts of death or suicide, or a past attempt, without current thoughts of suicide"));
        }
        if (phqItem9 != null && phqItem9 >= 1) {
            out.add(referral("PHQ-A第9题：有不如死掉或伤害自己的念头",
                    "PHQ-A item 9: thoughts of being better off dead or of self-harm"));
        }
        if (pastMonthSeriousThoughts) {
            out.add(referral("过去一个月内曾认真想过结束自己的生命", "serious thoughts of ending their life in the past month"));
        }
        if (everAttempt) {
            out.add(referral("曾经试图自杀", "a suicide attempt at some time in their life"));
        }
        if (guardianSelfHarmTalk && !guardianImmediateDanger) {
            out.add(referral("监护人报告孩子说过想死或想伤害自己，或曾故意伤害自己",
                    "the guardian reports the child has talked about wanting to die or hurting themself, or has hurt themself"));
        }
        return out;
    }

    private static Referral referral(String zh, String en) {
        return Referral.mentalHealthClinic(Urgency.WITHIN_24_HOURS, LocalizedText.of(zh, en), ADVICE);
    }
}
