package org.pediconsult.platform.internal.security;

/**
 * What {@link DemoPasswordCheck} reads from two files it shares with others: {@code demo.data} of
 * etc/org.pediconsult.consultation.cfg (the consultation bundle seeds the demo data with it) and
 * {@code jaas.realm} of etc/org.pediconsult.security.cfg. No metatype here: each setting is
 * described by the component that owns its file.
 */
@interface DemoAccountsConfig {
    boolean demo_data() default false;

    String jaas_realm() default "karaf";
}
