package org.pediconsult.platform.internal.messages;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.message.MessageSender;
import org.pediconsult.platform.api.message.OutboundMessage;
import org.pediconsult.platform.api.security.PhoneNumbers;

/**
 * The embedded mode's text "gateway": messages land in {@code platform_dev_inbox} instead of a phone,
 * for INTEGRATION_ADMIN to read ({@code GET /api/dev-inbox}, the UI's development inbox) while trying
 * the sign-up or a delivery by hand. Runs only while {@code etc/org.pediconsult.devinbox.cfg} exists (the
 * production checklist removes it); registered with the lowest ranking, so a real gateway installed
 * beside it is tried first. Messages older than a day are deleted as new ones come in.
 */
@Component(service = {MessageSender.class, DevelopmentInbox.class}, configurationPid = "org.pediconsult.devinbox",
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {MessageSender.CHANNEL + "=" + MessageSender.SMS, MessageSender.NAME + "=development inbox",
                MessageSender.DEVELOPMENT + "=true", "service.ranking:Integer=-1000"})
public class DevelopmentInbox implements MessageSender {
    static final Duration KEPT = Duration.ofDays(1);
    private final Tx tx;
    private final Clock clock;

    /** One message as INTEGRATION_ADMIN reads it. */
    public record Item(String id, String channel, String to, String purpose, String text, Instant at) {
    }

    @Activate
    public DevelopmentInbox(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource, @Reference Clock clock,
                            @Reference SchemaMigrations schemaReady) {
        this(new Tx(dataSource), clock);
    }

    DevelopmentInbox(Tx tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void send(OutboundMessage m) {
        Instant now = clock.instant();
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM platform_dev_inbox WHERE created_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(now.minus(KEPT)));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_dev_inbox "
                    + "(id, channel, recipient, purpose, body, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, m.id());
                ps.setString(2, m.channel());
                ps.setString(3, m.to());
                ps.setString(4, m.purpose());
                ps.setString(5, m.text().length() > 1000 ? m.text().substring(0, 1000) : m.text());
                ps.setTimestamp(6, Timestamp.from(now));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The newest messages first (at most {@code limit}), to one number when {@code to} is given. */
    public List<Item> latest(String to, int limit) {
        String number = to == null || to.isBlank() ? null : PhoneNumbers.normalise(to);
        if (to != null && !to.isBlank() && number == null) {
            return List.of();
        }
        return tx.read(c -> {
            String sql = "SELECT id, channel, recipient, purpose, body, created_at FROM platform_dev_inbox"
                    + (number == null ? "" : " WHERE recipient = ?") + " ORDER BY created_at DESC, id FETCH FIRST "
                    + Math.max(1, Math.min(limit, 200)) + " ROWS ONLY";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (number != null) {
                    ps.setString(1, number);
                }
                List<Item> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getTimestamp(6).toInstant()));
                    }
                }
                return out;
            }
        });
    }
}
