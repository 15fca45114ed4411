package org.pediconsult.specialty.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A medicine a specialty allows online, with its pediatric dose rules. The prescription bundle checks
 * every order against them (weight- and age-based), and refuses controlled substances online whatever
 * an entry says.
 *
 * <p>Since 1.3 an entry is made with {@link #builder(String, LocalizedText, String)} and carries what the
 * prescription checks need: the unit its limits are written in ({@link #unit}), a liquid's concentration,
 * per-kg and absolute caps per dose and per 24 h, doses per 24 h and the minimum interval, age and weight
 * limits, course length, topical grams per week and forbidden body sites, route, ingredient and drug class
 * (for allergy and duplicate checks), control class and storage (cold chain). A {@code null} limit means
 * "no such limit". The 1.0 constructor still works: its limits are in mg, and the ingredient is the code.
 *
 * @since 1.0
 */
public final class FormularyEntry {
    /**
     * Special control classes; anything but NONE is never prescribed online (narcotic, psychotropic,
     * toxic, radioactive; for online supply also vaccines, blood products and precursor chemicals).
     * TOXIC..BLOOD_PRODUCT since 1.3.
     */
    public enum ControlledClass { NONE, NARCOTIC, PSYCHOTROPIC_I, PSYCHOTROPIC_II, TOXIC, RADIOACTIVE, PRECURSOR, VACCINE, BLOOD_PRODUCT }

    /** Units a dose is written in (since 1.3). {@code ML} needs the entry's concentration to be compared with mg limits. */
    public enum Unit { MG, MICROGRAM, IU, ML, G, SACHET }

    /** Routes (since 1.3); sent in HL7 as table 0162 codes: PO, and TP for TOP. */
    public enum Route {
        PO("口服", "by mouth"), TOP("外用", "on the skin");

        public final String zh;
        public final String en;

        Route(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    /** Storage: {@code COLD_2_8} makes a parcel cold-chain (since 1.3). */
    public enum Storage { AMBIENT, COLD_2_8 }

    /** Body sites a topical may be refused on (since 1.3); the dermatology questionnaire's sites plus groin and axillae. */
    public enum BodySite { FACE, SCALP, TRUNK, ARMS, LEGS, HANDS_FEET, NAPPY_AREA, GROIN, AXILLAE }

    public final String code;
    public final LocalizedText name;
    /** e.g. oral drops, cream 1%. */
    public final String form;
    /** Maximum dose per kg of body weight per dose, in {@link #unit} (null when the dose is not weight-based). */
    public final Double mgPerKgPerDose;
    /** Usual fixed dose per dose in {@link #unit} when not weight-based (e.g. vitamin D 400 IU). */
    public final Double fixedMgPerDose;
    /** Never more than this per 24 h, in {@link #unit}, whatever the weight. */
    public final Double maxMgPerDay;
    /** Never more than this per dose, in {@link #unit}, whatever the weight. */
    public final Double absoluteMaxMgPerDose;
    public final int minAgeMonths;
    public final ControlledClass controlledClass;

    /** The active ingredient, lower-case English (allergy and duplicate checks); since 1.3. */
    public final String ingredient;
    /** The drug class, e.g. {@code potent-topical-corticosteroid}, {@code h1-antihistamine} (allergies by class), or null; since 1.3. */
    public final String drugClass;
    /** The unit the limits are written in; since 1.3 (MG for 1.0 entries). */
    public final Unit unit;
    /** For a liquid: amount of {@link #unit} per mL (a dose may then be written in mL); null otherwise; since 1.3. */
    public final Double concentrationPerMl;
    /** Maximum per kg per 24 h, in {@link #unit}; since 1.3. */
    public final Double maxPerKgPerDay;
    /** Maximum doses per 24 h; since 1.3. */
    public final Integer maxDosesPerDay;
    /** Minimum hours between doses; since 1.3. */
    public final Integer minIntervalHours;
    /** Minimum age in days, when finer than months (e.g. 90 days for ibuprofen); since 1.3. */
    public final Integer minAgeDays;
    /** Maximum age in months (exclusive: the child must be younger), when the label has one; since 1.3. */
    public final Integer maxAgeMonths;
    /** Minimum body weight in kg; since 1.3. */
    public final Double minWeightKg;
    /** Longest course in days allowed by the label (the 7/3-day quantity rule applies besides); since 1.3. */
    public final Integer maxCourseDays;
    /** Topicals: maximum grams per week; since 1.3. */
    public final Double maxGramsPerWeek;
    /** Topicals: body sites it must not be applied to; since 1.3. */
    public final Set<BodySite> forbiddenSites;
    /** Route; since 1.3 (PO for 1.0 entries). */
    public final Route route;
    /** Storage; since 1.3. */
    public final Storage storage;

    /** A 1.0 entry: limits in mg, by mouth, ambient storage, the code as ingredient. */
    public FormularyEntry(String code, LocalizedText name, String form, Double mgPerKgPerDose, Double fixedMgPerDose,
                          Double maxMgPerDay, Double absoluteMaxMgPerDose, int minAgeMonths, ControlledClass controlledClass) {
        this(builder(code, name, form).perKgPerDose(mgPerKgPerDose).fixedDose(fixedMgPerDose).maxPerDay(maxMgPerDay)
                .maxPerDose(absoluteMaxMgPerDose).minAgeMonths(minAgeMonths).controlledClass(controlledClass));
    }

    private FormularyEntry(Builder b) {
        this.code = Objects.requireNonNull(b.code, "code");
        this.name = Objects.requireNonNull(b.name, "name");
        this.form = b.form;
        this.mgPerKgPerDose = b.perKgPerDose;
        this.fixedMgPerDose = b.fixedDose;
        this.maxMgPerDay = b.maxPerDay;
        this.absoluteMaxMgPerDose = b.maxPerDose;
        this.minAgeMonths = b.minAgeMonths;
        this.controlledClass = b.controlledClass == null ? ControlledClass.NONE : b.controlledClass;
        this.ingredient = b.ingredient == null ? code.toLowerCase(Locale.ROOT) : b.ingredient.toLowerCase(Locale.ROOT);
        this.drugClass = b.drugClass;
        this.unit = b.unit;
        this.concentrationPerMl = b.concentrationPerMl;
        this.maxPerKgPerDay = b.maxPerKgPerDay;
        this.maxDosesPerDay = b.maxDosesPerDay;
        this.minIntervalHours = b.minIntervalHours;
        this.minAgeDays = b.minAgeDays;
        this.maxAgeMonths = b.maxAgeMonths;
        this.minWeightKg = b.minWeightKg;
        this.maxCourseDays = b.maxCourseDays;
        this.maxGramsPerWeek = b.maxGramsPerWeek;
        this.forbiddenSites = Collections.unmodifiableSet(b.forbiddenSites.isEmpty()
                ? EnumSet.noneOf(BodySite.class) : EnumSet.copyOf(b.forbiddenSites));
        this.route = b.route;
        this.storage = b.storage;
    }

    /** @since 1.3 */
    public static Builder builder(String code, LocalizedText name, String form) {
        return new Builder(code, name, form);
    }

    /** True for a topical (on the skin). @since 1.3 */
    public boolean topical() {
        return route == Route.TOP;
    }

    /** Builds an entry; every limit is optional. @since 1.3 */
    public static final class Builder {
        private final String code;
        private final LocalizedText name;
        private final String form;
        private Double perKgPerDose;
        private Double fixedDose;
        private Double maxPerDay;
        private Double maxPerDose;
        private int minAgeMonths;
        private ControlledClass controlledClass = ControlledClass.NONE;
        private String ingredient;
        private String drugClass;
        private Unit unit = Unit.MG;
        private Double concentrationPerMl;
        private Double maxPerKgPerDay;
        private Integer maxDosesPerDay;
        private Integer minIntervalHours;
        private Integer minAgeDays;
        private Integer maxAgeMonths;
        private Double minWeightKg;
        private Integer maxCourseDays;
        private Double maxGramsPerWeek;
        private Set<BodySite> forbiddenSites = EnumSet.noneOf(BodySite.class);
        private Route route = Route.PO;
        private Storage storage = Storage.AMBIENT;

        private Builder(String code, LocalizedText name, String form) {
            this.code = code;
            this.name = name;
            this.form = form;
        }

        public Builder ingredient(String v) { this.ingredient = v; return this; }
        public Builder drugClass(String v) { this.drugClass = v; return this; }
        public Builder unit(Unit v) { this.unit = Objects.requireNonNull(v); return this; }
        public Builder concentrationPerMl(Double v) { this.concentrationPerMl = v; return this; }
        public Builder perKgPerDose(Double v) { this.perKgPerDose = v; return this; }
        public Builder maxPerKgPerDay(Double v) { this.maxPerKgPerDay = v; return this; }
        public Builder fixedDose(Double v) { this.fixedDose = v; return this; }
        public Builder maxPerDose(Double v) { this.maxPerDose = v; return this; }
        public Builder maxPerDay(Double v) { this.maxPerDay = v; return this; }
        public Builder maxDosesPerDay(Integer v) { this.maxDosesPerDay = v; return this; }
        public Builder minIntervalHours(Integer v) { this.minIntervalHours = v; return this; }
        public Builder minAgeMonths(int v) { this.minAgeMonths = v; return this; }
        public Builder minAgeDays(Integer v) { this.minAgeDays = v; return this; }
        public Builder maxAgeMonths(Integer v) { this.maxAgeMonths = v; return this; }
        public Builder minWeightKg(Double v) { this.minWeightKg = v; return this; }
        public Builder maxCourseDays(Integer v) { this.maxCourseDays = v; return this; }
        public Builder maxGramsPerWeek(Double v) { this.maxGramsPerWeek = v; return this; }
        public Builder forbiddenSites(BodySite... v) { this.forbiddenSites = v.length == 0 ? EnumSet.noneOf(BodySite.class) : EnumSet.of(v[0], v); return this; }
        public Builder route(Route v) { this.route = Objects.requireNonNull(v); return this; }
        public Builder storage(Storage v) { this.storage = Objects.requireNonNull(v); return this; }
        public Builder controlledClass(ControlledClass v) { this.controlledClass = v; return this; }

        public FormularyEntry build() {
            return new FormularyEntry(this);
        }
    }
}
