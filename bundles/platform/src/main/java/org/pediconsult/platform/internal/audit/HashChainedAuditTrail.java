package org.pediconsult.platform.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.audit.AuditVerification;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail. Appends go to {@code platform_audit_pending} with no lock, in the caller's
 * transaction (no write without its record); the {@link AuditChainSealer} moves committed entries
 * into the hash chain {@code platform_audit} a few times a second. Only sealing takes the chain's
 * head lock, so audited requests never queue behind one another.
 */
@Component(service = {AuditTrail.class, HashChainedAuditTrail.class}, immediate = true)
public class HashChainedAuditTrail implements AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(HashChainedAuditTrail.class);
    static final long SEAL_INTERVAL_MILLIS = 200;

    private final DataSource dataSource;
    private final Clock clock;
    private final AuditChainSealer sealer;
    private final ScheduledExecutorService executor;

    @Activate
    public HashChainedAuditTrail(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                                 @Reference Clock clock, @Reference SchemaMigrations schemaReady) {
        this(dataSource, clock, true);
    }

    HashChainedAuditTrail(DataSource dataSource, Clock clock, boolean sealInBackground) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.sealer = new AuditChainSealer(dataSource);
        if (sealInBackground) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "pediconsult-audit-sealer"));
            executor.scheduleWithFixedDelay(this::sealQuietly, SEAL_INTERVAL_MILLIS, SEAL_INTERVAL_MILLIS,
                    TimeUnit.MILLISECONDS);
        } else {
            executor = null;
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        if (executor != null) {
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
        sealQuietly();
    }

    private void sealQuietly() {
        try {
            sealer.sealAll();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("audit sealing failed, retrying: {}", e.toString());
        }
    }

    @Override
    public long record(AuditEntry entry) {
        try (Connection c = dataSource.getConnection()) {
            return record(c, entry);
        } catch (SQLException e) {
            throw new IllegalStateException("audit record could not be written", e);
        }
    }

    @Override
    public long record(Connection tx, AuditEntry e) throws SQLException {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String address = e.clientAddress() != null ? e.clientAddress() : RequestOrigin.current();
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO platform_audit_pending (recorded_at, actor, action, "
                + "resource_type, resource_id, patient_id, detail, client_address, patients) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, e.actor());
            ps.setString(3, e.action().name());
            ps.setString(4, e.resourceType());
            ps.setString(5, e.resourceId());
            ps.setString(6, e.patientId());
            ps.setString(7, e.detail());
            ps.setString(8, address);
            ps.setString(9, e.patientIds().isEmpty() ? null : String.join(",", e.patientIds()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Seals what is committed now (an export first seals, so that its period is complete). */
    void sealNow() throws SQLException {
        sealer.sealAll();
    }

    /** Seals what is committed, then reads one page of the trail for an auditor (see {@link AuditRecords}). */
    public List<Map<String, Object>> records(AuditRecords.Query query) {
        try {
            sealer.sealAll();
            return new AuditRecords(dataSource).find(query);
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail could not be read", e);
        }
    }

    @Override
    public AuditVerification verify() {
        try (Connection c = dataSource.getConnection()) {
            sealer.sealAll();
            return new AuditChainWalk(c).walk();
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail could not be read", e);
        }
    }
}
