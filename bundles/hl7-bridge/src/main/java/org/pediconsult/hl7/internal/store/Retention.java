package org.pediconsult.hl7.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.hl7.internal.inbound.InboundOutcome;
import org.pediconsult.hl7.internal.outbound.OutboundOutcome;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes stored HL7 messages past their retention: finished ones (PROCESSED, ACCEPTED, DUPLICATE,
 * SENT) after {@code days}, failed ones (ERROR, REJECTED, PARKED) after {@code failed.days}. A message
 * still queued for delivery is never deleted. Each run is audited with its counts.
 */
// the component's name from before the split into packages, kept (scr:list)
@Component(name = "org.pediconsult.hl7.internal.Retention", service = Retention.class,
        configurationPid = "org.pediconsult.hl7.retention", immediate = true)
@Designate(ocd = RetentionConfig.class)
public class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    /** The outcomes deleted after {@code days}, as an SQL list: {@code ('PROCESSED', 'ACCEPTED', 'DUPLICATE', 'SENT')}. */
    public static final String FINISHED = sqlList(InboundOutcome.PROCESSED, InboundOutcome.ACCEPTED, InboundOutcome.DUPLICATE,
            OutboundOutcome.SENT);
    /** The outcomes deleted after {@code failed.days}: {@code ('ERROR', 'REJECTED', 'PARKED')}. */
    public static final String FAILED = sqlList(InboundOutcome.ERROR, InboundOutcome.REJECTED, OutboundOutcome.PARKED);

    private final DataSource dataSource;
    private final Clock clock;
    private final AuditTrail audit;
    private final RetentionConfig config;
    private final ScheduledExecutorService timer;

    @Activate
    public Retention(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                     @Reference SchemaMigrations migrations, @Reference Clock clock, @Reference AuditTrail audit,
                     RetentionConfig config, BundleContext context) {
        migrations.migrate(context.getBundle(), "hl7");
        this.dataSource = dataSource;
        this.clock = clock;
        this.audit = audit;
        this.config = config;
        if (config.interval_hours() > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hl7-retention");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::scheduled, 5, TimeUnit.HOURS.toMinutes(config.interval_hours()),
                    TimeUnit.MINUTES);
        } else {
            timer = null;
        }
    }

    private void scheduled() {
        try {
            prune("hl7:retention");
        } catch (SQLException | RuntimeException e) {
            LOG.warn("HL7 retention prune failed: {}", e.toString());
        }
    }

    /** Prunes now; answers the number of messages deleted per class. */
    public Map<String, Object> prune(String actor) throws SQLException {
        Instant now = clock.instant();
        Instant finishedBefore = now.minus(Duration.ofDays(Math.max(1, config.days())));
        Instant failedBefore = now.minus(Duration.ofDays(Math.max(1, config.failed_days())));
        int finished;
        int failed;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                finished = delete(c, FINISHED, finishedBefore);
                failed = delete(c, FAILED, failedBefore);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("finishedDeleted", finished);
        result.put("failedDeleted", failed);
        result.put("finishedBefore", finishedBefore.toString());
        result.put("failedBefore", failedBefore.toString());
        audit.record(new AuditEntry(actor, AuditEntry.Action.DELETE, "hl7-message-list", null, null,
                "retention prune: " + finished + " finished, " + failed + " failed messages"));
        LOG.info("HL7 retention: {} finished and {} failed messages deleted", finished, failed);
        return result;
    }

    private static int delete(Connection c, String outcomes, Instant before) throws SQLException {
        String old = "SELECT id FROM hl7_message WHERE outcome IN " + outcomes + " AND received_at < ?";
        for (String sql : new String[] {
                "DELETE FROM hl7_inbound_key WHERE message_id IN (" + old + ")",
                // 'PENDING': OutboundState.PENDING (still queued: never deleted)
                "DELETE FROM hl7_outbound WHERE state <> 'PENDING' AND message_id IN (" + old + ")"}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, Timestamp.from(before));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM hl7_message WHERE outcome IN " + outcomes
                + " AND received_at < ? AND id NOT IN (SELECT message_id FROM hl7_outbound) "
                + "AND id NOT IN (SELECT message_id FROM hl7_inbound_key)")) {
            ps.setTimestamp(1, Timestamp.from(before));
            return ps.executeUpdate();
        }
    }

    /** Stored names as an SQL list of literals, e.g. {@code ('ERROR', 'PARKED')}. */
    private static String sqlList(Enum<?>... outcomes) {
        StringBuilder b = new StringBuilder("(");
        for (Enum<?> o : outcomes) {
            b.append(b.length() == 1 ? "'" : ", '").append(o.name()).append('\'');
        }
        return b.append(')').toString();
    }

    @Deactivate
    void stop() {
        if (timer != null) {
            timer.shutdown();   // no interrupt: an interrupted thread inside H2 closes the database file
        }
    }
}
