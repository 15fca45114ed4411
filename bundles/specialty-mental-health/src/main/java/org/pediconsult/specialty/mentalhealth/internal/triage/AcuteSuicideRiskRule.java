package org.pediconsult.specialty.mentalhealth.internal.triage;

import java.util.ArrayList;
import java.util.List;

import org.pediconsult.specialty.api.LocalizedText;

/**
 * Expressed current suicidal intent: EMERGENCY. NIMH ASQ pathway: a yes to question 5 ("thoughts of
 * killing yourself right now") is an acute positive screen, needing a STAT mental health and safety
 * evaluation, and the patient "cannot be left alone". The guardian's report that a child under 10 is in
 * danger of hurting themself now or today is treated alike. A video consult cannot keep the child safe
 * until evaluated: the guardian is sent to the emergency department with the child at once.
 */
public final class AcuteSuicideRiskRule {
    static final LocalizedText ADVICE = LocalizedText.of(
            "请立即陪在孩子身边，一刻也不要让孩子独处；移开药物、刀具、绳索等危险物品；马上拨打120或立即带孩子前往最近医院的急诊，"
                    + "说明需要精神心理危机评估。等待期间可拨打全国心理援助热线12356获得支持（热线不能代替120和急诊）",
            "stay with your child and do not leave them alone, not even for a moment; move medicines, knives, cords and "
                    + "other dangerous items out of reach; call 120 or take your child to the nearest emergency department "
                    + "now and ask for a mental health crisis assessment. While you wait you can call the national "
                    + "psychological assistance hotline 12356 for support (it does not replace 120 or the emergency department)");

    public List<Referral> evaluate(boolean asqAcutePositive, boolean guardianImmediateDanger) {
        List<Referral> out = new ArrayList<>();
        if (asqAcutePositive) {
            out.add(Referral.emergency(LocalizedText.of("ASQ急性阳性：孩子现在有自杀的念头",
                    "ASQ acute positive: the child has thoughts of killing themself right now"), ADVICE));
        }
        if (guardianImmediateDanger) {
            out.add(Referral.emergency(LocalizedText.of("监护人认为孩子现在或今天有伤害自己的危险",
                    "the guardian thinks the child is in danger of hurting themself now or today"), ADVICE));
        }
        return out;
    }
}
