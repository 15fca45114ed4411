package org.pediconsult.pharmacy.internal.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import org.junit.jupiter.api.Test;
import org.pediconsult.hl7.api.Hl7InboundRefusal;
import org.pediconsult.pharmacy.api.DispenseDTO;
import org.pediconsult.pharmacy.internal.dispense.DispenseRefused;
import org.pediconsult.pharmacy.internal.dispense.InboundDispenses;

/** RDS^O13 from the hospital pharmacy system: read into a dispense, or refused at the segment and field. */
class RdsO13ProcessorTest {
    /** Two items of rx-0001 dispensed by the hospital pharmacy (synthetic names); the second a substitute. */
    static final String RDS = "MSH|^~\\&|PHARMACY|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|20261125093000+0800"
            + "||RDS^O13^RDS_O13|RXD-0001|P|2.5.1|||||CHN|UNICODE UTF-8\r"
            + "PID|1||c-0001^^^PEDICONSULT^PI~HIS-000123^^^PILOT1^MR||林^小雨||20210601|F\r"
            + "PV1|1|O|ONLINE||||||||||||||||k-0001^^^PEDICONSULT^VN\r"
            + "ORC|RE|rx-0001-1^PEDICONSULT||rx-0001^PEDICONSULT\r"
            + "TQ1|1||Q6H^Q6H^HL70335\r"
            + "RXD|1|PARACETAMOL-SUSP^对乙酰氨基酚混悬液^PEDICONSULT|202611250920|1|bottle^瓶||rx-0001|||"
            + "P-0042^周^敏||||||||LOT-A1|20271231|^华北制药\r"
            + "RXR|PO^Oral^HL70162\r"
            + "ORC|RE|rx-0001-2^PEDICONSULT||rx-0001^PEDICONSULT\r"
            + "RXD|2|MOMETASONE-OINT^糠酸莫米松软膏^PEDICONSULT|20261125092500+0800|10|g||rx-0001|||"
            + "P-0042^周^敏||||||||LOT-B7|202808|^浙江仙琚制药\r"
            + "NTE|1|L|乳膏缺货，以同成分软膏替代|1R^Primary Reason^HL70364\r"
            + "RXR|TP^Topical^HL70162\r";

    private record Call(String prescriptionId, List<DispenseDTO.Item> items, String dispensedBy, Instant at,
                        String channel) {
    }

    private final List<Call> calls = new ArrayList<>();
    /** What the fake dispensing service refuses with, or null. */
    private DispenseRefused refuse;

    private final InboundDispenses service = (prescriptionId, items, dispensedBy, at, channel) -> {
        calls.add(new Call(prescriptionId, items, dispensedBy, at, channel));
        if (refuse != null) {
            throw refuse;
        }
        DispenseDTO d = new DispenseDTO();
        d.id = "dsp-0001";
        d.prescriptionId = prescriptionId;
        d.childId = "c-0001";
        d.items = items;
        d.source = "hl7:" + channel;
        return d;
    };
    private final RdsO13Processor processor = new RdsO13Processor(service, ZoneId.of("Asia/Shanghai"));

    private static Message parse(String er7) throws Exception {
        try (HapiContext hapi = RdsO13MapperTest.hapi()) {
            return hapi.getPipeParser().parse(er7);
        }
    }

    private Hl7InboundRefusal refused(String er7) throws Exception {
        Message message = parse(er7);
        Hl7InboundRefusal inValidation = assertThrows(Hl7InboundRefusal.class, () -> processor.validate(message));
        Hl7InboundRefusal inProcessing = assertThrows(Hl7InboundRefusal.class, () -> processor.process(message, "pharmacy"));
        assertEquals(inValidation.segment() + "-" + inValidation.field(),
                inProcessing.segment() + "-" + inProcessing.field(), "process() refuses as validate() does");
        return inProcessing;
    }

    @Test
    void aWellFormedRdsO13IsRecordedAsOneDispenseOfThePrescription() throws Exception {
        Message message = parse(RDS);
        processor.validate(message);
        assertTrue(calls.isEmpty(), "validate() has no side effect");

        assertEquals(List.of("c-0001"), processor.process(message, "pharmacy"));
        assertEquals(1, calls.size());
        Call call = calls.get(0);
        assertEquals("rx-0001", call.prescriptionId());
        assertEquals("P-0042", call.dispensedBy());
        assertEquals("pharmacy", call.channel());
        assertEquals(Instant.parse("2026-11-25T01:25:00Z"), call.at(), "the latest RXD-3");
        assertEquals(2, call.items().size());

        DispenseDTO.Item first = call.items().get(0);
        assertEquals(0, first.itemIndex);
        assertEquals("PARACETAMOL-SUSP", first.productCode);
        assertEquals("对乙酰氨基酚混悬液", first.productName);
        assertEquals(1.0, first.quantity);
        assertEquals("bottle", first.quantityUnit);
        assertEquals("LOT-A1", first.lot);
        assertEquals(LocalDate.of(2027, 12, 31), first.expiry);
        assertEquals("华北制药", first.manufacturer);
        assertNull(first.substitutionReason);
        assertNull(first.prescribedCode, "the dispensing service knows the prescription; the message does not");

        DispenseDTO.Item second = call.items().get(1);
        assertEquals(1, second.itemIndex);
        assertEquals("MOMETASONE-OINT", second.productCode);
        assertEquals(10.0, second.quantity);
        assertEquals("g", second.quantityUnit);
        assertEquals("LOT-B7", second.lot);
        assertEquals(LocalDate.of(2028, 8, 31), second.expiry, "a lot labelled by month expires at its end");
        assertEquals("浙江仙琚制药", second.manufacturer);
        assertEquals("乳膏缺货，以同成分软膏替代", second.substitutionReason, "from the NTE after the RXD");
    }

    @Test
    void aTimeWithoutOffsetIsReadInTheConfiguredZone() {
        assertEquals(Instant.parse("2026-11-25T01:20:00Z"), processor.time("202611250920"));
        assertEquals(Instant.parse("2026-11-25T09:20:30Z"), processor.time("20261125092030+0000"));
        assertNull(processor.time("20261125"), "a dispense time is to the minute at least");
        assertNull(processor.time("202613250920"));
        assertEquals(LocalDate.of(2028, 2, 29), RdsO13Processor.expiry("202802"));
        assertEquals(LocalDate.of(2027, 12, 31), RdsO13Processor.expiry("20271231000000+0800"));
        assertNull(RdsO13Processor.expiry("20270231"));
        assertNull(RdsO13Processor.expiry("2027"));
    }

    @Test
    void aMissingLotIsRefusedAtRxd18() throws Exception {
        Hl7InboundRefusal r = refused(RDS.replace("LOT-B7", ""));
        assertEquals("RXD", r.segment());
        assertEquals(18, r.field());
        assertTrue(r.getMessage().startsWith("ORDER 2: "), r.getMessage());
        assertTrue(calls.isEmpty(), "nothing recorded");
    }

    @Test
    void requiredFieldsAreCheckedWhereTheyAre() throws Exception {
        assertEquals(19, refused(RDS.replace("|20271231|", "|2027-12-31|")).field());
        assertEquals(4, refused(RDS.replace("|202611250920|1|", "|202611250920|one|")).field());
        assertEquals(4, refused(RDS.replace("|202611250920|1|", "|202611250920|0|")).field());
        assertEquals(3, refused(RDS.replace("|202611250920|", "||")).field());
        assertEquals(2, refused(RDS.replace("MOMETASONE-OINT^", "^")).field());
        assertEquals(10, refused(RDS.replace("P-0042^周^敏||||||||LOT-A1", "||||||||LOT-A1")).field());
        assertEquals(7, refused(RDS.replace("|bottle^瓶||rx-0001|", "|bottle^瓶||rx-0002|")).field());
        Hl7InboundRefusal noPlacer = refused(RDS.replace("ORC|RE|rx-0001-1^PEDICONSULT|", "ORC|RE|rx-0001^PEDICONSULT|"));
        assertEquals("ORC", noPlacer.segment());
        assertEquals(2, noPlacer.field());
        assertEquals(2, refused(RDS.replace("rx-0001-1^PEDICONSULT", "rx-0001-1^OTHER-HOSPITAL")).field());
        assertEquals(2, refused(RDS.replace("rx-0001-2^PEDICONSULT", "rx-0001-1^PEDICONSULT")).field(),
                "the same item twice");
        assertTrue(calls.isEmpty());
    }

    @Test
    void twoPrescriptionsInOneMessageAreRefusedAtOrc2() throws Exception {
        Hl7InboundRefusal r = refused(RDS.replace("rx-0001-2^PEDICONSULT", "rx-0002-1^PEDICONSULT")
                .replace("|g||rx-0001|", "|g|||"));
        assertEquals("ORC", r.segment());
        assertEquals(2, r.field());
        assertTrue(r.getMessage().contains("rx-0002") && r.getMessage().contains("one prescription"), r.getMessage());
        assertTrue(calls.isEmpty());
    }

    @Test
    void anUnknownPrescriptionIsRefusedAtOrc2() throws Exception {
        refuse = new DispenseRefused("no prescription rx-0001", "prescriptionId");
        Message message = parse(RDS);
        processor.validate(message);   // the message itself is well formed
        Hl7InboundRefusal r = assertThrows(Hl7InboundRefusal.class, () -> processor.process(message, "pharmacy"));
        assertEquals("ORC", r.segment());
        assertEquals(2, r.field());
        assertEquals("no prescription rx-0001", r.getMessage());
        assertEquals(1, calls.size());
    }

    @Test
    void theDispensingServicesRefusalsAreLocatedByTheirField() {
        assertRefusal("RXD", 19, "ORDER 2: expires too soon", new DispenseRefused("expires too soon", "items[1].expiry"));
        assertRefusal("RXD", 18, "ORDER 1: lot", new DispenseRefused("lot", "items[0].lot"));
        assertRefusal("ORC", 2, "ORDER 3: no such item", new DispenseRefused("no such item", "items[2].itemIndex"));
        assertRefusal("RXD", 2, "ORDER 2: a substitute needs a reason",
                new DispenseRefused("a substitute needs a reason", "items[1].substitutionReason"));
        assertRefusal("RXD", 4, "ORDER 1: q", new DispenseRefused("q", "items[0].quantity"));
        assertRefusal("RXD", 0, "ORDER 1: other", new DispenseRefused("other", "items[0].somethingElse"));
        assertRefusal("ORC", 2, "not dispensable", new DispenseRefused("not dispensable", "prescriptionId"));
        assertRefusal("RXD", 10, "who", new DispenseRefused("who", "dispensedBy"));
        assertRefusal("RXD", 0, "odd", new DispenseRefused("odd", null));
    }

    private static void assertRefusal(String segment, int field, String text, DispenseRefused refused) {
        Hl7InboundRefusal r = RdsO13Processor.refusal(refused);
        assertEquals(segment + "-" + field + " " + text, r.segment() + "-" + r.field() + " " + r.getMessage());
    }
}
