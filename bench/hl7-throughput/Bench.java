import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.validation.impl.NoValidation;
import org.HdrHistogram.Histogram;

/**
 * HL7 throughput benchmark (not a test), launched as a single-file program:
 *
 *   java -cp <hapi-base, hapi-structures-v251, slf4j-api, HdrHistogram> Bench.java load HOST PORT CONNECTIONS WARMUP_S SECONDS A04|A01 LABEL
 *   java -cp ... Bench.java bare PORT
 *
 * load: CONNECTIONS MLLP connections, each sending synthetic ADT messages (Chinese names, a new
 * patient and a unique MSH-10 each) back to back, one in flight per connection; after WARMUP_S
 * seconds it records each ACK's latency (write of the frame to the end of the ACK read) for SECONDS
 * seconds, checks that every ACK is AA for the right control id, and prints one RESULT line.
 * bare: a HAPI receiver (HapiContext.newServer, a thread per connection) that parses with the same
 * model as the bridge (2.5.1 canonical, no validation) and answers message.generateACK(): no store.
 */
public class Bench {
    private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "唐"};
    private static final String[] GIVEN = {"小明", "思远", "梓涵", "一诺", "浩宇", "欣怡", "子轩", "雨桐", "宇航", "诗涵", "俊杰", "可馨"};
    private static final String[] PARENT = {"丽", "建国", "秀英", "伟", "芳", "军", "静", "强"};
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    public static void main(String[] args) throws Exception {
        if ("bare".equals(args[0])) {
            bare(Integer.parseInt(args[1]));
        } else {
            load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), args[6], args[7]);
        }
    }

    static void bare(int port) throws Exception {
        HapiContext hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        hapi.setValidationContext(new NoValidation());
        HL7Service server = hapi.newServer(port, false);
        server.registerApplication("*", "*", new ReceivingApplication<Message>() {
            @Override
            public Message processMessage(Message message, Map<String, Object> metadata) {
                try {
                    return message.generateACK();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean canProcess(Message message) {
                return true;
            }
        });
        server.startAndWait();
        System.out.println("bare HAPI receiver listening on " + port);
        Thread.currentThread().join();
    }

    static String adt(String event, String controlId, long n) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String family = FAMILY[r.nextInt(FAMILY.length)];
        String now = LocalDateTime.now().format(TS);
        String dob = String.format("20%02d%02d%02d", 12 + r.nextInt(12), 1 + r.nextInt(12), 1 + r.nextInt(28));
        return "MSH|^~\\&|HIS|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|" + now + "||ADT^" + event + "^ADT_A01|"
                + controlId + "|P|2.5.1|||AL|NE|CHN|UNICODE UTF-8\r"
                + "EVN|" + event + "|" + now + "|||OP1001^李^医生\r"
                + "PID|1||BENCH-" + controlId + "^^^PILOT1^MR~11010" + (1000000 + n % 9000000) + "^^^CHN^NNCHN||"
                + family + "^" + GIVEN[r.nextInt(GIVEN.length)] + "^^^^^L||" + dob + "|" + (r.nextBoolean() ? "M" : "F")
                + "|||朝阳区建国路88号^^北京^北京^100022^CHN^H||^PRN^PH^^86^10^" + (60000000 + r.nextInt(30000000))
                + "|||||||||||汉族\r"
                + "NK1|1|" + family + "^" + PARENT[r.nextInt(PARENT.length)] + "|MTH^Mother^HL70063||^PRN^CP^^86^^139"
                + (10000000 + r.nextInt(80000000)) + "\r"
                + "PV1|1|O|PED^^^PILOT1^^^^^儿科门诊||||D1001^王^医生|||PED||||1|||D1001^王^医生|OP|V" + n + "\r";
    }

    static byte[] frame(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[body.length + 3];
        f[0] = 0x0b;
        System.arraycopy(body, 0, f, 1, body.length);
        f[f.length - 2] = 0x1c;
        f[f.length - 1] = 0x0d;
        return f;
    }

    static String readAck(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != 0x0b) {
            if (b < 0) {
                throw new IOException("connection closed before an ACK");
            }
        }
        ByteArrayOutputStream ack = new ByteArrayOutputStream(256);
        while ((b = in.read()) != 0x1c) {
            if (b < 0) {
                throw new IOException("connection closed inside an ACK");
            }
            ack.write(b);
        }
        in.read();
        return ack.toString(StandardCharsets.UTF_8);
    }

    static void load(String host, int port, int connections, int warmup, int seconds, String event, String label)
            throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long measureTo = measureFrom + seconds * 1_000_000_000L;
        AtomicLong notAa = new AtomicLong();
        AtomicLong counted = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < connections; c++) {
            Histogram h = new Histogram(60_000_000_000L, 3);
            histograms.add(h);
            int conn = c;
            Thread t = new Thread(() -> {
                try (Socket s = new Socket(host, port)) {
                    s.setTcpNoDelay(true);
                    s.setSoTimeout(60_000);
                    OutputStream out = s.getOutputStream();
                    InputStream in = new BufferedInputStream(s.getInputStream());
                    for (long i = 0; ; i++) {
                        String id = label + "-" + run + "-" + conn + "-" + i;
                        byte[] f = frame(adt(event, id, i));
                        long t0 = System.nanoTime();
                        if (t0 >= measureTo) {
                            break;
                        }
                        out.write(f);
                        out.flush();
                        String ack = readAck(in);
                        long t1 = System.nanoTime();
                        sent.incrementAndGet();
                        if (!ack.contains("\rMSA|AA|" + id)) {
                            if (notAa.incrementAndGet() <= 3) {
                                System.err.println("not AA for " + id + ": " + ack.replace('\r', '\n'));
                            }
                        }
                        if (t0 >= measureFrom && t1 <= measureTo) {
                            h.recordValue(t1 - t0);
                            counted.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "conn-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Histogram all = new Histogram(60_000_000_000L, 3);
        histograms.forEach(all::add);
        double rate = counted.get() / (double) seconds;
        System.out.printf("RESULT label=%s type=ADT^%s connections=%d seconds=%d acks=%d msg_per_s=%.0f p50_ms=%.2f p99_ms=%.2f "
                        + "p999_ms=%.2f max_ms=%.2f not_aa=%d errors=%d total_sent=%d%n", label, event, connections, seconds,
                counted.get(), rate, all.getValueAtPercentile(50) / 1e6, all.getValueAtPercentile(99) / 1e6,
                all.getValueAtPercentile(99.9) / 1e6, all.getMaxValue() / 1e6, notAa.get(), failures.size(), sent.get());
        for (Throwable f : failures) {
            System.err.println("connection failed: " + f);
        }
    }
}
