package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;

/**
 * The video room end to end over a real WebSocket at /video/signal: room tokens from the
 * consultation bundle, relay between the physician and the guardian, refusals at the endpoint and
 * at the socket, the guardian rule (leaving pauses, coming back resumes) and the room closing when
 * the consultation is completed. Run by {@link DistributionH2IT}.
 */
public abstract class VideoSignalingBehaviour extends ReportBehaviour {

    private static Reply roomToken(String id, String bearer) throws Exception {
        return call("POST", "/api/consultations/" + id + "/room-token", bearer, null);
    }

    private static String state(String id, String bearer) throws Exception {
        return call("GET", "/api/consultations/" + id, bearer, null).get("state");
    }

    @Test
    public void physicianAndGuardianSignalThroughTheirRoomUntilTheConsultIsCompleted() throws Exception {
        String guardian = token("guardian.tang");
        String doctor = token("dr.wang");
        String id = consultInProgress(guardian, doctor);

        Reply doctorRoom = roomToken(id, doctor);
        assertEquals(doctorRoom.text, 200, doctorRoom.status);
        assertEquals("/video/signal?room=" + id, doctorRoom.get("signalingPath"));
        assertEquals("all", doctorRoom.get("iceTransportPolicy"));
        assertEquals("PHYSICIAN", doctorRoom.get("role"));
        Reply guardianRoom = roomToken(id, guardian);
        assertEquals(guardianRoom.text, 200, guardianRoom.status);
        assertEquals(404, roomToken(id, token("guardian.liu")).status);

        SignalingClient physician = SignalingClient.join(httpPort(), doctorRoom.get("token"));
        assertEquals("PHYSICIAN", physician.next("welcome").path("role").asText());
        SignalingClient family = SignalingClient.join(httpPort(), guardianRoom.get("token"));
        JsonNode welcome = family.next("welcome");
        assertEquals(id, welcome.path("consultationId").asText());
        assertTrue("in progress: no lobby", welcome.path("admitted").asBoolean());
        assertEquals("GUARDIAN", physician.next("peer-joined").path("role").asText());

        physician.send(Map.of("type", "offer", "sdp", "v=0 offer-from-physician"));
        JsonNode offer = family.next("offer");
        assertEquals("v=0 offer-from-physician", offer.path("sdp").asText());
        assertEquals("PHYSICIAN", offer.path("from").asText());
        family.send(Map.of("type", "answer", "sdp", "v=0 answer-from-guardian"));
        assertEquals("v=0 answer-from-guardian", physician.next("answer").path("sdp").asText());
        physician.send(Map.of("type", "candidate", "candidate",
                Map.of("candidate", "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", "sdpMid", "0")));
        assertEquals("0", family.next("candidate").path("candidate").path("sdpMid").asText());
        family.send(Map.of("type", "stats", "width", 1280, "height", 720, "frameRate", 30, "bitrateKbps", 1800,
                "packetLossPct", 0.2, "rttMs", 35));
        assertEquals(720, physician.next("stats").path("height").asInt());
        Reply quality = call("GET", "/api/video/rooms/" + id + "/call-quality", doctor, null);
        assertEquals(quality.text, 200, quality.status);
        assertEquals(quality.text, 720, quality.json.get(0).path("height").asInt());
        assertEquals("GUARDIAN", quality.json.get(0).path("role").asText());
        assertEquals(403, call("GET", "/api/video/rooms/" + id + "/call-quality", guardian, null).status);

        // the guardian's tab closes: the consult pauses; the guardian comes back: it resumes
        family.leave();
        assertEquals("GUARDIAN", physician.next("peer-left").path("role").asText());
        await().atMost(Duration.ofSeconds(15)).until(() -> "PAUSED".equals(state(id, doctor)));
        SignalingClient back = SignalingClient.join(httpPort(), roomToken(id, guardian).get("token"));
        assertTrue(back.next("welcome").path("admitted").asBoolean());
        await().atMost(Duration.ofSeconds(15)).until(() -> "IN_PROGRESS".equals(state(id, doctor)));

        Reply done = call("POST", "/api/consultations/" + id + "/completion", doctor,
                Map.of("diagnosis", "轻度湿疹", "plan", "保湿，两周后复诊"));
        assertEquals(done.text, 200, done.status);
        for (SignalingClient c : new SignalingClient[] {physician, back}) {
            assertEquals("completed", c.next("closed").path("reason").asText());
            assertTrue(c.awaitClose().startsWith("1000"));
        }
        assertEquals(409, roomToken(id, doctor).status);
    }

    @Test
    public void forgedExpiredAndLateTokensAreRefusedAtTheSocket() throws Exception {
        String guardian = token("guardian.tang");
        String doctor = token("dr.wang");
        String id = consultInProgress(guardian, doctor);
        String real = roomToken(id, guardian).get("token");

        // the payload changed to claim the physician's seat: the signature no longer matches
        String[] parts = real.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"GUARDIAN\"", "\"PHYSICIAN\"");
        String forged = parts[0] + "." + ExpiredRoomToken.b64(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        SignalingClient f = SignalingClient.join(httpPort(), forged);
        assertEquals("1008 the room token's signature is not valid", f.awaitClose());

        // signed with the right key but expired a minute ago
        SignalingClient e = SignalingClient.join(httpPort(), expiredToken(id));
        assertEquals("1008 the room token has expired; ask for a new one", e.awaitClose());

        // a REST bearer token is not a room token
        assertTrue(SignalingClient.join(httpPort(), doctor).awaitClose().startsWith("1008"));

        // the token of another consultation than the one asked for
        SignalingClient other = SignalingClient.connect(httpPort());
        other.send(Map.of("type", "auth", "consultationId", "not-" + id, "token", real));
        assertEquals("1008 the room token is for another consultation", other.awaitClose());
        // ... or than the room in the URL (the load balancer's routing key)
        SignalingClient otherRoom = SignalingClient.connect(httpPort(), "/video/signal?room=not-" + id);
        otherRoom.send(Map.of("type", "auth", "token", real));
        assertEquals("1008 the room token is for another consultation", otherRoom.awaitClose());
        // the signalingPath handed out with the token is accepted
        SignalingClient routed = SignalingClient.connect(httpPort(), roomToken(id, guardian).get("signalingPath"));
        routed.send(Map.of("type", "auth", "token", real));
        assertEquals("GUARDIAN", routed.next("welcome").path("role").asText());
        routed.leave();

        // no token at all within the authentication timeout
        SignalingClient silent = SignalingClient.connect(httpPort());
        assertEquals("1008 no room token in time", silent.awaitClose());
        assertFalse(silent.closed.isCompletedExceptionally());
    }

    /** An HS256 room token signed with the installation's room key (read from data/), expired. */
    private static String expiredToken(String consultationId) throws Exception {
        return ExpiredRoomToken.mint(Paths.get(System.getProperty("karaf.data"), "pediconsult", "video-room-key.json"),
                consultationId, "guardian.tang", "GUARDIAN");
    }
}
