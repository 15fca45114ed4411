package org.pediconsult.itest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A room token signed with the running distribution's own room key (its JWK file under
 * data/pediconsult/) that expired a minute ago: the one kind of refused token a test cannot get from
 * the REST API.
 */
final class ExpiredRoomToken {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExpiredRoomToken() {
    }

    static String mint(Path keyFile, String consultationId, String username, String role) throws Exception {
        JsonNode jwk = JSON.readTree(Files.readString(keyFile));
        String header = b64("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64(JSON.writeValueAsBytes(Map.of("aud", "pediconsult-video", "sub", username,
                "cid", consultationId, "role", role, "exp", Instant.now().minusSeconds(60).getEpochSecond())));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(jwk.path("k").asText()), "HmacSHA256"));
        return header + "." + claims + "." + b64(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
