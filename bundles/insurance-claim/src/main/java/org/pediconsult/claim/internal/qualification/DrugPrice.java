package org.pediconsult.claim.internal.qualification;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a rule-set version's drug price catalogue ({@code ruleset.<version>.drug.<code>.*}): the price the
 * hospital charges offline per dispense unit, that unit, and the drug's place on the national insurance drug list.
 *
 * @param code     the product code the pharmacy dispenses (as on the dispense record)
 * @param price    yuan per {@code unit}, 2 decimals
 * @param unit     the unit the price is for (a dispense in another unit is not priced)
 * @param category A (甲类: claimable), B (乙类: claimable after a self-pay share), SELF (not on the list: self-pay)
 * @param itemCode the insurance drug code sent as the line's item code (FT1-7); the product code when not configured
 */
public record DrugPrice(String code, BigDecimal price, String unit, Category category, String itemCode) {
    /** The national insurance drug list's categories. */
    public enum Category { A, B, SELF }

    public DrugPrice {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(category, "category");
        price = Money.amount(Objects.requireNonNull(price, "price"), "drug " + code + " price");
        if (itemCode == null || itemCode.isBlank()) {
            itemCode = code;
        }
    }

    /** The catalogue's key of a product code: codes are compared without case. */
    public static String key(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
