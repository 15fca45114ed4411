package org.pediconsult.video.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.websocket.CloseReason;
import javax.websocket.OnClose;
import javax.websocket.OnError;
import javax.websocket.OnMessage;
import javax.websocket.OnOpen;
import javax.websocket.Session;
import javax.websocket.server.ServerEndpoint;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.pediconsult.video.internal.room.Peer;
import org.pediconsult.video.internal.room.SignalingHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ws(s)://host:8181/video/signal}: the JSR 356 endpoint {@code /signal} in the video bundle's
 * servlet context {@code /video} ({@link VideoServletContext}), registered with Pax Web's whiteboard:
 * a service whose object is this {@code @ServerEndpoint} instance, with the property
 * {@value #WHITEBOARD_PROPERTY}{@code =true} and the context selected by name. Pax Web serves every socket with this one instance, so
 * per-socket state lives in {@link #peers}, keyed by the session.
 */
@Component(service = SignalingEndpoint.class, property = {SignalingEndpoint.WHITEBOARD_PROPERTY + "=true",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=" + VideoServletContext.SELECT})
@ServerEndpoint("/signal")
public class SignalingEndpoint {
    static final String WHITEBOARD_PROPERTY = "org.ops4j.pax.web.http.whiteboard.websocket";
    private static final Logger LOG = LoggerFactory.getLogger(SignalingEndpoint.class);
    private static final int MAX_MESSAGE = 64 * 1024;
    /** Jetty's (JSR 356 implementation) user property with the socket's remote InetSocketAddress. */
    static final String REMOTE_ADDRESS = "javax.websocket.endpoint.remoteAddress";
    /** Clients send a ping or stats at least every 30 s; a socket silent for longer is dead. */
    private static final long IDLE_MILLIS = 90_000;

    private final VideoRooms rooms;
    private final Map<String, SessionPeer> peers = new ConcurrentHashMap<>();

    @Activate
    public SignalingEndpoint(@Reference VideoRooms rooms) {
        this.rooms = rooms;
    }

    @OnOpen
    public void onOpen(Session session) {
        session.setMaxTextMessageBufferSize(MAX_MESSAGE);
        session.setMaxIdleTimeout(IDLE_MILLIS);
        SessionPeer peer = new SessionPeer(session);
        peers.put(session.getId(), peer);
        rooms.afterAuthTimeout(() -> hub().authDeadline(peer));
    }

    @OnMessage
    public void onMessage(Session session, String text) {
        SessionPeer peer = peers.get(session.getId());
        if (peer != null) {
            hub().message(peer, text);
        }
    }

    @OnClose
    public void onClose(Session session, CloseReason reason) {
        SessionPeer peer = peers.remove(session.getId());
        if (peer != null) {
            hub().closed(peer);
        }
    }

    @OnError
    public void onError(Session session, Throwable error) {
        // the close follows; only the kind of error is logged (messages may carry SDP with addresses)
        LOG.debug("signaling socket error: {}", error.getClass().getName());
    }

    private SignalingHub hub() {
        return rooms.hub();
    }

    @Deactivate
    void deactivate() {
        for (SessionPeer p : peers.values()) {
            p.close(SignalingHub.GOING_AWAY, "server shutting down");
        }
        peers.clear();
    }

    /** A JSR 356 session as a {@link Peer}: sends serialised per session (basic remotes are not thread-safe). */
    private static final class SessionPeer implements Peer {
        private final Session session;

        SessionPeer(Session session) {
            this.session = session;
        }

        @Override
        public String id() {
            return session.getId();
        }

        /** Jetty puts the peer's InetSocketAddress into each socket's user properties under this key. */
        @Override
        public String address() {
            Object peer = session.getUserProperties().get(REMOTE_ADDRESS);
            if (peer instanceof java.net.InetSocketAddress) {
                java.net.InetSocketAddress socket = (java.net.InetSocketAddress) peer;
                return socket.getAddress() != null ? socket.getAddress().getHostAddress() : socket.getHostString();
            }
            return null;
        }

        @Override
        public String room() {
            java.util.List<String> room = session.getRequestParameterMap().get("room");
            return room == null || room.isEmpty() ? null : room.get(0);
        }

        @Override
        public void send(String json) {
            synchronized (this) {
                if (!session.isOpen()) {
                    return;
                }
                try {
                    session.getBasicRemote().sendText(json);
                } catch (IOException | IllegalStateException e) {
                    LOG.debug("signaling send failed: {}", e.getClass().getName());
                }
            }
        }

        @Override
        public void close(int code, String reason) {
            try {
                byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
                String shortReason = bytes.length <= 123 ? reason : reason.substring(0, 60);
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), shortReason));
            } catch (IOException | IllegalStateException e) {
                LOG.debug("signaling close failed: {}", e.getClass().getName());
            }
        }
    }
}
