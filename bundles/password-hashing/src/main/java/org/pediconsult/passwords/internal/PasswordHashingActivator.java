package org.pediconsult.passwords.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedService;

/**
 * Registers the encryption service as the bundle starts, without Declarative Services, on purpose:
 * Karaf's JAAS bundle (start level 30), configured with {@code encryption.name = pediconsult}, waits
 * for this service inside its own start (up to 10 s, blocking the boot, then up to 20 s more before
 * it gives up hashing users.properties), and SCR starts at the same level in no guaranteed order. This
 * bundle starts at level 29 (features.xml) and needs only the framework, so the service is there
 * before Karaf's JAAS starts. Settings come from ConfigurationAdmin (PID org.pediconsult.passwords)
 * and change the service in place.
 */
public final class PasswordHashingActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        PediConsultEncryptionService service = new PediConsultEncryptionService(PasswordHashingSettings.DEFAULTS);
        Dictionary<String, Object> serviceProperties = new Hashtable<>();
        serviceProperties.put("name", "pediconsult");
        context.registerService(EncryptionService.class, service, serviceProperties);

        Dictionary<String, Object> managed = new Hashtable<>();
        managed.put(Constants.SERVICE_PID, PasswordHashingSettings.PID);
        context.registerService(ManagedService.class, (ManagedService) properties -> {
            try {
                service.configure(PasswordHashingSettings.from(properties));
            } catch (IllegalArgumentException e) {
                // the previous settings stay; ConfigurationAdmin logs the error with the PID
                throw new ConfigurationException(null, e.getMessage(), e);
            }
        }, managed);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters both services
    }
}
