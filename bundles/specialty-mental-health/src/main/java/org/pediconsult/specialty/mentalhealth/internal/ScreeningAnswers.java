package org.pediconsult.specialty.mentalhealth.internal;

import static org.pediconsult.specialty.mentalhealth.internal.MentalHealthQuestionnaire.ASQ_ACUITY;
import static org.pediconsult.specialty.mentalhealth.internal.MentalHealthQuestionnaire.ASQ_ITEMS;
import static org.pediconsult.specialty.mentalhealth.internal.MentalHealthQuestionnaire.EVER_ATTEMPT;
import static org.pediconsult.specialty.mentalhealth.internal.MentalHealthQuestionnaire.GUARDIAN_IMMEDIATE_DANGER;
import static org.pediconsult.specialty.mentalhealth.internal.MentalHealthQuestionnaire.GUARDIAN_SELF_HARM_TALK;
import static org.pediconsult.specialty.mentalhealth.internal.MentalHealthQuestionnaire.PAST_MONTH_SERIOUS_THOUGHTS;
import static org.pediconsult.specialty.mentalhealth.internal.MentalHealthQuestionnaire.PHQ_ITEMS;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.Question;

/**
 * The answers of one assessment as the rules read them: only the answers of questions asked of this
 * child ({@link Question#askedOf}: age band and condition), so an answer the platform should have
 * refused (or an old assessment of another shape) can never drive a score or a triage. A missing or
 * mistyped answer reads as absent.
 */
public final class ScreeningAnswers {
    private final Set<String> asked;
    private final Map<String, Object> answers;

    private ScreeningAnswers(Set<String> asked, Map<String, Object> answers) {
        this.asked = asked;
        this.answers = answers;
    }

    public static ScreeningAnswers of(AssessmentInput input, List<Question> questions) {
        int age = input.ageInMonths();
        Set<String> asked = new HashSet<>();
        Map<String, Object> answers = new HashMap<>();
        for (Question q : questions) {
            if (q.askedOf(age, input.answers, questions)) {
                asked.add(q.id);
                Object v = input.answers.get(q.id);
                if (v != null) {
                    answers.put(q.id, v);
                }
            }
        }
        return new ScreeningAnswers(asked, answers);
    }

    /** Whether the question was asked of this child. */
    public boolean asked(String id) {
        return asked.contains(id);
    }

    /** True, false, or null when not asked or not answered. */
    public Boolean yesNo(String id) {
        Object v = answers.get(id);
        return v instanceof Boolean ? (Boolean) v : null;
    }

    public boolean isYes(String id) {
        return Boolean.TRUE.equals(yesNo(id));
    }

    /** A PHQ item's 0-3, or null when not asked, not answered or not one of "0".."3". */
    public Integer phqItem(String id) {
        Object v = answers.get(id);
        if (v instanceof String && ((String) v).length() == 1) {
            char c = ((String) v).charAt(0);
            return c >= '0' && c <= '3' ? c - '0' : null;
        }
        return null;
    }

    /** Whether the PHQ-A items were asked of this child (its age band). */
    public boolean phqAsked() {
        return asked(PHQ_ITEMS.get(0));
    }

    /** How many of the nine PHQ-A items were answered. */
    public int phqAnswered() {
        return (int) PHQ_ITEMS.stream().filter(id -> phqItem(id) != null).count();
    }

    /** The PHQ-A total (sum of the answered items 1-9), or null when the items were not asked. */
    public Integer phqTotal() {
        if (!phqAsked()) {
            return null;
        }
        return PHQ_ITEMS.stream().map(this::phqItem).filter(v -> v != null).mapToInt(Integer::intValue).sum();
    }

    /** PHQ-A item 9 (thoughts of being better off dead or of self-harm), or null. */
    public Integer phqItem9() {
        return phqItem(PHQ_ITEMS.get(8));
    }

    public boolean pastMonthSeriousThoughts() {
        return isYes(PAST_MONTH_SERIOUS_THOUGHTS);
    }

    public boolean everAttempt() {
        return isYes(EVER_ATTEMPT);
    }

    /** Whether the ASQ was asked of this child (its age band). */
    public boolean asqAsked() {
        return asked(ASQ_ITEMS.get(0));
    }

    /** How many of ASQ 1-4 were answered yes. */
    public int asqYes() {
        return (int) ASQ_ITEMS.stream().filter(this::isYes).count();
    }

    /** How many of ASQ 1-4 were answered. */
    public int asqAnswered() {
        return (int) ASQ_ITEMS.stream().filter(id -> yesNo(id) != null).count();
    }

    /** ASQ 5 (thoughts of killing oneself right now): asked only after a yes to 1-4. */
    public boolean asqAcuity() {
        return isYes(ASQ_ACUITY);
    }

    /** The concerns ticked (asked of everyone); empty when absent. */
    public java.util.Set<String> concerns() {
        return org.pediconsult.specialty.api.Answers.choices(answers, MentalHealthQuestionnaire.CONCERNS);
    }

    public boolean guardianSelfHarmTalk() {
        return isYes(GUARDIAN_SELF_HARM_TALK);
    }

    public boolean guardianImmediateDanger() {
        return isYes(GUARDIAN_IMMEDIATE_DANGER);
    }
}
