package org.pediconsult.video.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-limited TURN credentials by the shared-secret scheme of coturn ({@code use-auth-secret},
 * "TURN REST API"): username {@code <unix expiry>:<user id>}, credential
 * {@code base64(HMAC-SHA1(secret, username))}. The TURN server recomputes the credential from the
 * username with the same secret and refuses it after the expiry; nothing is stored.
 */
final class TurnCredentials {
    /** A username and credential pair for {@code RTCIceServer}. */
    record Credential(String username, String credential) {
    }

    private final byte[] secret;

    TurnCredentials(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    Credential mint(String userId, Instant expiresAt) {
        // ':' separates expiry and user in coturn's scheme: keep it out of the user part
        String username = expiresAt.getEpochSecond() + ":" + userId.replace(':', '_');
        return new Credential(username, credentialOf(username));
    }

    String credentialOf(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
