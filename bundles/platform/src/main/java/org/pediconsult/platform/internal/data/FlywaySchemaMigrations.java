package org.pediconsult.platform.internal.data;

import java.util.Collections;
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
    /** {@link #binaryType()}, asked of the database once. */
    private String binaryType;

    @Activate
    public FlywaySchemaMigrations(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                                  BundleContext context) {
        this.dataSource = dataSource;
        migrate(context.getBundle(), "platform");
    }

    /** The large-binary column type: {@code ${blob}} in a migration script. */
    private String binaryType() {
        if (binaryType != null) {
            return binaryType;
        }
        try (java.sql.Connection c = dataSource.getConnection()) {
            binaryType = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") ? "BYTEA" : "BLOB";
            return binaryType;
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
