package org.pediconsult.consultation.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.Problem.FieldError;
import org.pediconsult.specialty.api.CodedValue;
import org.pediconsult.specialty.api.Condition;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Question;
import org.pediconsult.specialty.api.Questionnaire;

class QuestionnaireValidatorTest {
    private static final LocalizedText L = LocalizedText.of("题", "q");
    private static final int TEN_YEARS = 120;
    private static final int FOUR_YEARS = 48;

    /** An ASQ-like shape: four yes/no items for 10 years and up, a fifth asked only after a yes, a guardian item for the young. */
    private final Questionnaire questionnaire = new Questionnaire("1", List.of(
            Question.yesNo("a1", L, true).forAgeMonths(120, 216).withCode(new CodedValue("X-1", "item", "LN")),
            Question.yesNo("a2", L, true).forAgeMonths(120, 216).withHelp(LocalizedText.of("帮助", "help")),
            Question.yesNo("a5", L, true).forAgeMonths(120, 216)
                    .shownWhen(Condition.either(Condition.equalTo("a1", true), Condition.equalTo("a2", true))),
            Question.yesNo("young", L, true).forAgeMonths(null, 120),
            Question.integer("days", L, false, 0, 30, "d"),
            Question.text("detail", L, true, 100).shownWhen(Condition.atLeast("days", 7))));

    private final QuestionnaireValidator validator = new QuestionnaireValidator();

    private Map<String, String> problems(Map<String, Object> answers, int age) {
        List<FieldError> errors = validator.validate(questionnaire, answers, age);
        return errors.stream().collect(Collectors.toMap(e -> e.field, e -> e.detail + " | " + e.detailZh));
    }

    @Test
    void aConditionalQuestionIsRequiredOnlyWhenItsConditionHolds() {
        assertEquals(Map.of(), problems(Map.of("a1", false, "a2", false), TEN_YEARS));
        Map<String, String> missing = problems(Map.of("a1", false, "a2", true), TEN_YEARS);
        assertEquals(Map.of("answers.a5", "is required | 必填"), missing);
        assertEquals(Map.of(), problems(Map.of("a1", false, "a2", true, "a5", false), TEN_YEARS));
    }

    @Test
    void anAnswerToAQuestionNotAskedIsRefusedInBothLanguages() {
        Map<String, String> p = problems(Map.of("a1", false, "a2", false, "a5", true), TEN_YEARS);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get("answers.a5").startsWith("is not asked with these answers"), p.toString());
        assertTrue(p.get("answers.a5").contains("请勿填写"), p.toString());
    }

    @Test
    void ageBandsDecideWhatIsAskedAndRequired() {
        assertEquals(Map.of(), problems(Map.of("young", false), FOUR_YEARS));
        Map<String, String> p = problems(Map.of("young", false, "a1", true), FOUR_YEARS);
        assertTrue(p.get("answers.a1").startsWith("is not asked at this child's age"), p.toString());
        assertEquals(Map.of("answers.a1", "is required | 必填", "answers.a2", "is required | 必填"),
                problems(Map.of(), TEN_YEARS));
        assertEquals("is required | 必填", problems(Map.of(), FOUR_YEARS).get("answers.young"));
    }

    @Test
    void aNumericConditionAndTheOldChecksStillApply() {
        Map<String, Object> answers = new HashMap<>(Map.of("young", false, "days", 3));
        assertEquals(Map.of(), problems(answers, FOUR_YEARS));
        answers.put("days", 9);
        assertEquals("is required | 必填", problems(answers, FOUR_YEARS).get("answers.detail"));
        answers.put("detail", "x".repeat(101));
        assertEquals("must be at most 100 characters | 最多100个字", problems(answers, FOUR_YEARS).get("answers.detail"));
        answers.put("days", 31);
        answers.remove("detail");
        assertEquals("must be between 0 and 30 d | 必须在0至30 d之间", problems(answers, FOUR_YEARS).get("answers.days"));
        answers.put("bogus", 1);
        assertTrue(problems(answers, FOUR_YEARS).containsKey("answers.bogus"));
    }
}
