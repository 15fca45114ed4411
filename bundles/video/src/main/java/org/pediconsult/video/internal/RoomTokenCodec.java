package org.pediconsult.video.internal;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.video.api.RoomClaims;
import org.pediconsult.video.api.RoomRole;
import org.pediconsult.video.api.RoomToken;
import org.pediconsult.video.api.RoomTokenRefusedException;
import org.pediconsult.video.api.RoomTokenRefusedException.Reason;

/**
 * HS256 room tokens: audience {@value #AUDIENCE}, subject the username, claims {@code cid} (the
 * consultation) and {@code role}. Checked in the order signature, audience, expiry, claims.
 */
final class RoomTokenCodec {
    static final String AUDIENCE = "pediconsult-video";
    static final String ISSUER = "pediconsult";

    private final OctetSequenceKey key;
    private final int ttlSeconds;
    private final Clock clock;

    RoomTokenCodec(OctetSequenceKey key, int ttlSeconds, Clock clock) {
        this.key = key;
        this.ttlSeconds = ttlSeconds;
        this.clock = clock;
    }

    RoomToken issue(String consultationId, RoomRole role, String username) {
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(ttlSeconds);
        return new RoomToken(sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(username)
                .jwtID(Ids.newId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .claim("cid", consultationId)
                .claim("role", role.name())
                .build()), expires);
    }

    String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("room token signing failed", e);
        }
    }

    RoomClaims verify(String token) throws RoomTokenRefusedException {
        if (token == null || token.isBlank() || token.length() > 4096) {
            throw new RoomTokenRefusedException(Reason.MALFORMED, "no room token");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new RoomTokenRefusedException(Reason.MALFORMED, "the room token is not a signed JWT");
        }
        try {
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                throw new RoomTokenRefusedException(Reason.BAD_SIGNATURE, "the room token's signature is not valid");
            }
        } catch (JOSEException e) {
            throw new RoomTokenRefusedException(Reason.BAD_SIGNATURE, "the room token's signature is not valid");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(AUDIENCE)) {
            throw new RoomTokenRefusedException(Reason.WRONG_AUDIENCE, "the token is not a video room token");
        }
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.toInstant().isAfter(clock.instant())) {
            throw new RoomTokenRefusedException(Reason.EXPIRED, "the room token has expired; ask for a new one");
        }
        try {
            String cid = claims.getStringClaim("cid");
            String role = claims.getStringClaim("role");
            if (cid == null || role == null || claims.getSubject() == null) {
                throw new RoomTokenRefusedException(Reason.MALFORMED, "the room token lacks its claims");
            }
            return new RoomClaims(cid, RoomRole.valueOf(role), claims.getSubject(), exp.toInstant());
        } catch (ParseException | IllegalArgumentException e) {
            throw new RoomTokenRefusedException(Reason.MALFORMED, "the room token's claims are not valid");
        }
    }
}
