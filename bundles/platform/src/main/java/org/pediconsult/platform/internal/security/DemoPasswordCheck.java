package org.pediconsult.platform.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.pediconsult.platform.internal.accounts.DatabaseAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode, and whether the platform may leave it. With {@code demo.data = true} the suite runs in
 * demo mode (the demo users' password is public). With {@code demo.data = false} every account of the
 * JAAS realm is tried with the demo password, and {@code /api/health} stays DOWN while one still
 * opens with it. The public answer gives only the number of such accounts; their names go to the log.
 *
 * <p>Each try is a real login (a slow hash), so a result is kept: re-checked 10 s after a finding
 * (the operator is fixing it), 5 minutes after a clean result, and at once when a users file of the
 * realm changes.
 */
@Component(service = DemoPasswordCheck.class, configurationPid = {"org.pediconsult.consultation", "org.pediconsult.security"})
public class DemoPasswordCheck {
    static final String DEMO_PASSWORD = "pediconsult";
    static final Duration RECHECK_AFTER_FINDING = Duration.ofSeconds(10);
    static final Duration RECHECK_AFTER_CLEAN = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(DemoPasswordCheck.class);

    /** The outcome: {@code ok} false keeps the health DOWN; {@code reason} says why, without user names. */
    public record Finding(boolean ok, String reason) {
    }

    private final boolean demoMode;
    private final String realmName;
    private final List<JaasRealm> realms;
    private final List<BackingEngineFactory> engines;
    private final Predicate<String> opensWithDemoPassword;
    private final Clock clock;
    private final Supplier<List<String>> databaseDemoAccounts;
    private Finding last;
    private Instant lastAt;
    private String lastFingerprint;
    private List<String> lastFound = List.of();
    private List<String> lastFoundInDatabase = List.of();

    @Activate
    public DemoPasswordCheck(DemoAccountsConfig config, @Reference Clock clock,
                             @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY) List<JaasRealm> realms,
                             @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY) List<BackingEngineFactory> engines,
                             @Reference DatabaseAccounts accounts) {
        this(config.demo_data(), config.jaas_realm(), realms, engines, demoLogin(new JaasPasswordCheck(config.jaas_realm())),
                accounts::demoAccountsWithDemoPassword, clock);
        if (demoMode) {
            LOG.warn("DEMO MODE (demo.data = true in etc/org.pediconsult.consultation.cfg): the demo users' password is public; "
                    + "not for real patients (README, \"Production checklist\")");
        }
    }

    DemoPasswordCheck(boolean demoMode, String realmName, List<JaasRealm> realms, List<BackingEngineFactory> engines,
                      Predicate<String> opensWithDemoPassword, Supplier<List<String>> databaseDemoAccounts, Clock clock) {
        this.databaseDemoAccounts = databaseDemoAccounts;
        this.demoMode = demoMode;
        this.realmName = realmName;
        this.realms = realms;
        this.engines = engines;
        this.opensWithDemoPassword = opensWithDemoPassword;
        this.clock = clock;
    }

    private static Predicate<String> demoLogin(JaasPasswordCheck realm) {
        return user -> realm.authenticate(user, DEMO_PASSWORD.toCharArray()) != null;
    }

    /** "demo" with demo data on, else "production". */
    public String mode() {
        return demoMode ? "demo" : "production";
    }

    public synchronized Finding check() {
        if (demoMode) {
            return new Finding(true, "demo mode: the demo users and their public password are expected");
        }
        Optional<JaasRealm> realm = RealmUsers.named(realmName, realms);
        if (realm.isEmpty()) {
            return new Finding(false, "JAAS realm '" + realmName + "' (etc/org.pediconsult.security.cfg) is not there: its accounts cannot be checked");
        }
        String fingerprint = RealmUsers.fingerprint(realm.get());
        Instant now = clock.instant();
        if (last != null && fingerprint.equals(lastFingerprint)
                && now.isBefore(lastAt.plus(last.ok() ? RECHECK_AFTER_CLEAN : RECHECK_AFTER_FINDING))) {
            return last;
        }
        last = and(tryEveryAccount(realm.get()), tryDemoDatabaseAccounts());
        lastAt = now;
        lastFingerprint = fingerprint;
        return last;
    }

    private static Finding and(Finding realm, Finding database) {
        if (realm.ok() && database.ok()) {
            return new Finding(true, realm.reason() + "; " + database.reason());
        }
        return new Finding(false, !realm.ok() && !database.ok() ? realm.reason() + "; and " + database.reason()
                : realm.ok() ? database.reason() : realm.reason());
    }

    /** The database accounts the demo data made (the demo users): none may still open with the demo password. */
    private Finding tryDemoDatabaseAccounts() {
        List<String> found = databaseDemoAccounts.get().stream().sorted().toList();
        if (found.isEmpty()) {
            return new Finding(true, "no database account made by the demo data still has the demo password");
        }
        if (!found.equals(lastFoundInDatabase)) {
            LOG.warn("demo data is off, but these demo user accounts of the database still have the demo password: {}; "
                    + "the platform reports DOWN until each is disabled (pediconsult:account-disable) or its password changed", found);
        }
        lastFoundInDatabase = found;
        return new Finding(false, "demo data is off (demo.data = false), but " + found.size() + " demo user account(s) of the "
                + "database still have the demo password: disable them or change their passwords (the log names them; README, "
                + "\"Production checklist\")");
    }

    private Finding tryEveryAccount(JaasRealm realm) {
        List<String> users;
        try {
            users = RealmUsers.list(realm, engines);
        } catch (RealmUsers.NotListable e) {
            return new Finding(true, "not checked: " + e.getMessage());
        }
        List<String> found = users.stream().filter(opensWithDemoPassword).sorted().toList();
        if (!found.equals(lastFound)) {
            lastFound = found;
            if (!found.isEmpty()) {
                LOG.warn("demo data is off, but these accounts of JAAS realm '{}' still have the demo password: {}; "
                        + "the platform reports DOWN until each is changed or removed", realm.getName(), found);
            }
        }
        if (found.isEmpty()) {
            return new Finding(true, "no account of JAAS realm '" + realm.getName() + "' has the demo password ("
                    + users.size() + " checked)");
        }
        return new Finding(false, "demo data is off (demo.data = false), but " + found.size() + " of " + users.size()
                + " accounts of JAAS realm '" + realm.getName() + "' still have the demo password: change or remove them "
                + "(the log names them; README, \"Production checklist\")");
    }

    /**
     * A change of the shared configuration (the pilot scope lives in the same file) must not restart
     * this component: demo mode is decided at start, so a change of {@code demo.data} takes effect at the
     * next start.
     */
    @Modified
    void modified() {
        // nothing to do: see above
    }
}
