package org.pediconsult.messaging.internal;

import java.io.File;
import java.util.Dictionary;
import java.util.Hashtable;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.RedeliveryPolicy;
import org.apache.activemq.broker.BrokerService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded broker when configured, then offers a {@link ConnectionFactory} service.
 * Consumers see only the jakarta.jms API, so moving to another broker version or product is a
 * change of this bundle alone.
 */
@Component(immediate = true, configurationPid = "org.pediconsult.messaging")
@Designate(ocd = MessagingConfig.class)
public class ConnectionFactoryProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFactoryProvider.class);

    private final BrokerService broker;
    private final ServiceRegistration<ConnectionFactory> registration;

    @Activate
    public ConnectionFactoryProvider(MessagingConfig config, BundleContext context) throws Exception {
        ClassLoader own = getClass().getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(own);
        try {
            ActiveMQConnectionFactory factory;
            Dictionary<String, Object> props = new Hashtable<>();
            if (config.embedded()) {
                File data = config.embedded_data_directory().isBlank()
                        ? new File(System.getProperty("karaf.data", "data"), "activemq")
                        : new File(config.embedded_data_directory());
                broker = EmbeddedBroker.start(data, config.embedded_listen());
                factory = new ActiveMQConnectionFactory("vm://" + EmbeddedBroker.NAME + "?create=false");
                props.put("pediconsult.broker", "embedded");
                LOG.info("embedded ActiveMQ broker started, data in {}", data);
            } else {
                broker = null;
                factory = new ActiveMQConnectionFactory(config.broker_url());
                if (!config.broker_user().isBlank()) {
                    factory.setUserName(config.broker_user());
                    factory.setPassword(config.broker_password());
                }
                props.put("pediconsult.broker", "external");
                LOG.info("using the external ActiveMQ broker configured in broker.url");
            }
            RedeliveryPolicy redelivery = factory.getRedeliveryPolicy();
            redelivery.setInitialRedeliveryDelay(500);
            redelivery.setUseExponentialBackOff(true);
            redelivery.setMaximumRedeliveries(6);
            registration = context.registerService(ConnectionFactory.class, new ClassLoaderPinnedConnectionFactory(factory, own), props);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Deactivate
    void stop() throws Exception {
        registration.unregister();
        if (broker != null) {
            broker.stop();
            broker.waitUntilStopped();
        }
    }
}
