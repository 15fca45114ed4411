package org.pediconsult.consultation.internal.service;

import java.sql.Connection;
import java.sql.SQLException;

import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.consultation.internal.store.PeopleStore;
import org.pediconsult.consultation.internal.store.PhysicianStore;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/**
 * Object-level checks. A guardian sees only their own children and consults, a physician only
 * consults booked with them (and those children); administrators and auditors see all. Someone
 * else's object answers 404, the same as a missing one, so ids cannot be probed.
 */
public final class Access {
    private final PeopleStore people;
    private final PhysicianStore physicians;

    public Access(PeopleStore people, PhysicianStore physicians) {
        this.people = people;
        this.physicians = physicians;
    }

    static boolean seesAll(AuthenticatedUser u) {
        return u.has(Role.INTEGRATION_ADMIN) || u.has(Role.AUDITOR);
    }

    /** The caller's guardian record, or null. */
    public GuardianDTO guardian(Connection c, AuthenticatedUser u) throws SQLException {
        return u.has(Role.GUARDIAN) ? people.guardianByUsername(c, u.username()) : null;
    }

    /** The caller's physician record, or null. */
    public PhysicianDTO physician(Connection c, AuthenticatedUser u) throws SQLException {
        return u.has(Role.PHYSICIAN) ? physicians.byUsername(c, u.username()) : null;
    }

    public GuardianDTO requireGuardian(Connection c, AuthenticatedUser u) throws SQLException {
        GuardianDTO g = guardian(c, u);
        if (g == null) {
            throw new ProblemException(403, "no_guardian_profile", "register as a guardian first: POST /api/guardians");
        }
        return g;
    }

    public PhysicianDTO requirePhysician(Connection c, AuthenticatedUser u) throws SQLException {
        PhysicianDTO p = physician(c, u);
        if (p == null) {
            throw new ProblemException(403, "no_physician_profile", "this user is not registered as a physician");
        }
        return p;
    }

    public void requireChildVisible(Connection c, AuthenticatedUser u, String childId) throws SQLException {
        if (seesAll(u)) {
            return;
        }
        GuardianDTO g = guardian(c, u);
        if (g != null && people.guardianship(c, g.id, childId) != null) {
            return;
        }
        PhysicianDTO p = physician(c, u);
        if (p != null && people.childrenOfPhysician(c, p.id).stream().anyMatch(ch -> ch.id.equals(childId))) {
            return;
        }
        throw ProblemException.notFound("child");
    }

    public void requireConsultVisible(Connection c, AuthenticatedUser u, ConsultationDTO k) throws SQLException {
        if (k != null && (seesAll(u) || isGuardianOf(c, u, k) || isPhysicianOf(c, u, k))) {
            return;
        }
        throw ProblemException.notFound("consultation");
    }

    public boolean isGuardianOf(Connection c, AuthenticatedUser u, ConsultationDTO k) throws SQLException {
        GuardianDTO g = guardian(c, u);
        return g != null && g.id.equals(k.guardianId);
    }

    public boolean isPhysicianOf(Connection c, AuthenticatedUser u, ConsultationDTO k) throws SQLException {
        PhysicianDTO p = physician(c, u);
        return p != null && p.id.equals(k.physicianId);
    }

    /**
     * The consult's own guardian (or an administrator) only.
     *
     * @return the caller's guardian record when the caller is the consult's guardian (so a booking need not read
     *         it again), else {@code null} (an administrator)
     */
    public GuardianDTO requireConsultGuardian(Connection c, AuthenticatedUser u, ConsultationDTO k) throws SQLException {
        // requireConsultVisible with the guardian read once (it was read twice per booking)
        GuardianDTO g = k == null ? null : guardian(c, u);
        boolean guardian = g != null && g.id.equals(k.guardianId);
        if (k == null || !(seesAll(u) || guardian || isPhysicianOf(c, u, k))) {
            throw ProblemException.notFound("consultation");
        }
        if (!guardian && !u.has(Role.INTEGRATION_ADMIN)) {
            throw ProblemException.forbidden("only the consultation's guardian can do this");
        }
        return guardian ? g : null;
    }

    /** The consult's own guardian or physician only (cancelling: not an administrator, not an auditor). */
    public void requireConsultParticipant(Connection c, AuthenticatedUser u, ConsultationDTO k) throws SQLException {
        requireConsultVisible(c, u, k);
        if (!isGuardianOf(c, u, k) && !isPhysicianOf(c, u, k)) {
            throw ProblemException.forbidden("only the consultation's guardian or physician can do this");
        }
    }

    /** The consult's own physician only. */
    public void requireConsultPhysician(Connection c, AuthenticatedUser u, ConsultationDTO k) throws SQLException {
        requireConsultVisible(c, u, k);
        if (!isPhysicianOf(c, u, k)) {
            throw ProblemException.forbidden("only the consultation's physician can do this");
        }
    }
}
