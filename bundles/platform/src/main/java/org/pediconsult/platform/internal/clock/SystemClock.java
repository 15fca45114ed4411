package org.pediconsult.platform.internal.clock;

import java.time.Clock;

import org.osgi.service.component.annotations.Component;

/**
 * The platform clock as a service: components take {@link Clock} by reference, so a test registers
 * a fixed or offset clock with a higher service ranking and every component uses it.
 */
@Component(service = Clock.class, property = {"service.ranking:Integer=0", "pediconsult.clock=system"})
public class SystemClock extends Clock {
    private final Clock utc = Clock.systemUTC();

    @Override
    public java.time.ZoneId getZone() {
        return utc.getZone();
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
        return utc.withZone(zone);
    }

    @Override
    public java.time.Instant instant() {
        return utc.instant();
    }
}
