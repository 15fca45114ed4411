package org.pediconsult.platform.internal.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.TimeMeter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.security.RateLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RateLimits} with Bucket4j token buckets kept in this node's memory, configured in
 * {@code etc/org.pediconsult.ratelimit.cfg}. Keys starting with {@link RateLimits#ACCOUNT_KEY_PREFIX}
 * draw on the kind's per-account limit, all others on its per-address limit; IPv6 addresses count
 * per /64 network (one host owns a whole /64). Idle keys are forgotten every minute. Each run of
 * refusals of a key is logged once, at its start, and for logins also audited ({@code LOGIN_FAILED}):
 * once per run, so a flood cannot turn into a flood of audit rows.
 */
@Component(service = RateLimits.class, configurationPid = "org.pediconsult.ratelimit")
@Designate(ocd = RateLimitConfig.class)
public class BucketRateLimits implements RateLimits {
    private static final Logger LOG = LoggerFactory.getLogger(BucketRateLimits.class);

    private final TimeMeter time;
    private final AuditTrail audit;
    private volatile Map<String, KeyedBuckets> limits;
    private final ScheduledExecutorService sweeper;

    @Activate
    public BucketRateLimits(@Reference AuditTrail audit, RateLimitConfig config) {
        this(config, audit, TimeMeter.SYSTEM_NANOTIME, true);
    }

    BucketRateLimits(RateLimitConfig config, AuditTrail audit, TimeMeter time, boolean sweepInBackground) {
        this.audit = audit;
        this.time = time;
        configure(config);
        if (sweepInBackground) {
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pediconsult-rate-limit-sweeper");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(this::forgetIdle, 60, 60, TimeUnit.SECONDS);
        } else {
            sweeper = null;
        }
    }

    /**
     * A changed etc/org.pediconsult.ratelimit.cfg: new limits, buckets start full. The service stays
     * registered, so the REST endpoint and the signaling sockets that use it are not restarted.
     */
    @Modified
    void configure(RateLimitConfig config) {
        Map<String, KeyedBuckets> m = new HashMap<>();
        int maxKeys = config.max_keys();
        add(m, LOGIN, false, config.login_address_limit(), config.login_address_period_seconds(), maxKeys, time);
        add(m, LOGIN, true, config.login_account_limit(), config.login_account_period_seconds(), maxKeys, time);
        add(m, API, false, config.api_address_limit(), config.api_address_period_seconds(), maxKeys, time);
        add(m, API, true, config.api_account_limit(), config.api_account_period_seconds(), maxKeys, time);
        add(m, ROOM_SIGN_IN, false, config.room$_$sign$_$in_address_limit(),
                config.room$_$sign$_$in_address_period_seconds(), maxKeys, time);
        add(m, ONE_TIME_CODE, false, config.one$_$time$_$code_address_limit(),
                config.one$_$time$_$code_address_period_seconds(), maxKeys, time);
        add(m, ONE_TIME_CODE, true, config.one$_$time$_$code_account_limit(),
                config.one$_$time$_$code_account_period_seconds(), maxKeys, time);
        add(m, HL7_CONNECTION, false, config.hl7$_$connection_address_limit(),
                config.hl7$_$connection_address_period_seconds(), maxKeys, time);
        this.limits = Map.copyOf(m);
        LOG.info("rate limits: {}", describe());
    }

    private static void add(Map<String, KeyedBuckets> m, String kind, boolean account, int limit, int periodSeconds,
                            int maxKeys, TimeMeter time) {
        if (limit <= 0) {
            return;
        }
        if (periodSeconds <= 0) {
            throw new IllegalArgumentException(kind + (account ? ".account" : ".address") + ".period.seconds must be positive");
        }
        String name = name(kind, account);
        m.put(name, new KeyedBuckets(name, limit, Duration.ofSeconds(periodSeconds), maxKeys, time));
    }

    private static String name(String kind, boolean account) {
        return kind + (account ? " per account" : " per address");
    }

    @Override
    public Admission admit(String kind, String key) {
        if (kind == null || key == null) {
            throw new IllegalArgumentException("kind and key are required");
        }
        boolean account = key.startsWith(ACCOUNT_KEY_PREFIX);
        KeyedBuckets buckets = limits.get(name(kind, account));
        if (buckets == null) {
            return Admission.allowed();
        }
        String normalised = account ? key : AddressKey.of(key);
        KeyedBuckets.Outcome outcome = buckets.take(normalised);
        if (outcome.allowed()) {
            return Admission.allowed();
        }
        if (outcome.firstRefusal()) {
            firstRefusal(kind, account, buckets, normalised);
        }
        return Admission.refused((outcome.nanosToWait() + 999_999_999L) / 1_000_000_000L);
    }

    private void firstRefusal(String kind, boolean account, KeyedBuckets buckets, String key) {
        String what = "rate limit " + buckets.name() + " (" + buckets.limit() + " per " + buckets.period().toSeconds()
                + " s) reached by " + (account ? "this account" : key);
        LOG.warn("{}{}: refusing until it slows down", what, account ? " " + key.substring(ACCOUNT_KEY_PREFIX.length()) : "");
        if (LOGIN.equals(kind)) {
            try {
                String actor = account ? key.substring(ACCOUNT_KEY_PREFIX.length()) : "anonymous";
                audit.record(new AuditEntry(actor.length() > 100 ? actor.substring(0, 100) : actor,
                        AuditEntry.Action.LOGIN_FAILED, "session", null, null, what + "; logins refused (429)"));
            } catch (RuntimeException e) {
                LOG.warn("audit of a rate-limit refusal failed: {}", e.toString());
            }
        }
    }

    /** Forgets the keys idle for a whole period, in every limit; answers how many. */
    int forgetIdle() {
        int forgotten = 0;
        for (KeyedBuckets b : limits.values()) {
            forgotten += b.forgetIdle();
        }
        return forgotten;
    }

    /** Keys tracked right now, over all limits. */
    int trackedKeys() {
        return limits.values().stream().mapToInt(KeyedBuckets::size).sum();
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        limits.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(b -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(b.name()).append(' ').append(b.limit()).append('/').append(b.period().toSeconds()).append(" s"));
        return sb.length() == 0 ? "none" : sb.toString();
    }

    @Deactivate
    void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }
}
