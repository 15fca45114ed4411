package org.pediconsult.platform.internal.accounts;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.security.Account;
import org.pediconsult.platform.api.security.OneTimeCodes;
import org.pediconsult.platform.api.security.PhoneNumbers;
import org.pediconsult.platform.api.security.Role;

/**
 * A forgotten password, reset with a one-time code sent to the account's mobile number. Asking for a
 * code answers the same whether or not an account has the number (nothing to learn by trying numbers);
 * the code goes out only when one has. The new password is checked before the code is used up.
 */
@Component(service = PasswordReset.class)
public class PasswordReset {
    static final String PURPOSE = "password-reset";
    static final String TEXT = "【PediConsult】您的重置密码验证码为 {code}，5 分钟内有效，请勿告诉他人。"
            + " Your PediConsult password reset code is {code}, valid for 5 minutes.";
    private final DatabaseAccounts accounts;
    private final OneTimeCodes codes;
    private final Tx tx;

    @Activate
    public PasswordReset(@Reference DatabaseAccounts accounts, @Reference OneTimeCodes codes,
                         @Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource) {
        this.accounts = accounts;
        this.codes = codes;
        this.tx = new Tx(dataSource);
    }

    /**
     * Sends a reset code when an enabled account other than an administrator's has this number; answers the
     * code's lifetime either way. (An administrator's password is not reset by text message alone: a
     * swapped SIM card would be enough to take the account over. Another administrator sets a temporary one.)
     */
    public int sendCode(String rawPhone) {
        String phone = PhoneNumbers.require(rawPhone);
        Account a = accounts.findByPhone(phone);
        if (a == null || !a.enabled() || a.roles().contains(Role.INTEGRATION_ADMIN)) {
            return codes.lifetimeSeconds();
        }
        return codes.send(PURPOSE, phone, phone, TEXT);
    }

    /**
     * Checks the code (the try counted first), then the new password, then sets it with the code used up in
     * the same transaction: a code is used only when the password changed. The account's tokens are revoked.
     * Answers the login name.
     */
    public String reset(String rawPhone, String code, char[] newPassword) {
        String phone = PhoneNumbers.require(rawPhone);
        // an unknown number has no code: the same answer as a number whose code is used or gone
        OneTimeCodes.Checked checked = codes.check(PURPOSE, phone, code);
        Account a = accounts.findByPhone(phone);
        if (a == null) {
            throw new ProblemException(400, "code_invalid", "no valid code: ask for a new one", "code");
        }
        try {
            accounts.checkPassword(a.username(), newPassword);
        } catch (ProblemException e) {
            throw "password".equals(e.field()) ? ProblemException.badField("newPassword", e.getMessage()) : e;
        }
        String hash = accounts.hash(newPassword);
        tx.inTransaction(c -> {
            codes.use(c, checked);
            accounts.setPasswordHash(c, a.username(), hash, false, a.username());
            return null;
        });
        return a.username();
    }

}
