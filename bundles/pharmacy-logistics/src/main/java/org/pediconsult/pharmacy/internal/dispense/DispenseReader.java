package org.pediconsult.pharmacy.internal.dispense;

import java.util.Optional;

import org.pediconsult.pharmacy.api.DispenseDTO;

/** A dispense record by id, for the RDS^O13 mapper (audited by the implementation with source and purpose). */
public interface DispenseReader {
    Optional<DispenseDTO> dispense(String dispenseId, String source, String purpose);
}
