package org.pediconsult.prescription.internal.service;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.consultation.api.ChildRecords;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.platform.api.Problem;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.event.EventOutbox;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Reauthentication;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionState;
import org.pediconsult.prescription.api.Prescriptions;
import org.pediconsult.prescription.api.RejectionCategory;
import org.pediconsult.prescription.internal.signature.CanonicalContent;
import org.pediconsult.prescription.internal.signature.PrescriptionSigner;
import org.pediconsult.prescription.internal.store.PrescriptionStore;
import org.pediconsult.specialty.api.Specialty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prescription workflow: the consultation's physician drafts, checks and signs (re-authenticated);
 * a pharmacist approves or rejects; referral, cancellation or the physician void; validity lapses. Each
 * change is one transaction with its event and audit entry; every read is audited.
 *
 * <p>Object checks: a physician sees the prescriptions of their own consultations, a guardian the
 * approved ones of their children, a pharmacist every signed one, auditors and integration administrators
 * all; anyone else gets 404.
 */
@Component(service = {PrescriptionService.class, Prescriptions.class}, configurationPid = "org.pediconsult.prescription")
@Designate(ocd = PrescriptionConfig.class)
public class PrescriptionService implements Prescriptions {
    static final String MODULE = "prescription";
    private static final Logger LOG = LoggerFactory.getLogger(PrescriptionService.class);
    private static final String SOURCE = "prescription";

    private final Tx tx;
    private final Clock clock;
    private final AuditTrail audit;
    private final InterfaceRecords consultations;
    private final ChildRecords children;
    private final Reauthentication reauthentication;
    private final PrescriptionStore store = new PrescriptionStore();
    private final Transitions transitions;
    private final PrescriptionSigner signer;
    private final PrescriptionConfig config;
    private final ZoneId zone;
    private final Map<String, Specialty> specialties = new ConcurrentHashMap<>();
    private final PrescriptionChecking checking;

    @Activate
    public PrescriptionService(BundleContext context, @Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                               @Reference SchemaMigrations migrations, @Reference Clock clock, @Reference AuditTrail audit,
                               @Reference EventOutbox outbox, @Reference InterfaceRecords consultations,
                               @Reference ChildRecords children, @Reference Reauthentication reauthentication,
                               PrescriptionConfig config) throws IOException {
        migrations.migrate(context.getBundle(), MODULE);
        this.tx = new Tx(dataSource);
        this.clock = clock;
        this.audit = audit;
        this.consultations = consultations;
        this.children = children;
        this.reauthentication = reauthentication;
        this.config = config;
        this.zone = ZoneId.of(config.zone());
        this.transitions = new Transitions(store, outbox, audit);
        this.checking = new PrescriptionChecking(tx, store, children, specialties, config, zone, clock);
        Path keyFile = config.signing_key_file().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "pediconsult", "prescription-signing-key.json")
                : Paths.get(config.signing_key_file());
        this.signer = PrescriptionSigner.loadOrCreate(keyFile);
        LOG.info("prescriptions signed with the key in {} (kid {})", keyFile, signer.keyId());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSpecialty(Specialty specialty) {
        specialties.put(specialty.id(), specialty);
    }

    void removeSpecialty(Specialty specialty) {
        specialties.remove(specialty.id(), specialty);
    }

    // ---- the physician ----

    /** The live checks of a draft, nothing saved. */
    public Checked check(AuthenticatedUser user, String consultationId, Draft draft) {
        ConsultationRecord k = prescribable(user, consultationId); // others' consultations are 404 whatever the body
        DraftValidation.require(draft, config.max_items(), today());
        PrescriptionDTO p = new PrescriptionDTO();
        p.childId = k.child.id;
        p.specialtyId = k.consultation.specialtyId;
        p.items = checking.normalised(draft.items, p.specialtyId);
        checking.facts(user, k, p, draft);
        p.checks = checking.run(p, k, null);
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "prescription-check", consultationId,
                k.child.id, p.items.size() + " items"));
        return new Checked(p.checks, p.weightKg, p.weightDate, p.weightSource, p.allergies);
    }

    /** The answer of a live check. */
    public record Checked(List<CheckResult> checks, Double weightKg, LocalDate weightDate, String weightSource,
                          List<String> allergies) {
    }

    public PrescriptionDTO create(AuthenticatedUser user, String consultationId, Draft draft) {
        ConsultationRecord k = prescribable(user, consultationId); // others' consultations are 404 whatever the body
        DraftValidation.require(draft, config.max_items(), today());
        PrescriptionDTO p = new PrescriptionDTO();
        p.id = org.pediconsult.platform.api.Ids.newId();
        p.consultationId = consultationId;
        p.childId = k.child.id;
        p.specialtyId = k.consultation.specialtyId;
        p.physician = user.username();
        p.version = 1;
        p.state = PrescriptionState.DRAFT;
        p.createdAt = clock.instant();
        p.updatedAt = p.createdAt;
        checking.apply(user, k, p, draft);
        return tx.inTransaction(c -> {
            transitions.insert(c, p, user.username(), "draft");
            return p;
        });
    }

    public PrescriptionDTO update(AuthenticatedUser user, String id, Draft draft) {
        PrescriptionDTO p = own(user, id);
        DraftValidation.require(draft, config.max_items(), today());
        requireState(p, PrescriptionState.DRAFT);
        if (draft.rowVersion != null && draft.rowVersion != p.rowVersion) {
            throw ProblemException.conflict("concurrent_change", "the prescription was changed meanwhile; reload it");
        }
        ConsultationRecord k = prescribable(user, p.consultationId);
        checking.apply(user, k, p, draft);
        p.updatedAt = clock.instant();
        return tx.inTransaction(c -> {
            transitions.write(c, p, PrescriptionState.DRAFT, null, user.username(), "draft changed");
            return p;
        });
    }

    /** The physician signs after entering the password again; 422 {@code checks_failed} while a check refuses. */
    public PrescriptionDTO sign(AuthenticatedUser user, String id, char[] password, int validDays) {
        requireValidDays(validDays);
        PrescriptionDTO p = own(user, id);
        requireState(p, PrescriptionState.DRAFT);
        ConsultationRecord k = prescribable(user, p.consultationId);
        reauthentication.confirm(user, password, "sign prescription " + id, "password");
        Draft same = new Draft();
        same.items = p.items;
        if ("PHYSICIAN".equals(p.weightSource)) {
            same.weightKg = p.weightKg;
            same.weightDate = p.weightDate;
        }
        checking.facts(user, k, p, same);
        p.checks = checking.run(p, k, p.id);
        if (p.items.isEmpty()) {
            throw ProblemException.badField("items", "a prescription needs at least one item");
        }
        requireAllPassed(p.checks);
        Instant now = clock.instant();
        p.signedAt = now;
        p.validUntil = validUntil(now, validDays);
        p.canonicalContent = CanonicalContent.of(p, k.physician == null ? null : k.physician.licenceNumber);
        p.signature = signer.sign(p.canonicalContent, user.username(), now);
        p.signingKeyId = signer.keyId();
        p.state = PrescriptionState.AWAITING_REVIEW;
        p.updatedAt = now;
        return tx.inTransaction(c -> {
            transitions.write(c, p, PrescriptionState.DRAFT, Prescriptions.SIGNED, user.username(), null);
            return p;
        });
    }

    /** A corrected new version of a rejected prescription, as a draft with the same items. */
    public PrescriptionDTO revise(AuthenticatedUser user, String id) {
        PrescriptionDTO rejected = own(user, id);
        requireState(rejected, PrescriptionState.REJECTED);
        ConsultationRecord k = prescribable(user, rejected.consultationId);
        PrescriptionDTO p = new PrescriptionDTO();
        p.id = org.pediconsult.platform.api.Ids.newId();
        p.consultationId = rejected.consultationId;
        p.childId = rejected.childId;
        p.specialtyId = rejected.specialtyId;
        p.physician = user.username();
        p.version = rejected.version + 1;
        p.previousId = rejected.id;
        p.state = PrescriptionState.DRAFT;
        p.createdAt = clock.instant();
        p.updatedAt = p.createdAt;
        Draft d = new Draft();
        d.items = rejected.items;
        d.emergency = rejected.emergency;
        d.chronicReason = rejected.chronicReason;
        d.diagnosis = rejected.diagnosis;
        if ("PHYSICIAN".equals(rejected.weightSource)) {
            d.weightKg = rejected.weightKg;
            d.weightDate = rejected.weightDate;
        }
        checking.apply(user, k, p, d);
        return tx.inTransaction(c -> {
            if (store.byConsultation(c, p.consultationId).stream().anyMatch(o -> rejected.id.equals(o.previousId))) {
                throw ProblemException.conflict("already_revised", "this rejected version already has a corrected version");
            }
            transitions.insert(c, p, user.username(), "version " + p.version + " of " + rejected.id);
            return p;
        });
    }

    public PrescriptionDTO voidByPhysician(AuthenticatedUser user, String id, String reason) {
        String why = requireReason(reason);
        PrescriptionDTO p = own(user, id);
        return tx.inTransaction(c -> voidIn(c, p, why, user.username()));
    }

    /** The physician extends (or shortens) the validity: 1..max days counted from the day of issue. */
    public PrescriptionDTO validity(AuthenticatedUser user, String id, int validDays) {
        requireValidDays(validDays);
        PrescriptionDTO p = own(user, id);
        if (p.state != PrescriptionState.AWAITING_REVIEW && p.state != PrescriptionState.APPROVED) {
            throw ProblemException.conflict("illegal_state", "only a signed, not yet dispensed prescription has a validity");
        }
        Instant until = validUntil(p.signedAt, validDays);
        if (!until.isAfter(clock.instant())) {
            throw ProblemException.badField("validDays", "that validity has already ended");
        }
        PrescriptionState from = p.state;
        p.validUntil = until;
        p.updatedAt = clock.instant();
        return tx.inTransaction(c -> {
            transitions.write(c, p, from, null, user.username(), "valid for " + validDays + " days");
            return p;
        });
    }

    // ---- the pharmacist ----

    public List<PrescriptionDTO> queue(AuthenticatedUser user, PrescriptionState state, int limit) {
        if (state == PrescriptionState.DRAFT) {
            throw ProblemException.badField("state", "drafts are the physician's; ask for a signed state");
        }
        List<PrescriptionDTO> list = tx.read(c -> store.byState(c, state, limit));
        Set<String> patients = new HashSet<>();
        list.forEach(p -> patients.add(p.childId));
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "prescription-list", state.name(), null,
                list.size() + " prescriptions").withPatients(patients));
        return list;
    }

    public PrescriptionDTO approve(AuthenticatedUser user, String id) {
        PrescriptionDTO p = reviewable(user, id);
        List<CheckResult> checks = checking.recheck(p);
        requireAllPassed(checks);
        Instant now = clock.instant();
        p.checks = checks;
        p.state = PrescriptionState.APPROVED;
        p.reviewedBy = user.username();
        p.reviewedAt = now;
        p.sentToPharmacy = true; // the approved event is the RDE^O11 NW: from now on a void sends ORC-1 CA
        p.updatedAt = now;
        return tx.inTransaction(c -> {
            transitions.write(c, p, PrescriptionState.AWAITING_REVIEW, Prescriptions.APPROVED, user.username(), null);
            return p;
        });
    }

    public PrescriptionDTO reject(AuthenticatedUser user, String id, String reason) {
        return reject(user, id, reason, null);
    }

    /** A rejection with its category (what the pilot report counts); without one it is {@link RejectionCategory#OTHER}. */
    public PrescriptionDTO reject(AuthenticatedUser user, String id, String reason, RejectionCategory category) {
        String why = requireReason(reason);
        PrescriptionDTO p = reviewable(user, id);
        Instant now = clock.instant();
        p.state = PrescriptionState.REJECTED;
        p.reviewedBy = user.username();
        p.reviewedAt = now;
        p.rejectionReason = why;
        p.rejectionCategory = category == null ? RejectionCategory.OTHER : category;
        p.updatedAt = now;
        return tx.inTransaction(c -> {
            transitions.write(c, p, PrescriptionState.AWAITING_REVIEW, Prescriptions.REJECTED, user.username(), null);
            return p;
        });
    }

    // ---- reads ----

    public PrescriptionDTO get(AuthenticatedUser user, String id) {
        PrescriptionDTO p = visible(user, id);
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "prescription", id, p.childId, null));
        return p;
    }

    public List<PrescriptionDTO> ofConsultation(AuthenticatedUser user, String consultationId) {
        ConsultationRecord k = consultations.consultation(consultationId, SOURCE, "prescriptions of a consultation")
                .orElseThrow(() -> ProblemException.notFound("consultation"));
        boolean all = user.has(Role.AUDITOR) || user.has(Role.INTEGRATION_ADMIN);
        boolean physician = user.has(Role.PHYSICIAN) && isPhysicianOf(user, k);
        boolean guardian = user.has(Role.GUARDIAN) && children.isGuardian(user, k.child.id);
        if (!all && !physician && !guardian) {
            throw ProblemException.notFound("consultation");
        }
        List<PrescriptionDTO> list = tx.read(c -> store.byConsultation(c, consultationId));
        if (!all && !physician) {
            list = list.stream().filter(PrescriptionService::seenByGuardian).toList();
        }
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "prescription-list", consultationId,
                k.child.id, list.size() + " prescriptions"));
        return list;
    }

    public PrescriptionSigner.Verification verification(AuthenticatedUser user, String id) {
        PrescriptionDTO p = get(user, id);
        if (p.signature == null) {
            return new PrescriptionSigner.Verification(false, null, null, null, "not signed");
        }
        return signer.verify(p.canonicalContent, p.signature);
    }

    public PrescriptionSigner signer() {
        return signer;
    }

    // ---- other bundles and events ----

    @Override
    public Optional<PrescriptionDTO> find(String prescriptionId, String source, String purpose) {
        PrescriptionDTO p = tx.read(c -> store.byId(c, prescriptionId));
        if (p != null) {
            audit.record(new AuditEntry(source, AuditEntry.Action.READ, "prescription", prescriptionId, p.childId, purpose));
        }
        return Optional.ofNullable(p);
    }

    @Override
    public PrescriptionDTO dispensed(Connection c, String prescriptionId, String actor) {
        try {
            PrescriptionDTO p = store.byId(c, prescriptionId);
            if (p == null) {
                throw ProblemException.notFound("prescription");
            }
            Instant now = clock.instant();
            if (p.state != PrescriptionState.APPROVED || p.validUntil == null || !p.validUntil.isAfter(now)) {
                throw ProblemException.conflict("not_dispensable", "only an approved prescription within its validity is "
                        + "dispensed, once (this one is " + p.state + ")");
            }
            p.state = PrescriptionState.DISPENSED;
            p.dispensedAt = now;
            p.updatedAt = now;
            transitions.write(c, p, PrescriptionState.APPROVED, Prescriptions.DISPENSED, actor, null);
            return p;
        } catch (SQLException e) {
            throw new org.pediconsult.platform.api.data.DataAccessException(e);
        }
    }

    /** Voids every prescription of the consultation not yet dispensed (referral, cancellation), in the event's transaction. */
    public int voidConsultation(Connection c, String consultationId, String reason, String actor) throws SQLException {
        int n = 0;
        for (PrescriptionDTO p : store.byConsultation(c, consultationId)) {
            if (!p.state.terminal()) {
                voidIn(c, p, reason, actor);
                n++;
            }
        }
        return n;
    }

    /** {@link #voidConsultation(Connection, String, String, String)} in its own transaction (operations). */
    public int voidConsultation(String consultationId, String reason, String actor) {
        String why = requireReason(reason);
        return tx.inTransaction(c -> voidConsultation(c, consultationId, why, actor));
    }

    /** Marks signed prescriptions whose validity ended EXPIRED (a few at a time); answers how many. */
    public int expireLapsed(int limit) {
        Instant now = clock.instant();
        int n = 0;
        for (PrescriptionState s : List.of(PrescriptionState.AWAITING_REVIEW, PrescriptionState.APPROVED)) {
            for (String id : tx.read(c -> store.lapsed(c, s, now, limit))) {
                n += tx.inTransaction(c -> {
                    PrescriptionDTO p = store.byId(c, id);
                    if (p == null || p.state != s) {
                        return 0;
                    }
                    p.state = PrescriptionState.EXPIRED;
                    p.updatedAt = now;
                    if (!store.update(c, p, s)) {
                        return 0; // changed meanwhile (approved, dispensed): the next sweep looks again
                    }
                    transitions.recordOnly(c, p, Prescriptions.EXPIRED, "system:prescription-expiry");
                    return 1;
                });
            }
        }
        return n;
    }

    // ---- helpers ----

    private PrescriptionDTO voidIn(Connection c, PrescriptionDTO p, String reason, String actor) throws SQLException {
        if (p.state.terminal()) {
            throw ProblemException.conflict("illegal_state", "a " + p.state + " prescription cannot be voided");
        }
        PrescriptionState from = p.state;
        Instant now = clock.instant();
        p.state = PrescriptionState.VOIDED;
        p.voidedAt = now;
        p.voidedBy = actor;
        p.voidReason = reason;
        p.updatedAt = now;
        transitions.write(c, p, from, Prescriptions.VOIDED, actor, null);
        return p;
    }

    /** The consultation, if the user is its physician and it may be prescribed for now; 404 or 409 otherwise. */
    private ConsultationRecord prescribable(AuthenticatedUser user, String consultationId) {
        ConsultationRecord k = consultations.consultation(consultationId, SOURCE, "prescribing")
                .orElseThrow(() -> ProblemException.notFound("consultation"));
        if (!isPhysicianOf(user, k)) {
            throw ProblemException.notFound("consultation");
        }
        String state = k.consultation.state;
        if ("IN_PROGRESS".equals(state)) {
            return k;
        }
        if ("COMPLETED".equals(state)) {
            Instant completed = k.consultation.completedAt != null ? k.consultation.completedAt : k.consultation.updatedAt;
            if (completed.plus(Duration.ofHours(config.completed_window_hours())).isAfter(clock.instant())) {
                return k;
            }
            throw ProblemException.conflict("not_prescribable", "the consultation was completed more than "
                    + config.completed_window_hours() + " h ago: prescribe in a new (follow-up) consultation");
        }
        throw ProblemException.conflict("not_prescribable", "prescribing is for a consultation in progress or just "
                + "completed; this one is " + state);
    }

    private static boolean isPhysicianOf(AuthenticatedUser user, ConsultationRecord k) {
        return k.physician != null && k.physician.username != null && k.physician.username.equalsIgnoreCase(user.username());
    }

    private PrescriptionDTO own(AuthenticatedUser user, String id) {
        PrescriptionDTO p = tx.read(c -> store.byId(c, id));
        if (p == null || !p.physician.equalsIgnoreCase(user.username())) {
            throw ProblemException.notFound("prescription");
        }
        return p;
    }

    private PrescriptionDTO reviewable(AuthenticatedUser user, String id) {
        PrescriptionDTO p = tx.read(c -> store.byId(c, id));
        if (p == null || p.state == PrescriptionState.DRAFT) {
            throw ProblemException.notFound("prescription");
        }
        requireState(p, PrescriptionState.AWAITING_REVIEW);
        if (!p.validUntil.isAfter(clock.instant())) {
            throw ProblemException.conflict("expired", "the prescription's validity has ended; the physician may sign a new one");
        }
        if (p.physician.equalsIgnoreCase(user.username())) {
            throw ProblemException.forbidden("a prescriber does not review their own prescription");
        }
        return p;
    }

    private PrescriptionDTO visible(AuthenticatedUser user, String id) {
        PrescriptionDTO p = tx.read(c -> store.byId(c, id));
        if (p == null) {
            throw ProblemException.notFound("prescription");
        }
        boolean ok = user.has(Role.AUDITOR) || user.has(Role.INTEGRATION_ADMIN)
                || (user.has(Role.PHYSICIAN) && p.physician.equalsIgnoreCase(user.username()))
                || (user.has(Role.PHARMACIST) && p.state != PrescriptionState.DRAFT)
                || (user.has(Role.GUARDIAN) && seenByGuardian(p) && children.isGuardian(user, p.childId));
        if (!ok) {
            throw ProblemException.notFound("prescription");
        }
        return p;
    }

    /** A family sees what a pharmacist approved: approved, dispensed, or expired after approval. */
    private static boolean seenByGuardian(PrescriptionDTO p) {
        return p.state == PrescriptionState.APPROVED || p.state == PrescriptionState.DISPENSED
                || (p.state == PrescriptionState.EXPIRED && p.reviewedAt != null);
    }

    private static void requireState(PrescriptionDTO p, PrescriptionState state) {
        if (p.state != state) {
            throw ProblemException.conflict("illegal_state", "the prescription is " + p.state + ", not " + state);
        }
    }

    private void requireValidDays(int days) {
        if (days < 1 || days > config.validity_max_days()) {
            throw ProblemException.badField("validDays", "a prescription is valid from 1 to " + config.validity_max_days()
                    + " days from its day of issue");
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw ProblemException.badField("reason", "a reason is required, at most 1000 characters");
        }
        return reason.strip();
    }

    private static void requireAllPassed(List<CheckResult> checks) {
        List<Problem.FieldError> refused = new ArrayList<>();
        for (CheckResult r : checks) {
            if (!r.passed) {
                refused.add(new Problem.FieldError(r.item < 0 ? r.rule : "items[" + r.item + "]." + r.rule,
                        r.message == null ? r.rule : r.message.en + " / " + r.message.zh));
            }
        }
        if (!refused.isEmpty()) {
            throw new ProblemException(422, "checks_failed", refused);
        }
    }

    private Instant validUntil(Instant signedAt, int days) {
        LocalDate issued = LocalDate.ofInstant(signedAt, zone);
        return issued.plusDays(days).atStartOfDay(zone).toInstant();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

}
