package org.pediconsult.video.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.video.api.RoomClaims;
import org.pediconsult.video.api.RoomRole;
import org.pediconsult.video.api.RoomToken;
import org.pediconsult.video.api.RoomTokenRefusedException;
import org.pediconsult.video.api.RoomTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Room tokens signed with this installation's room key (see {@link RoomKeyStore}). */
@Component(service = RoomTokens.class, configurationPid = VideoConfig.PID)
@Designate(ocd = VideoConfig.class)
public class RoomTokenService implements RoomTokens {
    private static final Logger LOG = LoggerFactory.getLogger(RoomTokenService.class);
    private final RoomTokenCodec codec;

    @Activate
    public RoomTokenService(VideoConfig config, @Reference Clock clock) throws IOException {
        Path keyFile = config.room_key_file().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "pediconsult", "video-room-key.json")
                : Paths.get(config.room_key_file());
        this.codec = new RoomTokenCodec(RoomKeyStore.loadOrCreate(keyFile), config.room_token_ttl_seconds(), clock);
        LOG.info("room tokens signed with the key in {}, valid {} s to connect", keyFile, config.room_token_ttl_seconds());
    }

    @Override
    public RoomToken issue(String consultationId, RoomRole role, String username) {
        return codec.issue(consultationId, role, username);
    }

    @Override
    public RoomClaims verify(String token) throws RoomTokenRefusedException {
        return codec.verify(token);
    }
}
