package org.pediconsult.pharmacy.internal.dispense;

import java.util.List;

import org.pediconsult.pharmacy.api.DispenseDTO;

/** {@code POST /api/dispenses}: the prescription and, per prescribed item, what was given. */
public final class DispenseRequest {
    public String prescriptionId;
    public List<DispenseDTO.Item> items;
}
