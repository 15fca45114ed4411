package org.pediconsult.itest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap of another JVM (the Karaf JVM) as the JDK's tools see it: {@code jcmd GC.run} for a full
 * collection, {@code jstat -gc} for the used heap (survivors + eden + old, in KB). {@link #watch()}
 * samples it every 100 ms in the background and keeps the highest value, so a large array that lives
 * only for a moment (or is garbage not collected yet) is seen.
 */
final class JvmHeap {
    private final long pid;
    private final Path bin;

    JvmHeap(ProcessHandle jvm) {
        this.pid = jvm.pid();
        // the tools of the JDK that runs the JVM, else those on the PATH
        Path java = jvm.info().command().map(Paths::get).orElse(null);
        this.bin = java != null && Files.isExecutable(java.resolveSibling("jstat")) ? java.getParent() : null;
    }

    private String tool(String name) {
        return bin == null ? name : bin.resolve(name).toString();
    }

    /** A full collection in the JVM; returns once it is done. */
    void collect() throws Exception {
        Process p = new ProcessBuilder(tool("jcmd"), Long.toString(pid), "GC.run").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("jcmd " + pid + " GC.run failed: " + out);
        }
    }

    /** The used heap now, in bytes. */
    long used() throws Exception {
        Process p = new ProcessBuilder(tool("jstat"), "-gc", Long.toString(pid)).redirectErrorStream(true).start();
        String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\n");
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || lines.length < 2) {
            throw new AssertionError("jstat -gc " + pid + " failed: " + String.join("\n", lines));
        }
        return usedOf(lines[0], lines[lines.length - 1]);
    }

    /** The used heap of one jstat -gc line, in bytes (its columns are named by the header). */
    private static long usedOf(String header, String line) {
        String[] names = header.trim().split("\\s+");
        String[] values = line.trim().split("\\s+");
        double kb = 0;
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (names[i].equals("S0U") || names[i].equals("S1U") || names[i].equals("EU") || names[i].equals("OU")) {
                kb += Double.parseDouble(values[i]);
            }
        }
        return (long) (kb * 1024);
    }

    /** Samples the used heap every 100 ms until closed; {@link Watch#peak()} is the highest seen. */
    Watch watch() throws IOException {
        return new Watch(new ProcessBuilder(tool("jstat"), "-gc", Long.toString(pid), "100").start());
    }

    final class Watch implements AutoCloseable {
        private final Process jstat;
        private final Thread reader;
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();

        private Watch(Process jstat) {
            this.jstat = jstat;
            this.reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                    String header = null;
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.trim().startsWith("S0C")) {
                            header = line;
                        } else if (header != null && !line.isBlank()) {
                            long used = usedOf(header, line);
                            peak.accumulateAndGet(used, Math::max);
                            samples.incrementAndGet();
                        }
                    }
                } catch (IOException | RuntimeException ended) {
                    // jstat was stopped
                }
            }, "jstat-" + pid);
            reader.setDaemon(true);
            reader.start();
        }

        long peak() {
            return peak.get();
        }

        /** Waits until {@code more} further samples came (jstat is a JVM of its own: it needs a moment to start). */
        void awaitSamples(int more) {
            long until = samples.get() + more;
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(1))
                    .pollInterval(java.time.Duration.ofMillis(50)).until(() -> samples.get() >= until);
        }

        long samples() {
            return samples.get();
        }

        @Override
        public void close() throws InterruptedException {
            jstat.destroy();
            jstat.waitFor(10, TimeUnit.SECONDS);
            reader.join(10_000);
        }
    }
}
