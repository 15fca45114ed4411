package org.pediconsult.platform.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.message.MessageSendException;
import org.pediconsult.platform.api.message.MessageSender;
import org.pediconsult.platform.api.message.OutboundMessage;
import org.pediconsult.platform.api.security.RateLimits;
import org.pediconsult.platform.internal.MutableClock;
import org.pediconsult.platform.internal.PlatformDatabase;
import org.pediconsult.platform.internal.messages.MessageSenders;
import org.pediconsult.platform.internal.ratelimit.TooManyRequests;

class DatabaseOneTimeCodesTest {
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));
    private final DataSource db = PlatformDatabase.migrated();
    private final Tx tx = new Tx(db);
    private final List<OutboundMessage> sent = new ArrayList<>();
    private final MessageSenders senders = new MessageSenders();
    private RateLimits limits = (kind, key) -> RateLimits.Admission.allowed();

    DatabaseOneTimeCodesTest() {
        senders.addSender(sent::add, Map.of(MessageSender.CHANNEL, MessageSender.SMS));
    }

    private DatabaseOneTimeCodes codes() {
        return new DatabaseOneTimeCodes(tx, clock, senders, (kind, key) -> limits.admit(kind, key), Duration.ofMinutes(5), 5);
    }

    private String lastCode() {
        Matcher m = CODE.matcher(sent.get(sent.size() - 1).text());
        assertTrue(m.find(), "a six-digit code in the text");
        return m.group(1);
    }

    /** Checks the code, then uses it in a transaction of the caller's, as sign-up does. */
    private void consume(DatabaseOneTimeCodes codes, String code) {
        var checked = codes.check("sign-up", "13800138000", code);
        tx.inTransaction(c -> {
            codes.use(c, checked);
            return null;
        });
    }

    @Test
    void aCodeIsGoodOnceAndTheTextCarriesIt() {
        DatabaseOneTimeCodes codes = codes();
        assertEquals(300, codes.send("sign-up", "13800138000", "13800138000", "验证码 {code}; code {code}"));
        OutboundMessage m = sent.get(0);
        assertEquals("13800138000", m.to());
        assertEquals("sign-up", m.purpose());
        assertFalse(m.text().contains("{code}"));
        String code = lastCode();
        consume(codes, code);
        ProblemException reused = assertThrows(ProblemException.class, () -> consume(codes, code));
        assertEquals("code_invalid", reused.code());
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        DatabaseOneTimeCodes codes = codes();
        codes.send("sign-up", "13800138000", "13800138000", "{code}");
        String code = lastCode();
        clock.advance(Duration.ofSeconds(300));
        ProblemException e = assertThrows(ProblemException.class, () -> consume(codes, code));
        assertEquals("code_expired", e.code());
    }

    @Test
    void aCodeGivenItsOwnLifetimeOutlivesTheFiveMinutesAndAnotherCodesCleanUpKeepsIt() {
        DatabaseOneTimeCodes codes = codes();
        assertEquals(72 * 3600, codes.send("delivery", "d-1", "13800138000", "{code}", Duration.ofHours(72)));
        String parcel = lastCode();
        clock.advance(Duration.ofHours(48));
        codes.send("sign-up", "13800138001", "13800138001", "{code}"); // cleans up old rows: not this one
        var checked = codes.check("delivery", "d-1", parcel);
        tx.inTransaction(c -> {
            codes.use(c, checked);
            return null;
        });
        codes.send("delivery", "d-2", "13800138000", "{code}", Duration.ofHours(1));
        String late = lastCode();
        clock.advance(Duration.ofMinutes(61));
        assertEquals("code_expired", assertThrows(ProblemException.class, () -> codes.check("delivery", "d-2", late)).code());
        assertThrows(IllegalArgumentException.class, () -> codes.send("delivery", "d-3", "13800138000", "{code}", Duration.ofDays(8)));
    }

    @Test
    void wrongTriesCountEvenWhenTheCallersWorkRollsBackAndTheFifthKillsTheCode() {
        DatabaseOneTimeCodes codes = codes();
        codes.send("sign-up", "13800138000", "13800138000", "{code}");
        String code = lastCode();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 0; left--) {
            ProblemException e = assertThrows(ProblemException.class, () -> consume(codes, wrong));
            assertEquals("code_wrong", e.code());
            assertTrue(e.getMessage().contains(left == 0 ? "last try" : left + " more"), e.getMessage());
        }
        ProblemException dead = assertThrows(ProblemException.class, () -> consume(codes, code));
        assertEquals("code_invalid", dead.code(), "even the right code, once tried wrong 5 times");
    }

    @Test
    void guessesSentTogetherShareTheFiveTries() throws Exception {
        DatabaseOneTimeCodes codes = codes();
        codes.send("sign-up", "13800138000", "13800138000", "{code}");
        String code = lastCode();
        int n = 24;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String guess = String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000);
            answers.add(pool.submit(() -> {
                start.await();
                try {
                    codes.check("sign-up", "13800138000", guess);
                    return "right";
                } catch (ProblemException e) {
                    return e.code();
                }
            }));
        }
        start.countDown();
        int wrong = 0;
        for (var a : answers) {
            String answer = a.get();
            if ("code_wrong".equals(answer)) {
                wrong++;
            } else {
                assertEquals("code_invalid", answer);
            }
        }
        pool.shutdown();
        assertEquals(5, wrong, "only five of the parallel guesses were compared at all");
        ProblemException dead = assertThrows(ProblemException.class, () -> codes.check("sign-up", "13800138000", code));
        assertEquals("code_invalid", dead.code());
    }

    @Test
    void aRightCodeWhoseWorkRolledBackIsStillGood() {
        DatabaseOneTimeCodes codes = codes();
        codes.send("sign-up", "13800138000", "13800138000", "{code}");
        String code = lastCode();
        var checked = codes.check("sign-up", "13800138000", code);
        assertThrows(IllegalStateException.class, () -> tx.inTransaction(c -> {
            codes.use(c, checked);
            throw new IllegalStateException("the sign-up failed after the code");
        }));
        consume(codes, code);
    }

    @Test
    void aNoticeIsSentUnderTheSameLimitsWithoutACode() {
        List<String> keys = new ArrayList<>();
        limits = (kind, key) -> {
            keys.add(kind + " " + key);
            return RateLimits.Admission.allowed();
        };
        assertEquals(300, codes().sendNotice("sign-up", "13800138000", "13800138000", "already registered"));
        assertEquals("already registered", sent.get(0).text());
        assertEquals(List.of("one-time-code account:sign-up:13800138000"), keys);
    }

    @Test
    void aNewCodeReplacesTheOneBefore() {
        DatabaseOneTimeCodes codes = codes();
        codes.send("sign-up", "13800138000", "13800138000", "{code}");
        String first = lastCode();
        codes.send("sign-up", "13800138000", "13800138000", "{code}");
        String second = lastCode();
        if (!first.equals(second)) {
            ProblemException e = assertThrows(ProblemException.class, () -> consume(codes, first));
            assertEquals("code_wrong", e.code());
        }
        consume(codes, second);
    }

    @Test
    void codesOfAnotherPurposeOrNumberDoNotMix() {
        DatabaseOneTimeCodes codes = codes();
        codes.send("password-reset", "13800138000", "13800138000", "{code}");
        String code = lastCode();
        ProblemException e = assertThrows(ProblemException.class, () -> consume(codes, code));
        assertEquals("code_invalid", e.code(), "a reset code is no sign-up code");
    }

    @Test
    void malformedCodesAreRefusedWithoutCountingATry() {
        DatabaseOneTimeCodes codes = codes();
        codes.send("sign-up", "13800138000", "13800138000", "{code}");
        for (String bad : new String[] {null, "", "12345", "1234567", "abcdef", "12 345"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> consume(codes, bad));
            assertEquals("code", e.field());
            assertEquals(400, e.status());
        }
        consume(codes, lastCode());
    }

    @Test
    void sendingIsLimitedPerNumber() {
        List<String> keys = new ArrayList<>();
        limits = (kind, key) -> {
            keys.add(kind + " " + key);
            return keys.size() > 2 ? RateLimits.Admission.refused(60) : RateLimits.Admission.allowed();
        };
        DatabaseOneTimeCodes codes = codes();
        codes.send("sign-up", "13800138000", "13800138000", "{code}");
        codes.send("sign-up", "13800138000", "13800138000", "{code}");
        TooManyRequests e = assertThrows(TooManyRequests.class,
                () -> codes.send("sign-up", "13800138000", "13800138000", "{code}"));
        assertEquals(60, e.retryAfterSeconds());
        assertEquals("one-time-code account:sign-up:13800138000", keys.get(0));
        assertEquals(2, sent.size(), "the refused request sent nothing");
    }

    @Test
    void whenNoSenderCanSendTheCodeIsNotKept() {
        MessageSenders failing = new MessageSenders();
        failing.addSender(m -> {
            throw new MessageSendException("gateway down");
        }, Map.of(MessageSender.CHANNEL, MessageSender.SMS));
        DatabaseOneTimeCodes codes = new DatabaseOneTimeCodes(tx, clock, failing, limits, Duration.ofMinutes(5), 5);
        ProblemException e = assertThrows(ProblemException.class,
                () -> codes.send("sign-up", "13800138000", "13800138000", "{code}"));
        assertEquals(503, e.status());
        int rows = tx.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM platform_one_time_code")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertEquals(0, rows);
    }
}
