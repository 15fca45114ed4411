package org.pediconsult.video.internal.room;

/** One signaling socket as the room sees it; the WebSocket adapter implements it, tests fake it. */
public interface Peer {
    /** Unique per socket. */
    String id();

    /** Sends one JSON text; best effort, never throws (a dead socket reports its close separately). */
    void send(String json);

    /**
     * The {@code room} query parameter of the socket's URL ({@code /video/signal?room=<consultation>}),
     * or null: it lets a load balancer keep a room's sockets on one node; it must match the room token.
     */
    default String room() {
        return null;
    }

    /**
     * The client's address (the socket's TCP peer), or null when the container does not tell: video
     * room sign-ins are rate-limited per address.
     */
    default String address() {
        return null;
    }

    /** Closes the socket with a close code and a short reason (at most 123 bytes). */
    void close(int code, String reason);
}
