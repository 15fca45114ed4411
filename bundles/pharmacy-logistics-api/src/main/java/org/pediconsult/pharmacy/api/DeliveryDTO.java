package org.pediconsult.pharmacy.api;

import java.time.Instant;
import java.util.List;

/** A delivery order: one parcel for one approved prescription, from the pharmacy to the family's door. */
public final class DeliveryDTO {
    public String id;
    public String prescriptionId;
    public String consultationId;
    public String childId;
    /** The guardian who receives it (login name). */
    public String guardian;
    public DeliveryState state;
    public AddressDTO address;
    /** Some item is stored at 2-8 °C: the parcel carries a logger and is refused on an excursion. */
    public boolean coldChain;
    public String dispenseId;
    /** The courier's login, once assigned. */
    public String courier;
    public String sealNumber;
    /** Failed attempts so far. */
    public int attempts;
    public RefusalReason refusalReason;
    public String note;
    public Double lastTemperatureC;
    public Instant lastReadingAt;
    /** A reading left 2-8 °C: the parcel can only be returned. */
    public boolean excursion;
    public Instant createdAt;
    public Instant dispatchedAt;
    public Instant deliveredAt;
    public Instant updatedAt;
    public int rowVersion;
    /** In the answer to a dispatch or a new-code request: whether the door code was texted to the guardian. */
    public Boolean codeSent;
    /** Every state change, oldest first (filled on a single read). */
    public List<Step> timeline;

    /** One state change: when, from, to, by whom, and a short note (reason). */
    public static final class Step {
        public Instant at;
        public DeliveryState from;
        public DeliveryState to;
        public String actor;
        public String note;
    }
}
