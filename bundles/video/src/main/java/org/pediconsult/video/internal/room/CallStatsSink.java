package org.pediconsult.video.internal.room;

import java.time.Instant;

import org.pediconsult.video.api.RoomRole;

/** Stores call-quality samples per consultation session. */
public interface CallStatsSink {
    void store(String consultationId, RoomRole role, String username, Instant at, CallSample sample);
}
