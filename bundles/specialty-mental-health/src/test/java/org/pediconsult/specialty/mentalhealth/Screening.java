package org.pediconsult.specialty.mentalhealth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.AssessmentInput.Sex;
import org.pediconsult.specialty.api.ChildContext;
import org.pediconsult.specialty.api.ChildContext.EarlierConsultation;
import org.pediconsult.specialty.api.Respondent;
import org.pediconsult.specialty.api.TriageLevel;

/**
 * Builds assessments for the tests: a child of a given age in completed months on {@link #ON}, the
 * answers a valid submission of that age carries (all no / "0" unless set), a respondent and earlier
 * consultations.
 */
final class Screening {
    static final LocalDate ON = LocalDate.of(2025, 6, 15);

    private final int ageMonths;
    private final Map<String, Object> answers = new HashMap<>();
    private Respondent respondent;
    private final List<EarlierConsultation> earlier = new ArrayList<>();

    private Screening(int ageMonths) {
        this.ageMonths = ageMonths;
        this.respondent = ageMonths >= 120 ? Respondent.CHILD : Respondent.GUARDIAN;
        answers.put("concerns", List.of("LOW_MOOD"));
        answers.put("concernWeeks", 4);
    }

    /** A child of this age with everything asked of that age answered "no" / "0". */
    static Screening aged(int years, int months) {
        Screening s = new Screening(years * 12 + months);
        int age = s.ageMonths;
        if (age >= 144 && age < 216) {
            for (int i = 1; i <= 9; i++) {
                s.answers.put("phq" + i, "0");
            }
            s.answers.put("pastMonthSeriousThoughts", false);
            s.answers.put("everAttempt", false);
        }
        if (age >= 120 && age < 216) {
            for (int i = 1; i <= 4; i++) {
                s.answers.put("asq" + i, false);
            }
        }
        if (age < 120) {
            s.answers.put("guardianSelfHarmTalk", false);
        }
        return s;
    }

    static Screening aged(int years) {
        return aged(years, 0);
    }

    Screening put(String id, Object value) {
        answers.put(id, value);
        return this;
    }

    Screening remove(String id) {
        answers.remove(id);
        return this;
    }

    /** PHQ-A items 1-8 filled to make {@code total} with item 9 given (3s first, then the remainder). */
    Screening phq(int total, int item9) {
        int rest = total - item9;
        if (rest < 0 || rest > 24 || item9 < 0 || item9 > 3) {
            throw new IllegalArgumentException(total + "/" + item9);
        }
        for (int i = 1; i <= 8; i++) {
            int v = Math.min(3, rest);
            rest -= v;
            answers.put("phq" + i, String.valueOf(v));
        }
        answers.put("phq9", String.valueOf(item9));
        return this;
    }

    Screening by(Respondent r) {
        this.respondent = r;
        return this;
    }

    Screening earlier(int daysAgo, TriageLevel level) {
        earlier.add(new EarlierConsultation(ON.minusDays(daysAgo), "INITIAL", "REFERRED", level, null));
        return this;
    }

    Map<String, Object> answers() {
        return answers;
    }

    int ageMonths() {
        return ageMonths;
    }

    AssessmentInput input() {
        LocalDate birth = ON.minusMonths(ageMonths);
        return new AssessmentInput(new ChildContext(Sex.FEMALE, birth, ON, respondent, List.of(), List.of(), earlier),
                answers);
    }
}
