package org.pediconsult.video.internal.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pediconsult.consultation.api.ConsultationSessions;
import org.pediconsult.consultation.api.ConsultationState;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.security.RateLimits;
import org.pediconsult.video.api.IceServers;
import org.pediconsult.video.api.RoomClaims;
import org.pediconsult.video.api.RoomRole;
import org.pediconsult.video.api.RoomTokenRefusedException;
import org.pediconsult.video.api.RoomTokens;
import org.pediconsult.video.api.dto.IceConfigurationDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signaling protocol (bundles/video/README.md): authentication by room token as the first
 * message (rate-limited per client address: {@link RateLimits#ROOM_SIGN_IN}), one room per consultation with one socket per role, the guardian's lobby, relay of
 * offer/answer/candidate/restart/media between the two seats of a room only, call-quality samples, presence.
 *
 * <p>Room state is guarded by this object's lock; calls that reach the database (admission, presence,
 * stats, audit) run outside it. Whether the guardian is admitted follows the consultation's state,
 * the one source of truth: IN_PROGRESS or PAUSED means admitted.
 */
public final class SignalingHub {
    public static final int POLICY_VIOLATION = 1008;
    public static final int NORMAL = 1000;
    public static final int GOING_AWAY = 1001;
    /** Application close code: another socket of the same user and role took this one's seat. */
    public static final int REPLACED = 4001;

    private static final Logger LOG = LoggerFactory.getLogger(SignalingHub.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RELAYED = Set.of("offer", "answer", "candidate", "restart", "media");
    /** Why a client stopped or restarted sending video ({@code media} messages); anything else is stored as "other". */
    private static final Set<String> MEDIA_REASONS = Set.of("poor-connection", "user", "retry");
    private static final Duration MIN_SAMPLE_INTERVAL = Duration.ofMillis(900);

    private final RoomTokens tokens;
    private final IceServers ice;
    private final ConsultationSessions sessions;
    private final Presence presence;
    private final CallStatsSink stats;
    private final AuditTrail audit;
    private final RateLimits rateLimits;
    private final Clock clock;

    private final Map<String, Room> rooms = new HashMap<>();
    private final Map<String, Seat> seats = new HashMap<>();
    private volatile boolean unknownAddressLogged;
    /** Sockets that lost their seat (room closed, seat taken over) and are being closed by us: their last messages are dropped. */
    private final Set<String> unseated = new HashSet<>();

    public SignalingHub(RoomTokens tokens, IceServers ice, ConsultationSessions sessions, Presence presence,
                        CallStatsSink stats, AuditTrail audit, RateLimits rateLimits, Clock clock) {
        this.tokens = tokens;
        this.ice = ice;
        this.sessions = sessions;
        this.presence = presence;
        this.stats = stats;
        this.audit = audit;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    /** A call event noted under the lock and written after it (the table is in the database). */
    private record CallEvent(String consultationId, RoomRole role, CallEventKind kind, String detail, Integer seconds,
                             Instant at) {
    }

    private void write(List<CallEvent> events) {
        for (CallEvent e : events) {
            try {
                stats.event(e.consultationId(), e.role(), e.kind(), e.detail(), e.seconds(), e.at());
            } catch (RuntimeException ex) {
                LOG.warn("call event of consultation {} not stored: {}", e.consultationId(), ex.toString());
            }
        }
    }

    /** Under the lock: the room's connected stretch begins when both are in and the guardian admitted. */
    private static void maybeConnected(Room room, Instant now, List<CallEvent> events) {
        if (room.connectedSince == null && room.bothIn()) {
            room.connectedSince = now;
            events.add(new CallEvent(room.consultationId, null, CallEventKind.CONNECTED, null, null, now));
        }
    }

    /** Under the lock: the room's connected stretch (if any) ends. */
    private static void disconnected(Room room, RoomRole role, String detail, Instant now, List<CallEvent> events) {
        if (room.connectedSince != null) {
            long seconds = Math.max(0, Duration.between(room.connectedSince, now).getSeconds());
            room.connectedSince = null;
            events.add(new CallEvent(room.consultationId, role, CallEventKind.DISCONNECTED, detail,
                    (int) Math.min(Integer.MAX_VALUE, seconds), now));
        }
    }

    /** One text message from a socket. */
    public void message(Peer peer, String text) {
        JsonNode msg;
        try {
            msg = JSON.readTree(text);
        } catch (Exception e) {
            msg = null;
        }
        String type = msg != null && msg.isObject() ? msg.path("type").asText("") : "";
        Seat seat;
        synchronized (this) {
            seat = seats.get(peer.id());
            if (seat == null && unseated.contains(peer.id())) {
                // a message that crossed our closing of this socket (e.g. stats while the room closes): the
                // closed message and close code 1000/4001 are on their way, not a policy violation
                return;
            }
        }
        if (seat == null) {
            if ("auth".equals(type)) {
                authenticate(peer, msg);
            } else {
                peer.close(POLICY_VIOLATION, "authenticate first with a room token");
            }
            return;
        }
        if (RELAYED.contains(type)) {
            if ("media".equals(type)) {
                media(seat, (ObjectNode) msg);
            }
            relay(seat, (ObjectNode) msg);
        } else if ("admit".equals(type)) {
            admit(seat);
        } else if ("stats".equals(type)) {
            sample(seat, msg);
        } else if ("ping".equals(type)) {
            peer.send(object("pong").toString());
        } else {
            peer.send(error("unknown_type", "unknown or repeated message type").toString());
        }
    }

    /**
     * The authentication deadline passed: a socket that never authenticated is closed. A socket we are
     * closing ourselves (room closed, seat taken over) lost its seat but did authenticate: it gets its
     * closed message and 1000 (or 4001), not 1008.
     */
    public void authDeadline(Peer peer) {
        synchronized (this) {
            if (seats.containsKey(peer.id()) || unseated.contains(peer.id())) {
                return;
            }
        }
        peer.close(POLICY_VIOLATION, "no room token in time");
    }

    private void authenticate(Peer peer, JsonNode msg) {
        // counted before the token is looked at: a flood of guessed or replayed tokens is cut off cheaply
        String address = peer.address();
        if (address != null) {
            RateLimits.Admission admission = rateLimits.admit(RateLimits.ROOM_SIGN_IN, address);
            if (!admission.isAllowed()) {
                refuse(peer, null, null, "too many sign-ins from this address; try again in "
                        + admission.retryAfterSeconds() + " s");
                return;
            }
        } else if (!unknownAddressLogged) {
            unknownAddressLogged = true;
            LOG.warn("the WebSocket container does not tell the client address: room sign-ins are not rate-limited");
        }
        RoomClaims claims;
        try {
            claims = tokens.verify(msg.path("token").asText(null));
        } catch (RoomTokenRefusedException e) {
            refuse(peer, null, peer.room(), e.getMessage());
            return;
        }
        String asked = msg.path("consultationId").asText(null);
        if (asked != null && !asked.equals(claims.consultationId())
                || peer.room() != null && !peer.room().equals(claims.consultationId())) {
            refuse(peer, claims.username(), peer.room(), "the room token is for another consultation");
            return;
        }
        String cid = claims.consultationId();
        ConsultationState state = sessions.state(cid);
        if (state == null || state.terminal()) {
            peer.send(closed(cid, state == null ? "unknown" : reasonOf(state)).toString());
            peer.close(NORMAL, "the consultation has ended");
            return;
        }
        RoomRole role = claims.role();
        IceConfigurationDTO iceConfig = ice.forUser(claims.username());
        Seat seat = new Seat(peer, claims);
        Seat previous;
        List<String> own = new ArrayList<>();
        List<Runnable> sends = new ArrayList<>();
        List<CallEvent> events = new ArrayList<>();
        Instant now = clock.instant();
        synchronized (this) {
            Room room = rooms.computeIfAbsent(cid, Room::new);
            if (state == ConsultationState.IN_PROGRESS || state == ConsultationState.PAUSED) {
                room.guardianAdmitted = true;
            }
            previous = room.put(seat);
            seats.put(peer.id(), seat);
            if (previous != null) {
                previous.superseded = true;
                seats.remove(previous.peer.id());
                unseated.add(previous.peer.id());
            }
            boolean reconnected = previous != null;
            // the client kept its peer connection across a new socket (network change): the physician restarts
            // ICE on the existing connection instead of negotiating a new one
            boolean resume = msg.path("resume").asBoolean(false);
            if (reconnected || resume) {
                events.add(new CallEvent(cid, role, CallEventKind.RECONNECTED, null, null, now));
            }
            maybeConnected(room, now, events);
            Seat other = room.other(role);
            ObjectNode welcome = object("welcome");
            welcome.put("role", role.name());
            welcome.put("consultationId", cid);
            welcome.set("iceServers", JSON.valueToTree(iceConfig.iceServers));
            welcome.put("iceTransportPolicy", iceConfig.iceTransportPolicy);
            welcome.put("admitted", role == RoomRole.PHYSICIAN || room.guardianAdmitted);
            ArrayNode peers = welcome.putArray("peers");
            if (other != null) {
                peers.addObject().put("role", other.claims.role().name())
                        .put("inLobby", other.claims.role() == RoomRole.GUARDIAN && !room.guardianAdmitted);
            }
            own.add(welcome.toString());
            if (role == RoomRole.GUARDIAN && !room.guardianAdmitted) {
                String lobby = lobby(true).toString();
                own.add(lobby);
                if (other != null) {
                    sends.add(() -> deliver(other, lobby));
                }
            } else if (role == RoomRole.PHYSICIAN && other != null && !room.guardianAdmitted) {
                own.add(lobby(true).toString());
            } else if (other != null) {
                ObjectNode joined = object("peer-joined").put("role", role.name()).put("reconnected", reconnected)
                        .put("resume", resume);
                sends.add(() -> deliver(other, joined.toString()));
            }
        }
        welcome(seat, own);
        sends.forEach(Runnable::run);
        write(events);
        if (previous != null) {
            previous.peer.close(REPLACED, "replaced by a new connection");
        }
        auditRoom(claims, peer, previous != null ? "rejoined" : "joined");
        if (role == RoomRole.GUARDIAN) {
            presence.guardianJoined(cid, previous != null);
        }
    }

    private void admit(Seat seat) {
        if (seat.claims.role() != RoomRole.PHYSICIAN) {
            seat.peer.send(error("forbidden", "only the physician admits").toString());
            return;
        }
        String cid = seat.claims.consultationId();
        try {
            sessions.admit(cid, seat.claims.username());
        } catch (ProblemException e) {
            seat.peer.send(error(e.code(), e.getMessage()).toString());
            return;
        } catch (RuntimeException e) {
            LOG.warn("admission of consultation {} failed: {}", cid, e.toString());
            seat.peer.send(error("admission_failed", "the admission failed; try again").toString());
            return;
        }
        Seat guardian;
        List<CallEvent> events = new ArrayList<>();
        synchronized (this) {
            Room room = rooms.get(cid);
            if (room == null || room.seat(RoomRole.PHYSICIAN) != seat) {
                return;
            }
            room.guardianAdmitted = true;
            guardian = room.seat(RoomRole.GUARDIAN);
            maybeConnected(room, clock.instant(), events);
        }
        write(events);
        String admitted = object("admitted").toString();
        seat.peer.send(admitted);
        if (guardian != null) {
            deliver(guardian, admitted);
            seat.peer.send(object("peer-joined").put("role", RoomRole.GUARDIAN.name()).put("reconnected", false).toString());
            deliver(guardian, object("peer-joined").put("role", RoomRole.PHYSICIAN.name()).put("reconnected", false)
                    .toString());
        }
        audit.record(new AuditEntry(seat.claims.username(), AuditEntry.Action.UPDATE, "video-room", cid, null,
                "guardian admitted from the lobby"));
    }

    private void relay(Seat seat, ObjectNode msg) {
        Seat other;
        boolean admitted;
        synchronized (this) {
            Room room = rooms.get(seat.claims.consultationId());
            other = room == null || room.seat(seat.claims.role()) != seat ? null : room.other(seat.claims.role());
            admitted = room != null && room.guardianAdmitted;
        }
        if (!admitted) {
            seat.peer.send(error("in_lobby", "the guardian is in the lobby until the physician admits them").toString());
            return;
        }
        if (other == null) {
            seat.peer.send(error("no_peer", "nobody else is in the room").toString());
            return;
        }
        msg.put("from", seat.claims.role().name());
        deliver(other, msg.toString());
    }

    /**
     * A participant stopped or resumed sending video (audio-only fallback or by hand): traceable in the
     * audit trail; the message itself is relayed so the other side can tell the user. Only the known
     * fields are passed on.
     */
    private void media(Seat seat, ObjectNode msg) {
        boolean video = msg.path("video").asBoolean(true);
        String reason = msg.path("reason").asText("");
        if (!MEDIA_REASONS.contains(reason)) {
            reason = "other";
        }
        msg.retain("type", "video");
        msg.put("reason", reason);
        // recorded once per change: the page repeats its audio-only state to a peer that (re)joins
        CallEvent event = null;
        RoomRole role = seat.claims.role();
        synchronized (this) {
            Room room = rooms.get(seat.claims.consultationId());
            if (room != null && room.seat(role) == seat) {
                if (!video && !room.videoOff.containsKey(role)) {
                    room.videoOff.put(role, reason);
                    event = new CallEvent(room.consultationId, role, CallEventKind.AUDIO_ONLY, reason, null, clock.instant());
                } else if (video && room.videoOff.remove(role) != null) {
                    event = new CallEvent(room.consultationId, role, CallEventKind.VIDEO_ON, reason, null, clock.instant());
                }
            }
        }
        if (event != null) {
            write(List.of(event));
        }
        try {
            audit.record(new AuditEntry(seat.claims.username(), AuditEntry.Action.UPDATE, "video-room",
                    seat.claims.consultationId(), null, seat.claims.role() + (video ? " video on (" : " audio only (") + reason + ")"));
        } catch (RuntimeException e) {
            LOG.warn("audit of video room {} failed: {}", seat.claims.consultationId(), e.toString());
        }
    }

    private void sample(Seat seat, JsonNode msg) {
        Instant now = clock.instant();
        Seat physician;
        synchronized (this) {
            if (Duration.between(seat.lastSample, now).compareTo(MIN_SAMPLE_INTERVAL) < 0) {
                return; // a client reporting faster than once a second is throttled, not stored
            }
            seat.lastSample = now;
            Room room = rooms.get(seat.claims.consultationId());
            physician = room == null ? null : room.seat(RoomRole.PHYSICIAN);
        }
        CallSample s = CallSample.of(msg);
        try {
            stats.store(seat.claims.consultationId(), seat.claims.role(), seat.claims.username(), now, s);
        } catch (RuntimeException e) {
            LOG.warn("call-quality sample of consultation {} not stored: {}", seat.claims.consultationId(), e.toString());
        }
        if (physician != null && physician != seat) {
            ObjectNode out = JSON.valueToTree(s);
            out.put("type", "stats");
            out.put("from", seat.claims.role().name());
            out.put("at", now.toString());
            deliver(physician, out.toString());
        }
    }

    /**
     * Sends a new seat its welcome (and lobby state) first, then whatever other sockets' threads sent it
     * meanwhile: the welcome is always a socket's first message.
     */
    private void welcome(Seat seat, List<String> first) {
        first.forEach(seat.peer::send);
        while (true) {
            List<String> waiting;
            synchronized (this) {
                if (seat.pending.isEmpty()) {
                    seat.welcomed = true;
                    return;
                }
                waiting = new ArrayList<>(seat.pending);
                seat.pending.clear();
            }
            waiting.forEach(seat.peer::send);
        }
    }

    /** A message to another seat: queued behind its welcome if that is still on its way. */
    private void deliver(Seat seat, String json) {
        synchronized (this) {
            if (!seat.welcomed) {
                seat.pending.add(json);
                return;
            }
        }
        seat.peer.send(json);
    }

    /** A socket closed (by its client, the network, or us). */
    public void closed(Peer peer) {
        Seat seat;
        Seat other = null;
        boolean admitted = false;
        List<CallEvent> events = new ArrayList<>();
        synchronized (this) {
            unseated.remove(peer.id());
            seat = seats.remove(peer.id());
            if (seat == null) {
                return;
            }
            Room room = rooms.get(seat.claims.consultationId());
            if (room != null) {
                room.remove(seat);
                disconnected(room, seat.claims.role(), "left", clock.instant(), events);
                other = room.other(seat.claims.role());
                admitted = room.guardianAdmitted;
                if (room.empty()) {
                    rooms.remove(room.consultationId);
                }
            }
        }
        write(events);
        auditRoom(seat.claims, seat.peer, "left");
        if (other != null) {
            if (seat.claims.role() == RoomRole.GUARDIAN && !admitted) {
                deliver(other, lobby(false).toString());
            } else {
                deliver(other, object("peer-left").put("role", seat.claims.role().name()).toString());
            }
        }
        if (seat.claims.role() == RoomRole.GUARDIAN) {
            presence.guardianLeft(seat.claims.consultationId());
        }
    }

    /** The consultation ended (completed, referred, cancelled, no-show): everyone is told and disconnected. */
    public void closeRoom(String consultationId, String reason) {
        List<Seat> closing = new ArrayList<>();
        List<CallEvent> events = new ArrayList<>();
        synchronized (this) {
            Room room = rooms.remove(consultationId);
            if (room == null) {
                return;
            }
            disconnected(room, null, reason, clock.instant(), events);
            for (Seat s : room.seats()) {
                s.superseded = true;
                seats.remove(s.peer.id());
                unseated.add(s.peer.id());
                closing.add(s);
            }
        }
        write(events);
        String msg = closed(consultationId, reason).toString();
        for (Seat s : closing) {
            s.peer.send(msg);
            s.peer.close(NORMAL, "consultation " + reason);
            auditRoom(s.claims, s.peer, "room closed: " + reason);
        }
    }

    /** Shutting down: every socket is closed with 1001 (clients reconnect to another node or later). */
    public void closeAll() {
        List<Seat> all;
        List<CallEvent> events = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            rooms.values().forEach(room -> disconnected(room, null, "shutdown", now, events));
            all = new ArrayList<>(seats.values());
            seats.clear();
            rooms.clear();
        }
        write(events);
        for (Seat s : all) {
            s.peer.close(GOING_AWAY, "server shutting down");
        }
    }

    /** Sockets with a seat, per room (for tests and the shell). */
    public synchronized Map<String, Integer> occupancy() {
        Map<String, Integer> out = new HashMap<>();
        rooms.forEach((id, room) -> {
            int n = 0;
            for (Seat ignored : room.seats()) {
                n++;
            }
            out.put(id, n);
        });
        return out;
    }

    private void auditRoom(RoomClaims claims, Peer peer, String what) {
        try {
            audit.record(new AuditEntry(claims.username(), AuditEntry.Action.READ, "video-room", claims.consultationId(),
                    null, claims.role() + " " + what).withClientAddress(peer.address()));
        } catch (RuntimeException e) {
            LOG.warn("audit of video room {} failed: {}", claims.consultationId(), e.toString());
        }
    }

    /** A refused sign-in: closed with 1008 and the reason, and audited (REFUSED) with where it came from. */
    private void refuse(Peer peer, String who, String room, String reason) {
        peer.close(POLICY_VIOLATION, reason);
        try {
            audit.record(new AuditEntry(who == null ? "anonymous" : who, AuditEntry.Action.REFUSED, "video-room", room,
                    null, "sign-in refused: " + reason).withClientAddress(peer.address()));
        } catch (RuntimeException e) {
            LOG.warn("audit of a refused video sign-in failed: {}", e.toString());
        }
    }

    static String reasonOf(ConsultationState state) {
        return state.name().toLowerCase().replace('_', '-');
    }

    private static ObjectNode object(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    private static ObjectNode lobby(boolean waiting) {
        return object("lobby").put("role", RoomRole.GUARDIAN.name()).put("waiting", waiting);
    }

    private static ObjectNode error(String code, String detail) {
        return object("error").put("code", code).put("detail", detail);
    }

    private static ObjectNode closed(String consultationId, String reason) {
        return object("closed").put("reason", reason).put("consultationId", consultationId);
    }
}
