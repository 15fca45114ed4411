package org.pediconsult.claim.internal.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.DFT_P03;
import ca.uhn.hl7v2.util.Terser;
import org.junit.jupiter.api.Test;
import org.pediconsult.claim.api.ClaimDTO;
import org.pediconsult.claim.api.ClaimLine;
import org.pediconsult.claim.api.ClaimState;
import org.pediconsult.claim.api.CoverageDTO;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.hl7.api.OutboundMessage;
import org.pediconsult.hl7.api.UnmappableEventException;
import org.pediconsult.platform.api.event.DomainEvent;

/** DFT^P03 for a submitted claim, encoded and parsed back with HAPI as the insurer would read it. */
class DftP03MapperTest {
    private static final Instant COMPLETED_AT = Instant.parse("2026-11-25T03:00:00Z");   // 11:00 in Shanghai
    private static final Instant SUBMITTED_AT = Instant.parse("2026-11-26T01:30:00Z");
    private static final Instant NOW = Instant.parse("2026-11-26T01:30:05Z");

    private final List<String> audited = new ArrayList<>();
    private final ClaimDTO claim = claim();
    private final ConsultationRecord record = record();

    private final ClaimReader claims = (id, source, purpose) -> {
        audited.add("claim " + source + " " + purpose);
        return id.equals(claim.id) ? Optional.of(claim) : Optional.empty();
    };
    private final InterfaceRecords records = (id, source, purpose) -> {
        audited.add("consultation " + source + " " + purpose);
        return id.equals(record.consultation.id) ? Optional.of(record) : Optional.empty();
    };
    private final DftP03Mapper mapper = new DftP03Mapper(claims, records, Clock.fixed(NOW, ZoneOffset.UTC),
            ZoneId.of("Asia/Shanghai"), "CNY");

    private static ClaimLine line(String id, String type, String code, String description, String qty, String unit,
                                  String amount, boolean selfPay, String original) {
        ClaimLine l = new ClaimLine();
        l.lineId = id;
        l.type = type;
        l.itemCode = code;
        l.description = description;
        l.quantity = new BigDecimal(qty);
        l.unitAmount = unit == null ? null : new BigDecimal(unit);
        l.amount = new BigDecimal(amount);
        l.selfPay = selfPay;
        l.originalLineId = original;
        return l;
    }

    private static ClaimDTO claim() {
        ClaimDTO c = new ClaimDTO();
        c.id = "cl-0001";
        c.consultationId = "k-0001";
        c.childId = "c-0001";
        c.specialtyId = "dermatology";
        c.payer = "city-mi";
        c.version = 1;
        c.state = ClaimState.SUBMITTED;
        c.submittedAt = SUBMITTED_AT;
        c.lines = List.of(
                line("tx-1", "CG", "110200005", "互联网复诊（副主任医师）", "1", "30", "30", false, null),
                line("tx-2", "CG", "DELIVERY", "Home delivery fee", "1", "12", "12", true, null),
                line("tx-3", "CO", "110200005", "Co-payment", "1", "6.5", "6.5", false, null),
                line("tx-4", "CD", "110200005", "Credit: first-visit code sent by mistake", "1", "-30", "-30", false,
                        "tx-1"),
                line("tx-5", "AJ", "110200005", "Adjustment of an earlier claim's line", "2", "-2.25", "-4.5", false,
                        "tx-0099"));
        CoverageDTO cov = new CoverageDTO();
        cov.childId = "c-0001";
        cov.payer = "city-mi";
        cov.plan = "URBAN-RURAL-RESIDENT";
        cov.companyId = "MI-310000";
        cov.insuredId = "31011520210601001X";
        cov.policyNumber = "POL-2026-778";
        cov.region = "310000";
        cov.subscriber = "guardian.wang";
        cov.relationship = "MTH";
        cov.validFrom = LocalDate.of(2026, 1, 1);
        cov.validTo = LocalDate.of(2026, 12, 31);
        cov.source = "GUARDIAN";
        c.coverage = cov;
        return c;
    }

    private static ConsultationRecord record() {
        ConsultationRecord r = new ConsultationRecord();
        r.consultation = new ConsultationDTO();
        r.consultation.id = "k-0001";
        r.consultation.childId = "c-0001";
        r.consultation.specialtyId = "dermatology";
        r.consultation.state = "COMPLETED";
        r.consultation.diagnosis = "特应性皮炎（轻度）\n伴发热";
        r.consultation.createdAt = Instant.parse("2026-11-25T02:00:00Z");
        r.consultation.completedAt = COMPLETED_AT;
        r.child = new ChildDTO();
        r.child.id = "c-0001";
        r.child.familyName = "王";
        r.child.givenName = "小明";
        r.child.sex = "MALE";
        r.child.birthDate = LocalDate.of(2021, 6, 1);
        r.child.idType = "HIS";
        r.child.idValue = "PILOT1^HIS-000123";
        r.guardian = new GuardianDTO();
        r.guardian.id = "g-0001";
        r.guardian.familyName = "王";
        r.guardian.givenName = "丽";
        r.guardianRelationship = "MOTHER";
        r.physician = new PhysicianDTO();
        r.physician.familyName = "张";
        r.physician.givenName = "医生";
        r.physician.licenceNumber = "110000000001";
        r.physician.title = "主治医师";
        return r;
    }

    private static DomainEvent submitted(String claimId) {
        return new DomainEvent("e-1", "claim", "submitted", 1, SUBMITTED_AT, claimId,
                "{\"claimId\":\"" + claimId + "\",\"consultationId\":\"k-0001\"}");
    }

    /** Encodes as the bridge sends it (MSH-10 set) and parses back with HAPI. */
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
    void aSubmittedClaimIsOneDftP03WithAnFt1PerClaimedLine() throws Exception {
        List<OutboundMessage> out = mapper.map(submitted("cl-0001"));
        assertEquals(1, out.size());
        assertEquals("c-0001", out.get(0).patientKey());
        Message parsed = roundTrip(out.get(0));
        assertTrue(parsed instanceof DFT_P03, parsed.getClass().getName());
        Terser t = new Terser(parsed);

        assertEquals(List.of("MSH", "EVN", "PID", "PV1", "FT1", "FT1", "FT1", "FT1", "DG1", "GT1", "IN1"),
                segmentNames(parsed), "the self-pay delivery fee is left out");
        assertEquals("DFT", t.get("/MSH-9-1"));
        assertEquals("P03", t.get("/MSH-9-2"));
        assertEquals("DFT_P03", t.get("/MSH-9-3"));
        assertEquals("2.5.1", t.get("/MSH-12"));
        assertEquals("P03", t.get("/EVN-1"));
        assertEquals("20261126093005+0800", t.get("/EVN-2"));
        assertEquals("20261126093000+0800", t.get("/EVN-6"));
        assertEquals("c-0001", t.get("/PID-3(0)-1"));
        assertEquals("PI", t.get("/PID-3(0)-5"));
        assertEquals("HIS-000123", t.get("/PID-3(1)-1"));
        assertEquals("王", t.get("/PID-5-1"));
        assertEquals("O", t.get("/PV1-2"));
        assertEquals("k-0001", t.get("/PV1-19-1"));
        assertEquals("VN", t.get("/PV1-19-5"));

        // the charge
        assertEquals("1", t.get("/FINANCIAL(0)/FT1-1"));
        assertEquals("tx-1", t.get("/FINANCIAL(0)/FT1-2"));
        assertNull(t.get("/FINANCIAL(0)/FT1-3"), "no batch id");
        assertEquals("20261125110000+0800", t.get("/FINANCIAL(0)/FT1-4-1"), "the consultation's completion");
        assertEquals("20261126093000+0800", t.get("/FINANCIAL(0)/FT1-5"), "posted when submitted");
        assertEquals("CG", t.get("/FINANCIAL(0)/FT1-6"));
        assertEquals("110200005", t.get("/FINANCIAL(0)/FT1-7-1"));
        assertEquals("互联网复诊（副主任医师）", t.get("/FINANCIAL(0)/FT1-7-2"));
        assertEquals("PEDICONSULT", t.get("/FINANCIAL(0)/FT1-7-3"));
        assertEquals("1", t.get("/FINANCIAL(0)/FT1-10"));
        assertEquals("30.00", t.get("/FINANCIAL(0)/FT1-11-1-1"));
        assertEquals("CNY", t.get("/FINANCIAL(0)/FT1-11-1-2"));
        assertEquals("30.00", t.get("/FINANCIAL(0)/FT1-12-1-1"));
        assertEquals("CNY", t.get("/FINANCIAL(0)/FT1-12-1-2"));
        assertNull(t.get("/FINANCIAL(0)/FT1-19-1"), "no diagnosis code");
        assertEquals("特应性皮炎（轻度） 伴发热", t.get("/FINANCIAL(0)/FT1-19-2"));
        assertEquals("110000000001", t.get("/FINANCIAL(0)/FT1-20-1"));
        assertEquals("张", t.get("/FINANCIAL(0)/FT1-20-2"));
        assertEquals("110000000001", t.get("/FINANCIAL(0)/FT1-21-1"));
        assertEquals("医生", t.get("/FINANCIAL(0)/FT1-21-3"));
        assertNull(t.get("/FINANCIAL(0)/FT1-23-1"), "a charge references nothing");
        assertNull(t.get("/FINANCIAL(0)/FT1-31"));

        // the co-payment comes next (the delivery fee, self-pay, is not sent)
        assertEquals("2", t.get("/FINANCIAL(1)/FT1-1"));
        assertEquals("tx-3", t.get("/FINANCIAL(1)/FT1-2"));
        assertEquals("CO", t.get("/FINANCIAL(1)/FT1-6"));
        assertEquals("6.50", t.get("/FINANCIAL(1)/FT1-11-1-1"));

        // the credit of the charge in this message: its transaction id (FT1-23) and its set id (FT1-31)
        assertEquals("3", t.get("/FINANCIAL(2)/FT1-1"));
        assertEquals("tx-4", t.get("/FINANCIAL(2)/FT1-2"));
        assertEquals("CD", t.get("/FINANCIAL(2)/FT1-6"));
        assertEquals("-30.00", t.get("/FINANCIAL(2)/FT1-11-1-1"));
        assertEquals("tx-1", t.get("/FINANCIAL(2)/FT1-23-1"));
        assertEquals("PEDICONSULT", t.get("/FINANCIAL(2)/FT1-23-2"));
        assertEquals("1", t.get("/FINANCIAL(2)/FT1-31"));

        // the adjustment of a line sent in an earlier message: the transaction id only
        assertEquals("tx-5", t.get("/FINANCIAL(3)/FT1-2"));
        assertEquals("AJ", t.get("/FINANCIAL(3)/FT1-6"));
        assertEquals("2", t.get("/FINANCIAL(3)/FT1-10"));
        assertEquals("-4.50", t.get("/FINANCIAL(3)/FT1-11-1-1"));
        assertEquals("-2.25", t.get("/FINANCIAL(3)/FT1-12-1-1"));
        assertEquals("tx-0099", t.get("/FINANCIAL(3)/FT1-23-1"));
        assertNull(t.get("/FINANCIAL(3)/FT1-31"));

        assertEquals("1", t.get("/DG1-1"));
        assertEquals("特应性皮炎（轻度） 伴发热", t.get("/DG1-3-2"));
        assertEquals("特应性皮炎（轻度） 伴发热", t.get("/DG1-4"));
        assertEquals("F", t.get("/DG1-6"));

        assertEquals("g-0001", t.get("/GT1-2-1"));
        assertEquals("PEDICONSULT", t.get("/GT1-2-4"));
        assertEquals("王", t.get("/GT1-3-1"));
        assertEquals("丽", t.get("/GT1-3-2"));
        assertEquals("MTH", t.get("/GT1-11-1"));
        assertEquals("HL70063", t.get("/GT1-11-3"));

        assertEquals("1", t.get("/INSURANCE/IN1-1"));
        assertEquals("URBAN-RURAL-RESIDENT", t.get("/INSURANCE/IN1-2-1"));
        assertEquals("MI-310000", t.get("/INSURANCE/IN1-3-1"));
        assertEquals("20260101", t.get("/INSURANCE/IN1-12"));
        assertEquals("20261231", t.get("/INSURANCE/IN1-13"));
        assertEquals("王", t.get("/INSURANCE/IN1-16-1"));
        assertEquals("丽", t.get("/INSURANCE/IN1-16-2"));
        assertEquals("MTH", t.get("/INSURANCE/IN1-17-1"));
        assertEquals("Mother", t.get("/INSURANCE/IN1-17-2"));
        assertEquals("HL70063", t.get("/INSURANCE/IN1-17-3"));
        assertEquals("POL-2026-778", t.get("/INSURANCE/IN1-36"));
        assertEquals("31011520210601001X", t.get("/INSURANCE/IN1-49-1"));
        assertEquals("310000", t.get("/INSURANCE/IN1-49-4-1"));

        assertEquals(List.of("claim hl7:outbound claim.submitted e-1", "consultation hl7:outbound claim.submitted e-1"),
                audited);
    }

    @Test
    void withoutADiagnosisThereIsNoDg1AndAPediConsultRelationshipIsTranslated() throws Exception {
        record.consultation.diagnosis = "  ";
        claim.coverage.relationship = null;   // from the consultation's guardian: MOTHER
        Message parsed = roundTrip(mapper.map(submitted("cl-0001")).get(0));
        Terser t = new Terser(parsed);
        assertTrue(!segmentNames(parsed).contains("DG1"));
        assertNull(t.get("/FINANCIAL(0)/FT1-19-2"));
        assertEquals("MTH", t.get("/INSURANCE/IN1-17-1"));
        assertEquals("MTH", t.get("/GT1-11-1"));
    }

    @Test
    void aChildInsuredThemselvesIsTheInsured() throws Exception {
        claim.coverage.relationship = "SELF";
        Terser t = new Terser(roundTrip(mapper.map(submitted("cl-0001")).get(0)));
        assertEquals("SEL", t.get("/INSURANCE/IN1-17-1"));
        assertEquals("小明", t.get("/INSURANCE/IN1-16-2"));
    }

    @Test
    void aClaimOrConsultationNotFoundIsUnmappable() {
        UnmappableEventException e = assertThrows(UnmappableEventException.class, () -> mapper.map(submitted("cl-9999")));
        assertEquals("claim cl-9999 does not exist", e.getMessage());
        claim.consultationId = "k-9999";
        e = assertThrows(UnmappableEventException.class, () -> mapper.map(submitted("cl-0001")));
        assertEquals("consultation k-9999 does not exist", e.getMessage());
    }

    @Test
    void whatCannotBeClaimedIsUnmappable() {
        claim.state = ClaimState.QUALIFIED;
        assertThrows(UnmappableEventException.class, () -> mapper.map(submitted("cl-0001")), "never submitted");
        claim.state = ClaimState.SUBMITTED;

        claim.lines = List.of(line("tx-2", "CG", "DELIVERY", "Home delivery fee", "1", "12", "12", true, null));
        assertThrows(UnmappableEventException.class, () -> mapper.map(submitted("cl-0001")), "only self-pay lines");

        claim.lines = List.of(line("tx-4", "CD", "110200005", "Credit", "1", "-30", "-30", false, null));
        assertThrows(UnmappableEventException.class, () -> mapper.map(submitted("cl-0001")), "a credit of nothing");

        claim.lines = List.of(line("tx-6", "PY", "110200005", "Payment", "1", "30", "30", false, null));
        assertThrows(UnmappableEventException.class, () -> mapper.map(submitted("cl-0001")), "payments are the insurer's");

        claim.lines = List.of(line("tx-1", "CG", "110200005", "Consultation", "1", "30", "30", false, null));
        claim.coverage = null;
        assertThrows(UnmappableEventException.class, () -> mapper.map(submitted("cl-0001")), "no coverage");

        assertThrows(UnmappableEventException.class, () -> mapper.map(new DomainEvent("e-2", "claim", "submitted", 1,
                SUBMITTED_AT, null, "{}")), "no claim id");
    }

    @Test
    void aDrugVersionSendsItsClaimedDrugLinesWithTheDrugCodeQuantityAndUnitPrice() throws Exception {
        // a drug version as the dispense listener makes it: cetirizine (category B, 10% self-pay) x 2 bottles at 24.50,
        // vitamin D (category A) x 1 box at 18.00 under its insurance drug code, an unpriced drug (self-pay, flagged)
        ClaimLine b = line("tx-d1", "CG", "CETIRIZINE-DROPS", "西替利嗪滴剂 10 mg/mL", "2", "24.50", "44.10", false, null);
        ClaimLine bSelf = line("tx-d2", "CG", "CETIRIZINE-DROPS", "西替利嗪滴剂 10 mg/mL", "2", "24.50", "4.90", true, null);
        ClaimLine a = line("tx-d3", "CG", "XA11CCV001", "维生素D3滴剂（400 IU）", "1", "18.00", "18.00", false, null);
        ClaimLine unpriced = line("tx-d4", "CG", "NEW-DRUG", "新药", "1", null, "0.00", true, null);
        for (ClaimLine l : List.of(b, bSelf)) {
            l.drugCode = "CETIRIZINE-DROPS";
            l.quantityUnit = "BOTTLE";
            l.dispenseId = "disp-1";
        }
        a.drugCode = "VITD3-400IU";
        a.quantityUnit = "BOX";
        a.dispenseId = "disp-1";
        unpriced.drugCode = "NEW-DRUG";
        unpriced.dispenseId = "disp-1";
        unpriced.flag = "drug-unpriced";
        claim.version = 2;
        claim.lines = List.of(b, bSelf, a, unpriced);

        Message parsed = roundTrip(mapper.map(submitted("cl-0001")).get(0));
        Terser t = new Terser(parsed);
        assertEquals(List.of("MSH", "EVN", "PID", "PV1", "FT1", "FT1", "DG1", "GT1", "IN1"),
                segmentNames(parsed), "the self-pay share and the unpriced drug are the family's");
        assertEquals("tx-d1", t.get("/FINANCIAL(0)/FT1-2"));
        assertEquals("CG", t.get("/FINANCIAL(0)/FT1-6"));
        assertEquals("CETIRIZINE-DROPS", t.get("/FINANCIAL(0)/FT1-7-1"));
        assertEquals("2", t.get("/FINANCIAL(0)/FT1-10"));
        assertEquals("44.10", t.get("/FINANCIAL(0)/FT1-11-1-1"), "the insurer's 90%");
        assertEquals("24.50", t.get("/FINANCIAL(0)/FT1-12-1-1"));
        assertEquals("CNY", t.get("/FINANCIAL(0)/FT1-12-1-2"));
        assertEquals("CETIRIZINE-DROPS", t.get("/FINANCIAL(0)/FT1-29-1"));
        assertEquals("西替利嗪滴剂 10 mg/mL", t.get("/FINANCIAL(0)/FT1-29-2"));
        assertEquals("PEDICONSULT", t.get("/FINANCIAL(0)/FT1-29-3"));

        assertEquals("tx-d3", t.get("/FINANCIAL(1)/FT1-2"));
        assertEquals("XA11CCV001", t.get("/FINANCIAL(1)/FT1-7-1"), "the insurance drug code");
        assertEquals("VITD3-400IU", t.get("/FINANCIAL(1)/FT1-29-1"), "the product dispensed");
        assertEquals("1", t.get("/FINANCIAL(1)/FT1-10"));
        assertEquals("18.00", t.get("/FINANCIAL(1)/FT1-11-1-1"));
        assertEquals("18.00", t.get("/FINANCIAL(1)/FT1-12-1-1"));
    }

    @Test
    void aConsultationLineHasNoDrugCode() throws Exception {
        Terser t = new Terser(roundTrip(mapper.map(submitted("cl-0001")).get(0)));
        assertNull(t.get("/FINANCIAL(0)/FT1-29-1"));
    }

    @Test
    void theComponentUsesTheConfiguredZoneAndCurrency() throws Exception {
        DftConfig config = (DftConfig) Proxy.newProxyInstance(DftConfig.class.getClassLoader(),
                new Class<?>[] {DftConfig.class}, (proxy, m, a) -> switch (m.getName()) {
                    case "zone" -> "UTC";
                    case "currency" -> "HKD";
                    default -> m.getDefaultValue();
                });
        Terser t = new Terser(roundTrip(new DftP03Mapper(claims, records, Clock.fixed(NOW, ZoneOffset.UTC), config)
                .map(submitted("cl-0001")).get(0)));
        assertEquals("20261125030000+0000", t.get("/FINANCIAL(0)/FT1-4-1"));
        assertEquals("HKD", t.get("/FINANCIAL(0)/FT1-11-1-2"));
    }
}
