package org.pediconsult.specialty.mentalhealth.internal.triage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.pediconsult.specialty.api.ChildContext.EarlierConsultation;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.Urgency;

/**
 * A recent crisis referral: an earlier consultation of the child in this specialty triaged EMERGENCY
 * and dated within the last {@value #WINDOW_DAYS} days of this assessment (inclusive). The weeks after
 * a suicidal crisis carry the highest risk of a new attempt, whatever today's answers say: IN_PERSON
 * follow-up at the child and adolescent mental health clinic within 72 hours, not a video consult.
 */
public final class RecentCrisisRule {
    public static final int WINDOW_DAYS = 90;

    static final LocalizedText ADVICE = LocalizedText.of(
            "孩子近期因精神心理危机被转诊急诊：请在72小时内到儿童青少年精神心理门诊面诊复查",
            "a recent crisis referral: follow up in person at a child and adolescent mental health clinic within 72 hours");

    public Optional<Referral> evaluate(List<EarlierConsultation> earlier, LocalDate assessedOn) {
        LocalDate from = assessedOn.minusDays(WINDOW_DAYS);
        boolean recent = earlier.stream().anyMatch(e -> e.triageLevel() == TriageLevel.EMERGENCY && e.date() != null
                && !e.date().isBefore(from) && !e.date().isAfter(assessedOn));
        if (!recent) {
            return Optional.empty();
        }
        return Optional.of(Referral.mentalHealthClinic(Urgency.WITHIN_72_HOURS,
                LocalizedText.of("近90天内曾因危机被转诊急诊", "a crisis (emergency) referral in the last 90 days"), ADVICE));
    }
}
