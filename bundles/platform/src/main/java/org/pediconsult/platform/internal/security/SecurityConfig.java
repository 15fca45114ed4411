package org.pediconsult.platform.internal.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of {@code etc/org.pediconsult.security.cfg}. */
@ObjectClassDefinition(name = "PediConsult security", description = "Login, bearer tokens and lockout")
public @interface SecurityConfig {
    @AttributeDefinition(name = "JAAS realm", description = "Realm that checks user names and passwords: "
            + "'karaf' (etc/users.properties) in embedded mode, an LDAP or JDBC realm in production")
    String jaas_realm() default "karaf";

    @AttributeDefinition(name = "Token lifetime (s)", description = "Lifetime of an access token")
    int token_ttl_seconds() default 3600;

    @AttributeDefinition(name = "Issuer", description = "The iss claim of issued tokens")
    String token_issuer() default "pediconsult";

    @AttributeDefinition(name = "Signing key file", description = "JWK file with the RSA signing key; "
            + "generated on first start when missing (empty: <karaf.data>/pediconsult/jwt-signing-key.json)")
    String token_key_file() default "";

    @AttributeDefinition(name = "Failed logins before lockout")
    int lockout_max_failures() default 5;

    @AttributeDefinition(name = "Failure window (s)", description = "Failures older than this are forgotten")
    int lockout_window_seconds() default 900;

    @AttributeDefinition(name = "Lockout duration (s)")
    int lockout_duration_seconds() default 900;

    @AttributeDefinition(name = "One-time code lifetime (s)", description = "How long a sign-up, reset or delivery code is good")
    int code_ttl_seconds() default 300;

    @AttributeDefinition(name = "Wrong tries per one-time code", description = "After this many wrong tries the code is dead")
    int code_max_attempts() default 5;
}
