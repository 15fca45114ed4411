package org.pediconsult.pharmacy.internal.delivery;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The bundle's settings ({@link LogisticsConfig}), read on each decision: a change applies at once, nothing restarts. */
@Component(service = LogisticsSettings.class, configurationPid = "org.pediconsult.pharmacy")
@Designate(ocd = LogisticsConfig.class)
public class LogisticsSettings {
    private volatile LogisticsConfig config;

    @Activate
    @Modified
    void configure(LogisticsConfig config) {
        this.config = config;
    }

    public int lotExpiryMarginDays() {
        return Math.max(0, config.lot_expiry_margin_days());
    }

    public int maxAttempts() {
        return Math.max(1, config.max_attempts());
    }

    public Duration codeLifetime() {
        return Duration.ofHours(Math.min(24 * 7, Math.max(1, config.code_lifetime_hours())));
    }

    public double coldMin() {
        return config.cold_min_celsius();
    }

    public double coldMax() {
        return config.cold_max_celsius();
    }

    public int maxReadingsPerUpload() {
        return Math.max(1, config.max_readings_per_upload());
    }

    public String zone() {
        return config.zone();
    }
}
