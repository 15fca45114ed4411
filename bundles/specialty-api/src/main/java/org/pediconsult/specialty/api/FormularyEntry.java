package org.pediconsult.specialty.api;

/**
 * A medicine a specialty allows online, with its pediatric dose rules. The prescription bundle checks
 * every order against them (weight- and age-based), and refuses controlled substances online.
 *
 * @since 1.0
 */
public final class FormularyEntry {
    /** Controlled-substance classes; anything but NONE cannot be prescribed online. */
    public enum ControlledClass { NONE, NARCOTIC, PSYCHOTROPIC_I, PSYCHOTROPIC_II }

    public final String code;
    public final LocalizedText name;
    /** e.g. oral drops, cream 1%. */
    public final String form;
    /** Dose per kg of body weight per dose, in mg (null when the dose is not weight-based). */
    public final Double mgPerKgPerDose;
    /** Fixed dose per dose in mg when not weight-based (e.g. vitamin D 400 IU = 0.01 mg). */
    public final Double fixedMgPerDose;
    public final Double maxMgPerDay;
    /** Never more than this per dose, whatever the weight. */
    public final Double absoluteMaxMgPerDose;
    public final int minAgeMonths;
    public final ControlledClass controlledClass;

    public FormularyEntry(String code, LocalizedText name, String form, Double mgPerKgPerDose, Double fixedMgPerDose,
                          Double maxMgPerDay, Double absoluteMaxMgPerDose, int minAgeMonths, ControlledClass controlledClass) {
        this.code = code;
        this.name = name;
        this.form = form;
        this.mgPerKgPerDose = mgPerKgPerDose;
        this.fixedMgPerDose = fixedMgPerDose;
        this.maxMgPerDay = maxMgPerDay;
        this.absoluteMaxMgPerDose = absoluteMaxMgPerDose;
        this.minAgeMonths = minAgeMonths;
        this.controlledClass = controlledClass;
    }
}
