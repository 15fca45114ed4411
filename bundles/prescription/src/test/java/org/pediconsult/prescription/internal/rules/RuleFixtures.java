package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.BodySite;
import org.pediconsult.specialty.api.FormularyEntry.Route;
import org.pediconsult.specialty.api.FormularyEntry.Unit;
import org.pediconsult.specialty.api.LocalizedText;

/** Formulary entries (public label values, built here, not taken from the specialty bundles) and a context builder. */
final class RuleFixtures {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private RuleFixtures() {
    }

    /** 32 mg/mL; 15 mg/kg/dose, 1 g/dose, 60 mg/kg and 4 g per day, 4 doses, every 4 h, 3 days. */
    static FormularyEntry paracetamol() {
        return FormularyEntry.builder("PARACETAMOL-SUSP", LocalizedText.of("对乙酰氨基酚混悬液", "Paracetamol oral suspension"), "oral suspension 32 mg/mL")
                .unit(Unit.MG).concentrationPerMl(32.0).perKgPerDose(15.0).maxPerDose(1000.0).maxPerKgPerDay(60.0).maxPerDay(4000.0)
                .maxDosesPerDay(4).minIntervalHours(4).maxCourseDays(3)
                .ingredient("paracetamol").drugClass("analgesic-antipyretic").build();
    }

    /** Same ingredient as {@link #paracetamol()}, another code. */
    static FormularyEntry paracetamolTablets() {
        return FormularyEntry.builder("PARACETAMOL-TAB", LocalizedText.of("对乙酰氨基酚片", "Paracetamol tablets"), "tablet 500 mg")
                .unit(Unit.MG).perKgPerDose(15.0).maxPerDose(1000.0)
                .ingredient("paracetamol").drugClass("analgesic-antipyretic").build();
    }

    /** 20 mg/mL; 10 mg/kg/dose, 40 mg/kg/day, 400 mg/dose, 1200 mg/day, 4 doses, every 6 h, from 90 days and 5 kg, 3 days. */
    static FormularyEntry ibuprofen() {
        return FormularyEntry.builder("IBUPROFEN-SUSP", LocalizedText.of("布洛芬混悬液", "Ibuprofen oral suspension"), "oral suspension 20 mg/mL")
                .unit(Unit.MG).concentrationPerMl(20.0).perKgPerDose(10.0).maxPerKgPerDay(40.0).maxPerDose(400.0).maxPerDay(1200.0)
                .maxDosesPerDay(4).minIntervalHours(6).minAgeDays(90).minWeightKg(5.0).maxCourseDays(3)
                .ingredient("ibuprofen").drugClass("nsaid").build();
    }

    /** 10 mg/mL drops; 2.5 mg, at most 5 mg/dose and 5 mg/day, twice a day, 2 to under 6 years. */
    static FormularyEntry cetirizine() {
        return FormularyEntry.builder("CETIRIZINE-DROPS", LocalizedText.of("西替利嗪滴剂", "Cetirizine drops"), "oral drops 10 mg/mL")
                .unit(Unit.MG).concentrationPerMl(10.0).fixedDose(2.5).maxPerDose(5.0).maxPerDay(5.0).maxDosesPerDay(2)
                .minAgeMonths(24).maxAgeMonths(72)
                .ingredient("cetirizine").drugClass("h1-antihistamine").build();
    }

    /** Clobetasol propionate 0.05%: 12 years and over, 50 g a week, not face, groin, axillae. */
    static FormularyEntry clobetasol() {
        return FormularyEntry.builder("CLOBETASOL-CREAM", LocalizedText.of("丙酸氯倍他索乳膏", "Clobetasol propionate cream 0.05%"), "cream 0.05%")
                .unit(Unit.G).route(Route.TOP).maxGramsPerWeek(50.0).minAgeMonths(144)
                .forbiddenSites(BodySite.FACE, BodySite.GROIN, BodySite.AXILLAE)
                .ingredient("clobetasol propionate").drugClass("potent-topical-corticosteroid").build();
    }

    /** Mometasone furoate 0.1%: a topical with no forbidden site. */
    static FormularyEntry mometasone() {
        return FormularyEntry.builder("MOMETASONE-CREAM", LocalizedText.of("糠酸莫米松乳膏", "Mometasone furoate cream 0.1%"), "cream 0.1%")
                .unit(Unit.G).route(Route.TOP).minAgeMonths(24)
                .ingredient("mometasone furoate").drugClass("topical-corticosteroid").build();
    }

    /** Zinc 10 mg once a day, under 6 months, 14 days. */
    static FormularyEntry zincUnder6Months() {
        return FormularyEntry.builder("ZINC-10MG", LocalizedText.of("锌（6月龄以下）", "Zinc (under 6 months)"), "tablet 10 mg")
                .unit(Unit.MG).fixedDose(10.0).maxPerDose(10.0).maxPerDay(10.0).maxDosesPerDay(1).maxAgeMonths(6).maxCourseDays(14)
                .ingredient("zinc").drugClass("zinc-supplement").build();
    }

    /** Vitamin D 400 IU, no weight, age or course limit. */
    static FormularyEntry vitaminD() {
        return FormularyEntry.builder("VITD3-400IU", LocalizedText.of("维生素D3滴剂", "Vitamin D3 drops"), "oral drops 400 IU")
                .unit(Unit.IU).fixedDose(400.0).maxPerDose(1000.0).maxPerDay(1000.0).maxDosesPerDay(1)
                .ingredient("cholecalciferol").drugClass("vitamin-d").build();
    }

    /** Oral rehydration salts in mL per kg (WHO plan B 75 mL/kg). */
    static FormularyEntry ors() {
        return FormularyEntry.builder("ORS-LOW-OSM", LocalizedText.of("低渗口服补液盐", "Oral rehydration salts"), "powder")
                .unit(Unit.ML).perKgPerDose(75.0).ingredient("oral-rehydration-salts").build();
    }

    /** An entry with a control class and otherwise harmless limits. */
    static FormularyEntry controlled(FormularyEntry.ControlledClass controlledClass) {
        return FormularyEntry.builder("CODEINE-SYRUP", LocalizedText.of("可待因糖浆", "Codeine syrup"), "syrup")
                .unit(Unit.MG).maxPerDose(30.0).ingredient("codeine").drugClass("opioid").controlledClass(controlledClass).build();
    }

    /** A complete item: quantity 1 bottle. */
    static PrescriptionItem item(FormularyEntry entry, double dose, Unit unit, String frequency, int days) {
        PrescriptionItem item = new PrescriptionItem();
        item.code = entry == null ? "UNKNOWN" : entry.code;
        item.dose = dose;
        item.unit = unit;
        item.frequency = frequency;
        item.durationDays = days;
        item.quantity = 1.0;
        item.quantityUnit = "bottle";
        return item;
    }

    /** A topical item: grams per application, on these sites. */
    static PrescriptionItem topical(FormularyEntry entry, double grams, String frequency, int days, BodySite... sites) {
        PrescriptionItem item = item(entry, grams, Unit.G, frequency, days);
        item.quantity = 30.0;
        item.quantityUnit = "g";
        item.sites = new ArrayList<>(Arrays.asList(sites));
        return item;
    }

    static Rx rx() {
        return new Rx();
    }

    /** Builds a context: a 5-year-old weighed today at 20 kg, no allergies, nothing active, default limits. */
    static final class Rx {
        private final List<PrescriptionItem> items = new ArrayList<>();
        private final List<FormularyEntry> entries = new ArrayList<>();
        private boolean emergency;
        private String chronicReason;
        private LocalDate birthDate = TODAY.minusYears(5);
        private Double weightKg = 20.0;
        private LocalDate weightDate = TODAY;
        private Set<String> allergies = Set.of();
        private Set<String> active = Set.of();
        private RuleContext.Limits limits = RuleContext.Limits.defaults();

        Rx add(FormularyEntry entry, PrescriptionItem item) {
            entries.add(entry);
            items.add(item);
            return this;
        }

        Rx weight(Double kg) {
            this.weightKg = kg;
            return this;
        }

        Rx weight(Double kg, LocalDate date) {
            this.weightKg = kg;
            this.weightDate = date;
            return this;
        }

        Rx born(LocalDate date) {
            this.birthDate = date;
            return this;
        }

        Rx emergency() {
            this.emergency = true;
            return this;
        }

        Rx chronic(String reason) {
            this.chronicReason = reason;
            return this;
        }

        Rx allergies(String... values) {
            this.allergies = new HashSet<>(Arrays.asList(values));
            return this;
        }

        Rx active(String... ingredients) {
            this.active = new HashSet<>(Arrays.asList(ingredients));
            return this;
        }

        Rx limits(RuleContext.Limits limits) {
            this.limits = limits;
            return this;
        }

        RuleContext context() {
            return new RuleContext(items, entries, emergency, chronicReason, TODAY, birthDate, weightKg, weightDate,
                    allergies, active, limits);
        }

        List<CheckResult> check(PrescriptionRule rule) {
            List<CheckResult> out = new ArrayList<>();
            rule.check(context(), out);
            for (CheckResult r : out) {
                assertEquals(rule.name(), r.rule);
            }
            return out;
        }

        /** The rule's only result (asserts there is exactly one). */
        CheckResult one(PrescriptionRule rule) {
            List<CheckResult> out = check(rule);
            assertEquals(1, out.size(), () -> "results: " + describe(out));
            return out.get(0);
        }

        List<CheckResult> all() {
            return PrescriptionChecks.run(context());
        }
    }

    static String describe(List<CheckResult> results) {
        return results.stream().map(r -> r.item + " " + r.rule + " " + r.passed + " " + r.message)
                .collect(Collectors.joining("\n"));
    }

    static List<CheckResult> refusals(List<CheckResult> results) {
        return results.stream().filter(r -> !r.passed).collect(Collectors.toList());
    }
}
