package org.pediconsult.platform.internal.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.security.SecretFiles;

/**
 * The installation's key for signing audit archives: its own RSA JWK (not the login token key, which
 * may be rotated for other reasons and whose public half is nobody's business; not the prescription
 * key), in {@code <karaf.data>/pediconsult/audit-export-signing-key.json}, readable by the Karaf user
 * only, generated on first use. All nodes of a cluster share the file, so that a regulator pins one key.
 */
final class AuditArchiveKey {
    static final String FILE_NAME = "audit-export-signing-key.json";
    static final JOSEObjectType TYPE = new JOSEObjectType("pediconsult-audit-manifest+jws");
    private final RSAKey key;

    AuditArchiveKey(RSAKey key) {
        this.key = key;
    }

    static AuditArchiveKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            try {
                return new AuditArchiveKey(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (ParseException e) {
                throw new IOException("audit export signing key file " + file + " is not an RSA JWK", e);
            }
        }
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("audit-" + Ids.newId()).generate();
            SecretFiles.writeOwnerOnly(file, key.toJSONString());
            return new AuditArchiveKey(key);
        } catch (JOSEException e) {
            throw new IOException("cannot generate the audit export signing key", e);
        }
    }

    String keyId() {
        return key.getKeyID();
    }

    /** The compact JWS (RS256) whose payload is exactly {@code manifest}. */
    String sign(byte[] manifest) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(TYPE).build(),
                new Payload(manifest));
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the audit archive's manifest", e);
        }
        return jws.serialize();
    }

    /** The public key as a JWK (no private part). */
    String publicJwk() {
        return key.toPublicJWK().toJSONString();
    }

    /** The public key set (JWKS) a regulator pins. */
    Map<String, Object> publicKeys() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }
}
