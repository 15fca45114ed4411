package org.pediconsult.hl7.internal.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A raw-socket MLLP peer, so tests can send broken framing that a proper client never would. */
final class MllpTestClient implements AutoCloseable {
    static final byte START = 0x0b;
    static final byte END = 0x1c;
    static final byte CR = 0x0d;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    MllpTestClient(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    /** Over a socket the caller opened (e.g. a TLS one). */
    MllpTestClient(Socket connected) throws IOException {
        socket = connected;
        socket.setSoTimeout(20_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static byte[] frame(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[body.length + 3];
        framed[0] = START;
        System.arraycopy(body, 0, framed, 1, body.length);
        framed[body.length + 1] = END;
        framed[body.length + 2] = CR;
        return framed;
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    String send(String message) throws IOException {
        write(frame(message));
        return readAck();
    }

    /** Reads one framed answer. */
    String readAck() throws IOException {
        int b;
        while ((b = in.read()) != START) {
            if (b < 0) {
                throw new IOException("connection closed before an ACK");
            }
        }
        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        while ((b = in.read()) != END) {
            if (b < 0) {
                throw new IOException("connection closed inside an ACK");
            }
            ack.write(b);
        }
        in.read();
        return ack.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
