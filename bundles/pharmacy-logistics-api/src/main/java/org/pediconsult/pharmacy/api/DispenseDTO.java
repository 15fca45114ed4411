package org.pediconsult.pharmacy.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A prescription dispensed: per item the product, lot, expiry, quantity and manufacturer, and a
 * substitution's reason. Made by a pharmacist here ({@code source} PEDICONSULT) or received from a
 * hospital pharmacy system as RDS^O13 ({@code source} {@code hl7:<channel>}).
 */
public final class DispenseDTO {
    public String id;
    public String prescriptionId;
    public String consultationId;
    public String childId;
    public List<Item> items;
    /** The pharmacist's login, or the dispensing provider of an inbound RDS^O13. */
    public String dispensedBy;
    public Instant dispensedAt;
    public String source;

    /** One dispensed item, for the prescription's item {@link #itemIndex} (0-based). */
    public static final class Item {
        public int itemIndex;
        /** The prescribed formulary code. */
        public String prescribedCode;
        /** The product given: the prescribed code, or a substitute's. */
        public String productCode;
        public String productName;
        public String lot;
        public LocalDate expiry;
        public Double quantity;
        public String quantityUnit;
        public String manufacturer;
        /** Why another product was given; required when productCode differs from prescribedCode. */
        public String substitutionReason;
    }
}
