package org.pediconsult.platform.internal.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/** Issues and verifies RS256 bearer tokens (JWT) for the REST API. */
final class JwtTokens {
    private final RSAKey key;
    /** Made once: every request's token is checked with it (Nimbus's verifiers are thread-safe). */
    private final RSASSAVerifier verifier;
    private final String issuer;
    private final int ttlSeconds;
    private final Clock clock;

    JwtTokens(RSAKey key, String issuer, int ttlSeconds, Clock clock) {
        this.key = key;
        try {
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("not an RSA public key", e);
        }
        this.issuer = issuer;
        this.ttlSeconds = ttlSeconds;
        this.clock = clock;
    }

    int ttlSeconds() {
        return ttlSeconds;
    }

    String issue(String username, Set<Role> roles) {
        return issue(username, roles, null, false);
    }

    /**
     * A token; {@code generation} is the database account's token generation (null for a realm user),
     * {@code passwordChange} marks a token that may only change the password.
     */
    String issue(String username, Set<Role> roles, Integer generation, boolean passwordChange) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(username)
                .jwtID(Ids.newId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(ttlSeconds)))
                .claim("roles", roles.stream().map(Role::name).sorted().collect(Collectors.toList()))
                .claim(GENERATION, generation)
                .claim(PASSWORD_CHANGE, passwordChange ? Boolean.TRUE : null)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("token signing failed", e);
        }
    }

    static final String GENERATION = "gen";
    static final String PASSWORD_CHANGE = "pwc";

    /**
     * A token that is ours, intact and not expired: its user, id, expiry, the account's token generation
     * it was issued under (null: a realm user) and whether it may only change the password.
     */
    record Verified(AuthenticatedUser user, String jti, Instant expiresAt, Integer generation, boolean passwordChange) {
    }

    /**
     * The token's user, id and expiry, or null when the token is malformed, not ours, tampered with,
     * expired, or has no id (every token issued here has one, so that it can be revoked).
     */
    Verified verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(verifier)) {
                return null;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (!issuer.equals(claims.getIssuer()) || exp == null || !exp.toInstant().isAfter(clock.instant())
                    || claims.getSubject() == null || claims.getJWTID() == null || claims.getJWTID().isBlank()) {
                return null;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            List<String> names = claims.getStringListClaim("roles");
            if (names != null) {
                for (String name : names) {
                    Role role = Role.fromName(name);
                    if (role != null) {
                        roles.add(role);
                    }
                }
            }
            Object gen = claims.getClaim(GENERATION);
            if (gen != null && !(gen instanceof Number)) {
                return null;
            }
            return new Verified(new AuthenticatedUser(claims.getSubject(), roles), claims.getJWTID(), exp.toInstant(),
                    gen == null ? null : ((Number) gen).intValue(), Boolean.TRUE.equals(claims.getBooleanClaim(PASSWORD_CHANGE)));
        } catch (ParseException | JOSEException e) {
            return null;
        }
    }
}
