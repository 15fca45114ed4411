package org.pediconsult.prescription.internal.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pediconsult.consultation.api.ChildRecords;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.prescription.api.PrescriptionState;
import org.pediconsult.prescription.internal.rules.PrescriptionChecks;
import org.pediconsult.prescription.internal.rules.RuleContext;
import org.pediconsult.prescription.internal.store.PrescriptionStore;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Specialty;

/**
 * Runs the checks on a prescription: fills each item from the formulary entry of the consultation's
 * specialty (installed specialties, live), gathers the child's facts as the physician sees them (weight,
 * allergies) and the ingredients of the child's other active prescriptions, and runs the prescriber's
 * eligibility and every rule of {@link PrescriptionChecks}.
 */
final class PrescriptionChecking {
    private final Tx tx;
    private final PrescriptionStore store;
    private final ChildRecords children;
    private final Map<String, Specialty> specialties;
    private final PrescriptionConfig config;
    private final ZoneId zone;
    private final Clock clock;

    PrescriptionChecking(Tx tx, PrescriptionStore store, ChildRecords children, Map<String, Specialty> specialties,
                         PrescriptionConfig config, ZoneId zone, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.children = children;
        this.specialties = specialties;
        this.config = config;
        this.zone = zone;
        this.clock = clock;
    }

    void apply(AuthenticatedUser user, ConsultationRecord k, PrescriptionDTO p, Draft d) {
        p.items = normalised(d.items, p.specialtyId);
        p.emergency = d.emergency;
        p.chronicReason = d.chronicReason == null || d.chronicReason.isBlank() ? null : d.chronicReason.strip();
        p.diagnosis = d.diagnosis != null && !d.diagnosis.isBlank() ? d.diagnosis.strip() : k.consultation.diagnosis;
        facts(user, k, p, d);
        p.checks = run(p, k, p.id);
    }

    void facts(AuthenticatedUser user, ConsultationRecord k, PrescriptionDTO p, Draft d) {
        p.childBirthDate = k.child.birthDate;
        p.childSex = k.child.sex;
        ChildFacts.Weight w = ChildFacts.weight(children, user, k.child.id, k.consultation.specialtyId, d.weightKg,
                d.weightDate, zone);
        p.weightKg = w.kg();
        p.weightDate = w.date();
        p.weightSource = w.source();
        p.allergies = ChildFacts.allergies(children, user, k.child.id);
    }

    /** The rules on {@code p} with the facts it carries, and the prescriber's eligibility. */
    List<CheckResult> run(PrescriptionDTO p, ConsultationRecord k, String selfId) {
        List<FormularyEntry> entries = new ArrayList<>();
        for (PrescriptionItem it : p.items) {
            entries.add(entry(p.specialtyId, it.code));
        }
        Set<String> active = activeIngredients(p.childId, selfId, p.previousId);
        RuleContext ctx = new RuleContext(p.items, entries, p.emergency, p.chronicReason, LocalDate.now(clock.withZone(zone)), p.childBirthDate,
                p.weightKg, p.weightDate, lower(p.allergies), active, limits());
        List<CheckResult> out = new ArrayList<>();
        if (k != null) {
            out.add(PrescriberEligibility.check(k.physician, p.specialtyId, LocalDate.now(clock.withZone(zone))));
        }
        out.addAll(PrescriptionChecks.run(ctx));
        return out;
    }

    /** The pharmacist's re-run: the facts kept with the prescription, today's date, the child's other active ones. */
    List<CheckResult> recheck(PrescriptionDTO p) {
        List<CheckResult> out = new ArrayList<>(run(p, null, p.id));
        p.checks.stream().filter(r -> PrescriberEligibility.RULE.equals(r.rule)).forEach(out::add);
        return out;
    }

    private Set<String> activeIngredients(String childId, String selfId, String previousId) {
        Set<String> out = new HashSet<>();
        for (PrescriptionDTO o : tx.read(c -> store.ofChild(c, childId, PrescriptionState.AWAITING_REVIEW,
                PrescriptionState.APPROVED))) {
            if (!o.id.equals(selfId) && !o.id.equals(previousId) && o.items != null) {
                o.items.forEach(i -> {
                    if (i.ingredient != null) {
                        out.add(i.ingredient);
                    }
                });
            }
        }
        return out;
    }

    List<PrescriptionItem> normalised(List<PrescriptionItem> items, String specialtyId) {
        List<PrescriptionItem> out = new ArrayList<>();
        for (PrescriptionItem it : items) {
            FormularyEntry e = entry(specialtyId, it.code);
            if (e != null) {
                it.name = e.name;
                it.ingredient = e.ingredient;
                it.form = e.form;
                it.route = e.route;
                it.storage = e.storage;
            } else {
                it.name = LocalizedText.of(it.code, it.code);
                it.ingredient = null;
                it.form = null;
                it.route = null;
                it.storage = null;
            }
            if (it.sites != null) {
                it.sites = it.sites.stream().distinct().toList();
            }
            out.add(it);
        }
        return out;
    }

    private FormularyEntry entry(String specialtyId, String code) {
        Specialty s = specialties.get(specialtyId);
        if (s == null || code == null) {
            return null;
        }
        for (FormularyEntry e : s.formulary()) {
            if (e.code.equals(code)) {
                return e;
            }
        }
        return null;
    }

    private RuleContext.Limits limits() {
        return new RuleContext.Limits(config.max_days(), config.emergency_max_days(), config.chronic_max_days(),
                config.weight_max_age_days());
    }

    private static Set<String> lower(List<String> list) {
        Set<String> out = new HashSet<>();
        if (list != null) {
            list.forEach(s -> out.add(s.toLowerCase(java.util.Locale.ROOT)));
        }
        return out;
    }

}
