package org.pediconsult.consultation.internal.service;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.consultation.api.ConsultationSessions;
import org.pediconsult.consultation.api.ConsultationState;
import org.pediconsult.consultation.api.GuardianPresence;
import org.pediconsult.consultation.api.dto.AssessmentDTO;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.api.dto.TriageDTO;
import org.pediconsult.consultation.internal.store.ConsultationStore;
import org.pediconsult.consultation.internal.store.PeopleStore;
import org.pediconsult.consultation.internal.store.PhysicianStore;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.event.EventOutbox;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/**
 * The consultation workflow as one service: assessment and triage, booking, the guarded session.
 * Migrates this bundle's tables on activation. Every read of patient data is audited here.
 *
 * <p>The pilot scope is live: a change of {@code etc/org.pediconsult.consultation.cfg} reaches
 * {@link #modified} and swaps the scope in place (audited as {@code pilot-scope}); the component, its
 * services and everything using them (REST resources, the video room) stay up.
 */
@Component(service = {ConsultationWorkflow.class, GuardianPresence.class, ConsultationSessions.class},
        configurationPid = "org.pediconsult.consultation")
@Designate(ocd = ConsultationConfig.class)
public class ConsultationWorkflow implements GuardianPresence, ConsultationSessions {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsultationWorkflow.class);
    /** Who changes the scope: the configuration (etc/ or Config Admin), which does not say which operator. */
    static final String SCOPE_ACTOR = "system:configuration";
    private final Tx tx;
    private final ConsultationStore store = new ConsultationStore();
    private final Access access;
    private final AuditTrail audit;
    private final Specialties specialties;
    private final AssessmentIntake intake;
    private final Booking booking;
    private final SessionFlow session;
    private final CallSeats seats;
    private final PhysicianStore physicians;
    private final PilotRules rules;
    private final SpecialtyRegistry registry;

    @Activate
    public ConsultationWorkflow(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                                @Reference SchemaMigrations migrations, @Reference EventOutbox outbox,
                                @Reference AuditTrail audit, @Reference Clock clock,
                                @Reference SpecialtyRegistry registry, ConsultationConfig config, BundleContext context) {
        migrations.migrate(context.getBundle(), "consultation");
        this.tx = new Tx(dataSource);
        this.audit = audit;
        PeopleStore people = new PeopleStore();
        this.physicians = new PhysicianStore();
        this.access = new Access(people, physicians);
        this.specialties = new Specialties(registry);
        this.registry = registry;
        this.rules = new PilotRules(config);
        LOG.info("pilot scope {}", rules.scope());
        TransitionWriter writer = new TransitionWriter(store, outbox, audit);
        this.intake = new AssessmentIntake(tx, people, store, access, registry, rules, writer, audit, clock);
        this.booking = new Booking(tx, store, physicians, access, rules, writer, specialties, clock);
        this.session = new SessionFlow(tx, store, people, access, rules, writer, specialties, clock);
        this.seats = new CallSeats(tx, store, people, access);
    }

    /**
     * A configuration change: the new scope replaces the old one for every later decision. A scope
     * that does not parse changes nothing (logged and audited as refused); the component is never
     * restarted, so calls in progress, the video room and its WebSockets are not touched.
     */
    @Modified
    synchronized void modified(ConsultationConfig config) {
        PilotRules.Snapshot before;
        PilotRules.Snapshot after;
        try {
            before = rules.update(config);
            after = rules.snapshot();
        } catch (RuntimeException e) {
            LOG.error("pilot scope change refused, the scope stays {} (fix the file: a restart with it would fail): {}",
                    rules.scope(), e.getMessage());
            audit.record(new AuditEntry(SCOPE_ACTOR, AuditEntry.Action.REFUSED, "pilot-scope", null, null,
                    "configuration refused: " + e.getMessage()));
            return;
        }
        String change = ScopeChange.describe(before, after);
        if (change.isEmpty()) {
            return;
        }
        LOG.info("pilot scope changed: {}", change);
        audit.record(new AuditEntry(SCOPE_ACTOR, AuditEntry.Action.UPDATE, "pilot-scope", null, null, change));
    }

    /** The scope now, and where each installed specialty stands in it. */
    /** The scope in force now: one snapshot, for a decision or a listing that must not mix two scopes. */
    public org.pediconsult.consultation.internal.rules.PilotScope currentScope() {
        return rules.scope();
    }

    public ScopeView scope() {
        PilotRules.Snapshot now = rules.snapshot();
        return new ScopeView(now.scope(), now.zone(), registry.all().stream()
                .map(sp -> Map.entry(sp.id(), now.scope().status(sp.id()))).toList());
    }

    /** The scope as shown to administrators: the window, institutions, lists, and each installed specialty's status. */
    public record ScopeView(org.pediconsult.consultation.internal.rules.PilotScope scope, java.time.ZoneId zone,
                            List<Map.Entry<String, org.pediconsult.consultation.internal.rules.PilotScope.Status>> installed) {
    }

    public ConsultationDTO submitAssessment(AuthenticatedUser u, String childId, String specialtyId, Map<String, Object> answers) {
        return submitAssessment(u, childId, specialtyId, answers, null);
    }

    public ConsultationDTO submitAssessment(AuthenticatedUser u, String childId, String specialtyId, Map<String, Object> answers,
                                            String respondent) {
        return available(intake.submit(u, childId, specialtyId, answers, respondent));
    }

    public ConsultationDTO book(AuthenticatedUser u, String id, String slotId) {
        return available(booking.book(u, id, slotId));
    }

    public ConsultationDTO reschedule(AuthenticatedUser u, String id, String slotId) {
        return available(booking.reschedule(u, id, slotId));
    }

    public ConsultationDTO cancel(AuthenticatedUser u, String id) {
        return available(booking.cancel(u, id));
    }

    public ConsultationDTO enterWaitingRoom(AuthenticatedUser u, String id) {
        return available(session.enterWaitingRoom(u, id));
    }

    public ConsultationDTO admit(AuthenticatedUser u, String id) {
        return available(session.admit(u, id));
    }

    public ConsultationDTO reportPresence(AuthenticatedUser u, String id, boolean present) {
        return available(session.presence(id, present, u.username(), u));
    }

    public ConsultationDTO complete(AuthenticatedUser u, String id, String diagnosis, String plan) {
        return available(session.complete(u, id, diagnosis, plan));
    }

    public ConsultationDTO endAndRefer(AuthenticatedUser u, String id, String reason, String facility) {
        return available(session.endAndRefer(u, id, reason, facility));
    }

    public ConsultationDTO noShow(AuthenticatedUser u, String id) {
        return available(session.noShow(u, id));
    }

    public ConsultationDTO followUp(AuthenticatedUser u, String id) {
        return available(session.followUp(u, id));
    }

    private ConsultationDTO available(ConsultationDTO k) {
        k.specialtyAvailable = specialties.installed(k.specialtyId);
        return k;
    }

    @Override
    public void guardianJoined(String consultationId, String source) {
        session.presence(consultationId, true, source, null);
    }

    @Override
    public void guardianLeft(String consultationId, String source) {
        session.presence(consultationId, false, source, null);
    }

    @Override
    public ConsultationState state(String consultationId) {
        ConsultationDTO k = tx.read(c -> store.byId(c, consultationId));
        return k == null ? null : ConsultationState.valueOf(k.state);
    }

    @Override
    public String physicianUsername(String consultationId) {
        return tx.read(c -> {
            ConsultationDTO k = store.byId(c, consultationId);
            if (k == null || k.physicianId == null) {
                return null;
            }
            var p = physicians.byId(c, k.physicianId);
            return p == null ? null : p.username;
        });
    }

    /** The video room's admission: the same rules and attestation as the REST admission. */
    @Override
    public ConsultationState admit(String consultationId, String physicianUsername) {
        ConsultationState now = state(consultationId);
        if (now == ConsultationState.IN_PROGRESS || now == ConsultationState.PAUSED) {
            return now;
        }
        AuthenticatedUser physician = new AuthenticatedUser(physicianUsername, EnumSet.of(Role.PHYSICIAN));
        return ConsultationState.valueOf(session.admit(physician, consultationId).state);
    }

    /** The caller's seat in the consultation's call (PHYSICIAN or GUARDIAN), or a 404/403/409 problem. */
    public CallSeats.Seat callSeat(AuthenticatedUser u, String id) {
        return seats.seat(u, id);
    }

    /** One consultation, with its triage, if the caller may see it. */
    public ConsultationDTO get(AuthenticatedUser u, String id) {
        ConsultationDTO k = tx.read(c -> {
            ConsultationDTO found = store.byId(c, id);
            access.requireConsultVisible(c, u, found);
            if (found.assessmentId != null) {
                found.triage = forCaller(u, triage(store.assessment(c, found.assessmentId).triageJson));
            }
            return found;
        });
        k.specialtyAvailable = specialties.installed(k.specialtyId);
        audit.record(new AuditEntry(u.username(), AuditEntry.Action.READ, "consultation", k.id, k.childId, null));
        return k;
    }

    /** The caller's consultations: a guardian's own, a physician's booked ones, all for administrators and auditors. */
    public List<ConsultationDTO> list(AuthenticatedUser u) {
        List<ConsultationDTO> all = tx.read(c -> {
            if (Access.seesAll(u)) {
                return store.all(c, 500);
            }
            var g = access.guardian(c, u);
            if (g != null) {
                return store.byGuardian(c, g.id);
            }
            var p = access.physician(c, u);
            return p != null ? store.byPhysician(c, p.id) : List.<ConsultationDTO>of();
        });
        for (ConsultationDTO k : all) {
            k.specialtyAvailable = specialties.installed(k.specialtyId);
        }
        audit.record(new AuditEntry(u.username(), AuditEntry.Action.READ, "consultation-list", null, null,
                all.size() + " consultations").withPatients(all.stream().map(k -> k.childId).toList()));
        return all;
    }

    /**
     * The caller's consultations of one child (a physician's history view): the same as {@link #list}
     * narrowed to the child, after the child's object check (404 for a child the caller may not see).
     */
    public List<ConsultationDTO> listOfChild(AuthenticatedUser u, String childId) {
        List<ConsultationDTO> found = tx.read(c -> {
            access.requireChildVisible(c, u, childId);
            if (Access.seesAll(u)) {
                return store.byChild(c, childId);
            }
            var g = access.guardian(c, u);
            if (g != null) {
                return store.byChild(c, childId).stream().filter(k -> g.id.equals(k.guardianId)).toList();
            }
            var p = access.physician(c, u);
            return p == null ? List.<ConsultationDTO>of()
                    : store.byChild(c, childId).stream().filter(k -> p.id.equals(k.physicianId)).toList();
        });
        for (ConsultationDTO k : found) {
            k.specialtyAvailable = specialties.installed(k.specialtyId);
        }
        audit.record(new AuditEntry(u.username(), AuditEntry.Action.READ, "consultation-list", null, childId,
                found.size() + " consultations of the child"));
        return found;
    }

    /** A page of the calling physician's queue group. */
    public record QueuePage(String group, int total, int offset, int limit, List<ConsultationStore.QueueRow> items) {
    }

    /**
     * One page of the calling physician's queue: today's active consultations, the later ones, or the
     * rest (newest first), each row with the child's name and its triage level, so the page needs no
     * request per row. Today is the pilot zone's day. Audited like the list.
     */
    public QueuePage queue(AuthenticatedUser u, ConsultationStore.QueueGroup group, int offset, int limit) {
        PilotRules.Snapshot scope = rules.snapshot();
        java.time.LocalDate today = java.time.LocalDate.now(scope.zone());
        java.time.Instant dayStart = today.atStartOfDay(scope.zone()).toInstant();
        java.time.Instant dayEnd = today.plusDays(1).atStartOfDay(scope.zone()).toInstant();
        QueuePage page = tx.read(c -> {
            var p = access.physician(c, u);
            if (p == null) {
                throw ProblemException.notFound("physician");
            }
            return new QueuePage(group.name(), store.queueCount(c, p.id, group, dayStart, dayEnd), offset, limit,
                    store.queue(c, p.id, group, dayStart, dayEnd, offset, limit));
        });
        audit.record(new AuditEntry(u.username(), AuditEntry.Action.READ, "consultation-queue", group.name(), null,
                page.items().size() + " of " + page.total()).withPatients(page.items().stream()
                .map(ConsultationStore.QueueRow::childId).toList()));
        return page;
    }

    public AssessmentDTO assessment(AuthenticatedUser u, String id) {
        AssessmentDTO dto = tx.read(c -> {
            ConsultationStore.AssessmentRow a = store.assessment(c, id);
            if (a == null) {
                throw ProblemException.notFound("assessment");
            }
            access.requireChildVisible(c, u, a.childId);
            AssessmentDTO out = toDto(a);
            out.triage = forCaller(u, out.triage);
            return out;
        });
        audit.record(new AuditEntry(u.username(), AuditEntry.Action.READ, "assessment", dto.id, dto.childId, null));
        return dto;
    }

    /** Instrument scores are for clinicians: a caller who is only a guardian gets the triage without them. */
    static TriageDTO forCaller(AuthenticatedUser u, TriageDTO t) {
        boolean clinical = u.has(Role.PHYSICIAN) || Access.seesAll(u);
        return clinical ? t : AssessmentIntake.forGuardian(t);
    }

    static AssessmentDTO toDto(ConsultationStore.AssessmentRow a) {
        AssessmentDTO out = new AssessmentDTO();
        out.id = a.id;
        out.childId = a.childId;
        out.specialtyId = a.specialtyId;
        out.questionnaireVersion = a.questionnaireVersion;
        out.answers = readMap(a.answersJson);
        out.triage = triage(a.triageJson);
        out.submittedBy = a.submittedBy;
        out.submittedAt = a.submittedAt;
        return out;
    }

    private static TriageDTO triage(String json) {
        try {
            return TransitionWriter.JSON.readValue(json, TriageDTO.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored triage is not readable", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMap(String json) {
        try {
            return TransitionWriter.JSON.readValue(json, Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored answers are not readable", e);
        }
    }
}
