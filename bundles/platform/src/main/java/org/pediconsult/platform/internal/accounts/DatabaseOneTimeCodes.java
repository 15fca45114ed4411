package org.pediconsult.platform.internal.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.data.DataAccessException;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.message.MessageSender;
import org.pediconsult.platform.api.message.OutboundMessage;
import org.pediconsult.platform.api.security.OneTimeCodes;
import org.pediconsult.platform.api.security.RateLimits;
import org.pediconsult.platform.internal.messages.MessageSenders;
import org.pediconsult.platform.internal.ratelimit.TooManyRequests;
import org.pediconsult.platform.internal.security.SecurityConfig;

/**
 * {@link OneTimeCodes} in {@code platform_one_time_code}: six digits from a {@link SecureRandom}, kept
 * as SHA-256 of purpose, subject and code; one live code per purpose and subject. Nothing here logs a
 * code or a full mobile number.
 */
@Component(service = OneTimeCodes.class, configurationPid = "org.pediconsult.security")
public class DatabaseOneTimeCodes implements OneTimeCodes {
    static final Duration KEEP_USED = Duration.ofDays(1);
    /** The longest lifetime a code may be given (a parcel's trip). */
    static final Duration MAX_LIFETIME = Duration.ofDays(7);
    private final SecureRandom random = new SecureRandom();
    private final Tx tx;
    private final Clock clock;
    private final MessageSenders senders;
    private final RateLimits rateLimits;
    private final Duration ttl;
    private final int maxAttempts;

    @Activate
    public DatabaseOneTimeCodes(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                                @Reference Clock clock, @Reference MessageSenders senders, @Reference RateLimits rateLimits,
                                @Reference SchemaMigrations schemaReady, SecurityConfig config) {
        this(new Tx(dataSource), clock, senders, rateLimits, Duration.ofSeconds(config.code_ttl_seconds()), config.code_max_attempts());
    }

    DatabaseOneTimeCodes(Tx tx, Clock clock, MessageSenders senders, RateLimits rateLimits, Duration ttl, int maxAttempts) {
        this.tx = tx;
        this.clock = clock;
        this.senders = senders;
        this.rateLimits = rateLimits;
        this.ttl = ttl;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public int send(String purpose, String subject, String phone, String text) {
        return send(purpose, subject, phone, text, ttl);
    }

    @Override
    public int send(String purpose, String subject, String phone, String text, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a code lives from a second to " + MAX_LIFETIME.toDays() + " days");
        }
        requireKey(purpose, subject);
        if (!text.contains("{code}")) {
            throw new IllegalArgumentException("the text has no {code} placeholder");
        }
        admit(purpose, subject);
        String code = String.format("%06d", random.nextInt(1_000_000));
        String id = Ids.newId();
        Instant now = clock.instant();
        try {
            tx.inTransaction(c -> replace(c, id, purpose, subject, hash(purpose, subject, code), now, lifetime));
        } catch (DataAccessException e) {
            // another request made a code for the same number at this moment (unique purpose and subject): ours replaces it
            if (!(e.getCause() instanceof SQLException && DataAccessException.isConstraintViolation((SQLException) e.getCause()))) {
                throw e;
            }
            tx.inTransaction(c -> replace(c, id, purpose, subject, hash(purpose, subject, code), now, lifetime));
        }
        if (!senders.send(new OutboundMessage(id, MessageSender.SMS, phone, purpose, text.replace("{code}", code)))) {
            tx.inTransaction(c -> delete(c, id));
            throw noSender();
        }
        return (int) lifetime.toSeconds();
    }

    private Object replace(Connection c, String id, String purpose, String subject, String codeHash, Instant now,
                           Duration lifetime) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM platform_one_time_code WHERE (purpose = ? AND subject = ?) OR expires_at < ?")) {
            ps.setString(1, purpose);
            ps.setString(2, subject);
            ps.setTimestamp(3, Timestamp.from(now.minus(KEEP_USED)));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_one_time_code "
                + "(id, purpose, subject, code_hash, expires_at, attempts, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)")) {
            ps.setString(1, id);
            ps.setString(2, purpose);
            ps.setString(3, subject);
            ps.setString(4, codeHash);
            ps.setTimestamp(5, Timestamp.from(now.plus(lifetime)));
            ps.setTimestamp(6, Timestamp.from(now));
            ps.executeUpdate();
        }
        return null;
    }

    @Override
    public int sendNotice(String purpose, String subject, String phone, String text) {
        requireKey(purpose, subject);
        admit(purpose, subject);
        if (!senders.send(new OutboundMessage(Ids.newId(), MessageSender.SMS, phone, purpose, text))) {
            throw noSender();
        }
        return lifetimeSeconds();
    }

    @Override
    public int lifetimeSeconds() {
        return (int) ttl.toSeconds();
    }

    @Override
    public Checked check(String purpose, String subject, String code) {
        requireKey(purpose, subject);
        if (code == null || !code.trim().matches("[0-9]{6}")) {
            throw ProblemException.badField("code", "the code is the 6 digits of the text message");
        }
        String tried = code.trim();
        Instant now = clock.instant();
        // the try is counted first, in one conditional update: guesses sent in parallel each take one of the tries
        Object[] row = tx.inTransaction(c -> {
            String id = null;
            String expected = null;
            Instant expires = null;
            int attempts = 0;
            boolean used = false;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, code_hash, expires_at, attempts, used_at "
                    + "FROM platform_one_time_code WHERE purpose = ? AND subject = ?")) {
                ps.setString(1, purpose);
                ps.setString(2, subject);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getString(1);
                        expected = rs.getString(2);
                        expires = rs.getTimestamp(3).toInstant();
                        attempts = rs.getInt(4);
                        used = rs.getTimestamp(5) != null;
                    }
                }
            }
            if (id == null || used || attempts >= maxAttempts) {
                throw invalid();
            }
            if (!now.isBefore(expires)) {
                throw new ProblemException(400, "code_expired", "this code has expired: ask for a new one", "code");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE platform_one_time_code SET attempts = attempts + 1 "
                    + "WHERE id = ? AND used_at IS NULL AND attempts < ?")) {
                ps.setString(1, id);
                ps.setInt(2, maxAttempts);
                if (ps.executeUpdate() != 1) {
                    throw invalid();   // the last tries were taken by requests at the same moment
                }
            }
            return new Object[] {id, expected, attempts + 1};
        });
        if (!MessageDigest.isEqual(((String) row[1]).getBytes(StandardCharsets.US_ASCII),
                hash(purpose, subject, tried).getBytes(StandardCharsets.US_ASCII))) {
            int left = Math.max(0, maxAttempts - (Integer) row[2]);
            throw new ProblemException(400, "code_wrong", left == 0
                    ? "wrong code, and that was the last try: ask for a new code"
                    : "wrong code: " + left + " more " + (left == 1 ? "try" : "tries") + " with this code", "code");
        }
        return new Checked((String) row[0]);
    }

    @Override
    public void use(Connection c, Checked code) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE platform_one_time_code SET used_at = ? "
                + "WHERE id = ? AND used_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, code.id());
            if (ps.executeUpdate() != 1) {
                throw invalid();   // used by another request meanwhile, or replaced by a newer code
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static ProblemException noSender() {
        return new ProblemException(503, "no_message_sender",
                "the text message could not be sent: no gateway is installed or it failed; try again later");
    }

    private static ProblemException invalid() {
        return new ProblemException(400, "code_invalid", "no valid code: it was used, replaced by a newer one, "
                + "or tried wrong too often; ask for a new one", "code");
    }

    private void admit(String purpose, String subject) {
        RateLimits.Admission a = rateLimits.admit(RateLimits.ONE_TIME_CODE, RateLimits.ACCOUNT_KEY_PREFIX + purpose + ":" + subject);
        if (!a.isAllowed()) {
            throw new TooManyRequests("too many texts asked for this number; wait and try again", a.retryAfterSeconds());
        }
    }

    private static Object delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM platform_one_time_code WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        return null;
    }

    private static void requireKey(String purpose, String subject) {
        if (purpose == null || purpose.isBlank() || purpose.length() > 40 || subject == null || subject.isBlank()
                || subject.length() > 100) {
            throw new IllegalArgumentException("purpose (at most 40 characters) and subject (at most 100) are required");
        }
    }

    static String hash(String purpose, String subject, String code) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest((purpose + "\n" + subject + "\n" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
