package org.pediconsult.itest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PostgreSQL database per test class and run, so that two checkouts on one machine never share or
 * drop each other's: {@code <base>_<suffix>_<UTC yyyyMMddHHmmss>_<6 random>}, e.g.
 * {@code pediconsult_it_dist_20261204140112_k3j9x2}, where {@code <base>} is the database of
 * {@code -Dpediconsult.it.postgres.url} (default {@code jdbc:postgresql://127.0.0.1:5432/pediconsult_it}).
 * Created from the test JVM (a class's {@code @Configuration}) over the server's {@code postgres}
 * maintenance database with the configured user, which needs CREATEDB ({@code .ci/postgres-setup}
 * grants it); dropped when the test session ends ({@link TestSessionCleanup}); databases of crashed
 * runs are dropped by the next run once they are {@link #LEFTOVER_AGE} old.
 */
final class PostgresDatabases {
    static final Duration LEFTOVER_AGE = Duration.ofHours(6);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?");
    private static final Map<String, String> CREATED = new LinkedHashMap<>();
    private static boolean leftoversDropped;

    private PostgresDatabases() {
    }

    /** The configured server URL (its database is the name prefix), user and password. */
    private static String url() {
        return System.getProperty("pediconsult.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/pediconsult_it");
    }

    static String user() {
        return System.getProperty("pediconsult.it.postgres.user", "pediconsult");
    }

    static String password() {
        return System.getProperty("pediconsult.it.postgres.password", "pediconsult");
    }

    private static Matcher parsed() {
        Matcher m = URL.matcher(url());
        if (!m.matches()) {
            throw new IllegalArgumentException("pediconsult.it.postgres.url is not jdbc:postgresql://host[:port]/database[?...]: " + url());
        }
        return m;
    }

    /**
     * The database of this run for {@code suffix}: created empty at the first call, the same afterwards
     * (the JUnit Platform discovers the test classes twice, once to plan and once to run, and each
     * discovery calls the Pax Exam classes' configuration); answers its JDBC URL.
     */
    static synchronized String create(String suffix) {
        if (CREATED.containsKey(suffix)) {
            return CREATED.get(suffix);
        }
        if (!suffix.matches("[a-z0-9]{1,20}")) {
            throw new IllegalArgumentException("a database suffix is 1-20 lower-case letters and digits: " + suffix);
        }
        Matcher m = parsed();
        String name = (m.group(2) + "_" + suffix + "_" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "_"
                + randomSuffix()).toLowerCase();
        try (Connection c = maintenance(); Statement s = c.createStatement()) {
            if (!leftoversDropped) {
                dropLeftovers(c, m.group(2).toLowerCase());
                leftoversDropped = true;
            }
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + " on " + url() + " as "
                    + user() + " (run .ci/postgres-setup: it starts the server and grants the user CREATEDB)", e);
        }
        String jdbc = m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
        CREATED.put(suffix, jdbc);
        return jdbc;
    }

    /** Drops what {@link #create} made in this JVM (at the end of the test session). */
    static synchronized void dropCreated() {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Connection c = maintenance(); Statement s = c.createStatement()) {
            for (String jdbc : CREATED.values()) {
                Matcher m = URL.matcher(jdbc);
                if (!m.matches()) {
                    throw new IllegalStateException("not a URL made here: " + jdbc);
                }
                s.execute("DROP DATABASE IF EXISTS " + m.group(2) + " WITH (FORCE)");
                System.out.println("PostgresDatabases: dropped " + m.group(2));
            }
            CREATED.clear();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test databases " + CREATED.values(), e);
        }
    }

    /** Drops databases of earlier runs (name carries the creation time) older than {@link #LEFTOVER_AGE}. */
    private static void dropLeftovers(Connection c, String base) throws SQLException {
        Pattern ours = Pattern.compile(Pattern.quote(base) + "_[a-z0-9]+_(\\d{14})_[a-z0-9]{6}");
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).minus(LEFTOVER_AGE);
        List<String> old = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                Matcher m = ours.matcher(rs.getString(1));
                if (m.matches() && LocalDateTime.parse(m.group(1), STAMP).isBefore(before)) {
                    old.add(rs.getString(1));
                }
            }
        }
        for (String name : old) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                System.out.println("PostgresDatabases: dropped " + name + ", left by a run that ended without cleaning up");
            } catch (SQLException e) {
                // another user's database of the same name pattern, or already being dropped by a parallel run
                System.out.println("PostgresDatabases: could not drop leftover " + name + ": " + e.getMessage());
            }
        }
    }

    private static Connection maintenance() throws SQLException {
        Matcher m = parsed();
        return DriverManager.getConnection(m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3)), user(), password());
    }

    private static String randomSuffix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            out.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
