package org.pediconsult.hl7.internal.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.parser.PipeParser;
import org.junit.jupiter.api.Test;
import org.pediconsult.hl7.internal.common.Hl7Fixtures;
import org.pediconsult.hl7.internal.common.Hl7Text;

/** Each limit of the parse budget, the control characters, and the real samples that must all still pass. */
class ParseBudgetTest {
    static final String ADT = "MSH|^~\\&|HIS|H1|PEDICONSULT|PEDICONSULT|20261125083000||ADT^A04^ADT_A01|C1|P|2.5.1\r"
            + "EVN|A04|20261125083000\r";
    private final ParseBudget budget = new ParseBudget(FrameLimits.DEFAULTS);

    private HL7Exception refused(String text) {
        return assertThrows(HL7Exception.class, () -> budget.measure(text));
    }

    private static void assertBudget(HL7Exception e, String what, String setting) {
        assertTrue(e.getMessage().startsWith("parse budget exceeded: "), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
        assertTrue(e.getMessage().contains("(" + setting + ")"), e.getMessage());
        assertEquals(ErrorCode.APPLICATION_INTERNAL_ERROR, e.getError());
    }

    @Test
    void tensOfThousandsOfRepetitionsAreOverBudgetInTheirField() {
        HL7Exception e = refused(ADT + "PID|1||" + "1~".repeat(25_000) + "\r");
        assertBudget(e, "more than 1000 repetitions in PID-3", "limit.repetitions.per.field");
        assertEquals("PID", e.getLocation().getSegmentName());
        assertEquals(3, e.getLocation().getField());
    }

    @Test
    void tensOfThousandsOfComponentsOrSubcomponentsAreOverBudget() {
        assertBudget(refused(ADT + "PID|1||1||" + "A^".repeat(25_000) + "\r"), "components in a repetition of PID-5",
                "limit.components.per.repetition");
        assertBudget(refused(ADT + "PID|1||1^^^" + "A&".repeat(25_000) + "\r"), "subcomponents in a component of PID-3",
                "limit.subcomponents.per.component");
    }

    @Test
    void tensOfThousandsOfFieldsOrSegmentsAreOverBudget() {
        HL7Exception fields = refused(ADT + "PID" + "|".repeat(50_000) + "\r");
        assertBudget(fields, "more than 256 fields in one PID segment", "limit.fields.per.segment");
        assertEquals("PID", fields.getLocation().getSegmentName());
        HL7Exception segments = refused(ADT + "ZZZ|1\r".repeat(10_000));
        assertBudget(segments, "more than 2000 segments", "limit.segments");
        assertEquals(1999, segments.getLocation().getSegmentRepetition(), "the 2,001st segment is the 1,999th ZZZ");
    }

    @Test
    void totalsOverTheMessageAreOverBudget() {
        // 200 segments x 60 values: each within its own limits, too many together
        assertBudget(refused(ADT + ("ZZZ" + "|1".repeat(60) + "\r").repeat(200)), "more than 10000 field values",
                "limit.values");
        // 1,200 segments x 90 separators in components
        assertBudget(refused(ADT + ("ZZZ|" + "^".repeat(90) + "\r").repeat(1_200)), "more than 100000 separators",
                "limit.separators");
        assertBudget(refused(ADT + "NTE|1||" + "\\.br\\".repeat(10_001) + "\r"), "more than 10000 escape sequences",
                "limit.escapes");
    }

    @Test
    void controlCharactersAreRefusedWithWhereTheyAre() {
        for (char c : new char[] {0x00, 0x01, 0x09, 0x0b, 0x1c, 0x1f, 0x7f}) {
            HL7Exception e = refused(ADT + "PID|1||HIS-1^^^P^MR||唐" + c + "^小明\r");
            assertTrue(e.getMessage().startsWith(String.format("control character 0x%02X in PID-5", (int) c)), e.getMessage());
            assertEquals(ErrorCode.DATA_TYPE_ERROR, e.getError());
            assertTrue(!e.getMessage().contains("唐"), "no content in the reason");
        }
        HL7Exception inHeader = refused("MSH|^~\\&|HIS|H\u0001|X|Y|20261125||ADT^A04|C1|P|2.5.1\r");
        assertTrue(inHeader.getMessage().contains("in MSH-4"), inHeader.getMessage());
    }

    @Test
    void aMessageWithinTheBudgetIsMeasuredAndTheEncodingCharactersAreNoSeparators() throws Exception {
        ParseBudget.Cost cost = budget.measure(ADT + "PID|1||HIS-1^^^P&1.2&ISO^MR~X^^^Y||唐^小明\r");
        assertEquals(3, cost.segments());
        // MSH-3..12 (10 non-empty: 3,4,5,6,7,9,10,11,12 = 9 values), EVN-1, EVN-2, PID-1, PID-3 (2 repetitions), PID-5
        assertEquals(9 + 2 + 1 + 2 + 1, cost.values());
        assertTrue(!cost.heavy());
        assertTrue(budget.measure(ADT + "ZZZ|1\r".repeat(1_998)).segments() == 2_000, "exactly the limit passes");
    }

    @Test
    void everyPublicSampleIsWithinTheBudget() throws Exception {
        int measured = 0;
        for (Path file : samples()) {
            String text = Hl7Text.normalise(Files.readString(file, StandardCharsets.UTF_8));
            MessageHeader header = MessageHeader.read(text);
            if (header == null || header.messageType().isEmpty() || header.controlId().isEmpty()) {
                continue; // refused before the budget, as before
            }
            ParseBudget.Cost cost = budget.measure(text);
            assertTrue(!cost.heavy(), file + " is an ordinary message: " + cost);
            measured++;
        }
        assertTrue(measured >= 120, "measured " + measured);
    }

    static List<Path> samples() throws Exception {
        Path dir = Path.of(System.getProperty("pediconsult.hl7.samples", "../../../shared/hl7-samples"));
        try (var walk = Files.walk(dir)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".hl7")).sorted().toList();
            assertTrue(files.size() >= 100, "the sample corpus is there: " + dir.toAbsolutePath());
            return files;
        }
    }

    /**
     * Messages at the limits, each built to be as costly for HAPI as the limits allow, must pass the
     * budget; how long HAPI then takes is printed (a figure for the README, never asserted).
     */
    @Test
    void theCostliestMessagesWithinTheLimitsPassAndTheirParseTimeIsPrinted() throws Exception {
        String[] names = {"EVN", "PID", "PD1", "NK1", "PV1", "PV2", "OBR", "OBX", "NTE", "ORC", "SPM", "TQ1", "DG1",
                "IN1", "GT1", "AL1", "ZAB", "MSA", "TXA", "SCH", "AIS", "RXE", "RXR", "QRD", "PR1", "ROL"};
        java.util.Random random = new java.util.Random(7);
        StringBuilder shuffled = new StringBuilder(ADT.replace("ADT^A04^ADT_A01", "ORU^R01^ORU_R01"));
        for (int i = 2; i < FrameLimits.DEFAULTS.segments(); i++) {
            shuffled.append(names[random.nextInt(names.length)]).append("|1\r");
        }
        StringBuilder repetitions = new StringBuilder(ADT + "PID|1\r");
        for (int i = 0; i < 10; i++) {
            repetitions.append("PV1|1|I||||||").append("1^A^B~".repeat(980)).append("1\r");
        }
        StringBuilder fields = new StringBuilder(ADT + "PID|1\r");
        for (int i = 0; i < 190; i++) {
            fields.append("PV1").append("|1^A".repeat(52)).append('\r');
        }
        PipeParser parser = Hl7Fixtures.parser();
        for (String[] m : new String[][] {{"2,000 segments in random order", shuffled.toString()},
                {"9,800 repetitions of a person field", repetitions.toString()},
                {"9,880 composite fields with components", fields.toString()}}) {
            ParseBudget.Cost cost = budget.measure(m[1]);
            assertTrue(cost.heavy(), m[0] + " is heavy: " + cost);
            long best = Long.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                long began = System.nanoTime();
                parser.parse(m[1]).generateACK();
                best = Math.min(best, System.nanoTime() - began);
            }
            System.out.printf("ParseBudgetTest: %s (%,d bytes, %s) parsed in %d ms%n", m[0], m[1].length(), cost,
                    best / 1_000_000);
        }
    }

    @Test
    void heavyMessagesAreParsedOneAtATimeAndOrdinaryOnesNeverWait() throws Exception {
        ParseBudget.Cost heavy = new ParseBudget.Cost(100, 5_000, 0, 0);
        ParseBudget.Cost light = new ParseBudget.Cost(100, 500, 0, 0);
        ParseBudget.Permit first = budget.admit(heavy);
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<ParseBudget.Permit> second = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return budget.admit(heavy);
            } catch (HL7Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(waiting.await(10, TimeUnit.SECONDS));
        budget.admit(light).close(); // an ordinary message passes while a heavy one parses
        assertThrows(java.util.concurrent.TimeoutException.class, () -> second.get(500, TimeUnit.MILLISECONDS),
                "the second heavy message waits for the first");
        first.close();
        second.get(30, TimeUnit.SECONDS).close();
    }
}
