package org.pediconsult.specialty.nutrition;

import java.util.List;

import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Question;
import org.pediconsult.specialty.api.Question.Option;
import org.pediconsult.specialty.api.Questionnaire;

/**
 * The nutrition pre-consultation questionnaire, version 1: one dated measurement with the position
 * (WHO corrects lying/standing by 0.7 cm), MUAC, oedema and the SAM complications the WHO 2013
 * guideline triages on (appetite test, dehydration). Static bounds stop obvious typos only;
 * {@code validate()} checks plausibility for the child's age.
 */
final class NutritionQuestionnaire {
    static final String VERSION = "1";

    private NutritionQuestionnaire() {
    }

    static Questionnaire create() {
        return new Questionnaire(VERSION, List.of(
                Question.date("date", t("测量日期", "Date measured"), true),
                Question.number("weightKg", t("体重", "Weight"), true, 0.5, 150, "kg"),
                Question.number("lengthHeightCm", t("身长/身高", "Length/height"), true, 30, 220, "cm"),
                Question.choice("position", t("测量体位", "Position when measured"), true, List.of(
                        option("LYING", "卧位（身长）", "lying (length)"),
                        option("STANDING", "立位（身高）", "standing (height)"))),
                Question.integer("muacMm", t("上臂围（左上臂中点）", "Mid-upper arm circumference (left arm)"), false, 60, 300, "mm"),
                Question.yesNo("bilateralOedema", t("双脚按压后是否留有凹陷（双侧水肿）", "Do both feet keep a dent after pressing (bilateral oedema)?"),
                        true),
                Question.choice("appetiteTest", t("食欲测试（即食治疗食品）", "Appetite test (ready-to-use therapeutic food)"), false,
                        List.of(option("PASSED", "通过", "passed"),
                                option("FAILED", "未通过", "failed"),
                                option("NOT_DONE", "未做", "not done"))),
                Question.integer("diarrhoeaDays", t("腹泻天数", "Days of diarrhoea"), false, 0, 60, "d"),
                Question.yesNo("dehydrationSigns",
                        t("是否有脱水表现（眼窝凹陷、口干、尿少、皮肤回缩慢）", "Signs of dehydration (sunken eyes, dry mouth, little urine, slow skin pinch)?"),
                        false),
                Question.text("dietNotes", t("饮食情况", "Diet notes"), false, 1000)));
    }

    private static LocalizedText t(String zh, String en) {
        return LocalizedText.of(zh, en);
    }

    private static Option option(String value, String zh, String en) {
        return new Option(value, LocalizedText.of(zh, en));
    }
}
