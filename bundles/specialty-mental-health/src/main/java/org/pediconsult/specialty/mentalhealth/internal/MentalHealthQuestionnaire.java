package org.pediconsult.specialty.mentalhealth.internal;

import java.util.ArrayList;
import java.util.List;

import org.pediconsult.specialty.api.CodedValue;
import org.pediconsult.specialty.api.Condition;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Question;
import org.pediconsult.specialty.api.Question.Option;
import org.pediconsult.specialty.api.Questionnaire;

/**
 * The mental-health screening questionnaire, version 1.
 *
 * <ul>
 * <li>Every child: the concerns and how long they have lasted (answered by the guardian).</li>
 * <li>12 to &lt;18 years: the PHQ-9 modified for teens (GLAD-PC form, "PHQ-A"), 9 items 0-3, the
 * difficulty item when any item is above 0, and two of its suicide supplementary questions.</li>
 * <li>10 to &lt;18 years: the NIMH Ask Suicide-Screening Questions (ASQ) 1-4, and the acuity question
 * 5 only after a yes to any of 1-4 (the NIMH pathway).</li>
 * <li>Under 10 years (no self-report): two guardian questions on self-harm talk and immediate danger.</li>
 * </ul>
 *
 * <p>The PHQ-A and ASQ items are self-report: the adolescent answers them, with the guardian present
 * ({@link MentalHealthValidation}). English texts are the instruments' own wording; the Chinese is
 * partly the team's working translation (see the README).
 */
public final class MentalHealthQuestionnaire {
    public static final String VERSION = "1";

    /** 12 years: the PHQ-A's lower age (Richardson 2010 validated 13-17; GLAD-PC uses it from 12). */
    public static final int PHQ_FROM_MONTHS = 144;
    /** 10 years: the ASQ's lower age (validated 10-21 years, Horowitz 2012). */
    public static final int ASQ_FROM_MONTHS = 120;
    /** 18 years: the pediatric platform's upper bound for self-report screening. */
    public static final int SELF_REPORT_TO_MONTHS = 216;

    public static final String CONCERNS = "concerns";
    public static final String CONCERNS_OTHER = "concernsOther";
    public static final String CONCERN_WEEKS = "concernWeeks";
    /** The concern that is always seen in person within 24 hours. */
    public static final String CONCERN_SELF_HARM = "SELF_HARM";
    public static final List<String> PHQ_ITEMS = List.of("phq1", "phq2", "phq3", "phq4", "phq5", "phq6", "phq7",
            "phq8", "phq9");
    public static final String PHQ_DIFFICULTY = "phqDifficulty";
    public static final String PAST_MONTH_SERIOUS_THOUGHTS = "pastMonthSeriousThoughts";
    public static final String EVER_ATTEMPT = "everAttempt";
    public static final List<String> ASQ_ITEMS = List.of("asq1", "asq2", "asq3", "asq4");
    public static final String ASQ_ACUITY = "asq5";
    public static final String GUARDIAN_SELF_HARM_TALK = "guardianSelfHarmTalk";
    public static final String GUARDIAN_IMMEDIATE_DANGER = "guardianImmediateDanger";

    /** The LOINC coding system as HL7 v2 names it. */
    private static final String LOINC = "LN";

    private static final LocalizedText PAST_TWO_WEEKS = t("在过去两个星期里，你有多少时候受到这个问题的困扰？",
            "How often have you been bothered by each of the following symptoms during the past two weeks?");

    private static final List<Option> FREQUENCY = List.of(
            option("0", "完全不会", "Not at all"),
            option("1", "好几天", "Several days"),
            option("2", "一半以上的天数", "More than half the days"),
            option("3", "几乎每天", "Nearly every day"));

    private MentalHealthQuestionnaire() {
    }

    public static Questionnaire create() {
        List<Question> qs = new ArrayList<>();
        qs.add(Question.multiChoice(CONCERNS, t("您（或孩子）目前最担心的是什么？", "What are you (or your child) worried about?"), true,
                List.of(option("LOW_MOOD", "情绪低落", "low mood"),
                        option("ANXIETY", "焦虑或担心", "anxiety or worry"),
                        option("SLEEP", "睡眠问题", "sleep"),
                        option("SCHOOL_AVOIDANCE", "不愿上学或逃避上学", "school refusal or avoidance"),
                        option("IRRITABILITY", "易怒或发脾气", "irritability or anger"),
                        option(CONCERN_SELF_HARM, "自伤或谈论死亡", "self-harm or talk of death"),
                        option("EATING", "进食问题", "eating"),
                        option("ATTENTION_BEHAVIOUR", "注意力或行为问题", "attention or behaviour"),
                        option("OTHER", "其他", "other")))
                .withHelp(t("可多选；医生会在视频问诊中详细了解。", "Choose all that apply; the doctor will ask about them in the video consult.")));
        qs.add(Question.text(CONCERNS_OTHER, t("其他担心（请简要说明）", "Other concern (in a few words)"), false, 500)
                .shownWhen(Condition.anyOf(CONCERNS, "OTHER")));
        qs.add(Question.integer(CONCERN_WEEKS, t("这些问题持续了多久？", "How long has this been going on?"), true, 0, 520, "wk")
                .withHelp(t("以周计；不足一周请填0。", "In weeks; 0 if less than a week.")));

        // PHQ-9 modified for teens (GLAD-PC). LOINC has the teen panel (89206-7) and its total score
        // (89204-2) but no item codes of the teen panel: each item carries the adult PHQ-9 item code of
        // the same symptom (the teen form's order differs: its item 1 is the adult item 2).
        qs.add(phq(1, "44255-8", "感到心情低落、沮丧、易怒或绝望？", "Feeling down, depressed, irritable, or hopeless?",
                "Feeling down, depressed, or hopeless"));
        qs.add(phq(2, "44250-9", "做事时提不起劲或没有兴趣？", "Little interest or pleasure in doing things?",
                "Little interest or pleasure in doing things"));
        qs.add(phq(3, "44259-0", "入睡困难、睡不安稳或睡眠过多？", "Trouble falling asleep, staying asleep, or sleeping too much?",
                "Trouble falling or staying asleep, or sleeping too much"));
        qs.add(phq(4, "44251-7", "食欲不振、体重减轻或吃太多？", "Poor appetite, weight loss, or overeating?",
                "Poor appetite or overeating"));
        qs.add(phq(5, "44254-1", "感觉疲倦或没有活力？", "Feeling tired or having little energy?",
                "Feeling tired or having little energy"));
        qs.add(phq(6, "44258-2", "觉得自己很糟——或觉得自己很失败，或让自己或家人失望？",
                "Feeling bad about yourself – or feeling that you are a failure, or that you have let yourself or your family down?",
                "Feeling bad about yourself"));
        qs.add(phq(7, "44252-5", "对事物专注有困难，例如做功课、阅读或看电视时？",
                "Trouble concentrating on things like school work, reading, or watching TV?",
                "Trouble concentrating on things"));
        qs.add(phq(8, "44253-3", "动作或说话速度缓慢到别人已经察觉？或正好相反——烦躁或坐立不安、动来动去的情况更胜于平常？",
                "Moving or speaking so slowly that other people could have noticed? Or the opposite – being so fidgety or "
                        + "restless that you were moving around a lot more than usual?",
                "Moving or speaking slowly, or being fidgety or restless"));
        qs.add(phq(9, "44260-8", "有不如死掉或用某种方式伤害自己的念头？",
                "Thoughts that you would be better off dead, or of hurting yourself in some way?",
                "Thoughts that you would be better off dead, or of hurting yourself"));
        Condition anyPhqAboveZero = Condition.either(PHQ_ITEMS.stream()
                .map(id -> Condition.anyOf(id, "1", "2", "3")).toArray(Condition[]::new));
        qs.add(Question.choice(PHQ_DIFFICULTY,
                        t("如果你有上述任何问题，这些问题在你学习、做家务或与他人相处上造成了多大的困难？",
                                "If you are experiencing any of the problems on this form, how difficult have these problems made it "
                                        + "for you to do your work, take care of things at home or get along with other people?"),
                        false, List.of(
                                option("NOT_DIFFICULT", "毫无困难", "Not difficult at all"),
                                option("SOMEWHAT", "有点困难", "Somewhat difficult"),
                                option("VERY", "非常困难", "Very difficult"),
                                option("EXTREMELY", "极度困难", "Extremely difficult")))
                .withCode(new CodedValue("69722-7", "PHQ-9 difficulty doing work, taking care of things, getting along", LOINC))
                .forAgeMonths(PHQ_FROM_MONTHS, SELF_REPORT_TO_MONTHS)
                .shownWhen(anyPhqAboveZero));
        qs.add(Question.yesNo(PAST_MONTH_SERIOUS_THOUGHTS,
                        t("在过去一个月里，你是否曾经认真地想过结束自己的生命？",
                                "Has there been a time in the past month when you have had serious thoughts about ending your life?"), true)
                .forAgeMonths(PHQ_FROM_MONTHS, SELF_REPORT_TO_MONTHS));
        qs.add(Question.yesNo(EVER_ATTEMPT,
                        t("在你的一生中，你是否曾经试图自杀或有过自杀行为？",
                                "Have you EVER, in your WHOLE LIFE, tried to kill yourself or made a suicide attempt?"), true)
                .forAgeMonths(PHQ_FROM_MONTHS, SELF_REPORT_TO_MONTHS));

        // NIMH Ask Suicide-Screening Questions; no LOINC panel or item codes exist for the ASQ.
        LocalizedText asqHelp = t("请回答“是”或“否”。", "Answer yes or no.");
        qs.add(asq("asq1", "在过去几周里，你是否希望自己已经死了？", "In the past few weeks, have you wished you were dead?", asqHelp));
        qs.add(asq("asq2", "在过去几周里，你是否觉得如果你死了，你自己或你的家人会过得更好？",
                "In the past few weeks, have you felt that you or your family would be better off if you were dead?", asqHelp));
        qs.add(asq("asq3", "在过去一周里，你是否有过想要自杀的念头？",
                "In the past week, have you been having thoughts about killing yourself?", asqHelp));
        qs.add(asq("asq4", "你是否曾经试图自杀？", "Have you ever tried to kill yourself?",
                t("如果是：用什么方式？什么时候？医生会在问诊时询问。", "If yes: how? when? The doctor will ask during the consult.")));
        qs.add(Question.yesNo(ASQ_ACUITY, t("你现在有想要自杀的念头吗？", "Are you having thoughts of killing yourself right now?"), true)
                .withHelp(t("如果是，请马上告诉在你身边的大人。", "If yes, tell the adult with you straight away."))
                .forAgeMonths(ASQ_FROM_MONTHS, SELF_REPORT_TO_MONTHS)
                .shownWhen(Condition.either(ASQ_ITEMS.stream().map(id -> Condition.equalTo(id, true)).toArray(Condition[]::new))));

        // Under 10 years: no self-report instrument; the guardian is asked directly.
        qs.add(Question.yesNo(GUARDIAN_SELF_HARM_TALK,
                        t("孩子是否说过想死或想伤害自己，或曾经故意伤害过自己？",
                                "Has your child talked about wanting to die or about hurting themself, or hurt themself on purpose?"), true)
                .forAgeMonths(null, ASQ_FROM_MONTHS));
        qs.add(Question.yesNo(GUARDIAN_IMMEDIATE_DANGER,
                        t("您是否认为孩子现在或今天有伤害自己的危险？", "Do you think your child is in danger of hurting themself now or today?"),
                        true)
                .withHelp(t("如果是，请不要让孩子独处。", "If yes, do not leave your child alone."))
                .forAgeMonths(null, ASQ_FROM_MONTHS)
                .shownWhen(Condition.equalTo(GUARDIAN_SELF_HARM_TALK, true)));
        return new Questionnaire(VERSION, qs);
    }

    private static Question phq(int n, String adultLoinc, String zh, String en, String codeText) {
        return Question.choice("phq" + n, t(zh, en), true, FREQUENCY)
                .withCode(new CodedValue(adultLoinc, "PHQ-9 item: " + codeText, LOINC))
                .withHelp(PAST_TWO_WEEKS)
                .forAgeMonths(PHQ_FROM_MONTHS, SELF_REPORT_TO_MONTHS);
    }

    private static Question asq(String id, String zh, String en, LocalizedText help) {
        return Question.yesNo(id, t(zh, en), true).withHelp(help).forAgeMonths(ASQ_FROM_MONTHS, SELF_REPORT_TO_MONTHS);
    }

    private static LocalizedText t(String zh, String en) {
        return LocalizedText.of(zh, en);
    }

    private static Option option(String value, String zh, String en) {
        return new Option(value, LocalizedText.of(zh, en));
    }
}
