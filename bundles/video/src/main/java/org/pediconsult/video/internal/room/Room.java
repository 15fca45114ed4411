package org.pediconsult.video.internal.room;

import java.util.EnumMap;
import java.util.Map;

import org.pediconsult.video.api.RoomRole;

/** One consultation's call: at most one socket per role, and whether the guardian has been admitted. */
final class Room {
    final String consultationId;
    private final Map<RoomRole, Seat> seats = new EnumMap<>(RoomRole.class);
    /** A cache of the consultation state (admitted means IN_PROGRESS or PAUSED): set at join and on admit. */
    boolean guardianAdmitted;
    /** Since when both seats are in the room with the guardian admitted (null: not connected), for the call events. */
    java.time.Instant connectedSince;
    /** The roles that stopped sending video, with the reason (an AUDIO_ONLY event is recorded once per stretch). */
    final Map<RoomRole, String> videoOff = new EnumMap<>(RoomRole.class);

    Room(String consultationId) {
        this.consultationId = consultationId;
    }

    Seat seat(RoomRole role) {
        return seats.get(role);
    }

    Seat put(Seat seat) {
        return seats.put(seat.claims.role(), seat);
    }

    void remove(Seat seat) {
        seats.remove(seat.claims.role(), seat);
    }

    Seat other(RoomRole role) {
        return seats.get(role == RoomRole.PHYSICIAN ? RoomRole.GUARDIAN : RoomRole.PHYSICIAN);
    }

    /** Both seats taken and the guardian admitted. */
    boolean bothIn() {
        return guardianAdmitted && seats.containsKey(RoomRole.PHYSICIAN) && seats.containsKey(RoomRole.GUARDIAN);
    }

    boolean empty() {
        return seats.isEmpty();
    }

    Iterable<Seat> seats() {
        return seats.values();
    }
}
