package org.pediconsult.specialty.dermatology.internal;

import java.util.List;

import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Question;
import org.pediconsult.specialty.api.Questionnaire;

/**
 * The rash questionnaire, version 1. Each yes/no question asks for exactly one red-flag sign in
 * words a guardian can check at home (the glass test for non-blanching spots), so triage never has
 * to interpret free text. Question ids are the triage rules' vocabulary: change them only with a new
 * questionnaire version.
 */
public final class DermatologyQuestionnaire {
    public static final String VERSION = "1";
    public static final String PHOTOS = "photos";
    public static final String RASH_DAYS = "rashDays";
    public static final String FEVER = "fever";
    public static final String TEMPERATURE_C = "temperatureC";
    public static final String NON_BLANCHING_SPOTS = "nonBlanchingSpots";
    public static final String MUCOSAL_INVOLVEMENT = "mucosalInvolvement";
    public static final String BLISTERING = "blistering";
    public static final String RAPIDLY_SPREADING_REDNESS = "rapidlySpreadingRedness";
    public static final String ECZEMA_HERPETICUM_SIGNS = "eczemaWithPainfulPunchedOutSores";
    public static final String ITCH = "itch";
    public static final String LOCATION = "location";
    public static final String NOTES = "notes";
    /** Photos per assessment: enough for close-up and overview of two sites. */
    public static final int MAX_PHOTOS = 5;

    private DermatologyQuestionnaire() {
    }

    public static Questionnaire build() {
        return new Questionnaire(VERSION, List.of(
                Question.photos(PHOTOS, LocalizedText.of("皮疹照片（1–5张，JPEG或PNG，含近景和全景）",
                        "Photos of the rash (1–5, JPEG or PNG, a close-up and an overview)"), true, MAX_PHOTOS),
                Question.integer(RASH_DAYS, LocalizedText.of("皮疹出现几天了", "Days since the rash appeared"),
                        true, 0, 365, "d"),
                Question.yesNo(FEVER, LocalizedText.of("是否发热（体温 ≥ 38 °C）", "Fever (38 °C or higher)"), true),
                Question.number(TEMPERATURE_C, LocalizedText.of("最高体温（发热时必填）",
                        "Highest temperature (required with fever)"), false, 34, 43, "°C"),
                Question.yesNo(NON_BLANCHING_SPOTS, LocalizedText.of(
                        "玻璃杯试验：用透明玻璃杯侧面用力按压皮疹，红点或紫斑仍然清楚可见、不褪色吗？",
                        "Glass test: press the side of a clear glass firmly on the rash. Do the spots stay "
                                + "visible (do not fade)?"), true),
                Question.yesNo(MUCOSAL_INVOLVEMENT, LocalizedText.of("口腔、眼睛或生殖器是否有溃疡、疼痛或明显发红",
                        "Sores, pain or marked redness of the mouth, eyes or genitals?"), true),
                Question.yesNo(BLISTERING, LocalizedText.of("是否有水疱、大疱或皮肤剥脱",
                        "Blisters or skin peeling off?"), true),
                Question.yesNo(RAPIDLY_SPREADING_REDNESS, LocalizedText.of("红肿热痛的范围是否在数小时内快速扩大",
                        "Red, warm, painful skin spreading quickly (within hours)?"), true),
                Question.yesNo(ECZEMA_HERPETICUM_SIGNS, LocalizedText.of(
                        "原有湿疹处是否突然出现成簇的疼痛性小水疱或凿孔样小溃疡",
                        "On eczema: sudden clusters of painful blisters or small punched-out sores?"), true),
                Question.yesNo(ITCH, LocalizedText.of("是否瘙痒", "Itchy?"), false),
                Question.multiChoice(LOCATION, LocalizedText.of("皮疹部位", "Where is the rash?"), false, List.of(
                        option("FACE", "面部", "Face"),
                        option("SCALP", "头皮", "Scalp"),
                        option("TRUNK", "躯干（胸、腹、背）", "Trunk (chest, tummy, back)"),
                        option("ARMS", "上肢", "Arms"),
                        option("LEGS", "下肢", "Legs"),
                        option("HANDS_FEET", "手足", "Hands or feet"),
                        option("NAPPY_AREA", "尿布区", "Nappy area"))),
                Question.text(NOTES, LocalizedText.of("其他需要告诉医生的情况（请勿填写姓名、电话等身份信息）",
                        "Anything else the doctor should know (no names or phone numbers)"), false, 1000)));
    }

    private static Question.Option option(String value, String zh, String en) {
        return new Question.Option(value, LocalizedText.of(zh, en));
    }
}
