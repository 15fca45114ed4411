package org.pediconsult.claim.internal.qualification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One dated version of the claim rules (domain notes: an insurer's change is a new version, not a code change).
 * Read from configuration by {@link RuleSets}, which documents the keys.
 *
 * @param version            the version id, e.g. {@code 2026-01}
 * @param effectiveFrom      first day in effect (inclusive)
 * @param effectiveTo        first day no longer in effect (exclusive), null when open-ended
 * @param institutions       the pilot's designated institutions
 * @param specialties        the pilot's specialties (specialty ids)
 * @param windowStart        first day of the pilot window (inclusive)
 * @param windowEnd          last day of the pilot window (inclusive)
 * @param minPracticeYears   full years of independent practice a physician needs (default 3)
 * @param initialItemCode    national unified item code of an initial (first) visit
 * @param initialAmount      its unit amount (yuan, 2 decimals)
 * @param followUpItemCode   item code of a follow-up visit (a revisit never gets the first-visit code)
 * @param followUpAmount     its unit amount
 * @param referredPartialFee the fee claimed for a consultation ended and referred during its session; 0 (the
 *                           default) = not claimed
 * @param referredItemCode   item code of that partial fee, null = the visit's code (initial or follow-up)
 * @param homeRegions        the hospital's pooling region(s)
 * @param crossRegion        cross-region settlement is configured: a coverage of another region is claimable;
 *                           when false it is self-pay, marked for later reimbursement
 * @param deliveryItemCode   item code of the delivery fee line, always self-pay (never claimable)
 * @param drugs              the drug price catalogue of this version, by {@link DrugPrice#key product code}
 * @param categoryBSelfPayPercent the share (0-100) of a category B drug's amount the family pays first (a self-pay line)
 */
public record RuleSet(String version, LocalDate effectiveFrom, LocalDate effectiveTo, Set<String> institutions,
                      Set<String> specialties, LocalDate windowStart, LocalDate windowEnd, int minPracticeYears,
                      String initialItemCode, BigDecimal initialAmount, String followUpItemCode,
                      BigDecimal followUpAmount, BigDecimal referredPartialFee, String referredItemCode,
                      Set<String> homeRegions, boolean crossRegion, String deliveryItemCode, Map<String, DrugPrice> drugs,
                      int categoryBSelfPayPercent) {

    public static final int DEFAULT_MIN_PRACTICE_YEARS = 3;
    public static final String DEFAULT_DELIVERY_ITEM_CODE = "DELIVERY";

    /** A version without a drug price catalogue (no drug is priced). */
    public RuleSet(String version, LocalDate effectiveFrom, LocalDate effectiveTo, Set<String> institutions,
                   Set<String> specialties, LocalDate windowStart, LocalDate windowEnd, int minPracticeYears,
                   String initialItemCode, BigDecimal initialAmount, String followUpItemCode,
                   BigDecimal followUpAmount, BigDecimal referredPartialFee, String referredItemCode,
                   Set<String> homeRegions, boolean crossRegion, String deliveryItemCode) {
        this(version, effectiveFrom, effectiveTo, institutions, specialties, windowStart, windowEnd, minPracticeYears,
                initialItemCode, initialAmount, followUpItemCode, followUpAmount, referredPartialFee, referredItemCode,
                homeRegions, crossRegion, deliveryItemCode, Map.of(), 0);
    }

    public RuleSet {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(initialItemCode, "initialItemCode");
        Objects.requireNonNull(initialAmount, "initialAmount");
        Objects.requireNonNull(followUpItemCode, "followUpItemCode");
        Objects.requireNonNull(followUpAmount, "followUpAmount");
        Objects.requireNonNull(deliveryItemCode, "deliveryItemCode");
        if (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException("rule set " + version + ": effective.to " + effectiveTo
                    + " must be after effective.from " + effectiveFrom);
        }
        if (windowEnd.isBefore(windowStart)) {
            throw new IllegalArgumentException("rule set " + version + ": the pilot window ends (" + windowEnd
                    + ") before it starts (" + windowStart + ")");
        }
        if (minPracticeYears < 0) {
            throw new IllegalArgumentException("rule set " + version + ": negative minimum practice years");
        }
        institutions = Set.copyOf(institutions);
        specialties = Set.copyOf(specialties);
        homeRegions = Set.copyOf(homeRegions);
        drugs = drugs == null ? Map.of() : Map.copyOf(drugs);
        if (categoryBSelfPayPercent < 0 || categoryBSelfPayPercent > 100) {
            throw new IllegalArgumentException("rule set " + version + ": the category B self-pay percent must be 0 to 100");
        }
        initialAmount = Money.amount(initialAmount, "item.initial.amount");
        followUpAmount = Money.amount(followUpAmount, "item.followup.amount");
        referredPartialFee = Money.amount(referredPartialFee == null ? BigDecimal.ZERO : referredPartialFee,
                "referred.partial.fee");
    }

    /** In effect on {@code day}: {@code effectiveFrom <= day < effectiveTo} (or open-ended). */
    public boolean inEffectOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || day.isBefore(effectiveTo));
    }

    /** The visit's item code: the first-visit code for an initial consultation only. */
    public String visitItemCode(boolean initial) {
        return initial ? initialItemCode : followUpItemCode;
    }

    public BigDecimal visitAmount(boolean initial) {
        return initial ? initialAmount : followUpAmount;
    }

    /** The catalogue's entry for a dispensed product code (without case), if any. */
    public Optional<DrugPrice> drug(String code) {
        return Optional.ofNullable(code == null ? null : drugs.get(DrugPrice.key(code)));
    }

    /** A partial fee is claimed for a consultation ended and referred. */
    public boolean claimsReferredPartialFee() {
        return referredPartialFee.signum() > 0;
    }

    /** "2026-01 (from 2026-01-01 until 2026-07-01)" or "... (from 2026-07-01, open-ended)". */
    public String period() {
        return version + " (from " + effectiveFrom + (effectiveTo == null ? ", open-ended)" : " until " + effectiveTo + ")");
    }
}
