package org.pediconsult.video.api;

import org.osgi.annotation.versioning.ProviderType;
import org.pediconsult.video.api.dto.IceConfigurationDTO;

/**
 * The ICE configuration for a client's {@code RTCPeerConnection}: STUN and TURN servers from
 * configuration, with time-limited TURN credentials minted for this user.
 *
 * @since 1.0
 */
@ProviderType
public interface IceServers {
    /** A fresh configuration for {@code userId} (a username, used in the TURN credential's username part). */
    IceConfigurationDTO forUser(String userId);
}
