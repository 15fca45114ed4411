package com.example.hello.sleep;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.pediconsult.specialty.api.Answers;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.CodedValue;
import org.pediconsult.specialty.api.Condition;
import org.pediconsult.specialty.api.FieldProblem;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Question;
import org.pediconsult.specialty.api.Questionnaire;
import org.pediconsult.specialty.api.Score;
import org.pediconsult.specialty.api.Specialty;
import org.pediconsult.specialty.api.TriageResult;

/**
 * Specialty {@code hello-sleep}: a four-question screen for sleep problems (睡眠问题筛查), the smallest
 * complete example of the PediConsult specialty SPI 2 (package {@code org.pediconsult.specialty.api} 1.4).
 * Its rules illustrate the API; they are not clinical advice.
 *
 * <p>One OSGi service, no state, no I/O: the platform calls it from many threads.
 */
@Component(service = Specialty.class)
public final class HelloSleepSpecialty implements Specialty {
    /** Stable: stored with every consultation, listed in {@code pilot.specialties}. */
    static final String ID = "hello-sleep";
    /** Local codes (HL7 "L"): the hospital maps them; use LOINC ("LN") where a code exists. */
    private static final String LOCAL = "L";

    static final Questionnaire QUESTIONNAIRE = new Questionnaire("1", List.of(
            Question.integer("sleepHours", LocalizedText.of("24小时内的睡眠时间", "Hours of sleep in 24 hours"),
                            true, 0, 24, "h")
                    .withCode(new CodedValue("HELLO-SLEEP-HOURS", "Hours of sleep in 24 hours", LOCAL))
                    .withHelp(LocalizedText.of("包括白天小睡；取最近一周的平均值",
                            "Include daytime naps; the average of the last week")),
            Question.yesNo("snoring", LocalizedText.of("每周至少3晚打鼾", "Snores on 3 or more nights a week"), true),
            // asked (and then required) only when snoring is answered yes; otherwise it must not be answered
            Question.yesNo("breathingPauses", LocalizedText.of("睡眠中有呼吸暂停、憋气或喘息",
                            "Pauses in breathing, choking or gasping during sleep"), true)
                    .shownWhen(Condition.equalTo("snoring", true)),
            // asked of children of 6 years (72 completed months) and older only
            Question.yesNo("sleepyInClass", LocalizedText.of("白天上课或阅读时犯困", "Sleepy in class or while reading"), true)
                    .forAgeMonths(72, null)));

    /** The yes/no items the example count adds up. */
    private static final List<String> COUNTED = List.of("snoring", "breathingPauses", "sleepyInClass");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("睡眠问题（示例）", "Sleep problems (example)");
    }

    @Override
    public Questionnaire questionnaire() {
        return QUESTIONNAIRE;
    }

    /** Beyond the static bounds (0-24 h): a check that needs the child's age. Never quotes the value. */
    @Override
    public List<FieldProblem> validate(AssessmentInput assessment) {
        Integer hours = Answers.integer(assessment.answers, "sleepHours");
        if (hours != null && hours > 18 && assessment.ageInMonths() >= 12) {
            return List.of(new FieldProblem("answers.sleepHours", LocalizedText.of(
                    "1岁以上儿童每天睡眠超过18小时并不常见，请核对后重新填写",
                    "more than 18 hours of sleep a day is unusual after the first birthday: please check the answer")));
        }
        return List.of();
    }

    /** Shown to the physician only, never to the guardian. */
    @Override
    public List<Score> scores(AssessmentInput assessment) {
        int yes = 0;
        int answered = 0;
        for (String id : COUNTED) {
            if (assessment.answers.containsKey(id)) {
                answered++;
                yes += Answers.isTrue(assessment.answers, id) ? 1 : 0;
            }
        }
        LocalizedText band = yes == 0 ? LocalizedText.of("未报告问题", "no problem reported")
                : LocalizedText.of("报告了问题", "problems reported");
        return List.of(new Score("hello-sleep-count",
                LocalizedText.of("睡眠问题计数（示例，非标准量表）", "Sleep problem count (example, not a validated instrument)"),
                null, yes, (double) COUNTED.size(), band, answered, COUNTED.size()));
    }

    @Override
    public TriageResult triage(AssessmentInput assessment) {
        return SleepTriage.triage(assessment);
    }

    /** Nothing is prescribed online under this specialty. */
    @Override
    public List<FormularyEntry> formulary() {
        return List.of();
    }

    @Override
    public LocalizedText noteTemplate() {
        return LocalizedText.of("主诉：\n睡眠情况：\n评估：\n计划：", "Complaint:\nSleep history:\nAssessment:\nPlan:");
    }

    @Override
    public CodedValue hl7Coding() {
        return new CodedValue("HELLO-SLEEP", "Pediatric sleep (example)", LOCAL);
    }
}
