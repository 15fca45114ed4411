package org.pediconsult.video.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.ConsultationSessions;
import org.pediconsult.consultation.api.GuardianPresence;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.security.RateLimits;
import org.pediconsult.video.api.IceServers;
import org.pediconsult.video.api.RoomTokens;
import org.pediconsult.video.internal.room.SignalingHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms of this node: the signaling hub wired to the consultation bundle (state, admission,
 * guardian presence), the audit trail and the call-quality table. Migrates the video tables.
 */
@Component(service = VideoRooms.class, configurationPid = VideoConfig.PID)
public class VideoRooms {
    private static final Logger LOG = LoggerFactory.getLogger(VideoRooms.class);
    private final SignalingHub hub;
    private final CallStatsStore stats;
    private final ScheduledExecutorService executor;
    private final int authTimeoutSeconds;

    @Activate
    public VideoRooms(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                      @Reference SchemaMigrations migrations, @Reference AuditTrail audit, @Reference Clock clock,
                      @Reference GuardianPresence presence, @Reference ConsultationSessions sessions,
                      @Reference RoomTokens tokens, @Reference IceServers ice, @Reference RateLimits rateLimits,
                      VideoConfig config, BundleContext context) {
        migrations.migrate(context.getBundle(), "video");
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pediconsult-video-rooms");
            t.setDaemon(true);
            return t;
        });
        this.authTimeoutSeconds = Math.max(1, config.auth_timeout_seconds());
        this.stats = new CallStatsStore(new Tx(dataSource));
        this.hub = new SignalingHub(tokens, ice, sessions,
                new PresenceReporter(presence, executor, Math.max(0, config.presence_grace_millis())),
                stats, audit, rateLimits, clock);
        int retentionDays = config.stats_retention_days();
        if (retentionDays > 0) {
            executor.scheduleWithFixedDelay(() -> pruneStats(audit, clock, retentionDays), 5, 6 * 60, TimeUnit.MINUTES);
        }
    }

    /** Retention of the call-quality samples: older than {@code days} deleted, the deletion audited. */
    private void pruneStats(AuditTrail audit, Clock clock, int days) {
        try {
            Instant before = clock.instant().minus(Duration.ofDays(days));
            int deleted = stats.prune(before, 5_000);
            if (deleted > 0) {
                audit.record(new AuditEntry("system", AuditEntry.Action.DELETE, "video-call-stats", null, null,
                        "retention: " + deleted + " call-quality samples before " + before));
                LOG.info("video call-quality retention: {} samples deleted", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("video call-quality retention failed: {}", e.toString());
        }
    }

    public SignalingHub hub() {
        return hub;
    }

    CallStatsStore stats() {
        return stats;
    }

    /** Runs {@code check} once the authentication timeout has passed. */
    void afterAuthTimeout(Runnable check) {
        executor.schedule(check, authTimeoutSeconds, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        hub.closeAll();
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
