package org.pediconsult.consultation.internal.service;

import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.ChildRecords;
import org.pediconsult.consultation.api.dto.AllergyDTO;
import org.pediconsult.consultation.api.dto.AssessmentDTO;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.api.dto.ObservationDTO;
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.consultation.internal.store.AllergyStore;
import org.pediconsult.consultation.internal.store.ConsultationStore;
import org.pediconsult.consultation.internal.store.ObservationStore;
import org.pediconsult.consultation.internal.store.PeopleStore;
import org.pediconsult.consultation.internal.store.PhysicianStore;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/** {@link ChildRecords} for specialty bundles: the same object checks and audit as the REST API. */
@Component(service = ChildRecords.class)
public class ChildRecordsService implements ChildRecords {
    private final Tx tx;
    private final PeopleStore people = new PeopleStore();
    private final PhysicianStore physicians = new PhysicianStore();
    private final ConsultationStore store = new ConsultationStore();
    private final ObservationStore observations = new ObservationStore();
    private final Access access = new Access(people, physicians);
    private final AllergyStore allergies = new AllergyStore();
    private final AuditTrail audit;
    private final Clock clock;

    @Activate
    public ChildRecordsService(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                               @Reference AuditTrail audit, @Reference ConsultationWorkflow schemaReady,
                               @Reference Clock clock) {
        this.tx = new Tx(dataSource);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ChildDTO child(AuthenticatedUser caller, String childId) {
        ChildDTO child = tx.read(c -> {
            access.requireChildVisible(c, caller, childId);
            return people.child(c, childId);
        });
        audit.record(new AuditEntry(caller.username(), AuditEntry.Action.READ, "child", childId, childId, null));
        return child;
    }

    @Override
    public List<AssessmentDTO> assessments(AuthenticatedUser caller, String childId, String specialtyId) {
        List<AssessmentDTO> list = tx.read(c -> {
            access.requireChildVisible(c, caller, childId);
            List<AssessmentDTO> out = new ArrayList<>();
            for (ConsultationStore.AssessmentRow a : store.assessmentsOf(c, childId, specialtyId)) {
                AssessmentDTO dto = ConsultationWorkflow.toDto(a);
                dto.triage = ConsultationWorkflow.forCaller(caller, dto.triage);
                out.add(dto);
            }
            return out;
        });
        audit.record(new AuditEntry(caller.username(), AuditEntry.Action.READ, "assessment-list", specialtyId, childId,
                list.size() + " assessments"));
        return list;
    }

    @Override
    public boolean isTreatingPhysician(AuthenticatedUser caller, String childId, String specialtyId) {
        return tx.read(c -> {
            PhysicianDTO p = access.physician(c, caller);
            return p != null && store.hasConsultWithPhysician(c, childId, specialtyId, p.id);
        });
    }

    @Override
    public boolean isGuardian(AuthenticatedUser caller, String childId) {
        return tx.read(c -> {
            GuardianDTO g = access.guardian(c, caller);
            return g != null && people.guardianship(c, g.id, childId) != null;
        });
    }

    @Override
    public List<ObservationDTO> observations(AuthenticatedUser caller, String childId, String code) {
        List<ObservationDTO> list = tx.read(c -> {
            access.requireChildVisible(c, caller, childId);
            return observations.ofChild(c, childId, code);
        });
        audit.record(new AuditEntry(caller.username(), AuditEntry.Action.READ, "observation-list", code, childId,
                list.size() + " observations"));
        return list;
    }

    @Override
    public List<AllergyDTO> allergies(AuthenticatedUser caller, String childId) {
        List<AllergyDTO> list = tx.read(c -> {
            access.requireChildVisible(c, caller, childId);
            return allergies.ofChild(c, childId);
        });
        audit.record(new AuditEntry(caller.username(), AuditEntry.Action.READ, "allergy-list", childId, childId,
                list.size() + " allergies"));
        return list;
    }

    @Override
    public AllergyDTO addAllergy(AuthenticatedUser caller, String childId, String substance, String reaction) {
        tx.read(c -> {
            requireRecorder(c, caller, childId); // others' children are 404 whatever the body
            return null;
        });
        String s = substance == null ? "" : substance.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.length() > 100) {
            throw ProblemException.badField("substance", "name the ingredient or drug class, at most 100 characters");
        }
        String r = reaction == null || reaction.isBlank() ? null : reaction.strip();
        if (r != null && r.length() > 500) {
            throw ProblemException.badField("reaction", "at most 500 characters");
        }
        return tx.inTransaction(c -> {
            requireRecorder(c, caller, childId);
            List<AllergyDTO> recorded = allergies.ofChild(c, childId);
            if (recorded.stream().anyMatch(a -> a.substance.equals(s))) {
                throw ProblemException.conflict("allergy_exists", "this allergy is already recorded for the child");
            }
            if (recorded.size() >= AllergyStore.MAX_PER_CHILD) {
                throw ProblemException.conflict("too_many_allergies", "a child has at most " + AllergyStore.MAX_PER_CHILD
                        + " recorded allergies; remove one first");
            }
            AllergyDTO a = new AllergyDTO();
            a.id = Ids.newId();
            a.childId = childId;
            a.substance = s;
            a.reaction = r;
            a.recordedBy = caller.username();
            a.recordedAt = clock.instant();
            allergies.insert(c, a);
            audit.record(c, new AuditEntry(caller.username(), AuditEntry.Action.CREATE, "allergy", a.id, childId, null));
            return a;
        });
    }

    @Override
    public void removeAllergy(AuthenticatedUser caller, String childId, String allergyId) {
        tx.inTransaction(c -> {
            requireRecorder(c, caller, childId);
            if (!allergies.remove(c, childId, allergyId, caller.username(), clock.instant())) {
                throw ProblemException.notFound("allergy");
            }
            audit.record(c, new AuditEntry(caller.username(), AuditEntry.Action.DELETE, "allergy", allergyId, childId, null));
            return null;
        });
    }

    /** A guardian of the child or a physician with a consultation of it; auditors and administrators read only. */
    private void requireRecorder(java.sql.Connection c, AuthenticatedUser caller, String childId) throws java.sql.SQLException {
        access.requireChildVisible(c, caller, childId);
        GuardianDTO g = caller.has(Role.GUARDIAN) ? access.guardian(c, caller) : null;
        boolean guardian = g != null && people.guardianship(c, g.id, childId) != null;
        PhysicianDTO p = caller.has(Role.PHYSICIAN) ? access.physician(c, caller) : null;
        boolean physician = p != null && people.childrenOfPhysician(c, p.id).stream().anyMatch(ch -> ch.id.equals(childId));
        if (!guardian && !physician) {
            throw ProblemException.forbidden("only the child's guardian or physician records allergies");
        }
    }
}
