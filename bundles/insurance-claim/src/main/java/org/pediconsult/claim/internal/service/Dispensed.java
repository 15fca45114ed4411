package org.pediconsult.claim.internal.service;

import java.time.Instant;
import java.util.List;

/**
 * A dispense as the claim bundle needs it, without pharmacy-logistics' types (the claim bundle starts and works
 * without that bundle: only {@code PharmacyDispenses} touches its API).
 */
public record Dispensed(String id, String consultationId, String childId, Instant dispensedAt, List<Item> items) {
    public Dispensed {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One dispensed item: the product given (else the prescribed code), its name, quantity and unit. */
    public record Item(int itemIndex, String productCode, String prescribedCode, String name, Double quantity, String unit) {
    }
}
