package org.pediconsult.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The sending side of MLLP (a start block 0x0b, the message, an end block 0x1c 0x0d) for the HL7 tests. */
final class Mllp {
    private Mllp() {
    }

    /** Sends one framed message and answers the ACK that comes back. */
    static String exchange(Socket socket, String message) throws IOException {
        send(socket, frame(message));
        return readAck(socket);
    }

    static byte[] frame(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[body.length + 3];
        frame[0] = 0x0b;
        System.arraycopy(body, 0, frame, 1, body.length);
        frame[body.length + 1] = 0x1c;
        frame[body.length + 2] = 0x0d;
        return frame;
    }

    static void send(Socket socket, byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** The next framed answer on the socket. */
    static String readAck(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        int b;
        while ((b = in.read()) != 0x0b) {
            if (b < 0) {
                throw new IOException("connection closed without an ACK");
            }
        }
        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        while ((b = in.read()) != 0x1c) {
            if (b < 0) {
                throw new IOException("connection closed inside an ACK");
            }
            ack.write(b);
        }
        if (in.read() != 0x0d) {
            throw new IOException("ACK frame does not end with 0x1c 0x0d");
        }
        return ack.toString(StandardCharsets.UTF_8);
    }

    /** MSA-n of an ACK, or "" when it has none. */
    static String msa(String ack, int field) {
        for (String segment : ack.split("\r")) {
            if (segment.startsWith("MSA|")) {
                String[] f = segment.split("\\|");
                return f.length > field ? f[field] : "";
            }
        }
        return "";
    }
}
