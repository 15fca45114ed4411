package org.pediconsult.specialty.growth;

import java.util.List;

import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Question;
import org.pediconsult.specialty.api.Question.Option;
import org.pediconsult.specialty.api.Questionnaire;

/**
 * The growth and development pre-consultation questionnaire, version 1. Measurements are a dated
 * list because growth is judged on its course, not on one point; the static bounds only stop
 * obvious typos, age-aware plausibility is {@code validate()}'s job.
 */
final class GrowthQuestionnaire {
    static final String VERSION = "1";

    private GrowthQuestionnaire() {
    }

    static Questionnaire create() {
        return new Questionnaire(VERSION, List.of(
                Question.groupList("measurements", t("测量记录（含既往体检）", "Measurements (including earlier check-ups)"), true,
                        List.of(
                                Question.date("date", t("测量日期", "Date measured"), true),
                                Question.number("weightKg", t("体重", "Weight"), false, 0.5, 150, "kg"),
                                Question.number("lengthHeightCm", t("身长/身高", "Length/height"), false, 30, 220, "cm"),
                                Question.choice("position", t("测量体位", "Position when measured"), false, List.of(
                                        option("LYING", "卧位（身长）", "lying (length)"),
                                        option("STANDING", "立位（身高）", "standing (height)"))),
                                Question.number("headCm", t("头围", "Head circumference"), false, 25, 65, "cm"))),
                Question.number("motherHeightCm", t("母亲身高", "Mother's height"), false, 120, 220, "cm"),
                Question.number("fatherHeightCm", t("父亲身高", "Father's height"), false, 120, 220, "cm"),
                Question.multiChoice("pubertySigns", t("已出现的青春期体征", "Signs of puberty already present"), false, List.of(
                        option("BREAST_DEVELOPMENT", "乳房发育", "breast development"),
                        option("PUBIC_HAIR", "阴毛", "pubic hair"),
                        option("TESTICULAR_ENLARGEMENT", "睾丸增大", "testicular enlargement"),
                        option("MENARCHE", "月经初潮", "first menstrual period"),
                        option("VOICE_CHANGE", "变声", "voice change"))),
                Question.multiChoice("milestones", t("已达到的发育里程碑", "Milestones already reached"), false, List.of(
                        option("SOCIAL_SMILE", "社交性微笑", "social smile"),
                        option("SITS_WITHOUT_SUPPORT", "独坐", "sits without support"),
                        option("WALKS_ALONE", "独走", "walks alone"),
                        option("FIRST_WORDS", "说出第一个词", "first words"),
                        option("TWO_WORD_PHRASES", "说两个词的短语", "two-word phrases"))),
                Question.yesNo("developmentalRegression",
                        t("孩子是否失去了已经会的技能（如不再说话、不再走路）", "Has the child lost skills they had (e.g. stopped talking or walking)?"),
                        true),
                Question.yesNo("seizures", t("是否有过抽搐发作", "Has the child had seizures (fits)?"), false),
                Question.text("concerns", t("其他担心", "Other concerns"), false, 1000)));
    }

    private static LocalizedText t(String zh, String en) {
        return LocalizedText.of(zh, en);
    }

    private static Option option(String value, String zh, String en) {
        return new Option(value, LocalizedText.of(zh, en));
    }
}
