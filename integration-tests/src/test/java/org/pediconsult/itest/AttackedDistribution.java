package org.pediconsult.itest;

import java.util.Map;

/**
 * The distribution as shipped, attacked from outside by the attack-suite classes: unpacked and started
 * once per test JVM with nothing changed but its ports (KarafProcess) and three more accounts (a
 * second family's guardian, and the two system roles, so that every role can be tried), and stopped at
 * the end of the session by {@link TestSessionCleanup}. Classes that would disturb the others (floods
 * that trip the rate limits of 127.0.0.1, restarts, configuration changes) take a {@link KarafProcess}
 * of their own.
 */
final class AttackedDistribution {
    /** The accounts beyond the demo users, and their roles. */
    static final Map<String, String> EXTRA_USERS = Map.of(
            "guardian.liu", "GUARDIAN", "his.system", "SYSTEM_HIS", "insurer.system", "SYSTEM_INSURER");
    private static KarafProcess karaf;

    private AttackedDistribution() {
    }

    /** The running distribution, started on first use. */
    static synchronized KarafProcess get() throws Exception {
        if (karaf == null) {
            KarafProcess k = KarafProcess.unpack("attacked");
            for (Map.Entry<String, String> user : EXTRA_USERS.entrySet()) {
                k.append("etc/users.properties", user.getKey() + " = " + KarafProcess.PASSWORD + "," + user.getValue());
            }
            k.start();
            k.awaitHealthUp();
            karaf = k;
        }
        return karaf;
    }
}
