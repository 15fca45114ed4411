package org.pediconsult.consultation.internal.service;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.ChildRecords;
import org.pediconsult.consultation.api.dto.AssessmentDTO;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.api.dto.ObservationDTO;
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.consultation.internal.store.ConsultationStore;
import org.pediconsult.consultation.internal.store.ObservationStore;
import org.pediconsult.consultation.internal.store.PeopleStore;
import org.pediconsult.consultation.internal.store.PhysicianStore;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.security.AuthenticatedUser;

/** {@link ChildRecords} for specialty bundles: the same object checks and audit as the REST API. */
@Component(service = ChildRecords.class)
public class ChildRecordsService implements ChildRecords {
    private final Tx tx;
    private final PeopleStore people = new PeopleStore();
    private final PhysicianStore physicians = new PhysicianStore();
    private final ConsultationStore store = new ConsultationStore();
    private final ObservationStore observations = new ObservationStore();
    private final Access access = new Access(people, physicians);
    private final AuditTrail audit;

    @Activate
    public ChildRecordsService(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                               @Reference AuditTrail audit, @Reference ConsultationWorkflow schemaReady) {
        this.tx = new Tx(dataSource);
        this.audit = audit;
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
                out.add(ConsultationWorkflow.toDto(a));
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
}
