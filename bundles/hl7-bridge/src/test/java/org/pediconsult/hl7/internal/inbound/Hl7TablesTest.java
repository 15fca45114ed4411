package org.pediconsult.hl7.internal.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import org.junit.jupiter.api.Test;
import org.pediconsult.hl7.internal.common.Hl7Fixtures;
import org.pediconsult.hl7.internal.common.Hl7Text;

/** MSH-9 and MSH-12 against HL7's tables as HAPI's 2.5.1 structures know them. */
class Hl7TablesTest {
    private static final Hl7Tables TABLES = InboundHandler.hapiTables();

    private static String header(String type, String version) {
        return "MSH|^~\\&|HIS|H1|PC|PC|20261125083000||" + type + "|C1|P|" + version + "\rPID|1\r";
    }

    private static HL7Exception refusal(String type, String version) {
        return TABLES.check(header(type, version));
    }

    @Test
    void theTablesComeFromHapiAndHoldWhatTheyShould() {
        assertTrue(TABLES.structures() > 150, "structures: " + TABLES.structures());
        assertTrue(TABLES.codes() > 50, "message types: " + TABLES.codes());
        assertTrue(TABLES.events() > 200, "events: " + TABLES.events());
    }

    @Test
    void realMessageTypesAndVersionsPass() {
        for (String type : new String[] {"ADT^A04", "ADT^A04^ADT_A01", "ADT^A08", "ADT^A31^ADT_A05", "ORU^R01^ORU_R01",
                "SIU^S12", "MDM^T02", "REF^I12", "RDE^O11", "OML^O21^OML_O21", "ORM^O01", "ACK", "ACK^A04", "ACK^R01^ACK",
                "QBP^Q22", "RSP^K22"}) {
            assertNull(refusal(type, "2.5.1"), type);
        }
        for (String version : new String[] {"2.3", "2.3.1", "2.4", "2.5", "2.5.1^CHN", "2.6", "2.7", "2.8"}) {
            assertNull(refusal("ADT^A04", version), version);
        }
        assertNull(TABLES.check("MSH#^~\\&#HIS#H1#PC#PC#20261125083000##ADT^A04#C1#P#2.5.1\r"), "own field separator");
    }

    @Test
    void aMessageCodeNotInTable0076IsRefusedAtMsh9() {
        HL7Exception e = refusal("A+T^c62", "2.5.1");
        assertTrue(e.getMessage().startsWith("MSH-9 message code 'A+T' is not in HL7 table 0076 (message type)"),
                e.getMessage());
        assertEquals(ErrorCode.UNSUPPORTED_MESSAGE_TYPE, e.getError());
        assertEquals("MSH", e.getLocation().getSegmentName());
        assertEquals(9, e.getLocation().getField());
        assertTrue(refusal("adt^a04", "2.5.1").getMessage().contains("table 0076"), "codes are upper case");
        assertTrue(refusal("", "2.5.1").getMessage().contains("table 0076"));
        assertTrue(refusal("X".repeat(500) + "^A04", "2.5.1").getMessage().length() < 120, "the value is cut");
    }

    @Test
    void anEventNotInTable0003OrAStructureNotIn0354IsRefused() {
        HL7Exception event = refusal("ADT^c62", "2.5.1");
        assertTrue(event.getMessage().startsWith("MSH-9 trigger event 'c62' is not in HL7 table 0003 (event type)"),
                event.getMessage());
        assertEquals(ErrorCode.UNSUPPORTED_EVENT_CODE, event.getError());
        assertTrue(refusal("ADT^X01", "2.5.1").getMessage().contains("table 0003"));
        assertTrue(refusal("ADT", "2.5.1").getMessage().startsWith("MSH-9 has no trigger event (MSH-9.2)"));
        assertTrue(refusal("ADT^A04^ADT_X01", "2.5.1").getMessage()
                .startsWith("MSH-9 message structure 'ADT_X01' is not in HL7 table 0354"));
        assertNull(refusal("MFN^M14", "2.5.1"), "an event whose structure HAPI writes in lower case (MFN_Znn)");
    }

    @Test
    void aVersionNotInTable0104IsRefusedAtMsh12() {
        HL7Exception e = refusal("ADT^A04", "2.9");
        assertTrue(e.getMessage().startsWith("MSH-12 version '2.9' is not an HL7 version of table 0104"), e.getMessage());
        assertEquals(ErrorCode.UNSUPPORTED_VERSION_ID, e.getError());
        assertEquals(12, e.getLocation().getField());
        assertTrue(refusal("ADT^A04", "X").getMessage().contains("table 0104"));
        assertTrue(refusal("ADT^A04", "").getMessage().startsWith("MSH-12 (version) is empty"));
        assertTrue(TABLES.check("MSH||HIS|H1|PC|PC|20261125083000||ORM^O01^ORM_O01|C1|P|2.5.1\r").getMessage()
                .startsWith("MSH-2 (encoding characters) is missing"));
    }

    /** What HAPI parsed before these checks existed still passes them; what it refused is refused (AR) as before. */
    @Test
    void everyPublicSampleThatParsedPassesAndOnlyWhatFailedToParseIsRefused() throws Exception {
        ca.uhn.hl7v2.parser.PipeParser parser = Hl7Fixtures.parser();
        int passed = 0;
        for (Path file : ParseBudgetTest.samples()) {
            String text = Hl7Text.normalise(Files.readString(file, StandardCharsets.UTF_8));
            MessageHeader header = MessageHeader.read(text);
            if (header == null || header.messageType().isEmpty() || header.controlId().isEmpty()) {
                continue; // refused before the tables are looked at, as before
            }
            HL7Exception refused = TABLES.check(text);
            boolean parses;
            try {
                parser.parse(text);
                parses = true;
            } catch (HL7Exception notParsed) {
                parses = false;
            }
            if (parses) {
                assertNull(refused, () -> file + ": " + refused.getMessage());
                passed++;
            }
        }
        assertTrue(passed >= 110, "passed " + passed);
    }
}
