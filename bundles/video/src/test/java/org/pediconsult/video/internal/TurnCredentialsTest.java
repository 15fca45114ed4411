package org.pediconsult.video.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TurnCredentialsTest {
    /**
     * The expected credential was computed independently of Java:
     * {@code printf '%s' '1767225600:guardian.tang' | openssl dgst -sha1 -hmac 'coturn-shared-secret' -binary | base64}.
     */
    @Test
    void credentialIsBase64HmacSha1OfExpiryColonUser() {
        TurnCredentials.Credential c = new TurnCredentials("coturn-shared-secret")
                .mint("guardian.tang", Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals("1767225600:guardian.tang", c.username());
        assertEquals("e5vpJsqrrEkrxIGA0gkBwtyb2fk=", c.credential());
    }

    @Test
    void colonInUserIdCannotShiftTheExpiry() {
        TurnCredentials.Credential c = new TurnCredentials("s").mint("a:b", Instant.ofEpochSecond(10));
        assertEquals("10:a_b", c.username());
    }
}
