package org.pediconsult.passwords.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of {@code etc/org.pediconsult.passwords.cfg}: the Argon2id cost of new password hashes. */
@ObjectClassDefinition(name = "PediConsult password hashing",
        description = "Argon2id cost of the password hashes written to etc/users.properties (Karaf JAAS encryption.name = pediconsult)")
@interface PasswordHashingConfig {
    @AttributeDefinition(name = "Memory (KiB)", description = "Memory of one hash; OWASP's minimum is 19456 (19 MiB). Each hash being computed holds this much heap")
    int memory_kib() default 19_456;

    @AttributeDefinition(name = "Iterations", description = "Passes over the memory; OWASP's minimum with 19 MiB is 2")
    int iterations() default 2;

    @AttributeDefinition(name = "Parallelism", description = "Lanes of one hash")
    int parallelism() default 1;

    @AttributeDefinition(name = "Concurrent hashes", description = "Hashes computed at the same time at most (bounds the heap they take: memory x this); more logins wait")
    int concurrent_hashes() default 4;

    @AttributeDefinition(name = "Wait (seconds)", description = "How long a login waits for a free slot before it is refused")
    int wait_seconds() default 30;
}
