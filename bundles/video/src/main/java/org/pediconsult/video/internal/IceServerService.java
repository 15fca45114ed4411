package org.pediconsult.video.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.video.api.IceServers;
import org.pediconsult.video.api.dto.IceConfigurationDTO;
import org.pediconsult.video.api.dto.IceServerDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** STUN and TURN servers from {@code etc/org.pediconsult.video.cfg}, TURN with fresh time-limited credentials. */
@Component(service = IceServers.class, configurationPid = VideoConfig.PID)
public class IceServerService implements IceServers {
    private static final Logger LOG = LoggerFactory.getLogger(IceServerService.class);

    private final List<String> stun;
    private final List<String> turn;
    private final TurnCredentials credentials;
    private final int ttlSeconds;
    private final String policy;
    private final Clock clock;

    @Activate
    public IceServerService(VideoConfig config, @Reference Clock clock) {
        this.stun = split(config.stun_urls());
        this.turn = split(config.turn_urls());
        this.credentials = config.turn_secret().isEmpty() ? null : new TurnCredentials(config.turn_secret());
        this.ttlSeconds = config.turn_credential_ttl_seconds();
        this.policy = "relay".equalsIgnoreCase(config.ice_transport_policy().trim()) ? "relay" : "all";
        this.clock = clock;
        if (!turn.isEmpty() && credentials == null) {
            LOG.warn("turn.urls is set but turn.secret is empty: TURN servers are left out");
        }
        if ("relay".equals(policy) && (turn.isEmpty() || credentials == null)) {
            LOG.warn("ice.transport.policy = relay without a TURN server: calls cannot connect");
        }
    }

    static List<String> split(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public IceConfigurationDTO forUser(String userId) {
        List<IceServerDTO> servers = new ArrayList<>();
        if (!stun.isEmpty()) {
            IceServerDTO s = new IceServerDTO();
            s.urls = stun;
            servers.add(s);
        }
        if (!turn.isEmpty() && credentials != null) {
            TurnCredentials.Credential c = credentials.mint(userId, clock.instant().plusSeconds(ttlSeconds));
            IceServerDTO t = new IceServerDTO();
            t.urls = turn;
            t.username = c.username();
            t.credential = c.credential();
            servers.add(t);
        }
        IceConfigurationDTO dto = new IceConfigurationDTO();
        dto.iceServers = servers;
        dto.iceTransportPolicy = policy;
        return dto;
    }
}
