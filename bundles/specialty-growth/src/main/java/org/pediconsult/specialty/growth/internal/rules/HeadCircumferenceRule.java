package org.pediconsult.specialty.growth.internal.rules;

import java.util.Optional;

import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;

/**
 * Head circumference-for-age beyond ±3 SD (WHO 2006 Child Growth Standards) in a child under 24
 * months: severe microcephaly or macrocephaly while the skull is still growing fast and the
 * fontanelle may be open, which can mean a brain malformation, congenital infection or
 * hydrocephalus (the AAN/CNS practice parameter on microcephaly, Ashwal et al., Neurology
 * 2009;73:887-97, and WHO 2016 interim guidance on infants with possible congenital Zika syndrome
 * both take -3 SD as severe microcephaly). Needs examination and often imaging:
 * IN_PERSON. Age is in completed months on the day the head was measured.
 */
public final class HeadCircumferenceRule {
    static final double LIMIT = 3.0;
    static final int UNDER_MONTHS = 24;

    public Optional<Finding> evaluate(double headZ, int ageMonthsAtMeasurement) {
        if (ageMonthsAtMeasurement >= UNDER_MONTHS || Math.abs(headZ) <= LIMIT) {
            return Optional.empty();
        }
        LocalizedText reason = headZ < 0
                ? LocalizedText.of("24月龄内头围Z评分低于-3（重度小头）", "head circumference below -3 SD under 24 months (severe microcephaly)")
                : LocalizedText.of("24月龄内头围Z评分高于+3（巨头）", "head circumference above +3 SD under 24 months (macrocephaly)");
        return Optional.of(new Finding(TriageLevel.IN_PERSON, reason,
                LocalizedText.of("请在一周内到儿科或儿童神经门诊面诊，复测头围",
                        "see a pediatrician or pediatric neurologist in person within a week to re-measure the head")));
    }
}
