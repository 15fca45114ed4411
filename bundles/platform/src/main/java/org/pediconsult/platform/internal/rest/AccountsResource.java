package org.pediconsult.platform.internal.rest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.Account;
import org.pediconsult.platform.api.security.Accounts;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.NewAccount;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.api.security.TemporaryPasswords;

/**
 * Staff accounts, for INTEGRATION_ADMIN: pharmacists, couriers, front desk, auditors, billing staff and
 * administrators are created here with a temporary password (answered once, to be changed at the first
 * login); physicians get theirs from their profile ({@code POST /api/physicians/{id}/account}), guardians
 * sign up themselves. Disabling revokes the account's tokens at once.
 */
@Component(service = RestResource.class)
@Path("accounts")
@RequiresRole(Role.INTEGRATION_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource implements RestResource {
    static final Set<Role> STAFF_ROLES = EnumSet.of(Role.PHARMACIST, Role.COURIER, Role.FRONT_DESK, Role.AUDITOR,
            Role.BILLING, Role.INTEGRATION_ADMIN);
    private final Accounts accounts;
    private final AuditTrail audit;

    /** A new staff account; {@code temporaryPassword} may be left out (one is generated). */
    public static class NewStaff {
        public String username;
        public String displayName;
        public String phone;
        public List<String> roles;
        public String temporaryPassword;
    }

    /** The reason of a disabling. */
    public static class Reason {
        public String reason;
    }

    /** An account and, once, its temporary password. */
    public record Created(Account account, String temporaryPassword) {
    }

    @Activate
    public AccountsResource(@Reference Accounts accounts, @Reference AuditTrail audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GET
    public List<Account> list(@Context SecurityContext security, @QueryParam("staff") @DefaultValue("false") boolean staffOnly,
                              @QueryParam("offset") @DefaultValue("0") int offset,
                              @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Account> page = accounts.list(staffOnly, offset, limit);
        audit.record(new AuditEntry(actor(security), AuditEntry.Action.READ, "account-list", null, null,
                page.size() + " accounts" + (staffOnly ? " (staff)" : "")));
        return page;
    }

    @GET
    @Path("{username}")
    public Account one(@Context SecurityContext security, @PathParam("username") String username) {
        Account a = accounts.find(username);
        if (a == null) {
            throw ProblemException.notFound("account");
        }
        audit.record(new AuditEntry(actor(security), AuditEntry.Action.READ, "account", a.username(), null, null));
        return a;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, NewStaff body) {
        if (body == null) {
            throw new ProblemException(400, "body_required", "send {\"username\", \"displayName\", \"roles\": [...]}");
        }
        Set<Role> roles = roles(body.roles);
        char[] password = body.temporaryPassword == null || body.temporaryPassword.isEmpty()
                ? TemporaryPasswords.generate() : body.temporaryPassword.toCharArray();
        Account a = accounts.create(new NewAccount(body.username == null ? "" : body.username, body.displayName, body.phone,
                roles, password, true), actor(security));
        return Response.status(201).entity(new Created(a, new String(password))).build();
    }

    @POST
    @Path("{username}/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    public Account disable(@Context SecurityContext security, @PathParam("username") String username, Reason body) {
        if (AuthenticatedUser.of(security).username().equalsIgnoreCase(username == null ? "" : username.trim())) {
            throw ProblemException.conflict("own_account", "an administrator cannot disable their own account");
        }
        return accounts.disable(username, body == null ? null : body.reason, actor(security));
    }

    @POST
    @Path("{username}/enable")
    public Account enable(@Context SecurityContext security, @PathParam("username") String username) {
        return accounts.enable(username, actor(security));
    }

    /** A new temporary password (answered once); the account's tokens are revoked and it must change it at login. */
    @POST
    @Path("{username}/temporary-password")
    public Created temporaryPassword(@Context SecurityContext security, @PathParam("username") String username) {
        Account target = accounts.find(username);
        if (target == null) {
            throw ProblemException.notFound("account");
        }
        if (target.roles().contains(Role.GUARDIAN)) {
            // a temporary password would let an administrator log in as the family: families reset by text message
            throw ProblemException.conflict("guardian_account", "a family's password is reset by the family itself, "
                    + "with a code sent to its mobile number (#/reset)");
        }
        char[] password = TemporaryPasswords.generate();
        Account a = accounts.setPassword(username, password, true, actor(security));
        return new Created(a, new String(password));
    }

    static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty() || names.size() > 10) {
            throw ProblemException.badField("roles", "give the account's roles, e.g. [\"PHARMACIST\"]");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> unknown = new ArrayList<>();
        for (String n : names) {
            Role r = n == null ? null : Role.fromName(n.trim());
            if (r == null || !STAFF_ROLES.contains(r)) {
                unknown.add(String.valueOf(n));
            } else {
                roles.add(r);
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.badField("roles", "not a staff role here: " + unknown + "; staff roles are " + STAFF_ROLES
                    + " (physicians: POST /api/physicians/{id}/account; guardians sign up themselves)");
        }
        return roles;
    }

    private static String actor(SecurityContext security) {
        return AuthenticatedUser.of(security).username();
    }
}
