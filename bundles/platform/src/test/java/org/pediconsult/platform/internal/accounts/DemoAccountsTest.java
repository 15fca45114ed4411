package org.pediconsult.platform.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.security.PhoneNumbers;
import org.pediconsult.platform.api.security.Role;

class DemoAccountsTest {
    private static final Pattern ARGON2ID = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+);t=(\\d+);p=1\\$([A-Za-z0-9+/]{22})\\$[A-Za-z0-9+/]{43}");

    @Test
    void everyDemoUserShipsASaltedArgon2idHashOfItsOwn() {
        List<DemoAccounts.DemoUser> users = DemoAccounts.USERS;
        for (DemoAccounts.DemoUser u : users) {
            Matcher m = ARGON2ID.matcher(u.hash());
            assertTrue(m.matches(), u.username() + ": " + u.hash());
            assertTrue(Integer.parseInt(m.group(1)) >= 19_456 && Integer.parseInt(m.group(2)) >= 2, "OWASP's minimum cost");
        }
        assertEquals(users.size(), users.stream().map(u -> u.hash().split("\\$")[4]).distinct().count(), "no two share a salt");
    }

    @Test
    void theDemoPeopleTheIssuesNameAreThere() {
        List<String> names = DemoAccounts.USERS.stream().map(DemoAccounts.DemoUser::username).toList();
        assertTrue(names.containsAll(List.of("dr.wang", "dr.zhang", "guardian.tang", "guardian.li", "pharmacist.li",
                "courier.zhao", "auditor.chen", "frontdesk.zhou", "billing.sun")), names.toString());
        for (DemoAccounts.DemoUser u : DemoAccounts.USERS) {
            if (u.role() == Role.GUARDIAN) {
                assertEquals(u.phone(), PhoneNumbers.normalise(u.phone()), "a guardian has a mobile number in normal form");
            }
        }
    }
}
