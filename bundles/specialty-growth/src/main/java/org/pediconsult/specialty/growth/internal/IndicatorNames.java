package org.pediconsult.specialty.growth.internal;

import org.pediconsult.growth.who.Indicator;
import org.pediconsult.specialty.api.LocalizedText;

/** The WHO indicators as a guardian and a clinician read them, in Chinese and English. */
public final class IndicatorNames {
    private IndicatorNames() {
    }

    public static LocalizedText of(Indicator indicator) {
        switch (indicator) {
            case WEIGHT_FOR_AGE:
                return LocalizedText.of("年龄别体重", "weight-for-age");
            case LENGTH_HEIGHT_FOR_AGE:
                return LocalizedText.of("年龄别身长/身高", "length/height-for-age");
            case BMI_FOR_AGE:
                return LocalizedText.of("年龄别BMI", "BMI-for-age");
            case HEAD_CIRCUMFERENCE_FOR_AGE:
                return LocalizedText.of("年龄别头围", "head circumference-for-age");
            case ARM_CIRCUMFERENCE_FOR_AGE:
                return LocalizedText.of("年龄别上臂围", "arm circumference-for-age");
            case WEIGHT_FOR_LENGTH_HEIGHT:
                return LocalizedText.of("身长/身高别体重", "weight-for-length/height");
            default:
                throw new IllegalArgumentException(indicator.name());
        }
    }
}
