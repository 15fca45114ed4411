package org.pediconsult.prescription.api;

import java.util.List;

import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.LocalizedText;

/**
 * One medicine of a prescription as the physician writes it: a formulary entry of the consultation's
 * specialty, the dose per administration in a unit, how often, for how many days, the quantity to
 * dispense, and instructions in zh and en. Topicals name the body sites.
 *
 * <p>Frequencies (HL7 repeat patterns): {@code QD} once a day, {@code BID}, {@code TID}, {@code QID},
 * {@code Q4H}, {@code Q6H}, {@code Q8H}, {@code Q12H}.
 */
public final class PrescriptionItem {
    /** Formulary code, e.g. {@code CETIRIZINE-DROPS}. */
    public String code;
    /** Amount per administration in {@link #unit}; for a topical, grams per application. */
    public Double dose;
    public FormularyEntry.Unit unit;
    /** HL7 repeat pattern: QD, BID, TID, QID, Q4H, Q6H, Q8H, Q12H. */
    public String frequency;
    public Integer durationDays;
    /** Amount to dispense, in {@link #quantityUnit} (e.g. 1 bottle, 30 g). */
    public Double quantity;
    public String quantityUnit;
    /** Topicals: where it is applied. */
    public List<FormularyEntry.BodySite> sites;
    public Text instructions;

    // Filled by the bundle from the formulary entry when the item is saved (not taken from the client).
    public LocalizedText name;
    public String ingredient;
    public String form;
    public FormularyEntry.Route route;
    public FormularyEntry.Storage storage;
}
