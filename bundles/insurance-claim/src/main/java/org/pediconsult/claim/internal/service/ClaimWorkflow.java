package org.pediconsult.claim.internal.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.claim.api.ClaimDTO;
import org.pediconsult.claim.api.ClaimLine;
import org.pediconsult.claim.api.ClaimState;
import org.pediconsult.claim.api.InsurerAdapter;
import org.pediconsult.claim.internal.hl7.ClaimReader;
import org.pediconsult.claim.internal.store.ClaimStore;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.event.EventOutbox;
import org.pediconsult.platform.api.security.AuthenticatedUser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A claim after qualification: submitted once per version through its payer's adapter (idempotent: a
 * SUBMITTED claim is not sent again), answered (REST at once; HL7 by the insurer's ACK), adjudicated by the
 * insurer's callback, resubmitted after a rejection as a new version with new transaction ids. Every
 * change is a step, an event {@code claim.<state>} and an audit entry, in one transaction.
 */
@Component(service = {ClaimWorkflow.class, ClaimReader.class})
public class ClaimWorkflow implements ClaimReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Tx tx;
    private final Clock clock;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final Insurers insurers;
    private final ClaimService claims;
    private final ClaimStore store = new ClaimStore();

    @Activate
    public ClaimWorkflow(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource, @Reference Clock clock,
                         @Reference AuditTrail audit, @Reference EventOutbox outbox, @Reference Insurers insurers,
                         @Reference ClaimService claims) {
        this.tx = new Tx(dataSource);
        this.clock = clock;
        this.audit = audit;
        this.outbox = outbox;
        this.insurers = insurers;
        this.claims = claims;
    }

    /** Submits a QUALIFIED claim (or retries one whose insurer was unreachable); a SUBMITTED one is not sent twice. */
    public ClaimDTO submit(String claimId, String actor) {
        ClaimDTO k = tx.read(c -> store.byId(c, claimId));
        if (k == null) {
            throw ProblemException.notFound("claim");
        }
        if (k.state != ClaimState.QUALIFIED) {
            throw ProblemException.conflict("not_submittable", "only a qualified claim is submitted (this one is " + k.state + ")");
        }
        InsurerAdapter adapter = insurers.of(k.payer);
        if (adapter == null) {
            throw ProblemException.conflict("no_insurer", "no insurer adapter for payer " + k.payer
                    + ": add etc/org.pediconsult.claim.insurer-<payer>.cfg");
        }
        InsurerAdapter.Submission answer;
        try {
            answer = adapter.submit(k);
        } catch (Exception e) {
            answer = new InsurerAdapter.Submission(InsurerAdapter.Outcome.RETRY, List.of("the adapter failed: " + e.getClass().getSimpleName()));
        }
        if (answer.outcome() == InsurerAdapter.Outcome.RETRY) {
            throw new ProblemException(503, "insurer_unreachable", String.join("; ", answer.reasons()));
        }
        boolean hl7 = adapter instanceof ConfiguredInsurer ci && ci.hl7();
        InsurerAdapter.Submission result = answer;
        return tx.inTransaction(c -> {
            Instant now = clock.instant();
            k.submittedAt = now;
            move(c, k, ClaimState.QUALIFIED, ClaimState.SUBMITTED, actor, "payer " + k.payer, hl7 ? "HL7" : "REST", now);
            if (result.outcome() == InsurerAdapter.Outcome.ACCEPTED || result.outcome() == InsurerAdapter.Outcome.REJECTED) {
                answered(c, k, result.outcome() == InsurerAdapter.Outcome.ACCEPTED, result.reasons(), "insurer:" + k.payer, now);
            }
            return k;
        });
    }

    /** The insurer's answer to a submitted claim (REST at once, or the HL7 ACK later). */
    public void answered(Connection c, String claimId, boolean accepted, List<String> reasons, String actor) throws SQLException {
        ClaimDTO k = store.byId(c, claimId);
        if (k != null && k.state == ClaimState.SUBMITTED) {
            answered(c, k, accepted, reasons, actor, clock.instant());
        }
    }

    private void answered(Connection c, ClaimDTO k, boolean accepted, List<String> reasons, String actor, Instant now)
            throws SQLException {
        k.answeredAt = now;
        k.insurerReasons = accepted ? null : reasons;
        move(c, k, ClaimState.SUBMITTED, accepted ? ClaimState.ACCEPTED : ClaimState.REJECTED, actor,
                accepted ? null : String.join("; ", reasons), null, now);
    }

    /** The insurer pays per line: {@code paid} by line id; lines not named are paid 0. */
    public ClaimDTO adjudicate(AuthenticatedUser insurer, String claimId, Map<String, BigDecimal> paid) {
        return tx.inTransaction(c -> {
            ClaimDTO k = store.byId(c, claimId);
            if (k == null || !insurer.username().equalsIgnoreCase("insurer." + k.payer)) {
                throw ProblemException.notFound("claim");
            }
            if (k.state != ClaimState.ACCEPTED) {
                throw ProblemException.conflict("not_adjudicable", "only an accepted claim is adjudicated (this one is " + k.state + ")");
            }
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (ClaimLine l : k.lines) {
                BigDecimal p = paid.get(l.lineId);
                if (l.selfPay) {
                    continue;
                }
                if (p != null && (p.signum() < 0 || p.compareTo(l.amount) > 0)) {
                    throw ProblemException.badField("lines", "line " + l.lineId + ": paid must be between 0 and " + l.amount);
                }
                l.paidAmount = p == null ? BigDecimal.ZERO.setScale(2) : p.setScale(2, java.math.RoundingMode.HALF_UP);
                total = total.add(l.paidAmount);
            }
            k.paid = total;
            Instant now = clock.instant();
            k.adjudicatedAt = now;
            String outcome = total.signum() == 0 ? "DENIED" : total.compareTo(k.claimed) < 0 ? "PARTIAL" : "PAID";
            move(c, k, ClaimState.ACCEPTED, ClaimState.ADJUDICATED, insurer.username(), outcome, null, now);
            return k;
        });
    }

    /** A rejected claim resubmitted: version n+1, qualified again, with new transaction ids (201). */
    public ClaimDTO resubmit(AuthenticatedUser billing, String claimId) {
        ClaimDTO k = tx.read(c -> store.byId(c, claimId));
        if (k == null) {
            throw ProblemException.notFound("claim");
        }
        if (k.state != ClaimState.REJECTED) {
            throw ProblemException.conflict("not_rejected", "only a rejected claim is resubmitted (this one is " + k.state + ")");
        }
        return tx.inTransaction(c -> {
            List<ClaimDTO> versions = store.byConsultation(c, k.consultationId);
            if (versions.stream().anyMatch(v -> k.id.equals(v.previousId) && v.version > k.version)) {
                throw ProblemException.conflict("already_resubmitted", "this claim already has a newer version");
            }
            return claims.newVersion(c, k, billing.username());
        });
    }

    /**
     * A correction of an accepted (or adjudicated) claim: a new version whose only line is a credit (CD, a positive
     * amount up to the original line's) or an adjustment (AJ, a signed amount) naming the original line's
     * transaction id; qualified at once and submitted like any claim. Never an edit in place.
     */
    public ClaimDTO correct(AuthenticatedUser billing, String claimId, String type, String originalLineId, BigDecimal amount,
                            String reason) {
        if (!"CD".equals(type) && !"AJ".equals(type)) {
            throw ProblemException.badField("type", "CD (credit) or AJ (adjustment)");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.badField("reason", "a reason is required, at most 500 characters");
        }
        if (amount == null || amount.signum() == 0 || amount.scale() > 2) {
            throw ProblemException.badField("amount", "a non-zero amount in yuan, at most 2 decimals");
        }
        return tx.inTransaction(c -> {
            ClaimDTO k = store.byId(c, claimId);
            if (k == null) {
                throw ProblemException.notFound("claim");
            }
            if (k.state != ClaimState.ACCEPTED && k.state != ClaimState.ADJUDICATED) {
                throw ProblemException.conflict("not_correctable", "only an accepted or adjudicated claim is corrected (this one is "
                        + k.state + ")");
            }
            List<ClaimDTO> versions = store.byConsultation(c, k.consultationId);
            ClaimLine original = null;
            for (ClaimDTO v : versions) {
                for (ClaimLine l : v.lines) {
                    if (l.lineId.equals(originalLineId) && !l.selfPay && "CG".equals(l.type)) {
                        original = l;
                    }
                }
            }
            if (original == null) {
                throw ProblemException.badField("originalLineId", "not a claimed charge line of this consultation");
            }
            if ("CD".equals(type) && (amount.signum() < 0 || amount.compareTo(original.amount) > 0)) {
                throw ProblemException.badField("amount", "a credit is between 0 and the original line's " + original.amount);
            }
            ClaimLine line = new ClaimLine();
            line.lineId = Ids.newId();
            line.type = type;
            line.itemCode = original.itemCode;
            line.description = original.description;
            line.drugCode = original.drugCode;
            line.quantityUnit = original.quantityUnit;
            line.quantity = BigDecimal.ONE;
            line.unitAmount = amount;
            line.amount = amount;
            line.reason = reason.strip();
            line.originalLineId = original.lineId;
            return claims.correctionVersion(c, versions.get(versions.size() - 1), k, line, billing.username());
        });
    }

    public List<ClaimDTO> list(AuthenticatedUser user, ClaimState state) {
        List<ClaimDTO> list = tx.read(c -> state == null ? store.recent(c, 500) : store.byState(c, state, 500));
        java.util.Set<String> patients = new java.util.HashSet<>();
        list.forEach(k -> patients.add(k.childId));
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "claim-list", state == null ? null : state.name(), null,
                list.size() + " claims").withPatients(patients));
        return list;
    }

    public ClaimDTO get(AuthenticatedUser user, String id) {
        ClaimDTO k = tx.read(c -> store.byId(c, id));
        if (k == null) {
            throw ProblemException.notFound("claim");
        }
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "claim", id, k.childId, null));
        return k;
    }

    @Override
    public Optional<ClaimDTO> claim(String id, String source, String purpose) {
        ClaimDTO k = tx.read(c -> store.byId(c, id));
        if (k != null) {
            audit.record(new AuditEntry(source, AuditEntry.Action.READ, "claim", id, k.childId, purpose));
        }
        return Optional.ofNullable(k);
    }

    private void move(Connection c, ClaimDTO k, ClaimState from, ClaimState to, String actor, String note, String transport,
                      Instant now) throws SQLException {
        k.state = to;
        if (!store.update(c, k, now)) {
            throw ProblemException.conflict("concurrent_change", "the claim was changed meanwhile; reload it");
        }
        store.insertStep(c, k.id, now, from, to, actor, note);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("claimId", k.id);
        data.put("consultationId", k.consultationId);
        data.put("childId", k.childId);
        data.put("version", k.version);
        data.put("state", to.name());
        data.put("payer", k.payer);
        if (transport != null) {
            data.put("transport", transport);
        }
        try {
            outbox.append(c, outbox.newEvent("claim", to.name().toLowerCase(java.util.Locale.ROOT), 1, k.id, JSON.writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        audit.record(c, new AuditEntry(actor, AuditEntry.Action.UPDATE, "claim", k.id, k.childId, from + " -> " + to
                + (note == null ? "" : ": " + note)));
    }

    static List<String> reasons(String text) {
        List<String> out = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            out.add(text);
        }
        return out;
    }
}
