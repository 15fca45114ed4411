package org.pediconsult.consultation.internal.service;

import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.consultation.api.dto.GuardianshipDTO;
import org.pediconsult.consultation.api.dto.SlotDTO;
import org.pediconsult.consultation.internal.store.ConsultationStore;
import org.pediconsult.consultation.internal.store.PeopleStore;
import org.pediconsult.consultation.internal.store.PhysicianStore;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.specialty.api.Specialty;

/** {@link InterfaceRecords}: one consultation with its people for a hospital interface, audited as that interface. */
@Component(service = InterfaceRecords.class)
public class InterfaceRecordsService implements InterfaceRecords {
    private final Tx tx;
    private final AuditTrail audit;
    private final SpecialtyRegistry specialties;
    private final PeopleStore people = new PeopleStore();
    private final PhysicianStore physicians = new PhysicianStore();
    private final ConsultationStore store = new ConsultationStore();

    @Activate
    public InterfaceRecordsService(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                                   @Reference AuditTrail audit, @Reference SpecialtyRegistry specialties,
                                   @Reference ConsultationWorkflow schemaReady) {
        this.tx = new Tx(dataSource);
        this.audit = audit;
        this.specialties = specialties;
    }

    @Override
    public Optional<ConsultationRecord> consultation(String consultationId, String source, String purpose) {
        ConsultationRecord r = tx.read(c -> {
            ConsultationDTO k = store.byId(c, consultationId);
            if (k == null) {
                return null;
            }
            ConsultationRecord out = new ConsultationRecord();
            out.consultation = k;
            out.child = people.child(c, k.childId);
            out.guardian = k.guardianId == null ? null : people.guardian(c, k.guardianId);
            if (k.guardianId != null) {
                GuardianshipDTO g = people.guardianship(c, k.guardianId, k.childId);
                out.guardianRelationship = g == null ? null : g.relationship;
            }
            out.physician = k.physicianId == null ? null : physicians.byId(c, k.physicianId);
            SlotDTO slot = k.slotId == null ? null : physicians.slot(c, k.slotId);
            out.slotMinutes = slot == null ? 0 : slot.minutes;
            return out;
        });
        if (r == null) {
            return Optional.empty();
        }
        Optional<Specialty> s = specialties.find(r.consultation.specialtyId);
        s.ifPresent(sp -> {
            r.specialtyNameZh = sp.name().zh;
            r.specialtyNameEn = sp.name().en;
        });
        ChildDTO child = r.child;
        audit.record(new AuditEntry(source, AuditEntry.Action.EXPORT, "consultation", consultationId,
                child == null ? null : child.id, purpose));
        return Optional.of(r);
    }
}
