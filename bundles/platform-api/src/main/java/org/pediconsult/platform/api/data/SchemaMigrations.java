package org.pediconsult.platform.api.data;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Migrates a bundle's own tables with Flyway. Each bundle keeps its SQL migrations in its own jar
 * under {@code db/migration/<module>/V<n>__<description>.sql} and its own history table
 * ({@code flyway_history_<module>}), so bundles are migrated independently and in any order.
 * Call it from the bundle's DS component activation, before using its tables. Scripts must run on
 * H2 2.x and PostgreSQL alike; for large binary columns write {@code ${blob}} (BLOB on H2, BYTEA on
 * PostgreSQL; since 1.1).
 *
 * @since 1.0
 */
@ProviderType
public interface SchemaMigrations {
    /**
     * Applies the pending migrations of {@code module} found in {@code bundle}.
     *
     * @param module lower-case letters, digits and '_' (e.g. {@code consultation})
     * @return the number of migrations applied now
     */
    int migrate(Bundle bundle, String module);
}
