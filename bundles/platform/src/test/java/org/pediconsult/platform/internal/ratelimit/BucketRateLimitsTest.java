package org.pediconsult.platform.internal.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.RecordingAuditTrail;
import org.pediconsult.platform.api.security.RateLimits;
import org.pediconsult.platform.api.security.RateLimits.Admission;

class BucketRateLimitsTest {
    private final FakeTime time = new FakeTime();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final List<AuditEntry> audited = audit.entries();

    /** The shipped defaults, with a few settings changed. */
    static class Config implements RateLimitConfig {
        int loginAddress = 100;
        int loginAccount = 30;
        int apiAddress = 3000;
        int roomSignIn = 30;
        int maxKeys = 10_000;

        @Override public int login_address_limit() { return loginAddress; }
        @Override public int login_address_period_seconds() { return 60; }
        @Override public int login_account_limit() { return loginAccount; }
        @Override public int login_account_period_seconds() { return 60; }
        @Override public int api_address_limit() { return apiAddress; }
        @Override public int api_address_period_seconds() { return 60; }
        @Override public int api_account_limit() { return 1200; }
        @Override public int api_account_period_seconds() { return 60; }
        @Override public int room$_$sign$_$in_address_limit() { return roomSignIn; }
        @Override public int room$_$sign$_$in_address_period_seconds() { return 60; }
        @Override public int one$_$time$_$code_address_limit() { return 60; }
        @Override public int one$_$time$_$code_address_period_seconds() { return 600; }
        @Override public int one$_$time$_$code_account_limit() { return 5; }
        @Override public int one$_$time$_$code_account_period_seconds() { return 900; }
        @Override public int hl7$_$connection_address_limit() { return 600; }
        @Override public int hl7$_$connection_address_period_seconds() { return 60; }
        @Override public int max_keys() { return maxKeys; }
        @Override public Class<? extends Annotation> annotationType() { return RateLimitConfig.class; }
    }

    private BucketRateLimits limits(Config config) {
        return new BucketRateLimits(config, audit, time, false);
    }

    private static int admitted(RateLimits limits, String kind, String key, int tries) {
        int n = 0;
        for (int i = 0; i < tries; i++) {
            if (limits.admit(kind, key).isAllowed()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aFullBucketAllowsTheLimitAtOnceThenRefusesWithTheWait() {
        BucketRateLimits limits = limits(new Config());
        assertEquals(100, admitted(limits, RateLimits.LOGIN, "10.0.0.7", 150));
        Admission refused = limits.admit(RateLimits.LOGIN, "10.0.0.7");
        assertFalse(refused.isAllowed());
        assertEquals(1, refused.retryAfterSeconds(), "100 per 60 s refills one permit every 0.6 s");
        time.advance(Duration.ofMillis(600));
        assertTrue(limits.admit(RateLimits.LOGIN, "10.0.0.7").isAllowed());
        assertFalse(limits.admit(RateLimits.LOGIN, "10.0.0.7").isAllowed());
    }

    @Test
    void retryAfterIsTheTimeToTheNextPermitRoundedUp() {
        Config c = new Config();
        c.roomSignIn = 2; // 2 per 60 s: one permit every 30 s
        BucketRateLimits limits = limits(c);
        assertEquals(2, admitted(limits, RateLimits.ROOM_SIGN_IN, "10.0.0.7", 2));
        assertEquals(30, limits.admit(RateLimits.ROOM_SIGN_IN, "10.0.0.7").retryAfterSeconds());
        time.advance(Duration.ofMillis(10_500));
        assertEquals(20, limits.admit(RateLimits.ROOM_SIGN_IN, "10.0.0.7").retryAfterSeconds());
    }

    @Test
    void keysKindsAndKeyTypesCountSeparately() {
        BucketRateLimits limits = limits(new Config());
        assertEquals(100, admitted(limits, RateLimits.LOGIN, "10.0.0.7", 120));
        assertTrue(limits.admit(RateLimits.LOGIN, "10.0.0.8").isAllowed(), "another address");
        assertTrue(limits.admit(RateLimits.API, "10.0.0.7").isAllowed(), "another kind");
        assertEquals(30, admitted(limits, RateLimits.LOGIN, RateLimits.ACCOUNT_KEY_PREFIX + "10.0.0.9", 40),
                "a user name that looks like an address counts under the account limit");
        assertTrue(limits.admit(RateLimits.LOGIN, "10.0.0.9").isAllowed(), "and does not use up that address");
    }

    @Test
    void aKindWithoutLimitsAlwaysAdmits() {
        Config c = new Config();
        c.loginAccount = 0;
        BucketRateLimits limits = limits(c);
        assertEquals(1000, admitted(limits, RateLimits.LOGIN, RateLimits.ACCOUNT_KEY_PREFIX + "dr.wang", 1000));
        assertEquals(1000, admitted(limits, "something-else", "10.0.0.7", 1000));
        assertEquals(1000, admitted(limits, RateLimits.ROOM_SIGN_IN, RateLimits.ACCOUNT_KEY_PREFIX + "dr.wang", 1000),
                "no per-account limit of room sign-ins");
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareABucket() {
        Config c = new Config();
        c.roomSignIn = 3;
        BucketRateLimits limits = limits(c);
        assertTrue(limits.admit(RateLimits.ROOM_SIGN_IN, "2001:db8:1:2::1").isAllowed());
        assertTrue(limits.admit(RateLimits.ROOM_SIGN_IN, "2001:db8:1:2:aaaa::99").isAllowed());
        assertTrue(limits.admit(RateLimits.ROOM_SIGN_IN, "[2001:db8:1:2:ffff:ffff:ffff:ffff]").isAllowed());
        assertFalse(limits.admit(RateLimits.ROOM_SIGN_IN, "2001:db8:1:2::7").isAllowed());
        assertTrue(limits.admit(RateLimits.ROOM_SIGN_IN, "2001:db8:1:3::1").isAllowed(), "another /64");
        assertEquals("2001:db8:1:2:0:0:0:0/64", AddressKey.of("2001:db8:1:2::1"));
        assertEquals("10.1.2.3", AddressKey.of("::ffff:10.1.2.3"));
        assertEquals("not an address", AddressKey.of("not an address"));
    }

    @Test
    void idleKeysAreForgottenAndMemoryStaysBoundedUnderAFloodOfKeys() {
        Config c = new Config();
        c.maxKeys = 50;
        c.apiAddress = 2;
        BucketRateLimits limits = limits(c);
        for (int i = 0; i < 1000; i++) {
            limits.admit(RateLimits.API, "10.0." + (i / 250) + "." + (i % 250));
        }
        assertEquals(51, limits.trackedKeys(), "50 keys of their own, the rest share the overflow bucket");
        assertFalse(limits.admit(RateLimits.API, "10.9.9.9").isAllowed(), "newcomers share the exhausted overflow bucket");
        time.advance(Duration.ofSeconds(60));
        assertEquals(51, limits.forgetIdle());
        assertEquals(0, limits.trackedKeys());
        assertTrue(limits.admit(RateLimits.API, "10.9.9.9").isAllowed());
    }

    @Test
    void aRunOfLoginRefusalsIsAuditedOnceAtItsStart() {
        Config c = new Config();
        c.loginAccount = 2;
        BucketRateLimits limits = limits(c);
        admitted(limits, RateLimits.LOGIN, RateLimits.ACCOUNT_KEY_PREFIX + "dr.wang", 50);
        assertEquals(1, audited.size());
        assertEquals("dr.wang", audited.get(0).actor());
        assertEquals(AuditEntry.Action.LOGIN_FAILED, audited.get(0).action());
        time.advance(Duration.ofSeconds(60));
        admitted(limits, RateLimits.LOGIN, RateLimits.ACCOUNT_KEY_PREFIX + "dr.wang", 50);
        assertEquals(2, audited.size(), "a new run after the bucket filled again");
        c.roomSignIn = 1;
        BucketRateLimits rooms = limits(c);
        admitted(rooms, RateLimits.ROOM_SIGN_IN, "10.0.0.7", 20);
        assertEquals(2, audited.size(), "other kinds are logged, not audited");
    }
}
