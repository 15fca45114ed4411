package org.pediconsult.claim.internal.qualification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pediconsult.claim.api.ClaimLine;
import org.pediconsult.platform.api.Ids;

/**
 * Drugs follow the offline payment rules: a dispensed item is priced from the drug price catalogue of the rule-set
 * version in effect on the dispense day ({@link #price}), then becomes claim lines ({@link #lines}):
 * <ul>
 * <li>category A (甲类): one claimed CG line, quantity x price;</li>
 * <li>category B (乙类): a claimed CG line for (100 - p)% and a self-pay line for p%
 *     ({@code drug.category.B.selfpay.percent}); the self-pay part is rounded half up to the fen and the claimed
 *     part is the rest, so the two always add up to quantity x price;</li>
 * <li>SELF (not on the insurance drug list): a self-pay line;</li>
 * <li>not in the catalogue, dispensed in another unit than the catalogue's, no quantity, or no rule set in effect
 *     on the dispense day: a self-pay line of amount 0 with the reason, flagged {@value #UNPRICED} for billing
 *     (never dropped);</li>
 * <li>a consultation that is not claimable: every drug is a self-pay line, with the consultation's reasons.</li>
 * </ul>
 * The extended amount is quantity x price rounded half up to the fen.
 */
public final class DrugPricing {
    /** The flag of a drug line whose price is not known. */
    public static final String UNPRICED = "drug-unpriced";
    public static final String RULE = "drug-price";

    /** Chinese unit names and the dispense form's unit codes, compared without case. */
    private static final Map<String, String> UNIT_ALIASES = Map.of("盒", "BOX", "瓶", "BOTTLE", "支", "TUBE", "袋", "SACHET",
            "克", "G", "毫升", "ML", "BOXES", "BOX", "BOTTLES", "BOTTLE", "TUBES", "TUBE", "SACHETS", "SACHET");

    private DrugPricing() {
    }

    /**
     * One dispensed item, priced (or not, with the reason) for the rule set in effect on its dispense day.
     *
     * @param dispenseId     the dispense it belongs to
     * @param itemIndex      the prescription item (0-based)
     * @param code           the product code dispensed (else the prescribed code)
     * @param name           the product's name as dispensed
     * @param quantity       the quantity dispensed, or null
     * @param unit           its unit, or null
     * @param ruleSetVersion the rule-set version in effect on the dispense day, or null when none was
     * @param itemCode       the insurance drug code (FT1-7), null when unpriced
     * @param category       the catalogue category, null when unpriced
     * @param unitPrice      the catalogue price per unit, null when unpriced
     * @param selfPayPercent the B category's self-pay share in that version
     * @param problem        why it is not priced (code, zh, en), or null
     */
    public record PricedDrug(String dispenseId, int itemIndex, String code, String name, BigDecimal quantity, String unit,
                             String ruleSetVersion, String itemCode, DrugPrice.Category category, BigDecimal unitPrice,
                             int selfPayPercent, Reason problem) {
        public boolean priced() {
            return problem == null;
        }

        /** quantity x unit price, to the fen; 0 when unpriced. */
        public BigDecimal amount() {
            return priced() ? quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(2);
        }
    }

    /** Prices one dispensed item with the rule set in effect on {@code day} (the dispense day in the claim zone). */
    public static PricedDrug price(RuleSets sets, LocalDate day, String dispenseId, int itemIndex, String productCode,
                                   String prescribedCode, String name, Double quantity, String unit) {
        String code = productCode == null || productCode.isBlank() ? prescribedCode : productCode.strip();
        String label = name == null || name.isBlank() ? code : name;
        BigDecimal q = quantity == null || !Double.isFinite(quantity) || quantity <= 0 ? null
                : BigDecimal.valueOf(quantity).stripTrailingZeros();
        RuleSet rules = sets.forDay(day).orElse(null);
        if (rules == null) {
            Reason none = sets.noRuleSet(day);
            return unpriced(dispenseId, itemIndex, code, label, q, unit, null, new Reason(RULE, "no-rule-set",
                    "无生效的医保规则版本，药品未定价（" + none.zh() + "）",
                    "no claim rule set in effect on the dispense day: the drug is not priced (" + none.en() + ")"));
        }
        DrugPrice entry = rules.drug(code).orElse(null);
        if (entry == null) {
            return unpriced(dispenseId, itemIndex, code, label, q, unit, rules.version(), new Reason(RULE, "not-in-catalogue",
                    "药品未在价格目录中（" + code + "，规则版本 " + rules.version() + "）",
                    "drug not in the price catalogue (" + code + ", rule set " + rules.version() + ")"));
        }
        if (q == null) {
            return unpriced(dispenseId, itemIndex, code, label, null, unit, rules.version(), new Reason(RULE, "no-quantity",
                    "发药数量未知，药品未定价", "the quantity dispensed is unknown: the drug is not priced"));
        }
        if (!sameUnit(unit, entry.unit())) {
            return unpriced(dispenseId, itemIndex, code, label, q, unit, rules.version(), new Reason(RULE, "unit-mismatch",
                    "发药单位（" + (unit == null ? "未填" : unit) + "）与价格目录的计价单位（" + entry.unit() + "）不同，药品未定价",
                    "dispensed in " + (unit == null ? "no unit" : unit) + ", the price catalogue prices " + code + " per "
                            + entry.unit() + ": the drug is not priced"));
        }
        return new PricedDrug(dispenseId, itemIndex, code, label, q, unit, rules.version(), entry.itemCode(), entry.category(),
                entry.price(), rules.categoryBSelfPayPercent(), null);
    }

    /** The same unit: without case, a Chinese unit name the same as its code (盒 = BOX). */
    static boolean sameUnit(String dispensed, String catalogue) {
        return dispensed != null && !dispensed.isBlank() && canonical(dispensed).equals(canonical(catalogue));
    }

    private static String canonical(String unit) {
        String u = unit.strip().toUpperCase(Locale.ROOT);
        return UNIT_ALIASES.getOrDefault(u, u);
    }

    private static PricedDrug unpriced(String dispenseId, int itemIndex, String code, String name, BigDecimal q, String unit,
                                       String version, Reason why) {
        return new PricedDrug(dispenseId, itemIndex, code, name, q, unit, version, null, null, null, 0, why);
    }

    /**
     * The claim lines of a priced drug, each with a new transaction id.
     *
     * @param claimable    the consultation's claim qualified (else every drug is self-pay)
     * @param notClaimable the consultation's reasons when it is not claimable (English, as on the claim)
     */
    public static List<ClaimLine> lines(PricedDrug d, boolean claimable, List<String> notClaimable) {
        List<ClaimLine> out = new ArrayList<>();
        if (!d.priced()) {
            ClaimLine l = line(d, d.code(), d.unitPrice(), BigDecimal.ZERO.setScale(2), true,
                    d.problem().zh() + " / " + d.problem().en() + "（自费，价格待定 / self-pay, price unknown）");
            l.flag = UNPRICED;
            out.add(l);
            return out;
        }
        BigDecimal amount = d.amount();
        if (!claimable) {
            String why = notClaimable == null || notClaimable.isEmpty() ? "" : ": " + String.join("; ", notClaimable);
            out.add(line(d, d.itemCode(), d.unitPrice(), amount, true, "问诊不符合医保支付条件，药品自费 / the consultation is not claimable"
                    + why));
            return out;
        }
        switch (d.category()) {
            case A -> out.add(line(d, d.itemCode(), d.unitPrice(), amount, false, null));
            case SELF -> out.add(line(d, d.itemCode(), d.unitPrice(), amount, true,
                    "药品不在医保药品目录内（自费药品） / drug not on the insurance drug list (self-pay)"));
            case B -> {
                int p = d.selfPayPercent();
                BigDecimal self = amount.multiply(BigDecimal.valueOf(p)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                BigDecimal claimed = amount.subtract(self);
                if (claimed.signum() > 0 || self.signum() == 0) {
                    out.add(line(d, d.itemCode(), d.unitPrice(), claimed, false, p == 0 ? null
                            : "乙类药品，医保支付 " + (100 - p) + "% / category B drug: " + (100 - p) + "% claimed"));
                }
                if (self.signum() > 0) {
                    out.add(line(d, d.itemCode(), d.unitPrice(), self, true,
                            "乙类药品个人先行自付 " + p + "% / category B drug: " + p + "% self-pay first"));
                }
            }
            default -> throw new IllegalStateException("category " + d.category());
        }
        return out;
    }

    private static ClaimLine line(PricedDrug d, String itemCode, BigDecimal unitPrice, BigDecimal amount, boolean selfPay,
                                  String reason) {
        ClaimLine l = new ClaimLine();
        l.lineId = Ids.newId();
        l.type = "CG";
        l.itemCode = itemCode;
        l.drugCode = d.code();
        l.description = d.name();
        l.quantity = d.quantity() == null ? null : d.quantity();
        l.quantityUnit = d.unit();
        l.unitAmount = unitPrice;
        l.amount = amount;
        l.selfPay = selfPay;
        l.reason = reason;
        l.dispenseId = d.dispenseId();
        return l;
    }
}
