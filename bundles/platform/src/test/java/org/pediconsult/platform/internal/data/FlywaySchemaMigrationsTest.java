package org.pediconsult.platform.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.UUID;

import org.flywaydb.core.api.exception.FlywayValidateException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** A module is migrated once per bundle revision; a new revision of the bundle is migrated again. */
class FlywaySchemaMigrationsTest {
    @TempDir
    Path scripts;

    private Bundle bundle(long id, long lastModified) throws Exception {
        return bundle(id, lastModified, "sample");
    }

    private Bundle bundle(long id, long lastModified, String module) throws Exception {
        Bundle b = mock(Bundle.class);
        when(b.getBundleId()).thenReturn(id);
        when(b.getLastModified()).thenReturn(lastModified);
        when(b.getSymbolicName()).thenReturn("org.example.sample");
        Path folder = scripts.resolve("db/migration/" + module);
        when(b.findEntries(eq("db/migration/" + module), anyString(), eq(false))).thenAnswer(inv -> {
            try (var files = Files.list(folder)) {
                return Collections.enumeration(files.sorted().map(f -> {
                    try {
                        return f.toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList());
            }
        });
        when(b.getEntry(anyString())).thenAnswer(inv -> {
            Path entry = scripts.resolve((String) inv.getArgument(0));
            return Files.exists(entry) ? entry.toUri().toURL() : null;
        });
        return b;
    }

    @Test
    void aModuleIsMigratedOncePerBundleRevision() throws Exception {
        Path folder = Files.createDirectories(scripts.resolve("db/migration/sample"));
        Files.writeString(folder.resolve("V1__one.sql"), "CREATE TABLE sample_one (id INT);");
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        FlywaySchemaMigrations migrations = new FlywaySchemaMigrations(db, mock(org.osgi.framework.BundleContext.class,
                inv -> inv.getMethod().getName().equals("getBundle") ? bundle(1, 10) : null)) {
        };
        Bundle first = bundle(7, 100);
        assertEquals(1, migrations.migrate(first, "sample"));
        Files.writeString(folder.resolve("V2__two.sql"), "CREATE TABLE sample_two (id INT);");
        assertEquals(0, migrations.migrate(first, "sample"), "the same revision: not run again");
        assertEquals(1, migrations.migrate(bundle(7, 200), "sample"), "an updated bundle: its new script runs");
        try (Connection c = db.getConnection(); ResultSet rs = c.getMetaData().getTables(null, null, "SAMPLE_TWO", null)) {
            assertEquals(true, rs.next());
        }
    }

    /**
     * The modules share one set of Flyway plugins (not a copy per module): each still gets its own history, its own
     * placeholders, and an applied script that was edited afterwards is still refused (checksum validation).
     */
    @Test
    void modulesShareFlywaysPluginsButNotTheirHistoryNorItsValidation() throws Exception {
        Files.createDirectories(scripts.resolve("db/migration/platform"));
        Path one = Files.createDirectories(scripts.resolve("db/migration/one"));
        Path two = Files.createDirectories(scripts.resolve("db/migration/two"));
        Files.writeString(one.resolve("V1__one.sql"), "CREATE TABLE module_one (id INT, data ${blob});");
        Files.writeString(two.resolve("V1__two.sql"), "CREATE TABLE module_two (id INT);");
        Files.writeString(two.resolve("V2__more.sql"), "CREATE TABLE module_two_more (id INT);");
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        FlywaySchemaMigrations migrations = new FlywaySchemaMigrations(db, mock(org.osgi.framework.BundleContext.class,
                inv -> inv.getMethod().getName().equals("getBundle") ? bundle(1, 10, "platform") : null));
        assertEquals(1, migrations.migrate(bundle(7, 100, "one"), "one"));
        assertEquals(2, migrations.migrate(bundle(8, 100, "two"), "two"));
        try (Connection c = db.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT LISTAGG(\"type\" || ':' || \"version\", ',') WITHIN GROUP (ORDER BY \"installed_rank\")"
                             + " FROM \"flyway_history_two\"")) {
            rs.next();
            assertEquals("BASELINE:0,SQL:1,SQL:2", rs.getString(1),
                    "module two's own history (baselined at 0: the schema was not empty)");
        }
        Files.writeString(one.resolve("V1__one.sql"), "CREATE TABLE module_one (id BIGINT, data ${blob});");
        FlywayValidateException refused = assertThrows(FlywayValidateException.class,
                () -> migrations.migrate(bundle(7, 200, "one"), "one"), "an applied script edited afterwards");
        assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
    }

    /**
     * On H2 every identity column keeps 1000 values in memory (H2's 32 made a commit of its own every 32 rows): those a
     * module creates, and those of tables from before, at the first migration of the service.
     */
    @Test
    void identityColumnsKeepAThousandValuesOnH2() throws Exception {
        Files.createDirectories(scripts.resolve("db/migration/platform"));
        Path folder = Files.createDirectories(scripts.resolve("db/migration/ids"));
        Files.writeString(folder.resolve("V1__ids.sql"), "CREATE TABLE ids_one (id BIGINT GENERATED BY DEFAULT AS IDENTITY "
                + "PRIMARY KEY, v INT);");
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("CREATE TABLE \"older \"\"one\"\"\" (id BIGINT GENERATED BY DEFAULT AS IDENTITY)");
        }
        FlywaySchemaMigrations migrations = new FlywaySchemaMigrations(db, mock(org.osgi.framework.BundleContext.class,
                inv -> inv.getMethod().getName().equals("getBundle") ? bundle(1, 10, "platform") : null));
        assertEquals(1, migrations.migrate(bundle(9, 100, "ids"), "ids"));
        try (Connection c = db.getConnection()) {
            ResultSet rs = c.createStatement().executeQuery("SELECT LISTAGG(TABLE_NAME || ':' || IDENTITY_CACHE, ',') "
                    + "WITHIN GROUP (ORDER BY TABLE_NAME) FROM INFORMATION_SCHEMA.COLUMNS WHERE IS_IDENTITY = 'YES'");
            rs.next();
            assertEquals("IDS_ONE:1000,older \"one\":1000", rs.getString(1));
            c.createStatement().execute("INSERT INTO ids_one (v) VALUES (1), (2), (3)");
            rs = c.createStatement().executeQuery("SELECT LISTAGG(id, ',') WITHIN GROUP (ORDER BY v) FROM ids_one");
            rs.next();
            assertEquals("1,2,3", rs.getString(1), "values in order");
        }
    }

    /**
     * On H2 a script's plain index with the columns of the index H2 made for a foreign key declared in CREATE TABLE is
     * dropped (a second B-tree with the same entries); the key is still enforced and still has its index. An index with
     * more columns, a unique one, or one in another order stays.
     */
    @Test
    void aScriptIndexTwinOfAConstraintsIndexIsDroppedOnH2() throws Exception {
        Files.createDirectories(scripts.resolve("db/migration/platform"));
        Path folder = Files.createDirectories(scripts.resolve("db/migration/twins"));
        Files.writeString(folder.resolve("V1__twins.sql"), "CREATE TABLE twin_parent (id VARCHAR(36) PRIMARY KEY);"
                + "CREATE TABLE twin_child (id BIGINT PRIMARY KEY, parent_id VARCHAR(36) NOT NULL REFERENCES twin_parent (id),"
                + " other_id VARCHAR(36) REFERENCES twin_parent (id), code VARCHAR(10), at TIMESTAMP);"
                + "CREATE INDEX ix_twin_child_parent ON twin_child (parent_id);"
                + "CREATE INDEX ix_twin_child_parent_at ON twin_child (parent_id, at);"
                + "CREATE INDEX ix_twin_child_other_desc ON twin_child (other_id DESC);"
                + "CREATE UNIQUE INDEX uq_twin_child_other ON twin_child (other_id);"
                + "CREATE INDEX ix_twin_child_code ON twin_child (code);");
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        FlywaySchemaMigrations migrations = new FlywaySchemaMigrations(db, mock(org.osgi.framework.BundleContext.class,
                inv -> inv.getMethod().getName().equals("getBundle") ? bundle(1, 10, "platform") : null));
        assertEquals(1, migrations.migrate(bundle(9, 100, "twins"), "twins"));
        try (Connection c = db.getConnection()) {
            ResultSet rs = c.createStatement().executeQuery("SELECT LISTAGG(INDEX_NAME, ',') WITHIN GROUP (ORDER BY INDEX_NAME) "
                    + "FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'TWIN_CHILD' AND IS_GENERATED = FALSE");
            rs.next();
            assertEquals("IX_TWIN_CHILD_CODE,IX_TWIN_CHILD_OTHER_DESC,IX_TWIN_CHILD_PARENT_AT,UQ_TWIN_CHILD_OTHER", rs.getString(1),
                    "only the plain twin of the parent_id key's index is gone");
            rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS "
                    + "WHERE TABLE_NAME = 'TWIN_CHILD' AND COLUMN_NAME = 'PARENT_ID' AND ORDINAL_POSITION = 1");
            rs.next();
            assertEquals(2, rs.getLong(1), "the key's own index and (parent_id, at) still lead with parent_id");
            c.createStatement().execute("INSERT INTO twin_parent (id) VALUES ('p1')");
            c.createStatement().execute("INSERT INTO twin_child (id, parent_id) VALUES (1, 'p1')");
            assertThrows(java.sql.SQLException.class,
                    () -> c.createStatement().execute("INSERT INTO twin_child (id, parent_id) VALUES (2, 'nobody')"),
                    "the foreign key is still enforced");
            assertThrows(java.sql.SQLException.class, () -> c.createStatement().execute("DELETE FROM twin_parent"),
                    "and still refuses to orphan a child");
        }
        assertEquals(0, migrations.migrate(bundle(9, 100, "twins"), "twins"), "nothing to do twice");
    }
}
