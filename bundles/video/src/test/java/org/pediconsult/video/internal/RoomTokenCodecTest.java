package org.pediconsult.video.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.pediconsult.video.api.RoomClaims;
import org.pediconsult.video.api.RoomRole;
import org.pediconsult.video.api.RoomToken;
import org.pediconsult.video.api.RoomTokenRefusedException;
import org.pediconsult.video.api.RoomTokenRefusedException.Reason;

class RoomTokenCodecTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private final OctetSequenceKey key = newKey();
    private final RoomTokenCodec codec = new RoomTokenCodec(key, 120, Clock.fixed(T0, ZoneOffset.UTC));

    private static OctetSequenceKey newKey() {
        try {
            return new OctetSequenceKeyGenerator(256).keyID("k").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void issuedTokenVerifiesWithItsClaims() throws Exception {
        RoomToken t = codec.issue("c-1", RoomRole.GUARDIAN, "guardian.tang");
        assertEquals(T0.plusSeconds(120), t.expiresAt());
        RoomClaims claims = codec.verify(t.token());
        assertEquals("c-1", claims.consultationId());
        assertEquals(RoomRole.GUARDIAN, claims.role());
        assertEquals("guardian.tang", claims.username());
    }

    @Test
    void expiredTokenIsRefused() {
        RoomToken t = codec.issue("c-1", RoomRole.PHYSICIAN, "dr.wang");
        RoomTokenCodec later = new RoomTokenCodec(key, 120, Clock.fixed(T0.plusSeconds(121), ZoneOffset.UTC));
        assertEquals(Reason.EXPIRED, assertThrows(RoomTokenRefusedException.class, () -> later.verify(t.token())).reason());
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        String other = codec.sign(new JWTClaimsSet.Builder().audience("pediconsult-api").subject("dr.wang")
                .expirationTime(Date.from(T0.plusSeconds(60))).claim("cid", "c-1").claim("role", "PHYSICIAN").build());
        assertEquals(Reason.WRONG_AUDIENCE, assertThrows(RoomTokenRefusedException.class, () -> codec.verify(other)).reason());
    }

    @Test
    void tamperedTokenIsRefused() {
        String[] parts = codec.issue("c-1", RoomRole.GUARDIAN, "guardian.liu").token().split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"aud\":\"pediconsult-video\",\"sub\":\"guardian.liu\",\"cid\":\"c-2\",\"role\":\"PHYSICIAN\",\"exp\":"
                        + T0.plusSeconds(60).getEpochSecond() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];
        assertEquals(Reason.BAD_SIGNATURE, assertThrows(RoomTokenRefusedException.class, () -> codec.verify(forged)).reason());
    }

    @Test
    void tokenOfAnotherInstallationIsRefused() {
        RoomTokenCodec elsewhere = new RoomTokenCodec(newKey(), 120, Clock.fixed(T0, ZoneOffset.UTC));
        String t = elsewhere.issue("c-1", RoomRole.PHYSICIAN, "dr.wang").token();
        assertEquals(Reason.BAD_SIGNATURE, assertThrows(RoomTokenRefusedException.class, () -> codec.verify(t)).reason());
    }

    @Test
    void garbageIsMalformed() {
        assertEquals(Reason.MALFORMED, assertThrows(RoomTokenRefusedException.class, () -> codec.verify("not-a-jwt")).reason());
        assertEquals(Reason.MALFORMED, assertThrows(RoomTokenRefusedException.class, () -> codec.verify(null)).reason());
    }
}
