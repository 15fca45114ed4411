package org.pediconsult.platform.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.pediconsult.platform.api.Ids;

/** A fresh in-memory H2 database with the platform's migrations applied. */
public final class PlatformDatabase {
    private PlatformDatabase() {
    }

    public static DataSource migrated() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + Ids.newId() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/platform").table("flyway_history_platform")
                .load().migrate();
        return db;
    }
}
