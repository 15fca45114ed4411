package org.pediconsult.specialty.mentalhealth.internal;

import java.util.ArrayList;
import java.util.List;

import org.pediconsult.specialty.api.Answers;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.FieldProblem;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Respondent;

/**
 * Checks beyond the questionnaire's bounds, answered as 400 before scoring and triage. Names the
 * field, never a value.
 *
 * <ul>
 * <li>{@code respondent}: the PHQ-A and the ASQ are self-report instruments, validated as answered by
 * the adolescent (Johnson 2002, Richardson 2010, Horowitz 2012); a guardian's answers for a child of
 * 10 to &lt;18 years are refused. Under 10 years the questions are the guardian's, so a child cannot
 * answer them.</li>
 * <li>{@code answers.concernWeeks}: not longer than the child has lived.</li>
 * </ul>
 */
public final class MentalHealthValidation {

    public List<FieldProblem> check(AssessmentInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        int age = input.ageInMonths();
        boolean selfReport = age >= MentalHealthQuestionnaire.ASQ_FROM_MONTHS && age < MentalHealthQuestionnaire.SELF_REPORT_TO_MONTHS;
        if (selfReport && input.respondent() == Respondent.GUARDIAN) {
            problems.add(new FieldProblem("respondent", LocalizedText.of(
                    "孩子已满10岁：抑郁筛查（PHQ-A）和自杀风险筛查（ASQ）问题须由孩子本人在监护人陪同下回答；请把手机交给孩子作答，并在提交时选择由孩子本人回答",
                    "the child is 10 or older: the depression (PHQ-A) and suicide-risk (ASQ) screening questions must be "
                            + "answered by the child themself, with the guardian present; hand the phone to the child and "
                            + "submit with the child as the respondent")));
        } else if (age < MentalHealthQuestionnaire.ASQ_FROM_MONTHS && input.respondent() == Respondent.CHILD) {
            problems.add(new FieldProblem("respondent", LocalizedText.of(
                    "孩子未满10岁：本问卷的问题由监护人回答；请在提交时选择由监护人回答",
                    "the child is under 10: the questions of this questionnaire are for the guardian to answer; "
                            + "submit with the guardian as the respondent")));
        }
        Integer weeks = Answers.integer(input.answers, MentalHealthQuestionnaire.CONCERN_WEEKS);
        if (weeks != null && (long) weeks * 7 > input.ageInDays()) {
            problems.add(new FieldProblem("answers." + MentalHealthQuestionnaire.CONCERN_WEEKS, LocalizedText.of(
                    "持续时间不能长于孩子的年龄；请以周为单位填写",
                    "cannot be longer than the child has lived; give the duration in weeks")));
        }
        return problems;
    }
}
