package org.pediconsult.hl7.internal.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A HIS receiver for outbound tests: a real MLLP server socket that answers each frame as its
 * {@code answer} function says (AA, AE, AR, or null for no answer at all), records what it got, and
 * can be stopped and started again on the same port.
 */
final class TestReceiver implements AutoCloseable {
    /** One frame received: its MSH-10, MSH-9 and PID-3 (first id). */
    record Received(String controlId, String type, String patient, String raw) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile Function<Received, String> answer = r -> "AA";
    private volatile ServerSocket server;

    TestReceiver(int port) {
        this.port = port;
    }

    void answer(Function<Received, String> how) {
        this.answer = how;
    }

    synchronized void start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = s;
        Thread accept = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket socket = s.accept();
                    Thread t = new Thread(() -> serve(socket), "test-receiver-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "test-receiver");
        accept.setDaemon(true);
        accept.start();
    }

    synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private void serve(Socket socket) {
        open.add(socket);
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String frame = readFrame(in);
                if (frame == null) {
                    return;
                }
                Received r = parse(frame);
                received.add(r);
                String code = answer.apply(r);
                if (code == null) {
                    continue;   // silent: the sender's ACK timeout must fire
                }
                String ack = "MSH|^~\\&|HIS|HOSP|PEDICONSULT|PEDICONSULT|20261125083000||ACK|A" + r.controlId() + "|P|2.5.1\r"
                        + "MSA|" + code + "|" + r.controlId() + "\r"
                        + (code.equals("AA") || code.equals("CA") ? "" : "ERR||PID^1^3|204|E||||未知患者 unknown patient\r");
                out.write(0x0b);
                out.write(ack.getBytes(StandardCharsets.UTF_8));
                out.write(new byte[] {0x1c, 0x0d});
                out.flush();
            }
        } catch (IOException closed) {
            // the test stopped the receiver, or the sender went away
        } finally {
            open.remove(socket);
        }
    }

    private static String readFrame(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
            if (b < 0) {
                return null;
            }
        } while (b != 0x0b);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while ((b = in.read()) >= 0) {
            if (b == 0x1c) {
                in.read();
                return buf.toString(StandardCharsets.UTF_8);
            }
            buf.write(b);
        }
        return null;
    }

    private static Received parse(String frame) {
        String controlId = "";
        String type = "";
        String patient = "";
        for (String seg : frame.split("\r")) {
            String[] f = seg.split("\\|", -1);
            if (f[0].equals("MSH")) {
                controlId = f[9];
                String[] t = f[8].split("\\^");
                type = t[0] + "^" + (t.length > 1 ? t[1] : "");
            } else if (f[0].equals("PID") && f.length > 3) {
                patient = f[3].split("\\^")[0];
            }
        }
        return new Received(controlId, type, patient, frame);
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
