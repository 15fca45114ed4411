package org.pediconsult.prescription.internal.signature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;

import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.security.SecretFiles;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * Signs a prescription's canonical content with the installation's prescription key (RS256, its own RSA
 * key, not the login key) as a detached JWS ({@code header..signature}, RFC 7515 appendix F): the
 * protected header names the key ({@code kid}), the signer ({@code pediconsult.signer}: the physician who
 * re-authenticated) and the time. Anyone verifies it with the public key from
 * {@code GET /api/prescriptions/signing-keys}; a changed byte of the content fails.
 *
 * <p>The key is an RSA JWK in a file readable by the Karaf user only, generated on first start; all nodes
 * of a cluster share the file. A per-physician certificate (a national CA's) would replace the
 * installation key where the hospital has one.
 */
public final class PrescriptionSigner {
    public static final String SIGNER_PARAM = "pediconsult.signer";
    public static final String SIGNED_AT_PARAM = "pediconsult.signedAt";
    private final RSAKey key;

    public PrescriptionSigner(RSAKey key) {
        this.key = key;
    }

    public static PrescriptionSigner loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            try {
                return new PrescriptionSigner(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (ParseException e) {
                throw new IOException("prescription signing key file " + file + " is not an RSA JWK", e);
            }
        }
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(Ids.newId()).generate();
            SecretFiles.writeOwnerOnly(file, key.toJSONString());
            return new PrescriptionSigner(key);
        } catch (JOSEException e) {
            throw new IOException("cannot generate a prescription signing key", e);
        }
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The detached JWS over {@code canonical}. */
    public String sign(String canonical, String signer, Instant at) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("pediconsult-prescription+jws"))
                .customParam(SIGNER_PARAM, signer).customParam(SIGNED_AT_PARAM, at.toString()).build();
        JWSObject jws = new JWSObject(header, new Payload(canonical.getBytes(StandardCharsets.UTF_8)));
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a prescription", e);
        }
        return jws.serialize(true);
    }

    /** What a verification found: valid or not, and what the signature's header says. */
    public record Verification(boolean valid, String keyId, String signer, String signedAt, String problem) {
    }

    /** Verifies a detached JWS over {@code canonical}; never throws for bad input. */
    public Verification verify(String canonical, String detachedJws) {
        if (canonical == null || detachedJws == null || detachedJws.length() > 4000) {
            return new Verification(false, null, null, null, "content and signature are both required");
        }
        try {
            JWSObject jws = JWSObject.parse(detachedJws, new Payload(canonical.getBytes(StandardCharsets.UTF_8)));
            JWSHeader h = jws.getHeader();
            Object signer = h.getCustomParam(SIGNER_PARAM);
            Object at = h.getCustomParam(SIGNED_AT_PARAM);
            if (!JWSAlgorithm.RS256.equals(h.getAlgorithm()) || !key.getKeyID().equals(h.getKeyID())) {
                return new Verification(false, h.getKeyID(), str(signer), str(at), "unknown key or algorithm");
            }
            boolean ok = jws.verify(new RSASSAVerifier(key.toRSAPublicKey()));
            return new Verification(ok, h.getKeyID(), str(signer), str(at), ok ? null : "the content does not match the signature");
        } catch (ParseException | JOSEException e) {
            return new Verification(false, null, null, null, "not a detached JWS");
        }
    }

    /** The public key set, for anyone who verifies offline. */
    public Map<String, Object> publicKeys() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
