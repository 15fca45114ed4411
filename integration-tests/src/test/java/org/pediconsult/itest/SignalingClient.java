package org.pediconsult.itest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A signaling client on java.net.http.WebSocket: collects the JSON messages and the close. */
final class SignalingClient implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    /** "<status> <reason>" once the server closed the socket. */
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private WebSocket socket;

    static SignalingClient connect(int port) {
        return connect(port, "/video/signal");
    }

    /** Connects to a path (with its query, e.g. the room token's signalingPath {@code /video/signal?room=<id>}). */
    static SignalingClient connect(int port, String path) {
        return connect(HttpClient.newHttpClient(), URI.create("ws://localhost:" + port + path));
    }

    /** Connects to any address with the given client: {@code wss://} with a client that trusts the server's certificate. */
    static SignalingClient connect(HttpClient http, URI uri) {
        SignalingClient client = new SignalingClient();
        client.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, client).join();
        return client;
    }

    /** Connects and authenticates with a room token. */
    static SignalingClient join(int port, String roomToken) throws Exception {
        SignalingClient client = connect(port);
        client.send(Map.of("type", "auth", "token", roomToken));
        return client;
    }

    void send(Object message) throws Exception {
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    }

    /** Closes from the client side (the tab closed). */
    void leave() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The next message of this type, skipping others; fails after 15 s. */
    JsonNode next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            JsonNode m = messages.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && type.equals(m.path("type").asText())) {
                return m;
            }
        }
        throw new AssertionError("no '" + type + "' message within 15 s");
    }

    String awaitClose() throws Exception {
        return closed.get(15, TimeUnit.SECONDS);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete("error " + error);
    }
}
