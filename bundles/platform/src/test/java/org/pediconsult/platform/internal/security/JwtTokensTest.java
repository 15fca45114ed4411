package org.pediconsult.platform.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.internal.MutableClock;

class JwtTokensTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));

    @Test
    void issuedTokenVerifiesWithUserAndRoles() throws Exception {
        JwtTokens tokens = new JwtTokens(SigningKeyStore.loadOrCreate(dir.resolve("k.json")), "pediconsult", 3600, clock);
        JwtTokens.Verified verified = tokens.verify(tokens.issue("dr.wang", EnumSet.of(Role.PHYSICIAN)));
        assertNotNull(verified);
        AuthenticatedUser user = verified.user();
        assertEquals("dr.wang", user.username());
        assertEquals(EnumSet.of(Role.PHYSICIAN), user.roles());
        assertEquals(clock.instant().plusSeconds(3600), verified.expiresAt());
    }

    @Test
    void everyTokenHasItsOwnIdAndATokenWithoutIdIsRefused() throws Exception {
        RSAKey key = SigningKeyStore.loadOrCreate(dir.resolve("k.json"));
        JwtTokens tokens = new JwtTokens(key, "pediconsult", 3600, clock);
        String a = tokens.verify(tokens.issue("dr.wang", EnumSet.of(Role.PHYSICIAN))).jti();
        String b = tokens.verify(tokens.issue("dr.wang", EnumSet.of(Role.PHYSICIAN))).jti();
        assertNotNull(a);
        assertNotEquals(a, b, "two logins, two ids: logging out one session leaves the other");

        // signed with our key, but without jti: it could never be revoked, so it is not accepted
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("pediconsult")
                .subject("dr.wang").expirationTime(java.util.Date.from(clock.instant().plusSeconds(600)))
                .claim("roles", java.util.List.of("PHYSICIAN")).build();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
                com.nimbusds.jose.JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        assertNull(tokens.verify(jwt.serialize()));
    }

    @Test
    void expiredTamperedForeignOrOtherIssuerTokensAreRefused() throws Exception {
        RSAKey key = SigningKeyStore.loadOrCreate(dir.resolve("k.json"));
        JwtTokens tokens = new JwtTokens(key, "pediconsult", 60, clock);
        String token = tokens.issue("guardian.tang", EnumSet.of(Role.GUARDIAN));

        String[] parts = token.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"admin\",\"roles\":[\"INTEGRATION_ADMIN\"],\"iss\":\"pediconsult\",\"exp\":9999999999}".getBytes());
        assertNull(tokens.verify(parts[0] + "." + otherPayload + "." + parts[2]), "payload swapped");
        assertNull(tokens.verify(parts[0] + "." + parts[1] + "."), "signature stripped");
        assertNull(tokens.verify("garbage"));

        JwtTokens foreign = new JwtTokens(SigningKeyStore.loadOrCreate(dir.resolve("other.json")), "pediconsult", 60, clock);
        assertNull(tokens.verify(foreign.issue("admin", EnumSet.of(Role.INTEGRATION_ADMIN))), "other key");
        assertNull(new JwtTokens(key, "someone-else", 60, clock).verify(token), "other issuer");

        clock.advance(Duration.ofSeconds(61));
        assertNull(tokens.verify(token), "expired");
    }

    @Test
    void keyIsKeptPrivateAndReusedAcrossStarts() throws Exception {
        Path file = dir.resolve("sub/k.json");
        RSAKey first = SigningKeyStore.loadOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        RSAKey second = SigningKeyStore.loadOrCreate(file);
        assertEquals(first.getKeyID(), second.getKeyID());
        JwtTokens before = new JwtTokens(first, "pediconsult", 60, clock);
        assertNotNull(new JwtTokens(second, "pediconsult", 60, clock).verify(before.issue("a", EnumSet.noneOf(Role.class))));
    }
}
