package org.pediconsult.claim.api;

import java.math.BigDecimal;

/**
 * One line of a claim, sent as an FT1 segment: its own transaction id (FT1-2, the idempotency key), type
 * (HL7 table 0017: CG charge, CD credit, AJ adjustment, CO co-payment), item code, quantity and amounts
 * (yuan, 2 decimals). A self-pay line (a delivery fee, a visit not claimable) is shown to the family and
 * never sent. A CD or AJ line names the line it corrects.
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
}
