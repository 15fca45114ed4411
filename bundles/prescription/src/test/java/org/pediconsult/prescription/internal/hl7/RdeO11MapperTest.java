package org.pediconsult.prescription.internal.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.hl7.api.OutboundMessage;
import org.pediconsult.hl7.api.UnmappableEventException;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.prescription.api.PrescriptionState;
import org.pediconsult.prescription.api.Prescriptions;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.LocalizedText;

/** RDE^O11 for approved and voided prescriptions, encoded and parsed back as the pharmacy would read it. */
class RdeO11MapperTest {
    private static final Instant APPROVED_AT = Instant.parse("2026-11-25T03:00:00Z");   // 11:00 in Shanghai
    private static final Instant VOIDED_AT = Instant.parse("2026-11-25T05:30:00Z");

    private final List<String> audited = new ArrayList<>();
    private final PrescriptionDTO prescription = prescription();
    private final ConsultationRecord record = record();

    private final Prescriptions prescriptions = new Prescriptions() {
        @Override
        public Optional<PrescriptionDTO> find(String id, String source, String purpose) {
            audited.add("rx " + source + " " + purpose);
            return id.equals(prescription.id) ? Optional.of(prescription) : Optional.empty();
        }

        @Override
        public PrescriptionDTO dispensed(Connection tx, String id, String actor) {
            throw new UnsupportedOperationException();
        }
    };
    private final InterfaceRecords records = (id, source, purpose) -> {
        audited.add("consultation " + source + " " + purpose);
        return id.equals(record.consultation.id) ? Optional.of(record) : Optional.empty();
    };
    private final RdeO11Mapper mapper = new RdeO11Mapper(prescriptions, records, ZoneId.of("Asia/Shanghai"));

    private static PrescriptionDTO prescription() {
        PrescriptionDTO p = new PrescriptionDTO();
        p.id = "rx-0001";
        p.consultationId = "k-0001";
        p.childId = "c-0001";
        p.specialtyId = "dermatology";
        p.physician = "dr.zhang";
        p.version = 1;
        p.state = PrescriptionState.APPROVED;
        p.diagnosis = "特应性皮炎（轻度）伴发热";
        p.reviewedBy = "pharm.li";
        p.reviewedAt = APPROVED_AT;
        p.sentToPharmacy = true;

        PrescriptionItem paracetamol = new PrescriptionItem();
        paracetamol.code = "PARACETAMOL-SUSP";
        paracetamol.name = LocalizedText.of("对乙酰氨基酚混悬液", "Paracetamol oral suspension");
        paracetamol.ingredient = "paracetamol";
        paracetamol.form = "oral suspension 32 mg/mL";
        paracetamol.route = FormularyEntry.Route.PO;
        paracetamol.storage = FormularyEntry.Storage.AMBIENT;
        paracetamol.dose = 150.0;
        paracetamol.unit = FormularyEntry.Unit.MG;
        paracetamol.frequency = "Q6H";
        paracetamol.durationDays = 3;
        paracetamol.quantity = 1.0;
        paracetamol.quantityUnit = "bottle";
        paracetamol.instructions = org.pediconsult.prescription.api.Text.of("发热时口服，每6小时一次，\n每日不超过4次",
                "By mouth every 6 hours for fever, at most 4 doses a day");

        PrescriptionItem mometasone = new PrescriptionItem();
        mometasone.code = "MOMETASONE-CREAM";
        mometasone.name = LocalizedText.of("糠酸莫米松乳膏", "Mometasone furoate cream 0.1%");
        mometasone.ingredient = "mometasone furoate";
        mometasone.form = "cream 0.1%";
        mometasone.route = FormularyEntry.Route.TOP;
        mometasone.storage = FormularyEntry.Storage.COLD_2_8;
        mometasone.dose = 1.0;
        mometasone.unit = FormularyEntry.Unit.G;
        mometasone.frequency = "QD";
        mometasone.durationDays = 7;
        mometasone.quantity = 10.0;
        mometasone.quantityUnit = "g";
        mometasone.sites = List.of(FormularyEntry.BodySite.ARMS);
        mometasone.instructions = org.pediconsult.prescription.api.Text.of("每日一次薄涂于患处", "Apply thinly to the affected skin once a day");

        p.items = List.of(paracetamol, mometasone);
        return p;
    }

    private static ConsultationRecord record() {
        ConsultationRecord r = new ConsultationRecord();
        r.consultation = new ConsultationDTO();
        r.consultation.id = "k-0001";
        r.consultation.childId = "c-0001";
        r.consultation.specialtyId = "dermatology";
        r.consultation.state = "COMPLETED";
        r.consultation.createdAt = Instant.parse("2026-11-25T02:00:00Z");
        r.child = new ChildDTO();
        r.child.id = "c-0001";
        r.child.familyName = "王";
        r.child.givenName = "小明";
        r.child.sex = "MALE";
        r.child.birthDate = LocalDate.of(2021, 6, 1);
        r.child.idType = "HIS";
        r.child.idValue = "PILOT1^HIS-000123";
        r.physician = new PhysicianDTO();
        r.physician.familyName = "张";
        r.physician.givenName = "医生";
        r.physician.licenceNumber = "110000000001";
        r.physician.title = "主治医师";
        return r;
    }

    private static DomainEvent event(String name, String data) {
        return new DomainEvent("e-" + name, "prescription", name, 1,
                "voided".equals(name) ? VOIDED_AT : APPROVED_AT, "rx-0001", data);
    }

    /** Encodes as the brief's receiver would, sets MSH-10 as the bridge does, and parses back. */
    private static Message roundTrip(OutboundMessage out) throws Exception {
        new Terser(out.message()).set("/MSH-10", "PC1");
        try (DefaultHapiContext hapi = new DefaultHapiContext()) {
            String wire = hapi.getPipeParser().encode(out.message());
            return hapi.getPipeParser().parse(wire);
        }
    }

    private static List<String> segmentNames(Message m) throws Exception {
        return Arrays.stream(m.encode().split("\r")).map(s -> s.substring(0, 3)).collect(Collectors.toList());
    }

    @Test
    void approvedIsOneRdeO11WithAnOrderPerItem() throws Exception {
        List<OutboundMessage> out = mapper.map(event("approved", "{\"prescriptionId\":\"rx-0001\"}"));
        assertEquals(1, out.size());
        assertEquals("c-0001", out.get(0).patientKey());
        Message parsed = roundTrip(out.get(0));
        Terser t = new Terser(parsed);

        assertEquals(List.of("MSH", "PID", "PV1", "ORC", "RXE", "NTE", "TQ1", "RXR", "ORC", "RXE", "NTE", "TQ1", "RXR"),
                segmentNames(parsed), "HAPI's v2.5.1 order: NTE after RXE, then TQ1 (timing encoded), then RXR");
        assertEquals("RDE", t.get("/MSH-9-1"));
        assertEquals("O11", t.get("/MSH-9-2"));
        assertEquals("RDE_O11", t.get("/MSH-9-3"));
        assertEquals("c-0001", t.get("/PATIENT/PID-3(0)-1"));
        assertEquals("PEDICONSULT", t.get("/PATIENT/PID-3(0)-4-1"));
        assertEquals("PI", t.get("/PATIENT/PID-3(0)-5"));
        assertEquals("HIS-000123", t.get("/PATIENT/PID-3(1)-1"));
        assertEquals("MR", t.get("/PATIENT/PID-3(1)-5"));
        assertEquals("王", t.get("/PATIENT/PID-5-1"));
        assertEquals("小明", t.get("/PATIENT/PID-5-2"));
        assertEquals("20210601", t.get("/PATIENT/PID-7"));
        assertEquals("M", t.get("/PATIENT/PID-8"));
        assertEquals("O", t.get("/PATIENT/PATIENT_VISIT/PV1-2"));
        assertEquals("ONLINE", t.get("/PATIENT/PATIENT_VISIT/PV1-3"));
        assertEquals("110000000001", t.get("/PATIENT/PATIENT_VISIT/PV1-7-1"));
        assertEquals("k-0001", t.get("/PATIENT/PATIENT_VISIT/PV1-19-1"));
        assertEquals("PEDICONSULT", t.get("/PATIENT/PATIENT_VISIT/PV1-19-4"));
        assertEquals("VN", t.get("/PATIENT/PATIENT_VISIT/PV1-19-5"));

        // paracetamol
        assertEquals("NW", t.get("/ORDER(0)/ORC-1"));
        assertEquals("rx-0001-1", t.get("/ORDER(0)/ORC-2-1"));
        assertEquals("PEDICONSULT", t.get("/ORDER(0)/ORC-2-2"));
        assertEquals("rx-0001", t.get("/ORDER(0)/ORC-4-1"));
        assertEquals("20261125110000+0800", t.get("/ORDER(0)/ORC-9"));
        assertEquals("110000000001", t.get("/ORDER(0)/ORC-12-1"));
        assertEquals("张", t.get("/ORDER(0)/ORC-12-2"));
        assertEquals("PARACETAMOL-SUSP", t.get("/ORDER(0)/RXE-2-1"));
        assertEquals("Paracetamol oral suspension", t.get("/ORDER(0)/RXE-2-2"));
        assertEquals("PEDICONSULT", t.get("/ORDER(0)/RXE-2-3"));
        assertEquals("150", t.get("/ORDER(0)/RXE-3"));
        assertEquals("mg", t.get("/ORDER(0)/RXE-5-1"));
        assertEquals("UCUM", t.get("/ORDER(0)/RXE-5-3"));
        assertEquals("oral suspension 32 mg/mL", t.get("/ORDER(0)/RXE-6-2"));
        assertEquals("发热时口服，每6小时一次， 每日不超过4次", t.get("/ORDER(0)/RXE-7-2"));
        assertEquals("1", t.get("/ORDER(0)/RXE-10"));
        assertEquals("bottle", t.get("/ORDER(0)/RXE-11-1"));
        assertEquals("pharm.li", t.get("/ORDER(0)/RXE-14-1"));
        assertEquals("rx-0001", t.get("/ORDER(0)/RXE-15"));
        assertEquals("600", t.get("/ORDER(0)/RXE-19-1"), "150 mg x 4 doses a day");
        assertEquals("mg", t.get("/ORDER(0)/RXE-19-2-1"));
        assertNull(t.get("/ORDER(0)/RXE-21-2"), "ambient storage: no special instruction");
        assertEquals("特应性皮炎（轻度）伴发热", t.get("/ORDER(0)/RXE-27-2"));
        assertEquals("By mouth every 6 hours for fever, at most 4 doses a day", t.get("/ORDER(0)/NTE-3"));
        assertEquals("150", t.get("/ORDER(0)/TIMING_ENCODED/TQ1-2-1"));
        assertEquals("mg", t.get("/ORDER(0)/TIMING_ENCODED/TQ1-2-2-1"));
        assertEquals("Q6H", t.get("/ORDER(0)/TIMING_ENCODED/TQ1-3-1-1"));
        assertEquals("3", t.get("/ORDER(0)/TIMING_ENCODED/TQ1-6-1"));
        assertEquals("d", t.get("/ORDER(0)/TIMING_ENCODED/TQ1-6-2-1"));
        assertEquals("20261125110000+0800", t.get("/ORDER(0)/TIMING_ENCODED/TQ1-7"));
        assertEquals("20261128110000+0800", t.get("/ORDER(0)/TIMING_ENCODED/TQ1-8"));
        assertEquals("PO", t.get("/ORDER(0)/RXR-1-1"));
        assertEquals("HL70162", t.get("/ORDER(0)/RXR-1-3"));

        // mometasone
        assertEquals("NW", t.get("/ORDER(1)/ORC-1"));
        assertEquals("rx-0001-2", t.get("/ORDER(1)/ORC-2-1"));
        assertEquals("MOMETASONE-CREAM", t.get("/ORDER(1)/RXE-2-1"));
        assertEquals("1", t.get("/ORDER(1)/RXE-3"));
        assertEquals("g", t.get("/ORDER(1)/RXE-5-1"));
        assertEquals("10", t.get("/ORDER(1)/RXE-10"));
        assertEquals("g", t.get("/ORDER(1)/RXE-11-1"));
        assertEquals("rx-0001", t.get("/ORDER(1)/RXE-15"));
        assertEquals("1", t.get("/ORDER(1)/RXE-19-1"));
        assertEquals("2-8 °C", t.get("/ORDER(1)/RXE-21-2"));
        assertEquals("Q1D", t.get("/ORDER(1)/TIMING_ENCODED/TQ1-3-1-1"), "table 0335 writes once a day as Q1D");
        assertEquals("QD", t.get("/ORDER(1)/TIMING_ENCODED/TQ1-3-1-2"), "the item's own pattern as text");
        assertEquals("7", t.get("/ORDER(1)/TIMING_ENCODED/TQ1-6-1"));
        assertEquals("20261202110000+0800", t.get("/ORDER(1)/TIMING_ENCODED/TQ1-8"));
        assertEquals("TP", t.get("/ORDER(1)/RXR-1-1"), "table 0162 topical");

        assertEquals(List.of("rx hl7:outbound prescription.approved e-approved",
                "consultation hl7:outbound prescription.approved e-approved"), audited);
    }

    @Test
    void voidedAfterSendingCancelsEveryItemWithTheSamePlacerNumbers() throws Exception {
        prescription.state = PrescriptionState.VOIDED;
        prescription.voidedAt = VOIDED_AT;
        prescription.voidReason = "转诊线下就医";
        List<OutboundMessage> out = mapper.map(event("voided", "{\"prescriptionId\":\"rx-0001\",\"sentToPharmacy\":true}"));
        assertEquals(1, out.size());
        Terser t = new Terser(roundTrip(out.get(0)));
        assertEquals("RDE", t.get("/MSH-9-1"));
        assertEquals("O11", t.get("/MSH-9-2"));
        for (int i = 0; i < 2; i++) {
            assertEquals("CA", t.get("/ORDER(" + i + ")/ORC-1"));
            assertEquals("rx-0001-" + (i + 1), t.get("/ORDER(" + i + ")/ORC-2-1"));
            assertEquals("PEDICONSULT", t.get("/ORDER(" + i + ")/ORC-2-2"));
            assertEquals("20261125133000+0800", t.get("/ORDER(" + i + ")/ORC-9"), "the void's time");
            assertEquals("转诊线下就医", t.get("/ORDER(" + i + ")/ORC-16-2"));
            assertEquals("rx-0001", t.get("/ORDER(" + i + ")/RXE-15"));
        }
        assertEquals("20261125110000+0800", t.get("/ORDER(0)/TIMING_ENCODED/TQ1-7"), "the course as it was ordered");
        assertEquals(List.of("rx hl7:outbound prescription.voided e-voided",
                "consultation hl7:outbound prescription.voided e-voided"), audited);
    }

    @Test
    void voidedBeforeSendingSendsNothing() throws Exception {
        assertTrue(mapper.map(event("voided", "{\"prescriptionId\":\"rx-0001\",\"sentToPharmacy\":false}")).isEmpty());
        assertTrue(mapper.map(event("voided", "{\"prescriptionId\":\"rx-0001\"}")).isEmpty());
        assertTrue(audited.isEmpty(), "nothing read");
    }

    @Test
    void anApprovalVoidedBeforeItWentOutSendsNothing() throws Exception {
        prescription.state = PrescriptionState.VOIDED;
        prescription.sentToPharmacy = false;
        assertTrue(mapper.map(event("approved", "{}")).isEmpty());
    }

    @Test
    void aMissingPrescriptionOrConsultationIsUnmappable() {
        DomainEvent missing = new DomainEvent("e-x", "prescription", "approved", 1, APPROVED_AT, "rx-9999", "{}");
        assertThrows(UnmappableEventException.class, () -> mapper.map(missing));
        prescription.consultationId = "k-9999";
        assertThrows(UnmappableEventException.class, () -> mapper.map(event("approved", "{}")));
    }

    @Test
    void aPrescriptionNeverApprovedOrWithoutItemsIsUnmappable() {
        prescription.state = PrescriptionState.AWAITING_REVIEW;
        assertThrows(UnmappableEventException.class, () -> mapper.map(event("approved", "{}")));
        prescription.state = PrescriptionState.APPROVED;
        prescription.items = List.of();
        assertThrows(UnmappableEventException.class, () -> mapper.map(event("approved", "{}")));
    }

    @Test
    void aVoidPayloadThatIsNotJsonIsUnmappable() {
        assertThrows(UnmappableEventException.class, () -> mapper.map(event("voided", "{not json")));
    }

    @Test
    void theComponentUsesTheConfiguredZone() throws Exception {
        RdeConfig utc = (RdeConfig) Proxy.newProxyInstance(RdeConfig.class.getClassLoader(),
                new Class<?>[] {RdeConfig.class}, (proxy, m, a) -> "zone".equals(m.getName()) ? "UTC" : m.getDefaultValue());
        Terser t = new Terser(roundTrip(new RdeO11Mapper(prescriptions, records, utc).map(event("approved", "{}")).get(0)));
        assertEquals("20261125030000+0000", t.get("/ORDER(0)/ORC-9"));
    }
}
