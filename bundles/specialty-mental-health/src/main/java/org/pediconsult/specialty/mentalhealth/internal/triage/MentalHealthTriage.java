package org.pediconsult.specialty.mentalhealth.internal.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.Destination;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.TriageResult;
import org.pediconsult.specialty.api.Urgency;
import org.pediconsult.specialty.mentalhealth.internal.AsqResult;
import org.pediconsult.specialty.mentalhealth.internal.MentalHealthQuestionnaire;
import org.pediconsult.specialty.mentalhealth.internal.PhqBand;
import org.pediconsult.specialty.mentalhealth.internal.ScreeningAnswers;

/**
 * The mental-health triage: acute suicide risk (EMERGENCY), suicide risk (IN_PERSON within 24 h),
 * a recent crisis referral (IN_PERSON within 72 h), severe depressive symptoms (IN_PERSON within 7
 * days); otherwise REMOTE_OK with advice by the PHQ-A band. The most urgent level wins and every
 * reason is listed ({@link TriageResult#mostUrgent}); the urgency is the most urgent of the findings at
 * that level, the destination that finding's.
 */
public final class MentalHealthTriage {
    static final LocalizedText SELF_HARM_CONCERN = LocalizedText.of("担心孩子自伤或谈论死亡",
            "self-harm or talk of death is among the concerns");
    private final AcuteSuicideRiskRule acute;
    private final SuicideRiskRule suicideRisk;
    private final RecentCrisisRule recentCrisis;
    private final SevereDepressionRule severeDepression;

    public MentalHealthTriage(AcuteSuicideRiskRule acute, SuicideRiskRule suicideRisk, RecentCrisisRule recentCrisis,
                              SevereDepressionRule severeDepression) {
        this.acute = acute;
        this.suicideRisk = suicideRisk;
        this.recentCrisis = recentCrisis;
        this.severeDepression = severeDepression;
    }

    public TriageResult triage(AssessmentInput input, ScreeningAnswers a) {
        AsqResult asq = AsqResult.of(a);
        List<Referral> referrals = new ArrayList<>();
        referrals.addAll(acute.evaluate(asq == AsqResult.ACUTE_POSITIVE, a.guardianImmediateDanger()));
        referrals.addAll(suicideRisk.evaluate(asq == AsqResult.NON_ACUTE_POSITIVE, a.phqItem9(),
                a.pastMonthSeriousThoughts(), a.everAttempt(), a.guardianSelfHarmTalk(), a.guardianImmediateDanger()));
        recentCrisis.evaluate(input.context.earlier, input.assessedOn).ifPresent(referrals::add);
        severeDepression.evaluate(a.phqTotal(), a.phqAnswered() == MentalHealthQuestionnaire.PHQ_ITEMS.size())
                .ifPresent(referrals::add);
        if (a.concerns().contains(MentalHealthQuestionnaire.CONCERN_SELF_HARM)) {
            // at any age, whatever the instruments said: self-harm or talk of death named as a concern is seen in person
            referrals.add(Referral.mentalHealthClinic(Urgency.WITHIN_24_HOURS, SELF_HARM_CONCERN, SuicideRiskRule.ADVICE));
        }
        return fold(referrals, remoteAdvice(a));
    }

    /** {@link TriageResult#mostUrgent}, with the urgency and destination of the most urgent referral at the winning level. */
    static TriageResult fold(List<Referral> referrals, LocalizedText adviceWhenNothingFound) {
        TriageResult result = TriageResult.mostUrgent(
                referrals.stream().map(Referral::finding).collect(Collectors.toList()), adviceWhenNothingFound);
        if (result.level == TriageLevel.REMOTE_OK) {
            return result;
        }
        Urgency urgency = null;
        Destination destination = null;
        for (Referral r : referrals) {
            if (r.level() == result.level && (urgency == null || r.urgency().max(urgency) != urgency)) {
                urgency = r.urgency();
                destination = r.destination();
            }
        }
        return result.withUrgency(urgency).withDestination(destination);
    }

    /** Nothing found: what to do in the video consult, by PHQ-A band where it was asked. */
    static LocalizedText remoteAdvice(ScreeningAnswers a) {
        String safetyZh = "如孩子说想死、伤害自己，或您担心孩子的安全，请立即拨打120或前往急诊";
        String safetyEn = "if your child talks about wanting to die, hurts themself, or you fear for their safety, "
                + "call 120 or go to an emergency department at once";
        Integer total = a.phqTotal();
        if (total == null || a.phqAnswered() < MentalHealthQuestionnaire.PHQ_ITEMS.size()) {
            return LocalizedText.of("可以在线问诊：医生会在视频问诊中了解孩子的情绪、睡眠、学习和行为，并给出建议；" + safetyZh,
                    "suitable for an online consult: the doctor will ask about mood, sleep, school and behaviour in the "
                            + "video consult and advise you; " + safetyEn);
        }
        switch (PhqBand.of(total)) {
            // no band words here: the family reads this; the score and its band are for the physician (Specialty.scores)
            case NONE_MINIMAL:
            case MILD:
                return LocalizedText.of("可以在线问诊：医生会在视频问诊中和你们讨论筛查结果与你们的担心，并给出支持建议；" + safetyZh,
                        "suitable for an online consult: the doctor will discuss the screening and your concerns in the "
                                + "video consult and advise on support; " + safetyEn);
            default:
                return LocalizedText.of("可以在线问诊：请在视频问诊中与医生详细讨论筛查结果，并一起制订随访计划（可能需要转诊精神心理专科）；"
                                + safetyZh,
                        "suitable for an online consult: discuss the screening in detail with the doctor in the video "
                                + "consult and plan follow-up together (a referral to a mental health specialist may be "
                                + "needed); " + safetyEn);
        }
    }
}
