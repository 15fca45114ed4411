package org.pediconsult.prescription.internal.service;

import java.time.LocalDate;
import java.util.List;

import org.pediconsult.prescription.api.PrescriptionItem;

/**
 * What the physician writes (POST/PUT/check body): the items, emergency, a chronic condition's reason,
 * a weight measured during the call when the record has none, and the row version for an update.
 */
public final class Draft {
    public List<PrescriptionItem> items;
    public boolean emergency;
    public String chronicReason;
    public String diagnosis;
    public Double weightKg;
    public LocalDate weightDate;
    public Integer rowVersion;
}
