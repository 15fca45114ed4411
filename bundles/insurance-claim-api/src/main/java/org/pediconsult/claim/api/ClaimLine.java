package org.pediconsult.claim.api;

import java.math.BigDecimal;

/**
 * One line of a claim, sent as an FT1 segment: its own transaction id (FT1-2, the idempotency key), type
 * (HL7 table 0017: CG charge, CD credit, AJ adjustment, CO co-payment), item code, quantity and amounts
 * (yuan, 2 decimals). A self-pay line (a delivery fee, a visit not claimable) is shown to the family and
 * never sent. A CD or AJ line names the line it corrects. A drug line (since 1.1) names the product dispensed
 * ({@link #drugCode}), the dispense ({@link #dispenseId}) and the quantity's unit.
 */
public final class ClaimLine {
    public String lineId;
    public String type;
    /** National unified insurance item code (or the drug code for a drug line). */
    public String itemCode;
    public String description;
    public BigDecimal quantity;
    public BigDecimal unitAmount;
    public BigDecimal amount;
    public boolean selfPay;
    /** Why self-pay, or a correction's reason. */
    public String reason;
    /** The corrected line's transaction id (CD, AJ), or null. */
    public String originalLineId;
    /** What the insurer paid for this line, once adjudicated. */
    public BigDecimal paidAmount;
    /**
     * A drug line: the product code the pharmacy dispensed (FT1-29), else null; {@link #itemCode} is then the
     * insurance drug code from the price catalogue (by default the same code). Since 1.1.
     */
    public String drugCode;
    /** A drug line: the unit of {@link #quantity} as dispensed (e.g. BOX, BOTTLE); since 1.1. */
    public String quantityUnit;
    /** A drug line: the dispense it charges (each dispense is charged once); since 1.1. */
    public String dispenseId;
    /**
     * Set when billing must look at the line, e.g. {@code drug-unpriced} (a drug not in the price catalogue, its unit
     * not the catalogue's, or no rule set on the dispense day: self-pay with amount 0 until billing prices it); since 1.1.
     */
    public String flag;
}
