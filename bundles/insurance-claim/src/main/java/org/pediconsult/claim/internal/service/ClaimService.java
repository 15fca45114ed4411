package org.pediconsult.claim.internal.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.claim.api.ClaimDTO;
import org.pediconsult.claim.api.ClaimLine;
import org.pediconsult.claim.api.ClaimState;
import org.pediconsult.claim.api.Claims;
import org.pediconsult.claim.api.CoverageDTO;
import org.pediconsult.claim.internal.qualification.ClaimFacts;
import org.pediconsult.claim.internal.qualification.DrugPricing;
import org.pediconsult.claim.internal.qualification.Qualification;
import org.pediconsult.claim.internal.qualification.RuleSets;
import org.pediconsult.claim.internal.store.ClaimStore;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.event.EventOutbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Claims (work in progress, branch {@code claims}): a consultation that ended is drafted and qualified under the
 * rule-set version in effect on its day, in the ending event's transaction: QUALIFIED with its lines, or
 * INELIGIBLE with every reason (the family sees why). Rule sets are read from the configuration on each change
 * ({@code @Modified}: a new version applies without a restart). Submission, answers, adjudication, corrections
 * and reconciliation are still to come (see docs/issue16-design.md).
 */
@Component(service = {ClaimService.class, Claims.class}, configurationPid = "org.pediconsult.claim")
@Designate(ocd = ClaimConfig.class)
public class ClaimService implements Claims {
    static final String MODULE = "claim";
    static final String NOTHING_TO_CLAIM = "every drug line is self-pay: nothing to claim (药品均为自费，无可申报项目)";
    private static final Logger LOG = LoggerFactory.getLogger(ClaimService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Tx tx;
    private final Clock clock;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final InterfaceRecords consultations;
    private final ClaimStore store = new ClaimStore();
    private volatile RuleSets ruleSets;
    private volatile ZoneId zone;
    private volatile String defaultPayer;

    @Activate
    public ClaimService(BundleContext context, @Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                        @Reference SchemaMigrations migrations, @Reference Clock clock, @Reference AuditTrail audit,
                        @Reference EventOutbox outbox, @Reference InterfaceRecords consultations, ClaimConfig config,
                        Map<String, Object> properties) {
        migrations.migrate(context.getBundle(), MODULE);
        this.tx = new Tx(dataSource);
        this.clock = clock;
        this.audit = audit;
        this.outbox = outbox;
        this.consultations = consultations;
        configure(config, properties);
    }

    @Modified
    void configure(ClaimConfig config, Map<String, Object> properties) {
        this.ruleSets = RuleSets.parse(properties);
        this.zone = ZoneId.of(config.zone());
        this.defaultPayer = config.default_payer().isBlank() ? null : config.default_payer();
    }

    /** A consultation ended (completed, referred, cancelled, no-show): its claim, once (a redelivered event finds it). */
    public ClaimDTO consultationEnded(Connection c, String consultationId, String actor) throws SQLException {
        List<ClaimDTO> existing = store.byConsultation(c, consultationId);
        if (!existing.isEmpty()) {
            return existing.get(existing.size() - 1);
        }
        ConsultationRecord k = consultations.consultation(consultationId, "claim", "claim drafting")
                .orElseThrow(() -> new IllegalStateException("consultation " + consultationId + " not found"));
        CoverageDTO coverage = store.coverage(c, k.child.id);
        Qualification.Result q = Qualification.run(ClaimFacts.of(k, coverage, zone), ruleSets);
        ClaimDTO claim = new ClaimDTO();
        claim.id = Ids.newId();
        claim.consultationId = consultationId;
        claim.childId = k.child.id;
        claim.specialtyId = k.consultation.specialtyId;
        claim.institution = k.physician == null ? null : k.physician.institution;
        claim.payer = coverage != null && coverage.payer != null ? coverage.payer : defaultPayer;
        claim.version = 1;
        claim.state = q.claimable() ? ClaimState.QUALIFIED : ClaimState.INELIGIBLE;
        claim.ruleSetVersion = q.ruleSetVersion();
        claim.reasons = q.reasonsEn();
        List<ClaimStore.DrugDispense> waiting = store.dispenses(c, consultationId, null);
        claim.lines = new ArrayList<>(q.lines());
        claim.lines.addAll(drugLines(waiting, q.claimable(), q.reasonsEn()));
        claim.coverage = coverage;
        claim.claimed = sum(claim.lines, false);
        claim.selfPay = sum(claim.lines, true);
        claim.createdAt = clock.instant();
        store.insert(c, claim);
        charge(c, waiting, null, claim.id);
        store.insertStep(c, claim.id, claim.createdAt, null, claim.state, actor, claim.ruleSetVersion);
        outbox.append(c, outbox.newEvent("claim", claim.state == ClaimState.QUALIFIED ? "qualified" : "ineligible", 1,
                claim.id, payload(claim)));
        audit.record(c, new AuditEntry(actor, AuditEntry.Action.CREATE, "claim", claim.id, claim.childId,
                claim.state + (claim.reasons == null || claim.reasons.isEmpty() ? "" : ": " + String.join("; ", claim.reasons))));
        return claim;
    }

    /**
     * Version n+1 of a rejected claim (n+1 after the consultation's newest version): qualified again now, new line
     * transaction ids (the insurer's idempotency keys). A visit's claim is qualified and priced again, with its drugs
     * and the drugs that waited for it; a drug version ({@link #drugOnly}) repeats only its drugs (claimable if the
     * consultation qualifies now).
     */
    ClaimDTO newVersion(Connection c, ClaimDTO rejected, String actor) throws SQLException {
        ConsultationRecord k = consultations.consultation(rejected.consultationId, "claim", "claim resubmission")
                .orElseThrow(() -> new IllegalStateException("consultation " + rejected.consultationId + " not found"));
        List<ClaimDTO> versions = store.byConsultation(c, rejected.consultationId);
        ClaimDTO latest = versions.get(versions.size() - 1);
        CoverageDTO coverage = store.coverage(c, rejected.childId);
        Qualification.Result q = Qualification.run(ClaimFacts.of(k, coverage, zone), ruleSets);
        boolean drugOnly = drugOnly(rejected);
        List<ClaimStore.DrugDispense> charged = store.dispenses(c, rejected.consultationId, rejected.id);
        List<ClaimStore.DrugDispense> waiting = store.dispenses(c, rejected.consultationId, null);
        List<ClaimLine> lines = new ArrayList<>(drugOnly ? List.of() : q.lines());
        lines.addAll(drugLines(charged, q.claimable(), q.reasonsEn()));
        lines.addAll(drugLines(waiting, q.claimable(), q.reasonsEn()));
        ClaimDTO claim = new ClaimDTO();
        claim.id = Ids.newId();
        claim.consultationId = rejected.consultationId;
        claim.childId = rejected.childId;
        claim.specialtyId = rejected.specialtyId;
        claim.institution = rejected.institution;
        claim.payer = coverage != null && coverage.payer != null ? coverage.payer : rejected.payer;
        claim.version = latest.version + 1;
        claim.previousId = rejected.id;
        boolean claimed = lines.stream().anyMatch(l -> !l.selfPay);
        claim.state = q.claimable() && (!drugOnly || claimed) ? ClaimState.QUALIFIED : ClaimState.INELIGIBLE;
        claim.ruleSetVersion = q.ruleSetVersion();
        claim.reasons = q.claimable() && drugOnly && !claimed ? List.of(NOTHING_TO_CLAIM) : q.reasonsEn();
        claim.lines = lines;
        claim.coverage = coverage;
        claim.claimed = sum(lines, false);
        claim.selfPay = sum(lines, true);
        claim.createdAt = clock.instant();
        store.insert(c, claim);
        charge(c, charged, rejected.id, claim.id);
        charge(c, waiting, null, claim.id);
        store.insertStep(c, claim.id, claim.createdAt, null, claim.state, actor, "version " + claim.version + " of " + rejected.id);
        outbox.append(c, outbox.newEvent("claim", claim.state == ClaimState.QUALIFIED ? "qualified" : "ineligible", 1,
                claim.id, payload(claim)));
        audit.record(c, new AuditEntry(actor, AuditEntry.Action.CREATE, "claim", claim.id, claim.childId,
                "resubmission of " + rejected.id));
        return claim;
    }

    /** Whether the dispense was recorded already (charged or waiting): the same dispense is never charged twice. */
    public boolean dispenseRecorded(Connection c, String dispenseId) throws SQLException {
        return store.dispenseRecorded(c, dispenseId);
    }

    /**
     * A dispense of the consultation's prescription: each item priced once with the rule set in effect on the
     * dispense day (in {@code zone}), recorded under the dispense id (a second time: nothing), then charged as a new
     * version at once when the consultation's claim allows ({@link #chargeWaitingDrugs}), else waiting.
     *
     * @return false when the dispense was recorded before
     */
    public boolean dispensed(Connection c, Dispensed d, String actor) throws SQLException {
        if (store.dispenseRecorded(c, d.id())) {
            return false;
        }
        LocalDate day = (d.dispensedAt() == null ? clock.instant() : d.dispensedAt()).atZone(zone).toLocalDate();
        RuleSets sets = ruleSets;
        List<DrugPricing.PricedDrug> drugs = new ArrayList<>();
        for (Dispensed.Item i : d.items()) {
            DrugPricing.PricedDrug p = DrugPricing.price(sets, day, d.id(), i.itemIndex(), i.productCode(), i.prescribedCode(),
                    i.name(), i.quantity(), i.unit());
            if (!p.priced()) {
                LOG.warn("dispense {} of consultation {}: {} is self-pay with amount 0, flagged {}: {}", d.id(), d.consultationId(),
                        p.code(), DrugPricing.UNPRICED, p.problem().en());
            }
            drugs.add(p);
        }
        store.insertDispense(c, new ClaimStore.DrugDispense(d.id(), d.consultationId(), d.childId(), d.dispensedAt(), drugs, null),
                clock.instant());
        audit.record(c, new AuditEntry(actor, AuditEntry.Action.CREATE, "claim-dispense", d.id(), d.childId(),
                "consultation " + d.consultationId() + ": " + drugs.size() + " drugs priced, "
                        + drugs.stream().filter(x -> !x.priced()).count() + " without a price"));
        chargeWaitingDrugs(c, d.consultationId(), actor);
        return true;
    }

    /**
     * The consultation's waiting drugs as a new claim version after its newest one, unless there is no claim yet or
     * the consultation's claim ({@link #basis}) is REJECTED (they ride along with its resubmission). The version is
     * QUALIFIED (submitted like any claim) when the consultation's claim qualified and a drug line is claimed;
     * otherwise INELIGIBLE: the consultation's reasons (every drug self-pay), or "nothing to claim".
     *
     * @return the new version, or null when nothing was charged
     */
    public ClaimDTO chargeWaitingDrugs(Connection c, String consultationId, String actor) throws SQLException {
        List<ClaimDTO> versions = store.byConsultation(c, consultationId);
        if (versions.isEmpty()) {
            return null;
        }
        ClaimDTO basis = basis(versions);
        if (basis.state == ClaimState.REJECTED) {
            return null;
        }
        List<ClaimStore.DrugDispense> waiting = store.dispenses(c, consultationId, null);
        if (waiting.isEmpty()) {
            return null;
        }
        ClaimDTO latest = versions.get(versions.size() - 1);
        boolean claimable = basis.state != ClaimState.INELIGIBLE;
        List<String> why = basis.reasons == null ? List.of() : basis.reasons;
        List<ClaimLine> lines = drugLines(waiting, claimable, why);
        boolean claimed = lines.stream().anyMatch(l -> !l.selfPay);
        ClaimDTO claim = new ClaimDTO();
        claim.id = Ids.newId();
        claim.consultationId = consultationId;
        claim.childId = basis.childId;
        claim.specialtyId = basis.specialtyId;
        claim.institution = basis.institution;
        claim.payer = basis.payer;
        claim.version = latest.version + 1;
        claim.previousId = null; // a drug version follows no version: a later rejection of an earlier one is still resubmitted
        claim.state = claimable && claimed ? ClaimState.QUALIFIED : ClaimState.INELIGIBLE;
        claim.ruleSetVersion = waiting.stream().flatMap(w -> w.drugs().stream()).map(DrugPricing.PricedDrug::ruleSetVersion)
                .filter(java.util.Objects::nonNull).findFirst().orElse(basis.ruleSetVersion);
        claim.reasons = !claimable ? why : claimed ? List.of() : List.of(NOTHING_TO_CLAIM);
        claim.lines = lines;
        claim.coverage = basis.coverage;
        claim.claimed = sum(lines, false);
        claim.selfPay = sum(lines, true);
        claim.createdAt = clock.instant();
        store.insert(c, claim);
        charge(c, waiting, null, claim.id);
        store.insertStep(c, claim.id, claim.createdAt, null, claim.state, actor, "drugs of dispense "
                + waiting.stream().map(ClaimStore.DrugDispense::dispenseId).collect(java.util.stream.Collectors.joining(", ")));
        outbox.append(c, outbox.newEvent("claim", claim.state == ClaimState.QUALIFIED ? "qualified" : "ineligible", 1,
                claim.id, payload(claim)));
        audit.record(c, new AuditEntry(actor, AuditEntry.Action.CREATE, "claim", claim.id, claim.childId,
                "drug lines (" + lines.size() + ") of consultation " + consultationId + ": " + claim.state));
        return claim;
    }

    /** A version whose lines are all drug lines (a drug version), as opposed to a visit's claim or a correction. */
    static boolean drugOnly(ClaimDTO v) {
        return v.lines != null && !v.lines.isEmpty() && v.lines.stream().allMatch(l -> l.dispenseId != null);
    }

    /** The consultation's claim the drugs follow: the newest version that is neither a drug version nor a correction. */
    static ClaimDTO basis(List<ClaimDTO> versions) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            ClaimDTO v = versions.get(i);
            boolean correction = v.lines != null && v.lines.stream().anyMatch(l -> "CD".equals(l.type) || "AJ".equals(l.type));
            if (!drugOnly(v) && !correction) {
                return v;
            }
        }
        return versions.get(0);
    }

    private static List<ClaimLine> drugLines(List<ClaimStore.DrugDispense> dispenses, boolean claimable, List<String> why) {
        List<ClaimLine> lines = new ArrayList<>();
        for (ClaimStore.DrugDispense d : dispenses) {
            for (DrugPricing.PricedDrug p : d.drugs()) {
                lines.addAll(DrugPricing.lines(p, claimable, why));
            }
        }
        return lines;
    }

    /** Moves the dispenses to the version that charges them; one moved meanwhile rolls the transaction back. */
    private void charge(Connection c, List<ClaimStore.DrugDispense> dispenses, String from, String to) throws SQLException {
        for (ClaimStore.DrugDispense d : dispenses) {
            if (!store.chargeDispense(c, d.dispenseId(), from, to)) {
                throw new IllegalStateException("dispense " + d.dispenseId() + " was charged meanwhile");
            }
        }
    }

    /** A correction version after {@code latest}: one CD/AJ line, QUALIFIED, the corrected claim's coverage and payer. */
    ClaimDTO correctionVersion(Connection c, ClaimDTO latest, ClaimDTO corrected, ClaimLine line, String actor) throws SQLException {
        ClaimDTO claim = new ClaimDTO();
        claim.id = Ids.newId();
        claim.consultationId = corrected.consultationId;
        claim.childId = corrected.childId;
        claim.specialtyId = corrected.specialtyId;
        claim.institution = corrected.institution;
        claim.payer = corrected.payer;
        claim.version = latest.version + 1;
        claim.previousId = corrected.id;
        claim.state = ClaimState.QUALIFIED;
        claim.ruleSetVersion = corrected.ruleSetVersion;
        claim.reasons = List.of();
        claim.lines = List.of(line);
        claim.coverage = corrected.coverage;
        claim.claimed = "CD".equals(line.type) ? line.amount.negate() : line.amount;
        claim.selfPay = BigDecimal.ZERO.setScale(2);
        claim.createdAt = clock.instant();
        store.insert(c, claim);
        store.insertStep(c, claim.id, claim.createdAt, null, claim.state, actor, line.type + " of line " + line.originalLineId);
        outbox.append(c, outbox.newEvent("claim", "qualified", 1, claim.id, payload(claim)));
        audit.record(c, new AuditEntry(actor, AuditEntry.Action.CREATE, "claim", claim.id, claim.childId,
                "correction " + line.type + " of " + corrected.id));
        return claim;
    }

    @Override
    public List<ClaimDTO> ofConsultation(String consultationId, String source, String purpose) {
        List<ClaimDTO> list = tx.read(c -> store.byConsultation(c, consultationId));
        audit.record(new AuditEntry(source, AuditEntry.Action.READ, "claim-list", consultationId, null, purpose));
        return list;
    }

    static BigDecimal sum(List<ClaimLine> lines, boolean selfPay) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (ClaimLine l : lines) {
            if (l.selfPay == selfPay && l.amount != null && !"CD".equals(l.type)) {
                total = total.add(l.amount);
            }
        }
        return total;
    }

    private static String payload(ClaimDTO k) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("claimId", k.id);
        data.put("consultationId", k.consultationId);
        data.put("childId", k.childId);
        data.put("version", k.version);
        data.put("state", k.state.name());
        data.put("payer", k.payer);
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Instant now() {
        return clock.instant();
    }
}
