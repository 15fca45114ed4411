package org.pediconsult.video.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.security.SecretFiles;

/**
 * The room tokens' HMAC key: its own key, not the REST login key, so a leaked room token or key
 * never opens the REST API. Kept in a file readable by the Karaf user only, generated on first start.
 */
final class RoomKeyStore {
    private RoomKeyStore() {
    }

    static OctetSequenceKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            try {
                return OctetSequenceKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (ParseException e) {
                throw new IOException("room key file " + file + " is not an oct JWK", e);
            }
        }
        try {
            OctetSequenceKey key = new OctetSequenceKeyGenerator(256).keyUse(KeyUse.SIGNATURE).keyID(Ids.newId()).generate();
            SecretFiles.writeOwnerOnly(file, key.toJSONString());
            return key;
        } catch (JOSEException e) {
            throw new IOException("cannot generate the room key", e);
        }
    }
}
