package org.pediconsult.claim.internal.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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
        claim.lines = q.lines();
        claim.coverage = coverage;
        claim.claimed = sum(q.lines(), false);
        claim.selfPay = sum(q.lines(), true);
        claim.createdAt = clock.instant();
        store.insert(c, claim);
        store.insertStep(c, claim.id, claim.createdAt, null, claim.state, actor, claim.ruleSetVersion);
        outbox.append(c, outbox.newEvent("claim", claim.state == ClaimState.QUALIFIED ? "qualified" : "ineligible", 1,
                claim.id, payload(claim)));
        audit.record(c, new AuditEntry(actor, AuditEntry.Action.CREATE, "claim", claim.id, claim.childId,
                claim.state + (claim.reasons == null || claim.reasons.isEmpty() ? "" : ": " + String.join("; ", claim.reasons))));
        return claim;
    }

    /** Version n+1 of a rejected claim: qualified again now, new line transaction ids (the insurer's idempotency keys). */
    ClaimDTO newVersion(Connection c, ClaimDTO rejected, String actor) throws SQLException {
        ConsultationRecord k = consultations.consultation(rejected.consultationId, "claim", "claim resubmission")
                .orElseThrow(() -> new IllegalStateException("consultation " + rejected.consultationId + " not found"));
        CoverageDTO coverage = store.coverage(c, rejected.childId);
        Qualification.Result q = Qualification.run(ClaimFacts.of(k, coverage, zone), ruleSets);
        ClaimDTO claim = new ClaimDTO();
        claim.id = Ids.newId();
        claim.consultationId = rejected.consultationId;
        claim.childId = rejected.childId;
        claim.specialtyId = rejected.specialtyId;
        claim.institution = rejected.institution;
        claim.payer = coverage != null && coverage.payer != null ? coverage.payer : rejected.payer;
        claim.version = rejected.version + 1;
        claim.previousId = rejected.id;
        claim.state = q.claimable() ? ClaimState.QUALIFIED : ClaimState.INELIGIBLE;
        claim.ruleSetVersion = q.ruleSetVersion();
        claim.reasons = q.reasonsEn();
        claim.lines = q.lines();
        claim.coverage = coverage;
        claim.claimed = sum(q.lines(), false);
        claim.selfPay = sum(q.lines(), true);
        claim.createdAt = clock.instant();
        store.insert(c, claim);
        store.insertStep(c, claim.id, claim.createdAt, null, claim.state, actor, "version " + claim.version + " of " + rejected.id);
        outbox.append(c, outbox.newEvent("claim", claim.state == ClaimState.QUALIFIED ? "qualified" : "ineligible", 1,
                claim.id, payload(claim)));
        audit.record(c, new AuditEntry(actor, AuditEntry.Action.CREATE, "claim", claim.id, claim.childId,
                "resubmission of " + rejected.id));
        return claim;
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
