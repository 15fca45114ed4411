package org.pediconsult.itest;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * What must not outlive the tests, registered with the JUnit Platform through META-INF/services
 * (test JVM only; the Pax Exam probe carries the class but never loads it).
 * <ul>
 * <li>After each test class: its child processes are gone (a Pax Exam container has ended by then: its
 * class stops its framework). A process still there after {@link #GRACE} (a test that left its node,
 * chromium, turnserver or mllp_send running) is named and killed with its descendants.</li>
 * <li>At the end of the session: the PostgreSQL databases this JVM created are dropped, distributions
 * started with bin/start are stopped if a class did not, and live non-daemon threads are named.</li>
 * </ul>
 */
public class TestSessionCleanup implements LauncherSessionListener, TestExecutionListener {
    static final Duration GRACE = Duration.ofSeconds(60);

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.getSource().filter(ClassSource.class::isInstance).isPresent()) {
            endChildProcesses(identifier.getDisplayName());
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            KarafProcess.closeAll();
            endChildProcesses("the test session");
        } finally {
            PostgresDatabases.dropCreated();
            List<String> threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !t.isDaemon() && t != Thread.currentThread())
                    .map(Thread::getName).sorted().collect(Collectors.toList());
            if (!threads.isEmpty()) {
                System.out.println("TestSessionCleanup: non-daemon threads still running at the end: " + threads);
            }
        }
    }

    /** Waits for this JVM's child processes to end, then kills what is left (with its descendants). */
    static void endChildProcesses(String after) {
        long start = System.nanoTime();
        long deadline = start + GRACE.toNanos();
        List<ProcessHandle> children = ProcessHandle.current().children().collect(Collectors.toList());
        for (ProcessHandle child : children) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!KarafProcess.exited(child, Duration.ofNanos(left))) {
                System.out.println("TestSessionCleanup: process " + child.pid() + " " + child.info().commandLine().orElse("")
                        + " still running " + GRACE.toSeconds() + " s after " + after + ": killed");
                child.descendants().forEach(ProcessHandle::destroyForcibly);
                child.destroyForcibly();
            }
        }
        if (!children.isEmpty()) {
            System.out.printf("TestSessionCleanup: %d child process(es) ended %d ms after %s%n", children.size(),
                    (System.nanoTime() - start) / 1_000_000, after);
        }
    }
}
