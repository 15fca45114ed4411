package org.pediconsult.hl7.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.NoValidation;
import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.consultation.api.dto.TriageDTO;
import org.pediconsult.hl7.api.OutboundMessage;
import org.pediconsult.hl7.api.UnmappableEventException;
import org.pediconsult.platform.api.event.DomainEvent;

/** Each consultation mapper's message, encoded and parsed back as a receiver would read it. */
class ConsultationMappersTest {
    private static final MappingConfig SHANGHAI = (MappingConfig) Proxy.newProxyInstance(
            MappingConfig.class.getClassLoader(), new Class<?>[] {MappingConfig.class},
            (p, m, a) -> m.getDefaultValue());

    private final List<String> audited = new ArrayList<>();
    private ConsultationRecord record = record();
    private final InterfaceRecords records = (id, source, purpose) -> {
        audited.add(source + " " + purpose);
        return id.equals(record.consultation.id) ? Optional.of(record) : Optional.empty();
    };

    private static ConsultationRecord record() {
        ConsultationRecord r = new ConsultationRecord();
        r.consultation = new ConsultationDTO();
        r.consultation.id = "k-0001";
        r.consultation.childId = "c-0001";
        r.consultation.specialtyId = "dermatology";
        r.consultation.kind = "INITIAL";
        r.consultation.state = "BOOKED";
        r.consultation.scheduledAt = Instant.parse("2026-11-26T01:30:00Z");
        r.consultation.createdAt = Instant.parse("2026-11-25T02:00:00Z");
        r.child = new ChildDTO();
        r.child.id = "c-0001";
        r.child.familyName = "唐";
        r.child.givenName = "小明";
        r.child.sex = "MALE";
        r.child.birthDate = LocalDate.of(2022, 3, 15);
        r.child.idType = "HIS";
        r.child.idValue = "PILOT1^HIS-000123";
        r.guardian = new GuardianDTO();
        r.guardian.familyName = "唐";
        r.guardian.givenName = "丽";
        r.guardian.phone = "13800000000";
        r.guardianRelationship = "MOTHER";
        r.physician = new PhysicianDTO();
        r.physician.familyName = "王";
        r.physician.givenName = "医生";
        r.physician.licenceNumber = "110000000001";
        r.physician.institution = "试点儿童医院一";
        r.slotMinutes = 20;
        r.specialtyNameZh = "皮肤科";
        r.specialtyNameEn = "Dermatology";
        return r;
    }

    private static DomainEvent event(String name) {
        return new DomainEvent("e-" + name, "consultation", name, 1, Instant.parse("2026-11-25T03:00:00Z"), "k-0001", "{}");
    }

    /** Encodes and parses back with the bridge's own parser set-up (2.5.1 model, no validation). */
    private static Terser roundTrip(OutboundMessage out) throws Exception {
        HapiContext hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        hapi.setValidationContext(new NoValidation());
        Terser before = new Terser(out.message());
        before.set("/MSH-10", "PC1");
        Message parsed = hapi.getPipeParser().parse(out.message().encode());
        return new Terser(parsed);
    }

    @Test
    void registeredIsAnAdtA04WithPatientGuardianAndOnlineVisit() throws Exception {
        List<OutboundMessage> out = new AdtRegisteredMapper(records, SHANGHAI).map(event("registered"));
        assertEquals(1, out.size());
        assertEquals("c-0001", out.get(0).patientKey());
        Terser t = roundTrip(out.get(0));
        assertEquals("ADT", t.get("/MSH-9-1"));
        assertEquals("A04", t.get("/MSH-9-2"));
        assertEquals("c-0001", t.get("/PID-3(0)-1"));
        assertEquals("PEDICONSULT", t.get("/PID-3(0)-4-1"));
        assertEquals("HIS-000123", t.get("/PID-3(1)-1"));
        assertEquals("PILOT1", t.get("/PID-3(1)-4-1"));
        assertEquals("MR", t.get("/PID-3(1)-5"));
        assertEquals("唐", t.get("/PID-5-1"));
        assertEquals("小明", t.get("/PID-5-2"));
        assertEquals("20220315", t.get("/PID-7"));
        assertEquals("M", t.get("/PID-8"));
        assertEquals("丽", t.get("/NK1-2-2"));
        assertEquals("MTH", t.get("/NK1-3-1"));
        assertEquals("O", t.get("/PV1-2"));
        assertEquals("k-0001", t.get("/PV1-19-1"));
        assertEquals("20261125100000+0800", t.get("/PV1-44"));
        assertEquals(List.of("hl7:outbound consultation.registered e-registered"), audited);
    }

    @Test
    void appointmentEventsAreSiuWithTheirTriggersAndStatus() throws Exception {
        String[][] cases = {{"booked", "S12", "Booked"}, {"rescheduled", "S13", "Booked"}, {"started", "S14", "Started"},
                {"cancelled", "S15", "Cancelled"}, {"no-show", "S26", "Noshow"}};
        for (String[] c : cases) {
            Terser t = roundTrip(new SiuMapper(records, SHANGHAI).map(event(c[0])).get(0));
            assertEquals("SIU", t.get("/MSH-9-1"), c[0]);
            assertEquals(c[1], t.get("/MSH-9-2"), c[0]);
            assertEquals("k-0001", t.get("/SCH-1-1"));
            assertEquals("20261126093000+0800", t.get("/SCH-11-4"), "start in the pilot's zone");
            assertEquals("20261126095000+0800", t.get("/SCH-11-5"), "20-minute slot");
            assertEquals(c[2], t.get("/SCH-25-1"), c[0]);
            assertEquals("唐", t.get("/PATIENT/PID-5-1"));
            assertEquals("110000000001", t.get("/RESOURCES/PERSONNEL_RESOURCE/AIP-3-1"));
            assertEquals("Dermatology", t.get("/RESOURCES/SERVICE/AIS-3-2"));
        }
    }

    @Test
    void aConsultationNeverBookedSendsNoAppointmentMessage() throws Exception {
        record.consultation.scheduledAt = null;
        assertTrue(new SiuMapper(records, SHANGHAI).map(event("cancelled")).isEmpty());
    }

    @Test
    void completedIsAnMdmT02WithDiagnosisAndPlanLines() throws Exception {
        record.consultation.diagnosis = "特应性皮炎（轻度）";
        record.consultation.plan = "保湿每日两次\n复诊两周后";
        Terser t = roundTrip(new MdmNoteMapper(records, SHANGHAI).map(event("completed")).get(0));
        assertEquals("MDM", t.get("/MSH-9-1"));
        assertEquals("T02", t.get("/MSH-9-2"));
        assertEquals("CN", t.get("/TXA-2"));
        assertEquals("k-0001", t.get("/TXA-12-1"));
        assertEquals("AU", t.get("/TXA-17"));
        assertEquals("王", t.get("/TXA-5-2-1"));
        assertEquals("DIAGNOSIS", t.get("/OBSERVATION(0)/OBX-3-1"));
        assertEquals("特应性皮炎（轻度）", t.get("/OBSERVATION(0)/OBX-5(0)"));
        assertEquals("PLAN", t.get("/OBSERVATION(1)/OBX-3-1"));
        assertEquals("保湿每日两次", t.get("/OBSERVATION(1)/OBX-5(0)"));
        assertEquals("复诊两周后", t.get("/OBSERVATION(1)/OBX-5(1)"));
    }

    @Test
    void referralIsARefI12WithReasonFacilityAndEmergencyPriority() throws Exception {
        record.consultation.referralReason = "皮损广泛伴发热，需线下就诊";
        record.consultation.referralFacility = "试点儿童医院一 皮肤科门诊";
        Terser t = roundTrip(new RefReferralMapper(records, SHANGHAI).map(event("referred")).get(0));
        assertEquals("REF", t.get("/MSH-9-1"));
        assertEquals("I12", t.get("/MSH-9-2"));
        assertEquals("R", t.get("/RF1-2-1"));
        assertEquals("k-0001", t.get("/RF1-6-1"));
        assertEquals("皮损广泛伴发热，需线下就诊", t.get("/RF1-10-2"));
        assertEquals("RP", t.get("/PROVIDER_CONTACT(0)/PRD-1-1"));
        assertEquals("RT", t.get("/PROVIDER_CONTACT(1)/PRD-1-1"));
        assertEquals("试点儿童医院一 皮肤科门诊", t.get("/PROVIDER_CONTACT(1)/PRD-4-4-1"));
        assertEquals("唐", t.get("/PID-5-1"));

        assertEquals("MED", t.get("/RF1-3-1"));

        // a specialty's urgency and destination (SPI 1.4): within 24 hours to a mental health service
        record.consultation.referralUrgency = "WITHIN_24_HOURS";
        record.consultation.referralDestination = "MENTAL_HEALTH_SERVICE";
        Terser soon = roundTrip(new RefReferralMapper(records, SHANGHAI).map(event("referred")).get(0));
        assertEquals("A", soon.get("/RF1-2-1"));
        assertEquals("PSY", soon.get("/RF1-3-1"));
        record.consultation.referralUrgency = "WITHIN_7_DAYS";
        assertEquals("R", roundTrip(new RefReferralMapper(records, SHANGHAI).map(event("referred")).get(0)).get("/RF1-2-1"));

        record.consultation.triage = new TriageDTO();
        record.consultation.triage.level = "EMERGENCY";
        assertEquals("S", roundTrip(new RefReferralMapper(records, SHANGHAI).map(event("referred")).get(0)).get("/RF1-2-1"));
    }

    @Test
    void anEventForAConsultationThatDoesNotExistIsUnmappable() {
        DomainEvent ghost = new DomainEvent("e-x", "consultation", "booked", 1, Instant.now(), "k-none", "{}");
        assertThrows(UnmappableEventException.class, () -> new SiuMapper(records, SHANGHAI).map(ghost));
    }
}
