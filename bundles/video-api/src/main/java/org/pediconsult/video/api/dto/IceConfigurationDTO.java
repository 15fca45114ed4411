package org.pediconsult.video.api.dto;

import java.util.List;

/**
 * What a browser passes to {@code new RTCPeerConnection(...)}: its {@code iceServers} and
 * {@code iceTransportPolicy} ({@code all}, or {@code relay} to force TURN). @since 1.0
 */
public class IceConfigurationDTO {
    public List<IceServerDTO> iceServers;
    public String iceTransportPolicy;
}
