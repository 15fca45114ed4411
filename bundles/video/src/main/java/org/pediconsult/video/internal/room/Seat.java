package org.pediconsult.video.internal.room;

import java.time.Instant;

import org.pediconsult.video.api.RoomClaims;

/** A socket that authenticated: whose it is, in which room and role. Guarded by the hub's lock. */
final class Seat {
    final Peer peer;
    final RoomClaims claims;
    /** Replaced by a newer socket of the same role, or closed with its room: its close reports nothing. */
    boolean superseded;
    Instant lastSample = Instant.EPOCH;
    /** False until this socket was sent its welcome: messages for it wait in {@link #pending} (guarded by the hub). */
    boolean welcomed;
    final java.util.List<String> pending = new java.util.ArrayList<>();

    Seat(Peer peer, RoomClaims claims) {
        this.peer = peer;
        this.claims = claims;
    }
}
