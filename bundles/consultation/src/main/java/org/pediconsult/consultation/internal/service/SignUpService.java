package org.pediconsult.consultation.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.internal.store.PeopleStore;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.security.Accounts;
import org.pediconsult.platform.api.security.NewAccount;
import org.pediconsult.platform.api.security.OneTimeCodes;
import org.pediconsult.platform.api.security.PhoneNumbers;
import org.pediconsult.platform.api.security.Role;

/**
 * A family signs up on a phone: a one-time code to the mobile number, then the code, a password, the
 * guardian's real name and ID document. The login (named by the mobile number) and the guardian's
 * profile are made in one transaction, with the code used up in it: all three or none. The profile
 * starts unverified: the guardian may add a child and fill in an assessment, and books once the
 * hospital's front desk (or the HIS) has verified the identity and the relationship.
 *
 * <p>A sign-up never takes over a profile the HIS made (a guardian known from ADT has no login): knowing
 * someone's ID number is not proof of being them. The front desk links such people by hand.
 */
@Component(service = SignUpService.class)
public class SignUpService {
    static final String PURPOSE = "sign-up";
    static final String TEXT = "【PediConsult】您的注册验证码为 {code}，5 分钟内有效，请勿告诉他人。"
            + " Your PediConsult sign-up code is {code}, valid for 5 minutes.";
    static final String ALREADY = "【PediConsult】这个手机号已经注册过，请直接登录；忘记密码可以用验证码重置。"
            + " This number already has a PediConsult account: log in, or reset your password with a code.";
    private final Tx tx;
    private final Accounts accounts;
    private final OneTimeCodes codes;
    private final AuditTrail audit;
    private final Clock clock;
    private final PeopleStore people = new PeopleStore();

    /** What the family enters. */
    public record SignUp(String phone, String code, String password, String familyName, String givenName, String idType,
                         String idValue) {
    }

    @Activate
    public SignUpService(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                         @Reference Accounts accounts, @Reference OneTimeCodes codes, @Reference AuditTrail audit,
                         @Reference Clock clock, @Reference ConsultationWorkflow schemaReady) {
        this.tx = new Tx(dataSource);
        this.accounts = accounts;
        this.codes = codes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Sends the sign-up code. A number that already has an account gets a text saying so instead (log in, or
     * reset the password), under the same limits: the answer is the same, so nobody learns from it whether a
     * number belongs to a family of this hospital.
     */
    public int sendCode(String rawPhone) {
        String phone = PhoneNumbers.require(rawPhone);
        if (accounts.findByPhone(phone) != null || accounts.find(phone) != null) {
            return codes.sendNotice(PURPOSE, phone, phone, ALREADY);
        }
        return codes.send(PURPOSE, phone, phone, TEXT);
    }

    /** Checks everything, then makes the login and the unverified profile with the code used up; answers the profile. */
    public GuardianDTO signUp(SignUp s) {
        String phone = PhoneNumbers.require(s.phone());
        GuardianDTO g = new GuardianDTO();
        g.id = Ids.newId();
        g.username = phone;
        g.familyName = name("familyName", s.familyName(), 50);
        g.givenName = name("givenName", s.givenName(), 50);
        g.phone = phone;
        g.idType = s.idType() == null ? null : s.idType().trim();
        g.idValue = IdDocuments.check(g.idType, s.idValue());
        if (s.password() == null) {
            throw ProblemException.badField("password", "choose a password");
        }
        char[] password = s.password().toCharArray();
        accounts.checkPassword(phone, password);
        OneTimeCodes.Checked code = codes.check(PURPOSE, phone, s.code());
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            codes.use(c, code);
            accounts.create(c, new NewAccount(phone, g.familyName + g.givenName, phone, EnumSet.of(Role.GUARDIAN), password,
                    false), phone);
            if (people.guardianByUsername(c, phone) != null) {
                throw ProblemException.conflict("phone_taken", "this mobile number already has an account");
            }
            people.insertGuardian(c, g, now);
            audit.record(c, new AuditEntry(phone, AuditEntry.Action.CREATE, "guardian", g.id, null,
                    "signed up; identity " + g.idType + " to be verified by the hospital"));
            return people.guardian(c, g.id);
        });
    }


    private static String name(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max || v.codePoints().anyMatch(cp -> Character.isISOControl(cp) || cp == '<' || cp == '>')) {
            throw ProblemException.badField(field, "the name as on the ID document (1 to " + max + " characters)");
        }
        return v;
    }
}
