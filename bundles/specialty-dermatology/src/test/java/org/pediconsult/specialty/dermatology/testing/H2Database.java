package org.pediconsult.specialty.dermatology.testing;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.pediconsult.platform.api.Ids;

/** A fresh in-memory H2 with this bundle's migrations applied, as the platform applies them. */
public final class H2Database {
    private H2Database() {
    }

    public static JdbcDataSource empty(String urlOptions) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + Ids.newId() + ";DB_CLOSE_DELAY=-1" + urlOptions);
        return db;
    }

    /** @param blobType what the platform substitutes for {@code ${blob}}: BLOB on H2, BYTEA on PostgreSQL */
    public static int migrate(JdbcDataSource db, String blobType) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration/dermatology")
                .placeholders(Map.of("blob", blobType)).table("flyway_history_dermatology")
                .load().migrate().migrationsExecuted;
    }

    public static JdbcDataSource migrated() {
        JdbcDataSource db = empty("");
        migrate(db, "BLOB");
        return db;
    }
}
