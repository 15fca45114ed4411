package org.pediconsult.messaging.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of {@code etc/org.pediconsult.messaging.cfg}. */
@ObjectClassDefinition(name = "PediConsult messaging", description = "Embedded or external ActiveMQ broker")
@interface MessagingConfig {
    @AttributeDefinition(name = "Embedded broker", description = "true: run a persistent ActiveMQ broker inside "
            + "Karaf (data under <karaf.data>/activemq); false: connect to broker.url")
    boolean embedded() default true;

    @AttributeDefinition(name = "Broker URL", description = "Used when embedded=false, e.g. "
            + "failover:(tcp://mq1:61616,tcp://mq2:61616)")
    String broker_url() default "failover:(tcp://localhost:61616)";

    @AttributeDefinition(name = "User name", description = "Broker user (external broker)")
    String broker_user() default "";

    @AttributeDefinition(name = "Password", description = "Broker password (external broker)", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String broker_password() default "";

    @AttributeDefinition(name = "Embedded broker TCP listener", description = "Extra listener of the embedded "
            + "broker for other processes, e.g. tcp://127.0.0.1:61616; empty for none (in-JVM only)")
    String embedded_listen() default "";

    @AttributeDefinition(name = "Embedded broker data folder", description = "Empty: <karaf.data>/activemq")
    String embedded_data_directory() default "";
}
