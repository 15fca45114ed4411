package org.pediconsult.platform.internal.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pediconsult.platform.api.security.Account;
import org.pediconsult.platform.api.security.Role;

/** The SQL of {@code platform_account} and {@code platform_account_role}. */
public final class AccountStore {
    private static final String COLUMNS = "login_name, display_name, phone, password_hash, password_change, enabled, "
            + "disabled_reason, token_generation, created_at, created_by";

    /** An account row with what only the platform sees: its hash and token generation. */
    record Row(Account account, String passwordHash, int tokenGeneration) {
    }

    void insert(Connection c, String login, String displayName, String phone, Set<Role> roles, String hash,
                boolean passwordChange, Instant now, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_account (login_name, display_name, phone, "
                + "password_hash, password_change, enabled, token_generation, created_at, created_by, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, TRUE, 0, ?, ?, ?)")) {
            ps.setString(1, login);
            ps.setString(2, displayName);
            ps.setString(3, phone);
            ps.setString(4, hash);
            ps.setBoolean(5, passwordChange);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setString(7, actor);
            ps.setTimestamp(8, Timestamp.from(now));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_account_role (login_name, role) VALUES (?, ?)")) {
            for (Role r : roles) {
                ps.setString(1, login);
                ps.setString(2, r.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    Row byLogin(Connection c, String login) throws SQLException {
        List<Row> rows = query(c, "SELECT " + COLUMNS + " FROM platform_account WHERE login_name = ?", login);
        return rows.isEmpty() ? null : rows.get(0);
    }

    Row byPhone(Connection c, String phone) throws SQLException {
        List<Row> rows = query(c, "SELECT " + COLUMNS + " FROM platform_account WHERE phone = ?", phone);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** A page of accounts by login name; {@code staffOnly} leaves out the guardians. */
    List<Row> page(Connection c, boolean staffOnly, int offset, int limit) throws SQLException {
        String where = staffOnly ? " WHERE login_name NOT IN (SELECT login_name FROM platform_account_role WHERE role = 'GUARDIAN')" : "";
        return query(c, "SELECT " + COLUMNS + " FROM platform_account" + where + " ORDER BY login_name OFFSET "
                + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY", null);
    }

    List<Row> createdBy(Connection c, String actor) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM platform_account WHERE created_by = ? ORDER BY login_name", actor);
    }

    /** The enabled flag and token generation, for every authenticated request: one primary-key read, no roles. */
    public record TokenState(boolean enabled, int generation) {
    }

    TokenState tokenState(Connection c, String login) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT enabled, token_generation FROM platform_account WHERE login_name = ?")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new TokenState(rs.getBoolean(1), rs.getInt(2)) : null;
            }
        }
    }

    int setEnabled(Connection c, String login, boolean enabled, String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE platform_account SET enabled = ?, disabled_reason = ?, "
                + "token_generation = token_generation + ?, updated_at = ? WHERE login_name = ?")) {
            ps.setBoolean(1, enabled);
            ps.setString(2, enabled ? null : reason);
            ps.setInt(3, enabled ? 0 : 1);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setString(5, login);
            return ps.executeUpdate();
        }
    }

    int setPassword(Connection c, String login, String hash, boolean passwordChange, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE platform_account SET password_hash = ?, password_change = ?, "
                + "token_generation = token_generation + 1, updated_at = ? WHERE login_name = ?")) {
            ps.setString(1, hash);
            ps.setBoolean(2, passwordChange);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, login);
            return ps.executeUpdate();
        }
    }

    private List<Row> query(Connection c, String sql, String param) throws SQLException {
        Map<String, Object[]> base = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    base.put(rs.getString(1), new Object[] {rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), rs.getInt(8),
                            rs.getTimestamp(9).toInstant(), rs.getString(10)});
                }
            }
        }
        if (base.isEmpty()) {
            return List.of();
        }
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        String in = String.join(",", java.util.Collections.nCopies(base.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT login_name, role FROM platform_account_role WHERE login_name IN (" + in + ")")) {
            int i = 1;
            for (String login : base.keySet()) {
                ps.setString(i++, login);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Role r = Role.fromName(rs.getString(2));
                    if (r != null) {
                        roles.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Role.class)).add(r);
                    }
                }
            }
        }
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, Object[]> e : base.entrySet()) {
            Object[] v = e.getValue();
            Account a = new Account(e.getKey(), (String) v[0], (String) v[1], roles.getOrDefault(e.getKey(), Set.of()),
                    (Boolean) v[4], (Boolean) v[3], (Instant) v[7], (String) v[8], (String) v[5]);
            out.add(new Row(a, (String) v[2], (Integer) v[6]));
        }
        return out;
    }
}
