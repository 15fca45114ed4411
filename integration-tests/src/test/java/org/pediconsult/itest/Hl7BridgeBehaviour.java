package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.Configuration;
import org.pediconsult.platform.api.event.EventListener;

/**
 * The HL7 bridge installed as a feature into the running distribution, driven over real MLLP
 * sockets: by Java, with every public sample, and by a non-Java peer (Debian's python3-hl7
 * {@code mllp_send}, installed by .ci/run). Run by {@link DistributionH2IT}; its inbound channel
 * "his" listens on {@link #mllpPort()}, the hospital's receiver for the outbound tests on a port
 * chosen with the others.
 */
public abstract class Hl7BridgeBehaviour extends VideoSignalingBehaviour {
    private static final String HIS_RECEIVER_PORT = "pediconsult.it.his-receiver.port";
    private static final String ADT = "MSH|^~\\&|HIS|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|20261125083000||"
            + "ADT^A04^ADT_A01|%s|P|2.5.1|||||CHN|UNICODE UTF-8\rEVN|A04|20261125083000\r"
            + "PID|1||HIS-000123^^^PILOT1^MR||唐^小明||20220315|M\rNK1|1|唐^丽|MTH^Mother^HL70063\r";

    @Inject
    protected FeaturesService features;


    @Override
    protected Option[] extraOptions() {
        String cfg = "etc/org.pediconsult.hl7.inbound-his.cfg";
        List<Option> options = new ArrayList<>(Arrays.asList(super.extraOptions()));
        options.addAll(Arrays.asList(
            editConfigurationFilePut(cfg, "name", "his"),
            editConfigurationFilePut(cfg, "ack.mode", "ORIGINAL"),
            systemProperty(HIS_RECEIVER_PORT).value(String.valueOf(FreePorts.tcp())),
            systemProperty("pediconsult.hl7.samples").value(System.getProperty("pediconsult.hl7.samples"))));
        return options.toArray(new Option[0]);
    }

    private void bridgeInstalled() throws Exception {
        if (!features.isInstalled(features.getFeature("pediconsult-hl7-bridge"))) {
            features.installFeature("pediconsult-hl7-bridge", EnumSet.noneOf(FeaturesService.Option.class));
        }
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            try (Socket s = new Socket("127.0.0.1", mllpPort())) {
                return true;
            }
        });
    }

    private static String exchange(Socket socket, String message) throws Exception {
        return Mllp.exchange(socket, message);
    }

    private long unpublishedEvents() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM platform_outbox WHERE published_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long stored() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM hl7_message WHERE direction = 'IN'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    public void everyPublicSampleIsAcknowledgedAndStoredAndTheListenerStillAnswers() throws Exception {
        bridgeInstalled();
        long before = stored();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Paths.get(System.getProperty("pediconsult.hl7.samples")))) {
            files = walk.filter(p -> p.toString().endsWith(".hl7")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() >= 100);
        try (Socket socket = new Socket("127.0.0.1", mllpPort())) {
            socket.setSoTimeout(20_000);
            for (Path f : files) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).replace("\r\n", "\r").replace('\n', '\r');
                String ack = exchange(socket, text);
                assertTrue(f + " -> " + ack, ack.contains("\rMSA|AA") || ack.contains("\rMSA|AE") || ack.contains("\rMSA|AR"));
            }
            assertTrue(exchange(socket, String.format(ADT, "IT-AFTER")).contains("\rMSA|AA|IT-AFTER"));
        }
        assertEquals("every frame stored, none lost", before + files.size() + 1, stored());
    }

    @Test
    public void anAdtA04FromTheHisMakesThePatientVisibleThroughTheApi() throws Exception {
        bridgeInstalled();
        String adt = String.format(ADT, "IT-A04").replace("HIS-000123", "HIS-777001").replace("唐^小明", "林^小雨")
                .replace("|M\r", "|F\r");
        try (Socket socket = new Socket("127.0.0.1", mllpPort())) {
            socket.setSoTimeout(20_000);
            String ack = exchange(socket, adt);
            assertTrue(ack, ack.contains("\rMSA|AA|IT-A04"));
        }
        // ack.after = STORED (the default): the AA says "stored"; the patient is registered shortly after
        String adminToken = token("admin");
        await().atMost(Duration.ofSeconds(60)).until(() -> call("GET", "/api/hl7/messages?controlId=IT-A04&type=ADT%5EA04",
                adminToken, null).json.get(0).path("outcome").asText().equals("PROCESSED"));
        Reply children = call("GET", "/api/children", adminToken, null);
        assertEquals(children.text, 200, children.status);
        boolean found = false;
        String childId = null;
        for (var child : children.json) {
            if ("PILOT1^HIS-777001".equals(child.path("idValue").asText())) {
                found = true;
                childId = child.path("id").asText();
                assertEquals("林", child.path("familyName").asText());
                assertEquals("FEMALE", child.path("sex").asText());
                assertEquals("HIS", child.path("idType").asText());
            }
        }
        assertTrue("the HIS patient is in the consultation API: " + children.text, found);

        String admin = token("admin");
        Reply channels = call("GET", "/api/hl7/channels", admin, null);
        assertEquals(channels.text, 200, channels.status);
        assertEquals("his", channels.json.get(0).path("name").asText());
        assertEquals("Started", channels.json.get(0).path("state").asText());
        assertTrue(channels.text, channels.json.get(0).path("counts").path("PROCESSED").asLong() >= 1);
        Reply search = call("GET", "/api/hl7/messages?controlId=IT-A04&type=ADT%5EA04", admin, null);
        assertEquals(search.text, 1, search.json.size());
        Reply one = call("GET", "/api/hl7/messages/" + search.json.get(0).path("id").asLong(), admin, null);
        assertTrue(one.text, one.get("raw").contains("林^小雨") && one.get("ack").contains("MSA|AA|IT-A04"));
        // viewing the message is seeing the child: the auditor finds that read under the child's id
        assertEquals("the stored message names the child it registered", childId, one.get("patient"));
        String messageId = String.valueOf(search.json.get(0).path("id").asLong());
        Reply seen = call("GET", "/api/audit/records?patient=" + childId + "&actor=admin&action=READ&limit=200",
                token("auditor.chen"), null);
        assertEquals(seen.text, 200, seen.status);
        boolean viewAudited = false;
        for (var record : seen.json) {
            viewAudited |= "hl7-message".equals(record.path("resourceType").asText())
                    && messageId.equals(record.path("resourceId").asText());
        }
        assertTrue("the message view is found by the child's id: " + seen.text, viewAudited);
        assertEquals(403, call("GET", "/api/hl7/messages", token("guardian.tang"), null).status);
        long processedId = search.json.get(0).path("id").asLong();
        Reply again = call("POST", "/api/hl7/messages/" + processedId + "/reprocess", admin, null);
        assertEquals(again.text, 409, again.status);
        assertEquals("not_reprocessable", again.get("code"));
        try (Socket socket = new Socket("127.0.0.1", mllpPort())) {
            socket.setSoTimeout(20_000);
            assertTrue(exchange(socket, String.format(ADT, "IT-NOID").replace("HIS-000123^^^PILOT1^MR", ""))
                    .contains("\rMSA|AE|IT-NOID"));
        }
        long failedId = call("GET", "/api/hl7/messages?controlId=IT-NOID", admin, null).json.get(0).path("id").asLong();
        Reply retried = call("POST", "/api/hl7/messages/" + failedId + "/reprocess", admin, null);
        assertEquals(retried.text, 200, retried.status);
        assertEquals("still missing PID-3", "ERROR", retried.get("outcome"));

        assertTrue(shell("pediconsult:hl7-channels").contains("his"));
        String listed = shell("pediconsult:hl7-messages --type ADT^A04");
        assertTrue(listed, listed.contains("IT-A04") && !listed.contains("林"));
        Reply badTime = call("GET", "/api/hl7/messages?from=yesterday", admin, null);
        assertEquals(400, badTime.status);
        assertEquals("from", badTime.get("field"));
    }

    @Test
    public void aNonJavaPeerGetsItsAck() throws Exception {
        bridgeInstalled();
        Path message = Files.createTempFile("adt", ".hl7");
        // a file as a person saves it (CRLF lines); --loose makes mllp_send frame it as a real sender would
        Files.writeString(message, String.format(ADT, "PY-0001").replace("\r", "\r\n"), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("mllp_send", "--loose", "--port", String.valueOf(mllpPort()), "--file",
                message.toString(), "127.0.0.1").redirectErrorStream(true).start();
        boolean finished = p.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue("mllp_send finished within 60 s", finished);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(out, 0, p.exitValue());
        assertTrue(out, out.contains("MSA|AA|PY-0001"));
    }

    /**
     * Consultation events to the HIS over a real outbound MLLP channel: while the receiver is down
     * the visit registration (ADT^A04) and the booking (SIU^S12) wait in the durable queue; when it
     * comes back both arrive once, in order. A cancellation the receiver rejects (AR) is parked with
     * the receiver's error and an engineer's resend delivers it.
     */
    @Test
    public void bookingIsSentAsSiuS12InOrderAfterAnOutageAndARejectionIsParkedThenResent() throws Exception {
        // the demo child's events of earlier tests in this container are all on the broker before the channel's
        // queue exists, so the channel sends only this test's
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublishedEvents() == 0);
        Configuration out = configurationAdmin.createFactoryConfiguration("org.pediconsult.hl7.outbound", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", "his-out");
        props.put("host", "127.0.0.1");
        props.put("port", String.valueOf(containerPort(HIS_RECEIVER_PORT)));
        props.put("settle.millis", "200");
        props.put("retry.initial.seconds", "0.5");
        props.put("retry.max.seconds", "2");
        props.put("ack.timeout.seconds", "5");
        out.update(props);
        bridgeInstalled();
        await().atMost(Duration.ofSeconds(30)).until(() -> !bundleContext.getServiceReferences(EventListener.class,
                "(" + EventListener.CONSUMER + "=hl7-outbound)").isEmpty());
        String admin = token("admin");
        try (HisReceiver his = new HisReceiver(containerPort(HIS_RECEIVER_PORT))) {
            String guardian = token("guardian.tang");
            String id = assess(guardian, mildAnswers()).get("id");
            Reply booked = call("POST", "/api/consultations/" + id + "/booking", guardian,
                    Map.of("slotId", slot(physicianId("dr.wang"), uniqueFutureTime())));
            assertEquals(booked.text, 200, booked.status);
            String child = booked.get("childId");

            await().atMost(Duration.ofSeconds(30)).until(() -> queued(admin, child).size() >= 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Reply channels = call("GET", "/api/hl7/channels", admin, null);
                return channels.text.contains("\"his-out\"") && channels.text.contains("unreachable")
                        && channels.text.contains("\"RETRYING\"");
            });

            his.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> queued(admin, child).stream()
                    .allMatch(m -> "SENT".equals(m.path("outcome").asText())));
            // this consultation's messages (PV1-19, SCH-1), whatever else of the same child arrives
            List<String> types = his.received.stream().filter(r -> r.raw().contains(id)).map(HisReceiver.Received::type)
                    .collect(Collectors.toList());
            assertEquals("registration then booking, each once", List.of("ADT^A04", "SIU^S12"), types);
            HisReceiver.Received siu = his.received.stream().filter(r -> r.type().equals("SIU^S12")
                    && r.raw().contains(child)).findFirst().orElseThrow();
            assertTrue(siu.raw(), siu.raw().contains("SCH|" + id) && siu.raw().contains("|唐^小明^^^^^L|")
                    && siu.raw().contains("|Booked"));

            his.answer(r -> r.type().equals("SIU^S15") ? "AR" : "AA");
            assertEquals(200, call("POST", "/api/consultations/" + id + "/cancellation", guardian, null).status);
            await().atMost(Duration.ofSeconds(30)).until(() -> queued(admin, child).stream()
                    .anyMatch(m -> "PARKED".equals(m.path("outcome").asText())));
            var parked = queued(admin, child).stream().filter(m -> "PARKED".equals(m.path("outcome").asText()))
                    .findFirst().orElseThrow();
            assertEquals("SIU^S15", parked.path("type").asText());
            assertTrue(parked.toString(), parked.path("error").asText().contains("预约号已存在"));

            his.answer(r -> "AA");
            Reply resent = call("POST", "/api/hl7/messages/" + parked.path("id").asLong() + "/resend", admin, null);
            assertEquals(resent.text, 200, resent.status);
            await().atMost(Duration.ofSeconds(30)).until(() -> queued(admin, child).stream()
                    .allMatch(m -> "SENT".equals(m.path("outcome").asText())));
            assertEquals(409, call("POST", "/api/hl7/messages/" + parked.path("id").asLong() + "/resend", admin, null)
                    .status);
            assertEquals(403, call("POST", "/api/hl7/messages/" + parked.path("id").asLong() + "/resend",
                    token("guardian.tang"), null).status);
            Reply one = call("GET", "/api/hl7/messages/" + parked.path("id").asLong(), admin, null);
            assertTrue(one.text, one.text.contains("\"SCH-25\""));
        } finally {
            out.delete();
        }
    }

    private static List<com.fasterxml.jackson.databind.JsonNode> queued(String admin, String child) throws Exception {
        Reply r = call("GET", "/api/hl7/messages?direction=OUT&patient=" + child, admin, null);
        assertEquals(r.text, 200, r.status);
        List<com.fasterxml.jackson.databind.JsonNode> out = new ArrayList<>();
        r.json.forEach(out::add);
        return out;
    }

    @Test
    public void anOruR01PutsObservationsOnTheRecordOfAChildTheHisRegistered() throws Exception {
        bridgeInstalled();
        String adt = String.format(ADT, "IT-ORU-A04").replace("HIS-000123", "HIS-777002").replace("唐^小明", "周^小雨");
        String oru = "MSH|^~\\&|LIS|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|20261125093000+0800||"
                + "ORU^R01^ORU_R01|IT-ORU-1|P|2.5.1|||||CHN|UNICODE UTF-8\r"
                + "PID|1||HIS-777002^^^PILOT1^MR||周^小雨||20220315|F\r"
                + "OBR|1|PL-9|FL-9001|GROWTH^生长发育测量^L|||20261125083000+0800\r"
                + "OBX|1|NM|8302-2^身高^LN||98.5|cm^厘米^UCUM|95-105|N|||F|||20261125083500+0800\r"
                + "OBX|2|NM|29463-7^体重^LN||15.2|kg^千克^UCUM||||F\r"
                + "OBX|3|ST|8251-1^主诉^LN||夜间咳嗽||||||F\r";
        try (Socket socket = new Socket("127.0.0.1", mllpPort())) {
            socket.setSoTimeout(20_000);
            String registered = exchange(socket, adt);
            assertTrue(registered, registered.contains("\rMSA|AA|IT-ORU-A04"));
            String ack = exchange(socket, oru);
            assertTrue(ack, ack.contains("\rMSA|AA|IT-ORU-1"));
            assertEquals("a resend is answered with the first ACK", ack, exchange(socket, oru));
            // ack.after = STORED: an ORU for an unknown patient is acknowledged (stored) and then fails in
            // processing, ERROR with the reason, to be reprocessed (AE with ERR PID^1^3 in PROCESSED mode:
            // InboundChannelTest)
            String unknown = exchange(socket, oru.replace("IT-ORU-1", "IT-ORU-2").replace("HIS-777002", "HIS-777999"));
            assertTrue(unknown, unknown.contains("\rMSA|AA|IT-ORU-2"));
        }
        String admin = token("admin");
        await().atMost(Duration.ofSeconds(60)).until(() -> call("GET", "/api/hl7/messages?controlId=IT-ORU-2", admin, null)
                .json.get(0).path("outcome").asText().equals("ERROR"));
        Reply failed = call("GET", "/api/hl7/messages?controlId=IT-ORU-2", admin, null);
        assertTrue(failed.text, failed.json.get(0).path("error").asText().contains("no patient with this identifier"));
        await().atMost(Duration.ofSeconds(60)).until(() -> call("GET", "/api/hl7/messages?controlId=IT-ORU-1&type=ORU%5ER01",
                admin, null).json.get(1).path("outcome").asText().equals("PROCESSED"));
        Reply children = call("GET", "/api/children", admin, null);
        String childId = null;
        for (var child : children.json) {
            if ("PILOT1^HIS-777002".equals(child.path("idValue").asText())) {
                childId = child.path("id").asText();
            }
        }
        assertTrue("the ADT registered the child: " + children.text, childId != null);
        Reply observations = call("GET", "/api/children/" + childId + "/observations", admin, null);
        assertEquals(observations.text, 200, observations.status);
        assertEquals(observations.text, 3, observations.json.size());
        assertEquals("newest first", "8302-2", observations.json.get(0).path("code").asText());
        assertEquals(98.5, observations.json.get(0).path("numericValue").asDouble(), 0.0001);
        assertEquals("cm", observations.json.get(0).path("units").asText());
        assertTrue(observations.text, observations.text.contains("夜间咳嗽") && observations.text.contains("身高"));
        Reply weight = call("GET", "/api/children/" + childId + "/observations?code=29463-7", admin, null);
        assertEquals(weight.text, 1, weight.json.size());
        assertEquals(15.2, weight.json.get(0).path("numericValue").asDouble(), 0.0001);
        Reply otherFamily = call("GET", "/api/children/" + childId + "/observations", token("guardian.tang"), null);
        assertEquals("a guardian of another family does not see the child", 404, otherFamily.status);
        assertEquals(401, call("GET", "/api/children/" + childId + "/observations", null, null).status);
        Reply stored = call("GET", "/api/hl7/messages?controlId=IT-ORU-1&type=ORU%5ER01", admin, null);
        assertEquals(stored.text, 2, stored.json.size());
        assertEquals("the resend is stored as a duplicate, newest first", "DUPLICATE",
                stored.json.get(0).path("outcome").asText());
        assertEquals("PROCESSED", stored.json.get(1).path("outcome").asText());
    }
}
