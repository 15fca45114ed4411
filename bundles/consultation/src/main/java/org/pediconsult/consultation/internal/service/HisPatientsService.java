package org.pediconsult.consultation.internal.service;

import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.HisPatients;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.api.dto.GuardianshipDTO;
import org.pediconsult.consultation.api.dto.HisPatient;
import org.pediconsult.consultation.internal.store.PeopleStore;
import org.pediconsult.consultation.internal.store.Rows;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;

/**
 * Children and guardians from the HIS. The child is found by its HIS identifier
 * ({@code id_type = HIS}); a guardian is matched among the child's guardians by name, else created.
 * The HIS is the hospital's record of identity and kinship, so both are recorded as verified by it.
 */
@Component(service = HisPatients.class)
public class HisPatientsService implements HisPatients {
    static final String ID_TYPE = "HIS";

    private final Tx tx;
    private final PeopleStore people = new PeopleStore();
    private final AuditTrail audit;
    private final Clock clock;

    @Activate
    public HisPatientsService(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                              @Reference AuditTrail audit, @Reference Clock clock,
                              @Reference ConsultationWorkflow schemaReady) {
        this.tx = new Tx(dataSource);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String upsert(HisPatient p, String source) {
        require(p.hisId, "PID-3");
        require(p.familyName, "PID-5");
        require(p.birthDate, "PID-7");
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            String childId = Rows.one(c, "SELECT id FROM consult_child WHERE id_type = ? AND id_value = ?",
                    rs -> rs.getString(1), ID_TYPE, p.hisId);
            if (childId == null) {
                ChildDTO child = new ChildDTO();
                child.id = Ids.newId();
                child.familyName = p.familyName;
                child.givenName = p.givenName == null ? "" : p.givenName;
                child.sex = p.sex == null ? "UNKNOWN" : p.sex;
                child.birthDate = p.birthDate;
                child.idType = ID_TYPE;
                child.idValue = p.hisId;
                people.insertChild(c, child, source, now);
                childId = child.id;
                Rows.update(c, "UPDATE consult_child SET his_city = ? WHERE id = ?", city(p.city), childId);
                audit.record(c, new AuditEntry(source, AuditEntry.Action.CREATE, "child", childId, childId, "from HIS"));
            } else {
                Rows.update(c, "UPDATE consult_child SET family_name = ?, given_name = ?, sex = ?, birth_date = ?, "
                        + "his_city = ? WHERE id = ?", p.familyName, p.givenName == null ? "" : p.givenName,
                        p.sex == null ? "UNKNOWN" : p.sex, p.birthDate, city(p.city), childId);
                audit.record(c, new AuditEntry(source, AuditEntry.Action.UPDATE, "child", childId, childId, "from HIS"));
            }
            for (HisPatient.Guardian g : p.guardians) {
                guardian(c, childId, g, source, now);
            }
            return childId;
        });
    }

    private void guardian(java.sql.Connection c, String childId, HisPatient.Guardian g, String source, Instant now)
            throws java.sql.SQLException {
        if (g.familyName == null || g.familyName.isBlank()) {
            return;
        }
        String guardianId = Rows.one(c, "SELECT g.id FROM consult_guardian g JOIN consult_guardianship s ON s.guardian_id = g.id "
                + "WHERE s.child_id = ? AND g.family_name = ? AND g.given_name = ?", rs -> rs.getString(1), childId,
                g.familyName, g.givenName == null ? "" : g.givenName);
        if (guardianId == null) {
            GuardianDTO dto = new GuardianDTO();
            dto.id = Ids.newId();
            dto.familyName = g.familyName;
            dto.givenName = g.givenName == null ? "" : g.givenName;
            dto.phone = g.phone;
            dto.identityVerified = true;
            dto.verifiedBy = source;
            dto.verifiedMethod = "HIS";
            dto.verifiedAt = now;
            people.insertGuardian(c, dto, now);
            GuardianshipDTO link = new GuardianshipDTO();
            link.guardianId = dto.id;
            link.childId = childId;
            link.relationship = g.relationship == null ? "OTHER" : g.relationship;
            link.verified = true;
            link.verifiedBy = source;
            link.verifiedMethod = "HIS";
            link.verifiedAt = now;
            people.insertGuardianship(c, link);
            audit.record(c, new AuditEntry(source, AuditEntry.Action.CREATE, "guardian", dto.id, childId, "from HIS NK1"));
        }
    }

    /** The HIS city as sent (PID-11 XAD-3), trimmed to the column; null when absent. Matched to the city table by the report. */
    static String city(String city) {
        if (city == null || city.isBlank()) {
            return null;
        }
        String s = city.strip();
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    private static void require(Object value, String field) {
        if (value == null || (value instanceof String && ((String) value).isBlank())) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
