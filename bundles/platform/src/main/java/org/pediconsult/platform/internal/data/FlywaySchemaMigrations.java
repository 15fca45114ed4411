package org.pediconsult.platform.internal.data;

import java.util.Collections;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway per bundle: each module has its own history table and its own scripts. The platform's own
 * tables are migrated on activation, so every component that references this service finds them.
 */
@Component(service = SchemaMigrations.class)
public class FlywaySchemaMigrations implements SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(FlywaySchemaMigrations.class);

    private final DataSource dataSource;
    /**
     * Modules already migrated by this instance: "bundle id/module" -> the bundle's last-modified time when it was.
     * A bundle's components each ask for its module (the report section as well as the service); the second ask of
     * the same bundle revision has nothing to do, and a Flyway run that finds nothing to do still costs 30-70 ms of
     * the suite's start. An updated or reinstalled bundle (new last-modified, new id) is migrated again.
     */
    private final Map<String, Long> migrated = new java.util.HashMap<>();

    @Activate
    public FlywaySchemaMigrations(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                                  BundleContext context) {
        this.dataSource = dataSource;
        migrate(context.getBundle(), "platform");
    }

    /** The large-binary column type: {@code ${blob}} in a migration script. */
    private String binaryType() {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") ? "BYTEA" : "BLOB";
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("database not reachable for migrations", e);
        }
    }

    @Override
    public synchronized int migrate(Bundle bundle, String module) {
        if (module == null || !module.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("module must be lower-case letters, digits and '_': " + module);
        }
        String key = bundle.getBundleId() + "/" + module;
        Long revision = migrated.get(key);
        if (revision != null && revision == bundle.getLastModified()) {
            LOG.debug("schema of module {}: already migrated for bundle {}", module, bundle.getSymbolicName());
            return 0;
        }
        ClassLoader own = Flyway.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(own);
        try {
            Flyway flyway = Flyway.configure(own)
                    .dataSource(dataSource)
                    .table("flyway_history_" + module)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .resourceProvider(new BundleMigrationResources(bundle, "db/migration/" + module))
                    .javaMigrationClassProvider(Collections::emptyList)
                    .placeholders(Map.of("blob", binaryType()))
                    .load();
            MigrateResult result = flyway.migrate();
            migrated.put(key, bundle.getLastModified());
            LOG.info("schema of module {}: {} migrations applied now", module, result.migrationsExecuted);
            return result.migrationsExecuted;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
