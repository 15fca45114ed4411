package org.pediconsult.platform.internal.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.ClassicConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.plugin.PluginRegister;
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
    static final int H2_IDENTITY_CACHE = 1000;
    /**
     * Flyway's plugins, found (ServiceLoader) once for all modules. Flyway copies a configuration's plugins each
     * time it copies the configuration (building a Flyway, resolving its environment), and copies each
     * configuration-extension plugin through a JSON round trip with a new Jackson ObjectMapper: about 40 ms a module
     * of a cold start (wall profile), most of Flyway's own cost before a module's first statement. Here the copy is
     * the same instance: every module uses Flyway's default plugin settings (none is set here, nor read from
     * properties or the environment), the plugins keep no state of a run, and {@link #migrate} is synchronized, so no
     * two runs use them at once.
     */
    private final PluginRegister plugins = new SharedPluginRegister();
    /** Whether the database is PostgreSQL (else H2), asked of it once. */
    private Boolean postgres;
    /** {@link #cacheIdentityValues()} and {@link #dropTwinIndexes()} have run since this service started. */
    private boolean h2SchemaChecked;

    @Activate
    public FlywaySchemaMigrations(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                                  BundleContext context) {
        this.dataSource = dataSource;
        migrate(context.getBundle(), "platform");
    }

    private boolean postgres() {
        if (postgres != null) {
            return postgres;
        }
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            return postgres;
        } catch (SQLException e) {
            throw new IllegalStateException("database not reachable for migrations", e);
        }
    }

    /** The large-binary column type: {@code ${blob}} in a migration script. */
    private String binaryType() {
        return postgres() ? "BYTEA" : "BLOB";
    }

    /**
     * On H2, every identity column keeps {@value #H2_IDENTITY_CACHE} values in memory instead of H2's 32. H2 writes a
     * sequence with a commit of its own (a chunk of the file, ~2.5 ms of CPU here) each time its cached values run
     * out: every 32 rows of the HL7 store, the audit queue and the outbox, a tenth of the HL7 processor's thread
     * (docs/benchmarks.md). H2 has one cache for all sessions, so values still come in order; after a crash up to
     * that many are skipped (gaps, never repeats). Done here rather than in each module's scripts, so every module
     * and specialty gets it and the scripts stay the same on both databases. Not on PostgreSQL: its cache is per
     * session, so pooled connections would hand out values out of insertion order, and it has no such commit.
     */
    private void cacheIdentityValues() {
        List<String> alters = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                    + "WHERE IS_IDENTITY = 'YES' AND IDENTITY_CACHE < " + H2_IDENTITY_CACHE
                    + " AND TABLE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
                while (rs.next()) {
                    alters.add("ALTER TABLE " + quoted(rs.getString(1)) + "." + quoted(rs.getString(2)) + " ALTER COLUMN "
                            + quoted(rs.getString(3)) + " SET CACHE " + H2_IDENTITY_CACHE);
                }
            }
            for (String alter : alters) {
                s.execute(alter);
            }
        } catch (SQLException e) {
            // a setting for speed only: the schema is migrated, so the service goes on
            LOG.warn("H2: identity columns keep H2's default of 32 values in memory ({})", e.toString());
            return;
        }
        if (!alters.isEmpty()) {
            LOG.info("H2: {} identity column(s) now keep {} values in memory", alters.size(), H2_IDENTITY_CACHE);
        }
    }

    /** On H2, a script's index with the same columns as one H2 made for a constraint is dropped: {@link H2TwinIndexes}. */
    private void dropTwinIndexes() {
        try (Connection c = dataSource.getConnection()) {
            for (String twin : H2TwinIndexes.drop(c)) {
                LOG.info("H2: dropped index {}: the constraint's index has the same columns", twin);
            }
        } catch (SQLException e) {
            // for speed only: both indexes serve the same queries, so the service goes on
            LOG.warn("H2: twin indexes kept ({})", e.toString());
        }
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
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
        long start = System.nanoTime();
        try {
            ClassicConfiguration configuration = new ClassicConfiguration(own);
            configuration.setPluginRegister(plugins);
            configuration.setDataSource(dataSource);
            configuration.setTable("flyway_history_" + module);
            configuration.setBaselineOnMigrate(true);
            configuration.setBaselineVersionAsString("0");
            configuration.setResourceProvider(new BundleMigrationResources(bundle, "db/migration/" + module));
            configuration.setJavaMigrationClassProvider(Collections::emptyList);
            configuration.setPlaceholders(Map.of("blob", binaryType()));
            MigrateResult result = new Flyway(configuration).migrate();
            if (!postgres() && (result.migrationsExecuted > 0 || !h2SchemaChecked)) {
                cacheIdentityValues();
                dropTwinIndexes();
                h2SchemaChecked = true;
            }
            migrated.put(key, bundle.getLastModified());
            LOG.info("schema of module {}: {} migrations applied now ({} ms)", module, result.migrationsExecuted,
                    (System.nanoTime() - start) / 1_000_000);
            return result.migrationsExecuted;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A plugin register whose copy is itself: see {@link #plugins}. */
    private static final class SharedPluginRegister extends PluginRegister {
        @Override
        public PluginRegister getCopy() {
            return this;
        }
    }
}
