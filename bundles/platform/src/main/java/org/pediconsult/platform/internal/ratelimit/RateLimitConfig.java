package org.pediconsult.platform.internal.ratelimit;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of {@code etc/org.pediconsult.ratelimit.cfg}: for each kind of call and key type, how many
 * calls a key may make, refilled evenly over a period (a token bucket: a full bucket allows a burst of
 * {@code limit} calls at once). A limit of 0 turns that check off. The defaults are far above what a
 * clinic day needs (see the platform README) and far below what a flood sends.
 */
@ObjectClassDefinition(name = "PediConsult rate limits",
        description = "Calls per key (client address or account) and period, per kind of call")
public @interface RateLimitConfig {
    @AttributeDefinition(name = "Logins per address", description = "POST /api/auth/token per client address and period")
    int login_address_limit() default 100;

    @AttributeDefinition(name = "Login period per address (s)")
    int login_address_period_seconds() default 60;

    @AttributeDefinition(name = "Logins per user name", description = "POST /api/auth/token per user name "
            + "(trimmed, lower-case) and period, right or wrong password; wrong passwords also count towards the lockout")
    int login_account_limit() default 30;

    @AttributeDefinition(name = "Login period per user name (s)")
    int login_account_period_seconds() default 60;

    @AttributeDefinition(name = "API calls per address", description = "Authenticated REST calls per client address and period")
    int api_address_limit() default 3000;

    @AttributeDefinition(name = "API period per address (s)")
    int api_address_period_seconds() default 60;

    @AttributeDefinition(name = "API calls per account", description = "Authenticated REST calls per account and period")
    int api_account_limit() default 1200;

    @AttributeDefinition(name = "API period per account (s)")
    int api_account_period_seconds() default 60;

    @AttributeDefinition(name = "Video room sign-ins per address",
            description = "Sign-ins ('auth' messages) on the signaling socket per client address and period")
    int room$_$sign$_$in_address_limit() default 30;

    @AttributeDefinition(name = "Video room sign-in period per address (s)")
    int room$_$sign$_$in_address_period_seconds() default 60;

    @AttributeDefinition(name = "One-time-code calls per address", description = "Sign-up and password-reset calls "
            + "(asking for a code, or using one) per client address and period")
    int one$_$time$_$code_address_limit() default 60;

    @AttributeDefinition(name = "One-time-code period per address (s)")
    int one$_$time$_$code_address_period_seconds() default 600;

    @AttributeDefinition(name = "One-time codes per mobile number", description = "Codes sent to one mobile number "
            + "(or for one delivery) per period; each code also dies after 5 wrong tries")
    int one$_$time$_$code_account_limit() default 5;

    @AttributeDefinition(name = "One-time-code period per mobile number (s)")
    int one$_$time$_$code_account_period_seconds() default 900;

    @AttributeDefinition(name = "HL7 connections per address", description = "New MLLP connections per sender address and period")
    int hl7$_$connection_address_limit() default 600;

    @AttributeDefinition(name = "HL7 connection period per address (s)")
    int hl7$_$connection_address_period_seconds() default 60;

    @AttributeDefinition(name = "Keys kept per limit", description = "Most keys tracked per kind and key type; "
            + "keys idle for a whole period are forgotten (their bucket is full again). Beyond this many, new keys "
            + "share one bucket, so memory stays bounded under a flood from many addresses")
    int max_keys() default 10_000;
}
