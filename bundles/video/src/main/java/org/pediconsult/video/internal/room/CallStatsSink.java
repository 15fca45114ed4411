package org.pediconsult.video.internal.room;

import java.time.Instant;

import org.pediconsult.video.api.RoomRole;

/** Stores call-quality samples per consultation session, and what the server learns about the call. */
public interface CallStatsSink {
    void store(String consultationId, RoomRole role, String username, Instant at, CallSample sample);

    /**
     * A call event ({@code video_call_event}): {@code role} may be null (a room closing), {@code detail}
     * a short code (never client text), {@code seconds} only for {@link CallEventKind#DISCONNECTED}.
     */
    default void event(String consultationId, RoomRole role, CallEventKind kind, String detail, Integer seconds,
                       Instant at) {
    }
}
