package org.pediconsult.prescription.internal.service;

import java.time.LocalDate;
import java.time.Period;

import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.LocalizedText;

/**
 * Rule {@code prescriber-eligibility}: only a white-listed pilot physician with at least 3 years of
 * independent practice in the consultation's specialty prescribes (the same conditions as the
 * consultation's booking, checked again on the day of signing: a physician struck off the white list
 * meanwhile cannot sign).
 */
final class PrescriberEligibility {
    static final String RULE = "prescriber-eligibility";
    static final int MIN_YEARS = 3;

    private PrescriberEligibility() {
    }

    static CheckResult check(PhysicianDTO p, String specialtyId, LocalDate today) {
        if (p == null) {
            return refused("none", "no physician", "咨询没有医生", "the consultation has no physician");
        }
        if (!p.whitelisted) {
            return refused("white-listed", "not white-listed", "医生不在试点白名单内", "the physician is not on the pilot's white list");
        }
        int years = p.practiceSince == null ? 0 : Period.between(p.practiceSince, today).getYears();
        if (p.practiceSince == null || years < MIN_YEARS) {
            return refused(">= " + MIN_YEARS + " years", years + " years", "独立执业 " + years + " 年，不足 " + MIN_YEARS + " 年",
                    years + " years of independent practice, under " + MIN_YEARS);
        }
        if (p.specialties == null || !p.specialties.contains(specialtyId)) {
            return refused(specialtyId, "other specialties", "医生未获准该专科", "the physician is not approved for " + specialtyId);
        }
        return new CheckResult(-1, null, RULE, true, ">= " + MIN_YEARS + " years, white-listed", years + " years",
                LocalizedText.of("处方医生符合试点资格", "the prescriber is eligible for the pilot"));
    }

    private static CheckResult refused(String limit, String computed, String zh, String en) {
        return new CheckResult(-1, null, RULE, false, limit, computed, LocalizedText.of(zh, en));
    }
}
