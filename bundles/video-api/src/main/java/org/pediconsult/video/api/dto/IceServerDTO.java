package org.pediconsult.video.api.dto;

import java.util.List;

/**
 * One entry of {@code RTCConfiguration.iceServers}: STUN servers have only {@code urls}; TURN servers
 * also a time-limited {@code username} and {@code credential}. @since 1.0
 */
public class IceServerDTO {
    public List<String> urls;
    public String username;
    public String credential;
}
