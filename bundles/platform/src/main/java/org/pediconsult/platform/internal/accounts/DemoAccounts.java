package org.pediconsult.platform.internal.accounts;

import java.util.EnumSet;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo users as database accounts, made through {@link DatabaseAccounts} when demo data is on
 * ({@code demo.data = true}, etc/org.pediconsult.consultation.cfg), each only if missing. Their password
 * is the public {@code pediconsult}; it ships as salted Argon2id hashes (OWASP's minimum cost, like the
 * password-hashing bundle makes), so a first start computes none. Their profiles (guardian 唐丽 and her
 * son, physicians 王建国 and 张敏...) are made by the consultation bundle's demo data under the same
 * login names. The shell administrator {@code admin} stays in Karaf's realm (etc/users.properties).
 */
@Component(configurationPid = "org.pediconsult.consultation", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public class DemoAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    @interface Config {
        boolean demo_data() default false;
    }

    /** A demo user: login name, name, mobile number (guardians), role and the hash of "pediconsult". */
    record DemoUser(String username, String displayName, String phone, Role role, String hash) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("dr.wang", "王建国", null, Role.PHYSICIAN,
                    "$argon2id$v=19$m=19456;t=2;p=1$ybSrw7OaQfMOVqn7y7rKzA$HFWXLJUufFqcUKdEX4Ip3OPqbhi32ls2rfUtXVSYOCg"),
            new DemoUser("dr.zhang", "张敏", null, Role.PHYSICIAN,
                    "$argon2id$v=19$m=19456;t=2;p=1$a8u/qcWh8m21uAaSpx2vZQ$siMDPRWgS73B09St8iC2dE99rZAmWrzl31a3h1EdQgc"),
            new DemoUser("guardian.tang", "唐丽", "13800000000", Role.GUARDIAN,
                    "$argon2id$v=19$m=19456;t=2;p=1$i36wfBfMPE51FhUjfe5Ftg$6ImaQLi89oj/QZWQcbl1QcR1SMuFr7h0kjF9jWbGaMk"),
            new DemoUser("guardian.li", "李娜", "13800000002", Role.GUARDIAN,
                    "$argon2id$v=19$m=19456;t=2;p=1$FO15xTzc00hIY4e3e0MpIw$LM05aObFM/HRBV0zKxv1srXZwZLJZfAtcPOwfPqMNNc"),
            new DemoUser("pharmacist.li", "李芳", null, Role.PHARMACIST,
                    "$argon2id$v=19$m=19456;t=2;p=1$hz3cfQ3tEWtFu6ZjmBTXxw$UAT83zn2aHu5DntDU2h6hPZCbEeDcwsc1kC+83XQieU"),
            new DemoUser("courier.zhao", "赵强", null, Role.COURIER,
                    "$argon2id$v=19$m=19456;t=2;p=1$X+VyIYICYFISKDS1r066fg$gzaKumI17hPlQBcdCfQ/tYJNTo/x5bXG19yw9+0wsZs"),
            new DemoUser("auditor.chen", "陈静", null, Role.AUDITOR,
                    "$argon2id$v=19$m=19456;t=2;p=1$ZhUjsldWsv9hDqnkvkEK4A$bg/hzsOwEjCl2mB70l4I5pO12Iprq47qzHgSPg97fL8"),
            new DemoUser("frontdesk.zhou", "周洁", null, Role.FRONT_DESK,
                    "$argon2id$v=19$m=19456;t=2;p=1$yz7junKwPtNxP+PeYMWVWA$BSpdM32+d5Y/YdbxIwR5Z3EBl2byOxA/oMrb+8O77ao"),
            new DemoUser("billing.sun", "孙磊", null, Role.BILLING,
                    "$argon2id$v=19$m=19456;t=2;p=1$XEmXzZGbjMAY2/dRf1Rx2g$RBI6kojsrrlelHMAtAzbR5aBZRUufvf57qNnxCuIU9A"),
            // the claims issue's billing officer (issue 16 names billing.zhou)
            new DemoUser("billing.zhou", "周敏", null, Role.BILLING,
                    "$argon2id$v=19$m=19456;t=2;p=1$S3oNZoAl8eaQjIQnPTKdjw$q7mcS2PK2x3Wa4AOGq7Cu/6J1HLhqnMx3kCf6h3LYSg"));

    @Activate
    public DemoAccounts(Config config, @Reference DatabaseAccounts accounts) {
        if (!config.demo_data()) {
            return;
        }
        int made = 0;
        for (DemoUser u : USERS) {
            if (accounts.ensureDemoAccount(u.username(), u.displayName(), u.phone(), EnumSet.of(u.role()), u.hash())) {
                made++;
            }
        }
        if (made > 0) {
            LOG.info("demo data: {} demo user accounts made (password in the README)", made);
        }
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
