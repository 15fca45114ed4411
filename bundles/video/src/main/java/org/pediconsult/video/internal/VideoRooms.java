package org.pediconsult.video.internal;

import java.time.Clock;
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
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.video.api.IceServers;
import org.pediconsult.video.api.RoomTokens;
import org.pediconsult.video.internal.room.SignalingHub;

/**
 * The rooms of this node: the signaling hub wired to the consultation bundle (state, admission,
 * guardian presence), the audit trail and the call-quality table. Migrates the video tables.
 */
@Component(service = VideoRooms.class, configurationPid = VideoConfig.PID)
public class VideoRooms {
    private final SignalingHub hub;
    private final CallStatsStore stats;
    private final ScheduledExecutorService executor;
    private final int authTimeoutSeconds;

    @Activate
    public VideoRooms(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                      @Reference SchemaMigrations migrations, @Reference AuditTrail audit, @Reference Clock clock,
                      @Reference GuardianPresence presence, @Reference ConsultationSessions sessions,
                      @Reference RoomTokens tokens, @Reference IceServers ice, VideoConfig config, BundleContext context) {
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
                stats, audit, clock);
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
