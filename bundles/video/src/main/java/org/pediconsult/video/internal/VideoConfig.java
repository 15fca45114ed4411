package org.pediconsult.video.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.pediconsult.video.cfg}: ICE servers, TURN credentials, room tokens, the socket. */
@ObjectClassDefinition(name = "PediConsult video", description = "WebRTC signaling rooms, room tokens and ICE servers")
@interface VideoConfig {
    String PID = "org.pediconsult.video";

    @AttributeDefinition(name = "STUN URLs", description = "Comma-separated, e.g. stun:turn.hospital.example:3478; empty: none")
    String stun_urls() default "";

    @AttributeDefinition(name = "TURN URLs", description = "Comma-separated, e.g. turn:turn.hospital.example:3478?transport=udp,"
            + "turns:turn.hospital.example:5349; empty: no TURN")
    String turn_urls() default "";

    @AttributeDefinition(name = "TURN shared secret", description = "coturn's static-auth-secret (use-auth-secret); "
            + "credentials are HMAC-SHA1 of '<expiry>:<user>' with it", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String turn_secret() default "";

    @AttributeDefinition(name = "TURN credential lifetime (s)", description = "How long a minted TURN credential stays valid")
    int turn_credential_ttl_seconds() default 3600;

    @AttributeDefinition(name = "ICE transport policy", description = "all (host, STUN and TURN candidates) or relay (TURN only)")
    String ice_transport_policy() default "all";

    @AttributeDefinition(name = "Room token lifetime (s)", description = "How long a room token may be used to connect; "
            + "the socket stays open after")
    int room_token_ttl_seconds() default 120;

    @AttributeDefinition(name = "Room key file", description = "JWK file with the room tokens' HMAC key; generated on first "
            + "start (empty: <karaf.data>/pediconsult/video-room-key.json). Cluster nodes must share it")
    String room_key_file() default "";

    @AttributeDefinition(name = "Authentication timeout (s)", description = "A socket that has not sent a valid auth message "
            + "by then is closed")
    int auth_timeout_seconds() default 5;

    @AttributeDefinition(name = "Presence grace (ms)", description = "A guardian whose socket closes is reported as left only "
            + "if they have not reconnected within this time (0: at once)")
    int presence_grace_millis() default 1500;

    @AttributeDefinition(name = "Call-quality retention (days)", description = "Call-quality samples older than this are "
            + "deleted (checked every 6 hours); 0 keeps them")
    int stats_retention_days() default 400;
}
