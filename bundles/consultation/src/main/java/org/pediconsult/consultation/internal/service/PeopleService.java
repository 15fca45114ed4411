package org.pediconsult.consultation.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.api.dto.GuardianshipDTO;
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.consultation.api.dto.SlotDTO;
import org.pediconsult.consultation.internal.store.PeopleStore;
import org.pediconsult.consultation.internal.store.PhysicianStore;
import org.pediconsult.platform.api.data.DataAccessException;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.security.Account;
import org.pediconsult.platform.api.security.Accounts;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.NewAccount;
import org.pediconsult.platform.api.security.Role;

/**
 * Children, guardians (with verification of identity and relationship), physicians and their
 * slots. Every read and write of a person is audited. Depends on {@link ConsultationWorkflow} only
 * so that the tables are migrated first.
 */
@Component(service = PeopleService.class)
public class PeopleService {
    private final Tx tx;
    private final PeopleStore people = new PeopleStore();
    private final PhysicianStore physicians = new PhysicianStore();
    private final Access access = new Access(people, physicians);
    private final AuditTrail audit;
    private final Clock clock;
    private final Accounts accounts;

    @Activate
    public PeopleService(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                         @Reference AuditTrail audit, @Reference Clock clock,
                         @Reference ConsultationWorkflow schemaReady, @Reference Accounts accounts) {
        this.tx = new Tx(dataSource);
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A guardian registers a child and their relationship to it (verified later by the hospital). */
    public ChildDTO registerChild(AuthenticatedUser u, ChildDTO child, String relationship) {
        HisIdentifiers.requireWriter(u, child.idType);
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            GuardianDTO g = access.requireGuardian(c, u);
            child.id = Ids.newId();
            HisIdentifiers.insertUnique(() -> people.insertChild(c, child, u.username(), now));
            GuardianshipDTO link = new GuardianshipDTO();
            link.guardianId = g.id;
            link.childId = child.id;
            link.relationship = relationship;
            people.insertGuardianship(c, link);
            audit.record(c, new AuditEntry(u.username(), AuditEntry.Action.CREATE, "child", child.id, child.id,
                    "relationship " + relationship));
            return people.child(c, child.id);
        });
    }

    public ChildDTO child(AuthenticatedUser u, String id) {
        ChildDTO child = tx.read(c -> {
            access.requireChildVisible(c, u, id);
            return people.child(c, id);
        });
        audit.record(new AuditEntry(u.username(), AuditEntry.Action.READ, "child", id, id, null));
        return child;
    }

    public List<ChildDTO> children(AuthenticatedUser u) {
        List<ChildDTO> list = tx.read(c -> {
            if (Access.seesAll(u)) {
                return people.allChildren(c);
            }
            List<ChildDTO> out = new ArrayList<>();
            GuardianDTO g = access.guardian(c, u);
            if (g != null) {
                // each with the caller's own relationship to it (verified, pending or refused with the reason)
                for (ChildDTO child : people.childrenOfGuardian(c, g.id)) {
                    child.guardians = List.of(people.guardianship(c, g.id, child.id));
                    out.add(child);
                }
            }
            PhysicianDTO p = access.physician(c, u);
            if (p != null) {
                out.addAll(people.childrenOfPhysician(c, p.id));
            }
            return out;
        });
        audit.record(new AuditEntry(u.username(), AuditEntry.Action.READ, "child-list", null, null, list.size() + " children")
                .withPatients(list.stream().map(ch -> ch.id).toList()));
        return list;
    }

    /** A guardian creates their own profile (username = login); administrators and the HIS create any. */
    public GuardianDTO registerGuardian(AuthenticatedUser u, GuardianDTO g) {
        HisIdentifiers.requireWriter(u, g.idType);
        boolean self = !u.has(Role.INTEGRATION_ADMIN) && !u.has(Role.SYSTEM_HIS);
        if (self) {
            g.username = u.username();
        }
        g.id = Ids.newId();
        g.identityVerified = false;
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            if (g.username != null && people.guardianByUsername(c, g.username) != null) {
                throw ProblemException.conflict("guardian_exists", "a guardian profile already exists for this login");
            }
            people.insertGuardian(c, g, now);
            audit.record(c, new AuditEntry(u.username(), AuditEntry.Action.CREATE, "guardian", g.id, null, null));
            return people.guardian(c, g.id);
        });
    }

    public GuardianDTO me(AuthenticatedUser u) {
        GuardianDTO g = tx.read(c -> access.requireGuardian(c, u));
        audit.record(new AuditEntry(u.username(), AuditEntry.Action.READ, "guardian", g.id, null, null));
        return g;
    }

    /** The hospital verified the guardian's identity (e.g. ID card at the desk, or the HIS). */
    public GuardianDTO verifyGuardian(AuthenticatedUser u, String guardianId, String method) {
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            if (people.verifyGuardian(c, guardianId, u.username(), method, now) != 1) {
                throw ProblemException.notFound("guardian");
            }
            audit.record(c, new AuditEntry(u.username(), AuditEntry.Action.UPDATE, "guardian", guardianId, null,
                    "identity verified by " + method));
            return people.guardian(c, guardianId);
        });
    }

    /**
     * The guardian sets the family's city (for the pilot report's travel saved): a name of the city table
     * ({@code 苏州}, {@code 苏州市}, {@code Suzhou}, {@code Suzhou, Jiangsu}), stored as its Chinese name;
     * blank or null clears it. 400 (field {@code city}) for a name the table does not know. Audited.
     */
    public GuardianDTO setCity(AuthenticatedUser u, String city) {
        String stored = null;
        if (city != null && !city.isBlank()) {
            if (city.length() > 60) {
                throw ProblemException.badField("city", "city: at most 60 characters / 城市：最多 60 个字符");
            }
            stored = org.pediconsult.consultation.internal.geo.CityTable.shipped().find(city)
                    .orElseThrow(() -> ProblemException.badField("city", "unknown city: give a prefecture-level city "
                            + "by its Chinese name (e.g. 苏州 or 苏州市) or its pinyin name (e.g. Hangzhou; 'Suzhou, "
                            + "Jiangsu' where two cities share a name) / 未知城市：请填写地级市的中文名（如 苏州 或 苏州市）"
                            + "或拼音名（如 Hangzhou；同名城市请加省份，如 'Suzhou, Jiangsu'）"))
                    .nameZh();
        }
        String value = stored;
        return tx.inTransaction(c -> {
            GuardianDTO g = access.requireGuardian(c, u);
            people.updateGuardianCity(c, g.id, value);
            audit.record(c, new AuditEntry(u.username(), AuditEntry.Action.UPDATE, "guardian", g.id, null,
                    value == null ? "city cleared" : "city set"));
            return people.guardian(c, g.id);
        });
    }

    /**
     * The guardian corrects the ID document of an identity not verified yet (e.g. after a refusal): the
     * refusal is cleared and the identity waits for the front desk again. 409 once verified.
     */
    public GuardianDTO correctIdDocument(AuthenticatedUser u, String idType, String rawIdValue) {
        String idValue = IdDocuments.check(idType, rawIdValue);
        return tx.inTransaction(c -> {
            GuardianDTO g = access.requireGuardian(c, u);
            if (people.correctIdDocument(c, g.id, idType, idValue) != 1) {
                throw ProblemException.conflict("identity_verified", "your identity is verified: ask the front desk to change it");
            }
            audit.record(c, new AuditEntry(u.username(), AuditEntry.Action.UPDATE, "guardian", g.id, null,
                    "ID document corrected (" + idType + "), waits for verification"));
            return people.guardian(c, g.id);
        });
    }

    /** The hospital refused the guardian's identity (e.g. the ID document does not match): the guardian sees the reason. */
    public GuardianDTO refuseGuardian(AuthenticatedUser u, String guardianId, String reason) {
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            if (people.refuseGuardian(c, guardianId, u.username(), reason, now) != 1) {
                throw ProblemException.notFound("guardian");
            }
            audit.record(c, new AuditEntry(u.username(), AuditEntry.Action.UPDATE, "guardian", guardianId, null,
                    "identity refused: " + reason));
            return people.guardian(c, guardianId);
        });
    }

    /** The hospital refused the relationship (e.g. the birth certificate names someone else). */
    public ChildDTO refuseGuardianship(AuthenticatedUser u, String childId, String guardianId, String reason) {
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            if (people.refuseGuardianship(c, guardianId, childId, u.username(), reason, now) != 1) {
                throw ProblemException.notFound("guardianship");
            }
            audit.record(c, new AuditEntry(u.username(), AuditEntry.Action.UPDATE, "guardianship", guardianId, childId,
                    "relationship refused: " + reason));
            return people.child(c, childId);
        });
    }

    /** A relationship waiting for the hospital, with the guardian and the child it is about. */
    public record PendingRelationship(GuardianshipDTO relationship, GuardianDTO guardian, ChildDTO child) {
    }

    /** What the front desk has to verify: identities and relationships, oldest first (at most {@code limit} of each). */
    public record VerificationQueue(List<GuardianDTO> identities, List<PendingRelationship> relationships) {
    }

    public VerificationQueue verificationQueue(AuthenticatedUser u, int limit) {
        int max = Math.max(1, Math.min(limit, 200));
        VerificationQueue queue = tx.read(c -> {
            List<PendingRelationship> pending = new ArrayList<>();
            for (GuardianshipDTO link : people.unverifiedGuardianships(c, max)) {
                ChildDTO child = people.child(c, link.childId);
                child.guardians = null;
                pending.add(new PendingRelationship(link, people.guardian(c, link.guardianId), child));
            }
            return new VerificationQueue(people.unverifiedGuardians(c, max), pending);
        });
        List<String> children = queue.relationships().stream().map(p -> p.child().id).distinct().toList();
        audit.record(new AuditEntry(u.username(), AuditEntry.Action.READ, "verification-queue", null, null,
                queue.identities().size() + " identities, " + queue.relationships().size() + " relationships")
                .withPatients(children));
        return queue;
    }

    /** The hospital verified that this guardian is the child's guardian (birth certificate, household register...). */
    public ChildDTO verifyGuardianship(AuthenticatedUser u, String childId, String guardianId, String method) {
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            if (people.verifyGuardianship(c, guardianId, childId, u.username(), method, now) != 1) {
                throw ProblemException.notFound("guardianship");
            }
            audit.record(c, new AuditEntry(u.username(), AuditEntry.Action.UPDATE, "guardianship", guardianId, childId,
                    "relationship verified by " + method));
            return people.child(c, childId);
        });
    }

    public PhysicianDTO registerPhysician(AuthenticatedUser u, PhysicianDTO p) {
        p.id = Ids.newId();
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            if (physicians.byUsername(c, p.username) != null) {
                throw ProblemException.conflict("physician_exists", "a physician with this login already exists");
            }
            try {
                physicians.insert(c, p, now);
            } catch (java.sql.SQLException e) {
                if (DataAccessException.isConstraintViolation(e)) {
                    throw ProblemException.conflict("physician_exists", "this licence number is already registered");
                }
                throw e;
            }
            audit.record(c, new AuditEntry(u.username(), AuditEntry.Action.CREATE, "physician", p.id, null, null));
            return physicians.byId(c, p.id);
        });
    }

    /** A login for the physician of this profile (its user name), with a temporary password. */
    public Account createPhysicianAccount(AuthenticatedUser u, String physicianId, String phone, char[] temporaryPassword) {
        PhysicianDTO p = physician(physicianId);
        if (!p.username.equals(p.username.trim().toLowerCase(java.util.Locale.ROOT))) {
            throw ProblemException.conflict("username_case", "this profile's user name has capitals or spaces; "
                    + "login names are lower-case: register the physician again with a lower-case user name");
        }
        return accounts.create(new NewAccount(p.username, p.familyName + p.givenName, phone, EnumSet.of(Role.PHYSICIAN),
                temporaryPassword, true), u.username());
    }

    public List<PhysicianDTO> physicians() {
        return tx.read(physicians::all);
    }

    /** The physician whose profile has this user name, or a 404 problem. */
    public PhysicianDTO physicianByUsername(String username) {
        PhysicianDTO p = tx.read(c -> physicians.byUsername(c, username));
        if (p == null) {
            throw ProblemException.notFound("physician");
        }
        return p;
    }

    public PhysicianDTO physician(String id) {
        PhysicianDTO p = tx.read(c -> physicians.byId(c, id));
        if (p == null) {
            throw ProblemException.notFound("physician");
        }
        return p;
    }

    /** Adds slots to a physician's calendar: the physician themself or an administrator. */
    public List<SlotDTO> addSlots(AuthenticatedUser u, String physicianId, List<SlotDTO> slots) {
        return tx.inTransaction(c -> {
            PhysicianDTO p = physicians.byId(c, physicianId);
            if (p == null) {
                throw ProblemException.notFound("physician");
            }
            if (!u.has(Role.INTEGRATION_ADMIN) && !u.username().equals(p.username)) {
                throw ProblemException.forbidden("only the physician or an administrator can add slots");
            }
            for (SlotDTO s : slots) {
                s.id = Ids.newId();
                s.physicianId = physicianId;
                s.free = true;
                try {
                    physicians.insertSlot(c, s);
                } catch (java.sql.SQLException e) {
                    if (DataAccessException.isConstraintViolation(e)) {
                        throw ProblemException.conflict("slot_exists", "a slot at " + s.startsAt + " already exists");
                    }
                    throw e;
                }
            }
            return slots;
        });
    }

    public List<SlotDTO> slots(String physicianId, boolean freeOnly) {
        return tx.read(c -> physicians.slots(c, physicianId, clock.instant(), freeOnly));
    }
}
