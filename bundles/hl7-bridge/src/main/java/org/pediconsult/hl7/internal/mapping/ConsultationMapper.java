package org.pediconsult.hl7.internal.mapping;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.hl7.api.Hl7OutboundMapper;
import org.pediconsult.hl7.api.OutboundMessage;
import org.pediconsult.hl7.api.UnmappableEventException;
import org.pediconsult.hl7.api.segments.PatientSegments;
import org.pediconsult.platform.api.event.DomainEvent;

/**
 * The consultation bundle's events to HL7 v2.5.1: reads the consultation as it is now (the event
 * carries ids only) through {@link InterfaceRecords}, audited as {@code hl7:outbound}, and fills the
 * segments every message shares: PID (PediConsult id, HIS id, name, birth date, sex), NK1 (the
 * guardian), PV1 (an outpatient online visit numbered by the consultation id), the physician as XCN.
 */
abstract class ConsultationMapper implements Hl7OutboundMapper {
    static final String AUTHORITY = PatientSegments.AUTHORITY;

    private final InterfaceRecords records;
    private final PatientSegments segments;

    ConsultationMapper(InterfaceRecords records, ZoneId zone) {
        this.records = records;
        this.segments = new PatientSegments(zone);
    }

    @Override
    public final List<OutboundMessage> map(DomainEvent event) throws Exception {
        String id = event.aggregateId();
        if (id == null) {
            throw new UnmappableEventException(event.type() + " names no consultation");
        }
        ConsultationRecord r = records.consultation(id, "hl7:outbound", event.type() + " " + event.eventId())
                .orElseThrow(() -> new UnmappableEventException("consultation " + id + " does not exist"));
        if (r.child == null) {
            throw new UnmappableEventException("consultation " + id + " has no child");
        }
        return map(event, r);
    }

    abstract List<OutboundMessage> map(DomainEvent event, ConsultationRecord r) throws Exception;

    String ts(Instant at) {
        return segments.ts(at);
    }

    /** PID: PediConsult id (PI) first, then the HIS id (MR) or the identity document. */
    void pid(Segment pid, ChildDTO child) throws HL7Exception {
        segments.pid(pid, child);
    }

    /** NK1: the guardian attending, with the relationship by HL7 table 0063. */
    void nk1(Segment nk1, GuardianDTO guardian, String relationship) throws HL7Exception {
        Terser.set(nk1, 1, 0, 1, 1, "1");
        Terser.set(nk1, 2, 0, 1, 1, guardian.familyName);
        Terser.set(nk1, 2, 0, 2, 1, guardian.givenName);
        Terser.set(nk1, 3, 0, 1, 1, relationship(relationship));
        Terser.set(nk1, 5, 0, 1, 1, guardian.phone);
        Terser.set(nk1, 7, 0, 1, 1, "C");
    }

    /** PV1: outpatient (O) online visit; PV1-19 the consultation id; PV1-7 the physician when booked. */
    void pv1(Segment pv1, ConsultationRecord r) throws HL7Exception {
        segments.pv1(pv1, r);
    }

    /** A physician as XCN: licence number, family name, given name, title. */
    void xcn(Segment segment, int field, PhysicianDTO p) throws HL7Exception {
        segments.xcn(segment, field, p);
    }

    static String messageType(Message m) throws HL7Exception {
        Terser t = new Terser(m);
        return t.get("/MSH-9-1") + "^" + t.get("/MSH-9-2");
    }

    /** PediConsult relationship codes to HL7 table 0063. */
    static String relationship(String relationship) {
        if (relationship == null) {
            return "OTH";
        }
        switch (relationship) {
            case "MOTHER": return "MTH";
            case "FATHER": return "FTH";
            case "GRANDPARENT": return "GRP";
            case "LEGAL_GUARDIAN": return "GRD";
            default: return "OTH";
        }
    }
}
