package org.pediconsult.hl7.internal.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.NoValidation;
import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.api.dto.HisObservationReport;
import org.pediconsult.consultation.api.dto.ObservationDTO;
import org.pediconsult.hl7.internal.common.Hl7Text;

/** ORU R01 mapping against the public samples (real senders' quirks) and a synthetic pilot message. */
class OruObservationMappingTest {
    static final String CHINESE_ORU = "MSH|^~\\&|LIS|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|20261125093000+0800||"
            + "ORU^R01^ORU_R01|%s|P|2.5.1|||||CHN|UNICODE UTF-8\r"
            + "PID|1||HIS-000123^^^PILOT1^MR||唐^小明||20220315|M\r"
            + "ORC|RE|PL-1|FL-778\r"
            + "OBR|1|PL-1|FL-778|GROWTH^生长发育测量^L|||20261125083000+0800|||||||||D001^王^医生\r"
            + "OBX|1|NM|8302-2^身高^LN||98.5|cm^厘米^UCUM|95-105|N|||F|||20261125083500+0800\r"
            + "OBX|2|NM|29463-7^体重^LN||15.2|kg^千克^UCUM||||F\r"
            + "OBX|3|SN|5196-1^HBsAg^LN||<^5|IU/mL|||||F|||20261125083000\r"
            + "OBX|4|SN|5130-0^DNA double strand Ab titer^LN||^1^:^128||||||F|||20261125083000+0800\r"
            + "OBX|5|ST|8251-1^主诉^LN||夜间咳嗽，无发热||||||P|||20261125083000+0800\r"
            + "OBX|6|CE|29308-4^诊断^LN||J20.9^急性支气管炎^I10||||||F|||20261125083000+0800\r";

    private final PipeParser parser;

    OruObservationMappingTest() {
        HapiContext hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        hapi.setValidationContext(new NoValidation());
        parser = hapi.getPipeParser();
    }

    private List<HisObservationReport> map(String text) throws Exception {
        return new OruObservationMapping().map(parser.parse(Hl7Text.normalise(text)));
    }

    private List<HisObservationReport> sample(String path) throws Exception {
        return new OruObservationMapping().map(parser.parse(read(samples().resolve(path))));
    }

    private static Path samples() {
        return Paths.get(System.getProperty("pediconsult.hl7.samples", "../../../shared/hl7-samples"))
                .resolve("cdc-trusted-intermediary");
    }

    private static String read(Path file) throws Exception {
        return Hl7Text.decode(Files.readAllBytes(file));
    }

    private static OruObservationMapping.Invalid invalid(OruObservationMappingTest t, String text) {
        return assertThrows(OruObservationMapping.Invalid.class, () -> t.map(text));
    }

    @Test
    void aChineseChildsGrowthMeasurementsAndResultsOfEveryValueType() throws Exception {
        List<HisObservationReport> reports = map(String.format(CHINESE_ORU, "ORU-1"));
        assertEquals(1, reports.size());
        HisObservationReport r = reports.get(0);
        assertEquals("PILOT1^HIS-000123", r.hisId, "the same id form ADT registers");
        assertEquals("ORU-1", r.controlId);
        assertEquals(6, r.observations.size());

        ObservationDTO height = r.observations.get(0);
        assertEquals("8302-2", height.code);
        assertEquals("LN", height.codingSystem);
        assertEquals("身高", height.text);
        assertEquals("NM", height.valueType);
        assertEquals("98.5", height.value);
        assertEquals(98.5, height.numericValue);
        assertEquals("cm", height.units);
        assertEquals("95-105", height.referenceRange);
        assertEquals("N", height.abnormalFlags);
        assertEquals("F", height.resultStatus);
        assertEquals(Instant.parse("2026-11-25T00:35:00Z"), height.observedAt);
        assertEquals("FL-778", height.orderNumber, "filler order number first");
        assertEquals("GROWTH", height.serviceCode);
        assertEquals("生长发育测量", height.serviceText);
        assertEquals("王 医生 (D001)", height.orderingProvider);
        assertEquals("1", height.setId);

        ObservationDTO weight = r.observations.get(1);
        assertEquals(15.2, weight.numericValue);
        assertEquals(Instant.parse("2026-11-25T00:30:00Z"), weight.observedAt, "no OBX-14: OBR-7");

        ObservationDTO below = r.observations.get(2);
        assertEquals("<5", below.value);
        assertNull(below.numericValue, "a comparator is not a plain number");
        assertEquals(Instant.parse("2026-11-25T00:30:00Z"), below.observedAt, "no offset: MSH-7's (+0800)");
        ObservationDTO ratio = r.observations.get(3);
        assertEquals("1:128", ratio.value);
        assertNull(ratio.numericValue);

        ObservationDTO complaint = r.observations.get(4);
        assertEquals("ST", complaint.valueType);
        assertEquals("夜间咳嗽，无发热", complaint.value);
        assertEquals("P", complaint.resultStatus);

        ObservationDTO diagnosis = r.observations.get(5);
        assertEquals("急性支气管炎", diagnosis.value);
        assertEquals("J20.9", diagnosis.valueCode);
        assertEquals("I10", diagnosis.valueCodingSystem);
    }

    @Test
    void missingOrMalformedFieldsAreReportedWithSegmentOccurrenceAndField() {
        String oru = String.format(CHINESE_ORU, "ORU-2");
        OruObservationMapping.Invalid noPid3 = invalid(this, oru.replace("HIS-000123^^^PILOT1^MR", ""));
        assertEquals("PID", noPid3.segment);
        assertEquals(1, noPid3.occurrence);
        assertEquals(3, noPid3.field);

        OruObservationMapping.Invalid noCode = invalid(this, oru.replace("29463-7^体重^LN", ""));
        assertEquals("OBX", noCode.segment);
        assertEquals(2, noCode.occurrence);
        assertEquals(3, noCode.field);

        OruObservationMapping.Invalid noTime = invalid(this, oru.replace("|||20261125083000+0800|||||||||D001", "|||||||||||D001"));
        assertEquals("OBX", noTime.segment);
        assertEquals(2, noTime.occurrence, "OBX 2 has no OBX-14 and OBR-7 is now empty");
        assertEquals(14, noTime.field);

        OruObservationMapping.Invalid notANumber = invalid(this, oru.replace("||98.5|", "||about 98|"));
        assertEquals(1, notANumber.occurrence);
        assertEquals(5, notANumber.field);

        OruObservationMapping.Invalid badDate = invalid(this, oru.replace("20261125083500+0800", "20261131"));
        assertEquals(14, badDate.field);
        assertTrue(badDate.getMessage().startsWith("OBX-14"), badDate.getMessage());

        HL7Exception asAck = noCode.toHl7();
        assertEquals("OBX", asAck.getLocation().getSegmentName());
        assertEquals(2, asAck.getLocation().getSegmentRepetition());
        assertEquals(3, asAck.getLocation().getField());
    }

    @Test
    void anAdtIsNotAnOru() throws Exception {
        Message adt = parser.parse("MSH|^~\\&|HIS|H1|PEDICONSULT|PEDICONSULT|20261125083000||ADT^A04^ADT_A01|A1|P|2.5.1\r"
                + "PID|1||HIS-1^^^PILOT1^MR||唐^小明||20220315|M\r");
        OruObservationMapping.Invalid wrong = assertThrows(OruObservationMapping.Invalid.class,
                () -> new OruObservationMapping().map(adt));
        assertEquals("MSH", wrong.segment);
        assertEquals(9, wrong.field);
    }

    @Test
    void oracleV23NumericResultsWithLocalAndLoincCodes() throws Exception {
        HisObservationReport r = sample("Oracle/004_Oracle_ORU_R01.hl7").get(0);
        assertEquals("557204", r.hisId, "no assigning authority: the bare id");
        assertEquals(3, r.observations.size());
        ObservationDTO ratio = r.observations.get(2);
        assertEquals("20281", ratio.code);
        assertEquals("AEL", ratio.codingSystem);
        assertEquals("14959-1", ratio.alternateCode);
        assertEquals("LN", ratio.alternateCodingSystem);
        assertEquals(36.0, ratio.numericValue);
        assertEquals("mg/g crea", ratio.units);
        assertEquals("<30", ratio.referenceRange);
        assertEquals("H", ratio.abnormalFlags);
        assertEquals("F", ratio.resultStatus);
        assertEquals("335707581", ratio.orderNumber);
        assertEquals("MACR", ratio.serviceCode);
        assertEquals("HOMMOS NISREEN (1831485788)", ratio.orderingProvider);
        assertEquals("MACR", ratio.subId);
    }

    @Test
    void texasNewbornScreeningAcrossSeveralOrdersWithCodedNumericAndOtherTypes() throws Exception {
        HisObservationReport r = sample("TX/002_TX_ORU_R01.hl7").get(0);
        assertTrue(r.observations.size() > 10, "observations of every ORDER_OBSERVATION group");
        ObservationDTO quality = r.observations.get(0);
        assertEquals("CWE", quality.valueType);
        assertEquals("Acceptable", quality.value);
        assertEquals("LA12432-3", quality.valueCode);
        ObservationDTO birthweight = r.observations.stream().filter(o -> "8339-4".equals(o.code)).findFirst().orElseThrow();
        assertEquals(2805.0, birthweight.numericValue);
        assertEquals("g", birthweight.units);
        ObservationDTO phone = r.observations.stream().filter(o -> "XTN".equals(o.valueType)).findFirst().orElseThrow();
        assertTrue(phone.value.contains("5551212"), "other types keep their HL7 text: " + phone.value);
    }

    @Test
    void aLocalCodeOnlyInTheAlternateTripleIsTheIdentifier() throws Exception {
        ObservationDTO o = sample("Test/Automated/007_CA_ORU_R01_PLT.hl7").get(0).observations.get(0);
        assertEquals("99717-60", o.code);
        assertEquals("L", o.codingSystem);
        assertEquals("SMN1 Homozygous Deletion Analysis", o.text);
        assertEquals("Exon 7 Absent", o.value);
        assertEquals("A", o.abnormalFlags);
    }

    @Test
    void attachmentsAreRecordedWithoutContentAndSubIdsKeptWhole() throws Exception {
        HisObservationReport r = sample("TN/001_TN_ORU_R01_LRI.hl7").get(0);
        assertEquals("^1^1", r.observations.get(0).subId);
        ObservationDTO pdf = r.observations.stream().filter(o -> "ED".equals(o.valueType)).findFirst().orElseThrow();
        assertNull(pdf.value);
        assertEquals(List.of("^3^1", "^3^2"), r.observations.subList(2, 4).stream().map(o -> o.subId)
                .collect(Collectors.toList()));
    }

    @Test
    void nonAsciiUnitsSurvive() throws Exception {
        ObservationDTO o = sample("Test/Automated/008_ORU_R01_micro_character_encoding.hl7").get(0).observations.get(0);
        assertEquals("µmol/L", o.units);
        assertEquals(0.5, o.numericValue);
    }

    /** Every ORU R01 of the corpus that HAPI can read either maps or is refused with a location, never anything else. */
    @Test
    void everyReadableOruSampleMapsOrIsRefusedWithALocation() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(samples())) {
            files = walk.filter(p -> p.toString().endsWith(".hl7")).sorted().collect(Collectors.toList());
        }
        int mapped = 0;
        int refused = 0;
        for (Path f : files) {
            String text = read(f);
            MessageHeader h = MessageHeader.read(text);
            if (h == null || !OruObservationMapping.EVENT.equals(h.messageType())) {
                continue;
            }
            Message m;
            try {
                m = parser.parse(text);
            } catch (HL7Exception unreadable) {
                continue; // the channel refuses it before mapping
            }
            try {
                List<HisObservationReport> reports = new OruObservationMapping().map(m);
                assertTrue(reports.stream().allMatch(r -> r.hisId != null && !r.hisId.isBlank()), f.toString());
                assertTrue(reports.stream().flatMap(r -> r.observations.stream())
                        .allMatch(o -> o.code != null && o.observedAt != null), f.toString());
                mapped++;
            } catch (OruObservationMapping.Invalid invalid) {
                assertTrue(invalid.segment != null && invalid.field > 0 && invalid.occurrence > 0, f.toString());
                refused++;
            }
        }
        assertTrue(mapped >= 50, mapped + " mapped, " + refused + " refused");
    }
}
