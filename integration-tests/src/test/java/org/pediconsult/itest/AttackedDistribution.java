package org.pediconsult.itest;

/**
 * The distribution as shipped, attacked from outside by the attack-suite classes: unpacked and started
 * once per test JVM with nothing changed but its ports (KarafProcess), and stopped at the end of the
 * session by {@link TestSessionCleanup}. Classes that would disturb the others (floods that trip the
 * rate limits of 127.0.0.1, restarts, configuration changes) take a {@link KarafProcess} of their own.
 */
final class AttackedDistribution {
    private static KarafProcess karaf;

    private AttackedDistribution() {
    }

    /** The running distribution, started on first use. */
    static synchronized KarafProcess get() throws Exception {
        if (karaf == null) {
            KarafProcess k = KarafProcess.unpack("attacked");
            k.start();
            k.awaitHealthUp();
            karaf = k;
        }
        return karaf;
    }
}
