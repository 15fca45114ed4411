package org.pediconsult.specialty.dermatology.internal;

import java.util.List;

import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.BodySite;
import org.pediconsult.specialty.api.FormularyEntry.ControlledClass;
import org.pediconsult.specialty.api.FormularyEntry.Route;
import org.pediconsult.specialty.api.FormularyEntry.Storage;
import org.pediconsult.specialty.api.FormularyEntry.Unit;
import org.pediconsult.specialty.api.LocalizedText;

/**
 * What a dermatologist may prescribe online for a child: emollient, four topical corticosteroids of
 * increasing potency, and oral cetirizine for itch. Topicals are dosed in grams per application
 * ({@link Unit#G}, route {@link Route#TOP}); the prescription bundle checks their age limits, course
 * length, applications a day, grams per week and forbidden body sites.
 *
 * <p>Limits follow the product labels:
 * <ul>
 * <li>hydrocortisone 1% cream, mild: usable from birth, including face and nappy area, 1-2 times a day
 * (BNF for Children) in short courses of at most 7 days (OTC labels: stop and see a doctor after 7
 * days);</li>
 * <li>mometasone furoate 0.1% cream, potent: once a day, not under 2 years, not on the face, groin,
 * axillae or nappy area (FDA label: safety under 2 years not established, not for diaper dermatitis;
 * safety beyond 3 weeks in children not established, hence at most 21 days);</li>
 * <li>clobetasol propionate 0.05% cream, very potent: 12 years and over only, twice a day for at most
 * 2 consecutive weeks, at most 50 g a week, never on the face, groin or axillae (FDA label), nor the
 * nappy area;</li>
 * <li>fluocinolone acetonide 0.01% oil: atopic dermatitis from 3 months, twice a day for at most
 * 4 weeks (FDA label); the US reference product's vehicle contains refined peanut oil, which the
 * physician checks against a peanut allergy;</li>
 * <li>cetirizine 10 mg/mL drops (OTC labels), in two age bands because the dose changes at 6 years:
 * from 2 to under 6 years 2.5 mg once or twice a day (12 hours apart), at most 5 mg per 24 hours;
 * from 6 years 5-10 mg once a day, at most 10 mg per 24 hours. Not under 2 years.</li>
 * </ul>
 * Corticosteroids share the drug class {@code topical-corticosteroid} and cetirizine is
 * {@code h1-antihistamine}, so an allergy to the class is caught. None is a controlled substance or
 * cold-chain.
 */
public final class DermatologyFormulary {
    public static final String EMOLLIENT = "EMOLLIENT";
    public static final String HYDROCORTISONE_1_CREAM = "HYDROCORTISONE-1-CREAM";
    public static final String MOMETASONE_01_CREAM = "MOMETASONE-0.1-CREAM";
    public static final String CLOBETASOL_005_CREAM = "CLOBETASOL-0.05-CREAM";
    public static final String FLUOCINOLONE_001_OIL = "FLUOCINOLONE-0.01-OIL";
    /** Cetirizine drops from 2 to under 6 years. */
    public static final String CETIRIZINE_DROPS = "CETIRIZINE-DROPS";
    /** Cetirizine drops from 6 years. */
    public static final String CETIRIZINE_DROPS_6Y = "CETIRIZINE-DROPS-6Y";

    static final String TOPICAL_CORTICOSTEROID = "topical-corticosteroid";
    static final String H1_ANTIHISTAMINE = "h1-antihistamine";

    private DermatologyFormulary() {
    }

    public static List<FormularyEntry> entries() {
        return List.of(
                topical(EMOLLIENT, "保湿润肤剂（无香料）", "Emollient (fragrance-free)", "cream or ointment")
                        .ingredient("emollient").build(),
                // Mild potency: usable from birth, face and nappy area included, but short courses.
                topical(HYDROCORTISONE_1_CREAM, "氢化可的松乳膏 1%（短疗程）", "Hydrocortisone 1% cream (short courses)",
                        "cream 1%")
                        .ingredient("hydrocortisone").drugClass(TOPICAL_CORTICOSTEROID)
                        .maxDosesPerDay(2).maxCourseDays(7).build(),
                // Potent: not under 2 years (thin infant skin, systemic absorption, HPA-axis suppression).
                topical(MOMETASONE_01_CREAM, "糠酸莫米松乳膏 0.1%（2岁以下禁用）",
                        "Mometasone furoate 0.1% cream (not under 2 years)", "cream 0.1%")
                        .ingredient("mometasone").drugClass(TOPICAL_CORTICOSTEROID)
                        .minAgeMonths(24).maxDosesPerDay(1).maxCourseDays(21)
                        .forbiddenSites(BodySite.FACE, BodySite.GROIN, BodySite.AXILLAE, BodySite.NAPPY_AREA).build(),
                // Very potent: adolescents only, 50 g a week, two weeks.
                topical(CLOBETASOL_005_CREAM, "丙酸氯倍他索乳膏 0.05%（12岁以下禁用）",
                        "Clobetasol propionate 0.05% cream (not under 12 years)", "cream 0.05%")
                        .ingredient("clobetasol").drugClass(TOPICAL_CORTICOSTEROID)
                        .minAgeMonths(144).maxDosesPerDay(2).maxCourseDays(14).maxGramsPerWeek(50.0)
                        .forbiddenSites(BodySite.FACE, BodySite.GROIN, BodySite.AXILLAE, BodySite.NAPPY_AREA).build(),
                topical(FLUOCINOLONE_001_OIL, "醋酸氟轻松外用油 0.01%（3月龄以下禁用）",
                        "Fluocinolone acetonide 0.01% oil (not under 3 months)", "topical oil 0.01%")
                        .ingredient("fluocinolone").drugClass(TOPICAL_CORTICOSTEROID)
                        .minAgeMonths(3).maxDosesPerDay(2).maxCourseDays(28).build(),
                cetirizine(CETIRIZINE_DROPS, "西替利嗪滴剂 10 mg/mL（2-6岁）", "Cetirizine oral drops 10 mg/mL (2 to 6 years)",
                        "oral drops 10 mg/mL; 2.5 mg (0.25 mL) once or twice daily, at most 5 mg a day")
                        .fixedDose(2.5).maxPerDose(2.5).maxPerDay(5.0).maxDosesPerDay(2).minIntervalHours(12)
                        .minAgeMonths(24).maxAgeMonths(72).build(),
                cetirizine(CETIRIZINE_DROPS_6Y, "西替利嗪滴剂 10 mg/mL（6岁及以上）",
                        "Cetirizine oral drops 10 mg/mL (6 years and over)",
                        "oral drops 10 mg/mL; 5-10 mg (0.5-1 mL) once daily, at most 10 mg a day")
                        .fixedDose(10.0).maxPerDose(10.0).maxPerDay(10.0).maxDosesPerDay(1)
                        .minAgeMonths(72).build());
    }

    /** A topical: grams per application, on the skin. */
    private static FormularyEntry.Builder topical(String code, String zh, String en, String form) {
        return FormularyEntry.builder(code, LocalizedText.of(zh, en), form)
                .route(Route.TOP).unit(Unit.G).storage(Storage.AMBIENT).controlledClass(ControlledClass.NONE);
    }

    private static FormularyEntry.Builder cetirizine(String code, String zh, String en, String form) {
        return FormularyEntry.builder(code, LocalizedText.of(zh, en), form)
                .route(Route.PO).unit(Unit.MG).concentrationPerMl(10.0)
                .ingredient("cetirizine").drugClass(H1_ANTIHISTAMINE)
                .storage(Storage.AMBIENT).controlledClass(ControlledClass.NONE);
    }
}
