package org.pediconsult.pharmacy.internal.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.hl7.api.OutboundMessage;
import org.pediconsult.hl7.api.UnmappableEventException;
import org.pediconsult.pharmacy.api.DispenseDTO;
import org.pediconsult.pharmacy.internal.dispense.DispenseReader;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.prescription.api.PrescriptionState;
import org.pediconsult.prescription.api.Prescriptions;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.LocalizedText;

/** RDS^O13 for a dispense, encoded and parsed back as the HIS would read it. */
class RdsO13MapperTest {
    private static final Instant DISPENSED_AT = Instant.parse("2026-11-26T02:15:00Z");   // 10:15 in Shanghai

    private final List<String> audited = new ArrayList<>();
    private final DispenseDTO dispense = dispense();
    private final PrescriptionDTO prescription = prescription();
    private final ConsultationRecord record = record();

    private final DispenseReader reader = (id, source, purpose) -> {
        audited.add("dispense " + source + " " + purpose);
        return id.equals(dispense.id) ? Optional.of(dispense) : Optional.empty();
    };
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
    private final RdsO13Mapper mapper = new RdsO13Mapper(reader, prescriptions, records, ZoneId.of("Asia/Shanghai"));

    private static DispenseDTO dispense() {
        DispenseDTO d = new DispenseDTO();
        d.id = "dsp-0001";
        d.prescriptionId = "rx-0001";
        d.consultationId = "k-0001";
        d.childId = "c-0001";
        d.dispensedBy = "pharmacist.li";
        d.dispensedAt = DISPENSED_AT;
        d.source = "PEDICONSULT";
        DispenseDTO.Item paracetamol = new DispenseDTO.Item();
        paracetamol.itemIndex = 0;
        paracetamol.prescribedCode = "PARACETAMOL-SUSP";
        paracetamol.productCode = "PARACETAMOL-SUSP";
        paracetamol.productName = "对乙酰氨基酚混悬液";
        paracetamol.lot = "LOT-A1";
        paracetamol.expiry = LocalDate.of(2027, 12, 31);
        paracetamol.quantity = 1.0;
        paracetamol.quantityUnit = "bottle";
        paracetamol.manufacturer = "华北制药";
        DispenseDTO.Item mometasone = new DispenseDTO.Item();
        mometasone.itemIndex = 1;
        mometasone.prescribedCode = "MOMETASONE-CREAM";
        mometasone.productCode = "MOMETASONE-OINT";
        mometasone.productName = "糠酸莫米松软膏";
        mometasone.lot = "LOT-B7";
        mometasone.expiry = LocalDate.of(2028, 8, 31);
        mometasone.quantity = 10.0;
        mometasone.quantityUnit = "g";
        mometasone.manufacturer = "浙江仙琚制药";
        mometasone.substitutionReason = "乳膏缺货，\n以同成分软膏替代";
        d.items = List.of(paracetamol, mometasone);
        return d;
    }

    private static PrescriptionDTO prescription() {
        PrescriptionDTO p = new PrescriptionDTO();
        p.id = "rx-0001";
        p.consultationId = "k-0001";
        p.childId = "c-0001";
        p.physician = "dr.wang";
        p.state = PrescriptionState.DISPENSED;
        PrescriptionItem paracetamol = new PrescriptionItem();
        paracetamol.code = "PARACETAMOL-SUSP";
        paracetamol.name = LocalizedText.of("对乙酰氨基酚混悬液", "Paracetamol oral suspension");
        paracetamol.route = FormularyEntry.Route.PO;
        paracetamol.dose = 150.0;
        paracetamol.unit = FormularyEntry.Unit.MG;
        paracetamol.frequency = "Q6H";
        paracetamol.durationDays = 3;
        paracetamol.quantity = 1.0;
        paracetamol.quantityUnit = "bottle";
        PrescriptionItem mometasone = new PrescriptionItem();
        mometasone.code = "MOMETASONE-CREAM";
        mometasone.name = LocalizedText.of("糠酸莫米松乳膏", "Mometasone furoate cream 0.1%");
        mometasone.route = FormularyEntry.Route.TOP;
        mometasone.dose = 1.0;
        mometasone.unit = FormularyEntry.Unit.G;
        mometasone.frequency = "QD";
        mometasone.durationDays = 7;
        mometasone.quantity = 10.0;
        mometasone.quantityUnit = "g";
        p.items = List.of(paracetamol, mometasone);
        return p;
    }

    private static ConsultationRecord record() {
        ConsultationRecord r = new ConsultationRecord();
        r.consultation = new ConsultationDTO();
        r.consultation.id = "k-0001";
        r.consultation.childId = "c-0001";
        r.consultation.specialtyId = "dermatology";
        r.consultation.createdAt = Instant.parse("2026-11-25T02:00:00Z");
        r.child = new ChildDTO();
        r.child.id = "c-0001";
        r.child.familyName = "林";
        r.child.givenName = "小雨";
        r.child.sex = "FEMALE";
        r.child.birthDate = LocalDate.of(2021, 6, 1);
        r.child.idType = "HIS";
        r.child.idValue = "PILOT1^HIS-000123";
        r.physician = new PhysicianDTO();
        r.physician.familyName = "王";
        r.physician.givenName = "医生";
        r.physician.licenceNumber = "110000000001";
        r.physician.title = "主治医师";
        return r;
    }

    private static DomainEvent event(String dispenseId) {
        return new DomainEvent("e-1", "pharmacy", "dispensed", 1, DISPENSED_AT, dispenseId,
                "{\"dispenseId\":\"" + dispenseId + "\"}");
    }

    /** The bridge's parser: any 2.x read into the 2.5.1 model, no validation. */
    static HapiContext hapi() {
        HapiContext hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        hapi.setValidationContext(new NoValidation());
        return hapi;
    }

    /** Encodes, sets MSH-10 as the bridge does, and parses back. */
    private static Message roundTrip(OutboundMessage out) throws Exception {
        new Terser(out.message()).set("/MSH-10", "PC1");
        try (HapiContext hapi = hapi()) {
            return hapi.getPipeParser().parse(hapi.getPipeParser().encode(out.message()));
        }
    }

    @Test
    void aDispenseBecomesAnRdsO13WithOneOrderPerItem() throws Exception {
        List<OutboundMessage> out = mapper.map(event("dsp-0001"));
        assertEquals(1, out.size());
        assertEquals("c-0001", out.get(0).patientKey());
        Terser t = new Terser(roundTrip(out.get(0)));

        assertEquals("RDS", t.get("/MSH-9-1"));
        assertEquals("O13", t.get("/MSH-9-2"));
        assertEquals("RDS_O13", t.get("/MSH-9-3"));
        assertEquals("2.5.1", t.get("/MSH-12"));
        assertEquals("c-0001", t.get("/PATIENT/PID-3(0)-1"));
        assertEquals("PEDICONSULT", t.get("/PATIENT/PID-3(0)-4"));
        assertEquals("HIS-000123", t.get("/PATIENT/PID-3(1)-1"));
        assertEquals("MR", t.get("/PATIENT/PID-3(1)-5"));
        assertEquals("林", t.get("/PATIENT/PID-5-1"));
        assertEquals("小雨", t.get("/PATIENT/PID-5-2"));
        assertEquals("F", t.get("/PATIENT/PID-8"));
        assertEquals("O", t.get("/PATIENT/PATIENT_VISIT/PV1-2"));
        assertEquals("k-0001", t.get("/PATIENT/PATIENT_VISIT/PV1-19"));

        // ORDER 1: as prescribed
        assertEquals("RE", t.get("/ORDER(0)/ORC-1"));
        assertEquals("rx-0001-1", t.get("/ORDER(0)/ORC-2-1"));
        assertEquals("PEDICONSULT", t.get("/ORDER(0)/ORC-2-2"));
        assertEquals("rx-0001", t.get("/ORDER(0)/ORC-4-1"));
        assertEquals("20261126101500+0800", t.get("/ORDER(0)/ORC-9"));
        assertEquals("110000000001", t.get("/ORDER(0)/ORC-12-1"));
        assertEquals("王", t.get("/ORDER(0)/ORC-12-2"));
        assertEquals("150", t.get("/ORDER(0)/TIMING/TQ1-2-1"));
        assertEquals("mg", t.get("/ORDER(0)/TIMING/TQ1-2-2-1"));
        assertEquals("Q6H", t.get("/ORDER(0)/TIMING/TQ1-3"));
        assertEquals("3", t.get("/ORDER(0)/TIMING/TQ1-6-1"));
        assertEquals("1", t.get("/ORDER(0)/RXD-1"));
        assertEquals("PARACETAMOL-SUSP", t.get("/ORDER(0)/RXD-2-1"));
        assertEquals("对乙酰氨基酚混悬液", t.get("/ORDER(0)/RXD-2-2"));
        assertEquals("PEDICONSULT", t.get("/ORDER(0)/RXD-2-3"));
        assertEquals("20261126101500+0800", t.get("/ORDER(0)/RXD-3"));
        assertEquals("1", t.get("/ORDER(0)/RXD-4"));
        assertEquals("bottle", t.get("/ORDER(0)/RXD-5-1"));
        assertEquals("rx-0001", t.get("/ORDER(0)/RXD-7"));
        assertEquals("pharmacist.li", t.get("/ORDER(0)/RXD-10-1"));
        assertEquals("PEDICONSULT", t.get("/ORDER(0)/RXD-10-9"));
        assertEquals("LOT-A1", t.get("/ORDER(0)/RXD-18"));
        assertEquals("20271231", t.get("/ORDER(0)/RXD-19"));
        assertEquals("华北制药", t.get("/ORDER(0)/RXD-20-2"));
        assertNull(t.get("/ORDER(0)/NTE-3"), "no substitution, no reason");
        assertEquals("PO", t.get("/ORDER(0)/RXR-1-1"));
        assertEquals("HL70162", t.get("/ORDER(0)/RXR-1-3"));

        // ORDER 2: a substitute, with its reason in the NTE after the RXD
        assertEquals("rx-0001-2", t.get("/ORDER(1)/ORC-2-1"));
        assertEquals("Q1D", t.get("/ORDER(1)/TIMING/TQ1-3"));
        assertEquals("2", t.get("/ORDER(1)/RXD-1"));
        assertEquals("MOMETASONE-OINT", t.get("/ORDER(1)/RXD-2-1"));
        assertEquals("10", t.get("/ORDER(1)/RXD-4"));
        assertEquals("g", t.get("/ORDER(1)/RXD-5-1"));
        assertEquals("LOT-B7", t.get("/ORDER(1)/RXD-18"));
        assertEquals("20280831", t.get("/ORDER(1)/RXD-19"));
        assertEquals("乳膏缺货， 以同成分软膏替代", t.get("/ORDER(1)/NTE-3"));
        assertEquals("1R", t.get("/ORDER(1)/NTE-4-1"));
        assertEquals("TP", t.get("/ORDER(1)/RXR-1-1"));

        assertTrue(audited.stream().allMatch(a -> a.contains(" hl7:outbound RDS^O13 for pharmacy.dispensed e-1")),
                audited.toString());
        assertEquals(3, audited.size(), "dispense, prescription and consultation read once each: " + audited);
    }

    @Test
    void whatTheMapperWritesTheInboundProcessorReadsBack() throws Exception {
        Message message = roundTrip(mapper.map(event("dsp-0001")).get(0));
        RdsO13Processor.Dispense read = new RdsO13Processor((p, items, by, at, channel) -> null,
                ZoneId.of("Asia/Shanghai")).read(message);
        assertEquals("rx-0001", read.prescriptionId());
        assertEquals("pharmacist.li", read.dispensedBy());
        assertEquals(DISPENSED_AT, read.at());
        for (int i = 0; i < 2; i++) {
            DispenseDTO.Item sent = dispense.items.get(i);
            DispenseDTO.Item got = read.items().get(i);
            assertEquals(sent.itemIndex, got.itemIndex);
            assertEquals(sent.productCode, got.productCode);
            assertEquals(sent.productName, got.productName);
            assertEquals(sent.lot, got.lot);
            assertEquals(sent.expiry, got.expiry);
            assertEquals(sent.quantity, got.quantity);
            assertEquals(sent.quantityUnit, got.quantityUnit);
            assertEquals(sent.manufacturer, got.manufacturer);
        }
        assertNull(read.items().get(0).substitutionReason);
        assertEquals("乳膏缺货， 以同成分软膏替代", read.items().get(1).substitutionReason);
    }

    @Test
    void whatCannotBeMappedIsParkedAndTheHospitalsOwnDispenseIsNotEchoed() throws Exception {
        UnmappableEventException none = assertThrows(UnmappableEventException.class, () -> mapper.map(event("dsp-9999")));
        assertTrue(none.getMessage().contains("dsp-9999"), none.getMessage());

        dispense.prescriptionId = "rx-9999";
        assertThrows(UnmappableEventException.class, () -> mapper.map(event("dsp-0001")));
        dispense.prescriptionId = "rx-0001";

        record.consultation.id = "k-other";
        assertThrows(UnmappableEventException.class, () -> mapper.map(event("dsp-0001")));
        record.consultation.id = "k-0001";

        dispense.items.get(1).itemIndex = 5;
        assertThrows(UnmappableEventException.class, () -> mapper.map(event("dsp-0001")));
        dispense.items.get(1).itemIndex = 1;

        dispense.source = "hl7:pharmacy";
        assertEquals(List.of(), mapper.map(event("dsp-0001")), "an inbound RDS^O13's dispense is not sent back");
    }
}
