package org.pediconsult.video.internal.room;

/** Where the room reports the guardian's presence (the consultation bundle's guardian rule, in production). */
public interface Presence {
    /** The guardian's socket joined; {@code reconnected} when it replaces one of theirs (a network change). */
    void guardianJoined(String consultationId, boolean reconnected);

    /** The guardian's socket closed without being replaced. */
    void guardianLeft(String consultationId);
}
