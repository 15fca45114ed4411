package org.pediconsult.video.internal.room;

/** What the signaling server learned about a call ({@code video_call_event.kind}, migration V3). */
public enum CallEventKind {
    /** Both seats in the room and the guardian admitted: a connected stretch begins. */
    CONNECTED,
    /** The connected stretch ended (with how many seconds it lasted). */
    DISCONNECTED,
    /** A new socket of a role replaced its old one, or its page kept its peer connection (resume). */
    RECONNECTED,
    /** A side stopped sending video (the reason: poor-connection, user, retry, other). */
    AUDIO_ONLY,
    /** That side sends video again. */
    VIDEO_ON
}
