package org.pediconsult.specialty.growth.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.pediconsult.growth.who.Indicator;
import org.pediconsult.growth.who.Sex;
import org.pediconsult.growth.who.ZScore;
import org.pediconsult.specialty.api.LocalizedText;

/**
 * The advice of a REMOTE_OK growth triage: the latest WHO z-scores in words, so that the guardian
 * sees where the child stands and the physician has them before the call. Only for a child recorded
 * as male or female: the standards are sex-specific.
 */
public final class GrowthAdvice {
    private static final List<Indicator> SHOWN = List.of(Indicator.WEIGHT_FOR_AGE, Indicator.LENGTH_HEIGHT_FOR_AGE,
            Indicator.BMI_FOR_AGE, Indicator.HEAD_CIRCUMFERENCE_FOR_AGE);
    private final AnthropometricFindings anthropometry;

    public GrowthAdvice(AnthropometricFindings anthropometry) {
        this.anthropometry = anthropometry;
    }

    public LocalizedText remoteOk(List<Sex> sexes, LocalDate birthDate, List<Measurement> chronological) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        if (sexes.size() == 1) {
            for (Indicator indicator : SHOWN) {
                Optional<ZScore> z = anthropometry.latest(indicator, sexes.get(0), birthDate, chronological);
                if (z.isPresent()) {
                    LocalizedText name = IndicatorNames.of(indicator);
                    zh.append(zh.length() == 0 ? "最近测量的WHO Z评分：" : "，").append(name.zh).append(' ')
                            .append(fmt(z.get().z)).append("（约第").append(Math.round(z.get().percentile)).append("百分位）");
                    en.append(en.length() == 0 ? "latest WHO z-scores: " : ", ").append(name.en).append(' ')
                            .append(fmt(z.get().z)).append(" (about the ").append(ordinal(Math.round(z.get().percentile)))
                            .append(" percentile)");
                }
            }
        }
        zh.append(zh.length() == 0 ? "" : "。").append("未发现需要面诊的生长发育警示征象，可以在线问诊，医生将与您一起查看生长曲线");
        en.append(en.length() == 0 ? "" : "; ")
                .append("no growth or development red flag found: suitable for an online consult, where the physician will review the growth chart with you");
        return LocalizedText.of(zh.toString(), en.toString());
    }

    /** One decimal, signed, and never "-0.0". */
    static String fmt(double z) {
        double rounded = Math.round(z * 10) / 10.0;
        return rounded == 0 ? "0.0" : String.format(Locale.ROOT, "%+.1f", rounded);
    }

    static String ordinal(long n) {
        long mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
                : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
        return n + suffix;
    }
}
