package org.pediconsult.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A hospital's receiving interface for the outbound tests: a real MLLP server socket that answers
 * each message as told (AA, AE, AR) and records what it got; it can be down and come back.
 */
final class HisReceiver implements AutoCloseable {
    /** One message received: MSH-10, MSH-9 (type^event) and the raw text. */
    record Received(String controlId, String type, String raw) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Function<Received, String> answer = r -> "AA";
    private volatile ServerSocket server;

    HisReceiver(int port) {
        this.port = port;
    }

    void answer(Function<Received, String> how) {
        answer = how;
    }

    synchronized void start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = s;
        Thread accept = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket socket = s.accept();
                    open.add(socket);
                    Thread t = new Thread(() -> serve(socket), "his-receiver-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "his-receiver");
        accept.setDaemon(true);
        accept.start();
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                int b;
                do {
                    b = in.read();
                    if (b < 0) {
                        return;
                    }
                } while (b != 0x0b);
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                while ((b = in.read()) != 0x1c) {
                    if (b < 0) {
                        return;
                    }
                    buf.write(b);
                }
                in.read();
                String raw = buf.toString(StandardCharsets.UTF_8);
                String[] msh = raw.split("\r")[0].split("\\|", -1);
                String[] type = msh[8].split("\\^");
                Received r = new Received(msh[9], type[0] + "^" + type[1], raw);
                received.add(r);
                String code = answer.apply(r);
                String ack = "MSH|^~\\&|HIS|HOSP|PEDICONSULT|PEDICONSULT|20261125083000||ACK|A" + r.controlId()
                        + "|P|2.5.1\rMSA|" + code + "|" + r.controlId() + "\r"
                        + ("AA".equals(code) ? "" : "ERR||SCH^1^1|207|E||||预约号已存在 appointment already exists\r");
                out.write(0x0b);
                out.write(ack.getBytes(StandardCharsets.UTF_8));
                out.write(new byte[] {0x1c, 0x0d});
                out.flush();
            }
        } catch (IOException closed) {
            // stopped by the test, or the sender closed
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket s : open) {
            s.close();
        }
    }
}
