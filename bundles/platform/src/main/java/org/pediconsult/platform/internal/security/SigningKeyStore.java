package org.pediconsult.platform.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.security.SecretFiles;

/**
 * The token signing key, an RSA JWK kept in a file readable by the Karaf user only. Generated on
 * first start; all nodes of a cluster must share the same file.
 */
final class SigningKeyStore {
    private SigningKeyStore() {
    }

    static RSAKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            try {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (ParseException e) {
                throw new IOException("signing key file " + file + " is not an RSA JWK", e);
            }
        }
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(Ids.newId()).generate();
            SecretFiles.writeOwnerOnly(file, key.toJSONString());
            return key;
        } catch (JOSEException e) {
            throw new IOException("cannot generate a signing key", e);
        }
    }
}
