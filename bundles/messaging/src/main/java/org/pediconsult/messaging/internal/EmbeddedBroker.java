package org.pediconsult.messaging.internal;

import java.io.File;

import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.DestinationInterceptor;
import org.apache.activemq.broker.region.policy.PolicyEntry;
import org.apache.activemq.broker.region.policy.PolicyMap;
import org.apache.activemq.broker.region.virtual.VirtualDestination;
import org.apache.activemq.broker.region.virtual.VirtualDestinationInterceptor;
import org.apache.activemq.broker.region.virtual.VirtualTopic;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;

/**
 * A persistent ActiveMQ Classic broker in the Karaf JVM. Domain events are published to topics
 * {@code pediconsult.<domain>.<event>}; the virtual-topic rule below copies each into the queues
 * {@code Consumer.<name>.pediconsult.<domain>.<event>} of its consumers, which is what makes events
 * wait for a stopped consumer. An external broker needs the same rule (README).
 */
final class EmbeddedBroker {
    static final String NAME = "pediconsult";

    private EmbeddedBroker() {
    }

    static BrokerService start(File dataDirectory, String listen) throws Exception {
        BrokerService broker = new BrokerService();
        broker.setBrokerName(NAME);
        broker.setPersistent(true);
        broker.setDataDirectoryFile(dataDirectory);
        KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
        kahaDb.setDirectory(new File(dataDirectory, "kahadb"));
        broker.setPersistenceAdapter(kahaDb);
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setAdvisorySupport(false);
        broker.setSchedulerSupport(false);
        broker.setPlugins(new BrokerPlugin[0]);
        broker.getSystemUsage().getStoreUsage().setLimit(2L * 1024 * 1024 * 1024);
        broker.getSystemUsage().getTempUsage().setLimit(512L * 1024 * 1024);

        VirtualTopic events = new VirtualTopic();
        events.setName("pediconsult.>");
        events.setPrefix("Consumer.*.");
        events.setSelectorAware(false);
        VirtualDestinationInterceptor interceptor = new VirtualDestinationInterceptor();
        interceptor.setVirtualDestinations(new VirtualDestination[] {events});
        broker.setDestinationInterceptors(new DestinationInterceptor[] {interceptor});

        PolicyEntry queues = new PolicyEntry();
        queues.setQueue(">");
        queues.setPrioritizedMessages(false);
        PolicyMap policies = new PolicyMap();
        policies.setDefaultEntry(queues);
        broker.setDestinationPolicy(policies);

        if (listen != null && !listen.isBlank()) {
            broker.addConnector(listen.trim());
        }
        broker.start();
        broker.waitUntilStarted();
        return broker;
    }
}
