package org.pediconsult.video.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.pediconsult.consultation.api.GuardianPresence;
import org.pediconsult.video.internal.room.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the guardian's presence to the consultation bundle, in order, off the socket threads. A
 * guardian whose socket closes is reported as left only after a grace period: a network change
 * (Wi-Fi to mobile) closes the old socket and opens a new one, and that is a reconnection, not a
 * pause and a resume.
 */
final class PresenceReporter implements Presence {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceReporter.class);

    private final GuardianPresence consultation;
    private final ScheduledExecutorService executor;
    private final long graceMillis;
    private final Map<String, ScheduledFuture<?>> pendingLeaves = new HashMap<>();

    PresenceReporter(GuardianPresence consultation, ScheduledExecutorService executor, long graceMillis) {
        this.consultation = consultation;
        this.executor = executor;
        this.graceMillis = graceMillis;
    }

    @Override
    public void guardianJoined(String consultationId, boolean reconnected) {
        boolean cameBack;
        synchronized (pendingLeaves) {
            ScheduledFuture<?> leave = pendingLeaves.remove(consultationId);
            cameBack = leave != null && leave.cancel(false);
        }
        String source = reconnected || cameBack ? "video-reconnected" : "video";
        executor.execute(() -> report(consultationId, true, source));
    }

    @Override
    public void guardianLeft(String consultationId) {
        synchronized (pendingLeaves) {
            ScheduledFuture<?> leave = executor.schedule(() -> {
                synchronized (pendingLeaves) {
                    pendingLeaves.remove(consultationId);
                }
                report(consultationId, false, "video");
            }, graceMillis, TimeUnit.MILLISECONDS);
            ScheduledFuture<?> before = pendingLeaves.put(consultationId, leave);
            if (before != null) {
                before.cancel(false);
            }
        }
    }

    private void report(String consultationId, boolean present, String source) {
        try {
            if (present) {
                consultation.guardianJoined(consultationId, source);
            } else {
                consultation.guardianLeft(consultationId, source);
            }
        } catch (RuntimeException e) {
            // e.g. the consultation ended meanwhile; the consultation bundle's state stays as it is
            LOG.warn("guardian presence ({}) of consultation {} not applied: {}", present ? "joined" : "left",
                    consultationId, e.getMessage());
        }
    }
}
