package org.pediconsult.prescription.internal.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute, signed prescriptions whose validity ended become EXPIRED (with their event), a hundred at
 * a time. Safe on several nodes: each change is a conditional update.
 */
@Component(immediate = true)
public class ExpirySweep {
    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweep.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "prescription-expiry");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ExpirySweep(@Reference PrescriptionService prescriptions) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                int n = prescriptions.expireLapsed(100);
                if (n > 0) {
                    LOG.info("{} prescriptions expired", n);
                }
            } catch (RuntimeException e) {
                LOG.warn("prescription expiry sweep failed; next try in a minute: {}", e.toString());
            }
        }, 60, 60, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }
}
