package org.pediconsult.claim.internal.service;

import java.util.Optional;

/** Reads a dispense for the claim bundle; registered only while pharmacy-logistics' API is there. */
public interface DispenseSource {
    Optional<Dispensed> dispense(String consultationId, String dispenseId);
}
