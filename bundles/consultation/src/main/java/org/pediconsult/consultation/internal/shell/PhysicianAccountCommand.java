package org.pediconsult.consultation.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.consultation.internal.service.PeopleService;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.api.security.ShellActor;
import org.pediconsult.platform.api.security.TemporaryPasswords;

/**
 * {@code pediconsult:physician-account <username>}: a login for the physician whose profile has this user
 * name (so eligibility and consultations follow it), with a temporary password printed once on this
 * console, to be changed at the first login.
 */
@Service
@Command(scope = "pediconsult", name = "physician-account", description = "Creates the login of a registered physician")
public class PhysicianAccountCommand implements Action {
    @Reference
    PeopleService people;

    @Argument(index = 0, name = "username", description = "The user name of the physician's profile (GET /api/physicians)", required = true)
    String username;

    @Option(name = "--phone", description = "Mobile number (for password reset codes)")
    String phone;

    @Override
    public Object execute() {
        char[] password = TemporaryPasswords.generate();
        try {
            PhysicianDTO p = people.physicianByUsername(username);
            var actor = new AuthenticatedUser(ShellActor.current(), java.util.EnumSet.of(Role.INTEGRATION_ADMIN));
            people.createPhysicianAccount(actor, p.id, phone, password);
            System.out.println("login " + p.username + " created for " + p.familyName + p.givenName);
            System.out.println("temporary password (shown once; to be changed at the first login): " + new String(password));
        } catch (ProblemException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
