package org.pediconsult.platform.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPasswordCheckTest {
    private static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock();
    /** Users whose password is still the demo one; the probe counts its calls. */
    private final Set<String> demoPasswords = new HashSet<>();
    private final List<String> tried = new ArrayList<>();
    private List<String> databaseFound = List.of();
    private final Predicate<String> probe = user -> {
        tried.add(user);
        return demoPasswords.contains(user);
    };

    @Test
    void inDemoModeNothingIsTriedAndTheModeIsDemo() throws Exception {
        DemoPasswordCheck check = check(true, realm("karaf", PROPERTIES_MODULE, usersFile()), List.of("admin"));
        demoPasswords.add("admin");
        assertEquals("demo", check.mode());
        assertTrue(check.check().ok());
        assertTrue(tried.isEmpty());
    }

    @Test
    void withDemoDataOffEveryListedAccountIsTriedAndOneWithTheDemoPasswordKeepsItDown() throws Exception {
        DemoPasswordCheck check = check(false, realm("karaf", PROPERTIES_MODULE, usersFile()), List.of("admin", "dr.wang", "auditor.chen"));
        demoPasswords.addAll(List.of("dr.wang", "auditor.chen"));
        assertEquals("production", check.mode());
        DemoPasswordCheck.Finding finding = check.check();
        assertFalse(finding.ok());
        assertTrue(finding.reason().contains("2 of 3 accounts"), finding.reason());
        assertFalse(finding.reason().contains("dr.wang"), "the public answer names no user: " + finding.reason());
        assertEquals(List.of("admin", "dr.wang", "auditor.chen"), tried);
    }

    @Test
    void demoUserAccountsOfTheDatabaseWithTheDemoPasswordKeepItDownToo() throws Exception {
        DemoPasswordCheck check = check(false, realm("karaf", PROPERTIES_MODULE, usersFile()), List.of("admin"));
        databaseFound = List.of("guardian.tang", "dr.wang");
        DemoPasswordCheck.Finding finding = check.check();
        assertFalse(finding.ok(), "the realm is clean, the database is not");
        assertTrue(finding.reason().contains("2 demo user account(s) of the database"), finding.reason());
        assertFalse(finding.reason().contains("dr.wang"), "the public answer names no user: " + finding.reason());
        databaseFound = List.of();
        clock.move(DemoPasswordCheck.RECHECK_AFTER_FINDING);
        assertTrue(check.check().ok(), check.check().reason());
    }

    @Test
    void aFindingIsCheckedAgainAfterTenSecondsAndACleanResultAfterFiveMinutes() throws Exception {
        DemoPasswordCheck check = check(false, realm("karaf", PROPERTIES_MODULE, usersFile()), List.of("admin", "dr.wang"));
        demoPasswords.add("admin");
        assertFalse(check.check().ok());
        assertEquals(2, tried.size());
        demoPasswords.clear();   // the operator changes the password
        clock.move(Duration.ofSeconds(5));
        assertFalse(check.check().ok(), "kept for 10 s");
        assertEquals(2, tried.size());
        clock.move(Duration.ofSeconds(6));
        assertTrue(check.check().ok());
        assertEquals(4, tried.size());
        demoPasswords.add("dr.wang");
        clock.move(Duration.ofMinutes(4));
        assertTrue(check.check().ok(), "a clean result is kept for 5 minutes");
        clock.move(Duration.ofMinutes(2));
        assertFalse(check.check().ok());
    }

    @Test
    void aChangeOfTheUsersFileIsCheckedAtOnce() throws Exception {
        Path users = usersFile();
        DemoPasswordCheck check = check(false, realm("karaf", PROPERTIES_MODULE, users), List.of("admin"));
        assertTrue(check.check().ok());
        demoPasswords.add("admin");
        Files.writeString(users, "admin = pediconsult, INTEGRATION_ADMIN\nother = x\n");
        Files.setLastModifiedTime(users, FileTime.from(Instant.now().plusSeconds(60)));
        assertFalse(check.check().ok());
    }

    @Test
    void aDirectoryRealmIsNotTriedBecauseFailedLoginsCountThere() {
        DemoPasswordCheck check = check(false, realm("ldap", "org.apache.karaf.jaas.modules.ldap.LDAPLoginModule", null), List.of("admin"), "ldap");
        demoPasswords.add("admin");
        DemoPasswordCheck.Finding finding = check.check();
        assertTrue(finding.ok());
        assertTrue(finding.reason().startsWith("not checked"), finding.reason());
        assertTrue(tried.isEmpty());
    }

    @Test
    void karafsLoginAuditModulesInTheRealmAreNoUserStores() throws Exception {
        JaasRealm karaf = realm("karaf", PROPERTIES_MODULE, usersFile(),
                "org.apache.karaf.jaas.modules.audit.FileAuditLoginModule", "org.apache.karaf.jaas.modules.audit.EventAdminAuditLoginModule");
        DemoPasswordCheck check = check(false, karaf, List.of("admin", "dr.wang"));
        demoPasswords.add("dr.wang");
        DemoPasswordCheck.Finding finding = check.check();
        assertFalse(finding.ok(), finding.reason());
        assertTrue(finding.reason().contains("1 of 2 accounts"), finding.reason());
    }

    @Test
    void aMissingRealmIsDown() throws Exception {
        DemoPasswordCheck check = check(false, realm("karaf", PROPERTIES_MODULE, usersFile()), List.of("admin"), "hospital");
        assertFalse(check.check().ok());
    }

    @Test
    void aRealmWhoseUsersCannotBeListedIsNotClaimedChecked() throws Exception {
        JaasRealm realm = realm("karaf", "com.example.CustomLoginModule", usersFile());
        DemoPasswordCheck check = new DemoPasswordCheck(false, "karaf", List.of(realm), List.of(), probe, () -> databaseFound, clock);
        DemoPasswordCheck.Finding finding = check.check();
        assertTrue(finding.ok());
        assertTrue(finding.reason().startsWith("not checked"), finding.reason());
    }

    // ---- fixtures

    private DemoPasswordCheck check(boolean demo, JaasRealm realm, List<String> users) {
        return check(demo, realm, users, "karaf");
    }

    private DemoPasswordCheck check(boolean demo, JaasRealm realm, List<String> users, String configuredRealm) {
        BackingEngine engine = mock(BackingEngine.class);
        when(engine.listUsers()).thenAnswer(i -> users.stream().map(UserPrincipal::new).toList());
        BackingEngineFactory factory = mock(BackingEngineFactory.class);
        when(factory.getModuleClass()).thenReturn(RealmUsers.moduleOf(realm.getEntries()[0]));
        when(factory.build(any())).thenReturn(engine);
        return new DemoPasswordCheck(demo, configuredRealm, List.of(realm), List.of(factory), probe, () -> databaseFound, clock);
    }

    private Path usersFile() throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "admin = pediconsult, INTEGRATION_ADMIN\n");
        return users;
    }

    /** As Karaf registers realms: each entry names ProxyLoginModule, the real module is in an option. */
    private static JaasRealm realm(String name, String module, Path users, String... moreModules) {
        List<AppConfigurationEntry> entries = new ArrayList<>();
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, module);
        if (users != null) {
            options.put(RealmUsers.USERS_FILE_OPTION, users.toString());
        }
        entries.add(new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.SUFFICIENT, options));
        for (String more : moreModules) {
            entries.add(new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.OPTIONAL,
                    Map.of(ProxyLoginModule.PROPERTY_MODULE, more)));
        }
        return new JaasRealm() {
            @Override public String getName() { return name; }
            @Override public int getRank() { return 0; }
            @Override public AppConfigurationEntry[] getEntries() { return entries.toArray(new AppConfigurationEntry[0]); }
        };
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T08:00:00Z");

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
