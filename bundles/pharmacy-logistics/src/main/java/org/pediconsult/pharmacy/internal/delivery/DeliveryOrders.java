package org.pediconsult.pharmacy.internal.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.ChildRecords;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.pharmacy.api.AddressDTO;
import org.pediconsult.pharmacy.api.DeliveryDTO;
import org.pediconsult.pharmacy.api.DeliveryState;
import org.pediconsult.pharmacy.api.DispenseDTO;
import org.pediconsult.pharmacy.api.RefusalReason;
import org.pediconsult.pharmacy.internal.delivery.rules.AttemptsPolicy;
import org.pediconsult.pharmacy.internal.delivery.rules.DeliveryAction;
import org.pediconsult.pharmacy.internal.delivery.rules.DeliveryStateMachine;
import org.pediconsult.pharmacy.internal.delivery.rules.HandOverRule;
import org.pediconsult.pharmacy.internal.delivery.rules.IllegalTransitionException;
import org.pediconsult.pharmacy.internal.store.AddressStore;
import org.pediconsult.pharmacy.internal.store.DeliveryStore;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.event.EventOutbox;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.OneTimeCodes;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.specialty.api.FormularyEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery orders: one per approved prescription, from the pharmacy to the family's door. Each change is
 * one transaction with its step, event and audit entry ({@link DeliveryWriter}); the states and the moves
 * between them are {@link DeliveryStateMachine}'s.
 *
 * <p>Who: a pharmacist sees and moves every order; a courier only those assigned to them; a guardian their
 * own; anyone else gets 404. The door code is a platform one-time code (purpose {@code delivery}, subject the
 * delivery id) texted to the consultation's guardian at dispatch, good for {@code code.lifetime.hours}, dead
 * after 5 wrong tries.
 */
@Component(service = DeliveryOrders.class)
public class DeliveryOrders {
    static final String MODULE = "pharmacy";
    static final String CODE_PURPOSE = "delivery";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryOrders.class);
    private static final int LIST_LIMIT = 500;

    private final Tx tx;
    private final Clock clock;
    private final AuditTrail audit;
    private final InterfaceRecords consultations;
    private final ChildRecords children;
    private final OneTimeCodes codes;
    private final LogisticsSettings settings;
    private final DeliveryStore store = new DeliveryStore();
    private final AddressStore addresses = new AddressStore();
    private final DeliveryWriter writer;

    @Activate
    public DeliveryOrders(BundleContext context, @Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                          @Reference SchemaMigrations migrations, @Reference Clock clock, @Reference AuditTrail audit,
                          @Reference EventOutbox outbox, @Reference InterfaceRecords consultations,
                          @Reference ChildRecords children, @Reference OneTimeCodes codes, @Reference LogisticsSettings settings) {
        migrations.migrate(context.getBundle(), MODULE);
        this.tx = new Tx(dataSource);
        this.clock = clock;
        this.audit = audit;
        this.consultations = consultations;
        this.children = children;
        this.codes = codes;
        this.settings = settings;
        this.writer = new DeliveryWriter(store, outbox, audit);
    }

    Tx tx() {
        return tx;
    }

    DeliveryStore store() {
        return store;
    }

    DeliveryWriter writer() {
        return writer;
    }

    // ---- from events and dispensing ----

    /** An approved prescription gets its delivery order (once; a redelivered event finds it). */
    public void approved(Connection c, PrescriptionDTO p, String actor) throws SQLException {
        if (store.byPrescription(c, p.id) == null) {
            create(c, p, actor, DeliveryState.AWAITING_DISPENSING);
        }
    }

    /** The prescription was dispensed: its order (made now if the approval came before this bundle) is DISPENSED. */
    public void dispensed(Connection c, PrescriptionDTO p, DispenseDTO dispense, String actor) throws SQLException {
        DeliveryStore.Row row = store.byPrescription(c, p.id);
        DeliveryDTO d = row == null ? create(c, p, actor, DeliveryState.AWAITING_DISPENSING) : row.delivery();
        DeliveryState from = d.state;
        d.state = next(from, DeliveryAction.DISPENSE);
        d.dispenseId = dispense.id;
        d.updatedAt = clock.instant();
        writer.write(c, d, from, actor, "dispense " + dispense.id, d.updatedAt);
    }

    /** The prescription was voided or expired: an order not dispensed yet is cancelled, one dispensed but not sent is recalled. */
    public void prescriptionEnded(Connection c, String prescriptionId, String why, String actor) throws SQLException {
        DeliveryStore.Row row = store.byPrescription(c, prescriptionId);
        if (row == null) {
            return;
        }
        DeliveryDTO d = row.delivery();
        DeliveryAction action = d.state == DeliveryState.AWAITING_DISPENSING ? DeliveryAction.CANCEL
                : (d.state == DeliveryState.DISPENSED || d.state == DeliveryState.AWAITING_PICKUP) ? DeliveryAction.RECALL : null;
        if (action == null) {
            return; // on its way or done: the pharmacist decides
        }
        DeliveryState from = d.state;
        d.state = next(from, action);
        d.note = why;
        d.updatedAt = clock.instant();
        writer.write(c, d, from, actor, why, d.updatedAt);
    }

    private DeliveryDTO create(Connection c, PrescriptionDTO p, String actor, DeliveryState state) throws SQLException {
        ConsultationRecord k = consultations.consultation(p.consultationId, "pharmacy", "delivery order")
                .orElseThrow(() -> new IllegalStateException("consultation " + p.consultationId + " of prescription " + p.id
                        + " not found"));
        DeliveryDTO d = new DeliveryDTO();
        d.id = Ids.newId();
        d.prescriptionId = p.id;
        d.consultationId = p.consultationId;
        d.childId = p.childId;
        d.guardian = k.guardian.username;
        d.state = state;
        d.coldChain = p.items.stream().anyMatch(i -> i.storage == FormularyEntry.Storage.COLD_2_8);
        d.address = addresses.of(c, d.guardian).stream().filter(a -> a.isDefault).findFirst().orElse(null);
        d.createdAt = clock.instant();
        d.updatedAt = d.createdAt;
        writer.create(c, d, k.guardian.phone, actor);
        return d;
    }

    // ---- people's actions ----

    /** The guardian chooses one of their addresses (until dispatch). */
    public DeliveryDTO chooseAddress(AuthenticatedUser guardian, String id, String addressId) {
        return tx.inTransaction(c -> {
            DeliveryDTO d = guardians(c, guardian, id);
            if (d.state.ordinal() > DeliveryState.AWAITING_PICKUP.ordinal()) {
                throw ProblemException.conflict("already_dispatched", "the parcel has left: its address cannot change");
            }
            AddressDTO a = addresses.byId(c, guardian.username(), addressId);
            if (a == null) {
                throw ProblemException.badField("addressId", "not one of your addresses");
            }
            d.address = a;
            d.updatedAt = clock.instant();
            writer.write(c, d, d.state, guardian.username(), "address chosen", d.updatedAt);
            return d;
        });
    }

    public DeliveryDTO assign(AuthenticatedUser pharmacist, String id, String courier) {
        if (courier == null || courier.isBlank() || courier.length() > 100) {
            throw ProblemException.badField("courier", "the courier's login name");
        }
        return act(pharmacist, id, DeliveryAction.ASSIGN, Who.PHARMACIST, "courier " + courier, (c, d) -> {
            if (d.address == null) {
                throw ProblemException.conflict("no_address", "the family has not chosen a delivery address yet");
            }
            d.courier = courier.strip();
        });
    }

    /** The courier picks the parcel up with its tamper seal; the door code is texted to the guardian. */
    public DeliveryDTO dispatch(AuthenticatedUser courier, String id, String sealNumber) {
        if (sealNumber == null || !sealNumber.strip().matches("[A-Za-z0-9-]{3,50}")) {
            throw ProblemException.badField("sealNumber", "the tamper seal's number (3-50 letters, digits, '-')");
        }
        DeliveryDTO d = act(courier, id, DeliveryAction.DISPATCH, Who.COURIER, "seal " + sealNumber.strip(), (c, x) -> {
            x.sealNumber = sealNumber.strip();
            x.dispatchedAt = clock.instant();
        });
        d.codeSent = sendCode(d);
        return d;
    }

    /** A new door code (the last one died after wrong tries, or was lost). */
    public DeliveryDTO newCode(AuthenticatedUser user, String id) {
        DeliveryDTO d = tx.read(c -> courierOrGuardian(c, user, id));
        if (d.state != DeliveryState.IN_TRANSIT) {
            throw ProblemException.conflict("not_in_transit", "a door code is for a parcel on its way");
        }
        d.codeSent = sendCode(d);
        if (!d.codeSent) {
            throw new ProblemException(503, "code_not_sent", "the code could not be texted; the guardian can confirm receipt in the app");
        }
        return d;
    }

    /** At the door: the guardian's code, the seal intact, no temperature excursion. */
    public DeliveryDTO handOver(AuthenticatedUser courier, String id, String code, boolean sealIntact) {
        DeliveryDTO before = tx.read(c -> couriers(c, courier, id));
        requireHandOver(before, sealIntact);
        if (code == null || !code.strip().matches("[0-9]{6}")) {
            throw ProblemException.badField("code", "the six digits the family received");
        }
        OneTimeCodes.Checked checked = codes.check(CODE_PURPOSE, id, code.strip()); // counts the try first
        return act(courier, id, DeliveryAction.HAND_OVER, Who.COURIER, "code", (c, d) -> {
            requireHandOver(d, sealIntact);
            codes.use(c, checked);
            d.deliveredAt = clock.instant();
        });
    }

    /** The guardian confirms receipt in the app (instead of the code at the door). */
    public DeliveryDTO confirmReceipt(AuthenticatedUser guardian, String id) {
        return act(guardian, id, DeliveryAction.CONFIRM_RECEIPT, Who.GUARDIAN, "confirmed in the app", (c, d) -> {
            requireHandOver(d, true);
            d.deliveredAt = clock.instant();
        });
    }

    public DeliveryDTO refuse(AuthenticatedUser courier, String id, RefusalReason reason, String note) {
        if (reason == null) {
            throw ProblemException.badField("reason", "SEAL_BROKEN, TEMPERATURE_EXCURSION, WRONG_PERSON or DECLINED");
        }
        String n = note(note);
        return act(courier, id, DeliveryAction.REFUSE, Who.COURIER, reason + (n == null ? "" : ": " + n), (c, d) -> {
            d.refusalReason = reason;
            d.note = n;
        });
    }

    /** Nobody at the door: after {@code max.attempts} failed attempts the parcel goes back to the pharmacy. */
    public DeliveryDTO failedAttempt(AuthenticatedUser courier, String id, String note) {
        String n = note(note);
        DeliveryDTO d = act(courier, id, DeliveryAction.FAIL_ATTEMPT, Who.COURIER, n, (c, x) -> {
            x.attempts++;
            x.note = n;
        });
        if (AttemptsPolicy.mustReturn(d.attempts, settings.maxAttempts())) {
            return act(courier, id, DeliveryAction.RETURN, Who.COURIER, "after " + d.attempts + " failed attempts", (c, x) -> { });
        }
        return d;
    }

    public DeliveryDTO retry(AuthenticatedUser user, String id) {
        return act(user, id, DeliveryAction.RETRY, Who.COURIER_OR_PHARMACIST, null, (c, d) -> { });
    }

    public DeliveryDTO returned(AuthenticatedUser user, String id) {
        return act(user, id, DeliveryAction.RETURN, Who.COURIER_OR_PHARMACIST, null, (c, d) -> { });
    }

    /** A returned parcel is quarantined: never restocked. */
    public DeliveryDTO quarantine(AuthenticatedUser pharmacist, String id, String note) {
        String n = note(note);
        return act(pharmacist, id, DeliveryAction.QUARANTINE, Who.PHARMACIST, n, (c, d) -> d.note = n);
    }

    // ---- reads ----

    public List<DeliveryDTO> list(AuthenticatedUser user, DeliveryState state) {
        List<DeliveryDTO> list = tx.read(c -> {
            if (user.has(Role.PHARMACIST) || user.has(Role.AUDITOR) || user.has(Role.INTEGRATION_ADMIN)) {
                return state == null ? store.open(c, LIST_LIMIT) : store.byState(c, state, LIST_LIMIT);
            }
            if (user.has(Role.COURIER)) {
                return store.byCourier(c, user.username(), LIST_LIMIT);
            }
            return store.byGuardian(c, user.username(), LIST_LIMIT);
        });
        if (state != null && !(user.has(Role.PHARMACIST) || user.has(Role.AUDITOR) || user.has(Role.INTEGRATION_ADMIN))) {
            list = list.stream().filter(d -> d.state == state).toList();
        }
        java.util.Set<String> patients = new java.util.HashSet<>();
        list.forEach(d -> patients.add(d.childId));
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "delivery-list", state == null ? null : state.name(),
                null, list.size() + " deliveries").withPatients(patients));
        return list;
    }

    public DeliveryDTO get(AuthenticatedUser user, String id) {
        DeliveryDTO d = tx.read(c -> {
            DeliveryDTO x = visible(c, user, id);
            x.timeline = store.steps(c, id);
            return x;
        });
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "delivery", id, d.childId, null));
        return d;
    }

    /** The orders of a consultation with their timelines (interface read, audited by the caller). */
    public List<DeliveryDTO> ofConsultation(String consultationId) {
        return tx.read(c -> {
            List<DeliveryDTO> list = store.byConsultation(c, consultationId);
            for (DeliveryDTO d : list) {
                d.timeline = store.steps(c, d.id);
            }
            return list;
        });
    }

    // ---- helpers ----

    enum Who { PHARMACIST, COURIER, GUARDIAN, COURIER_OR_PHARMACIST }

    /** What an action changes on the order, on the transaction's connection (e.g. a door code used with it). */
    interface Change {
        void apply(Connection c, DeliveryDTO d) throws SQLException;
    }

    private DeliveryDTO act(AuthenticatedUser user, String id, DeliveryAction action, Who who, String note,
                            Change change) {
        return tx.inTransaction(c -> {
            DeliveryDTO d = switch (who) {
                case PHARMACIST -> pharmacists(c, user, id);
                case COURIER -> couriers(c, user, id);
                case GUARDIAN -> guardians(c, user, id);
                case COURIER_OR_PHARMACIST -> user.has(Role.PHARMACIST) ? pharmacists(c, user, id) : couriers(c, user, id);
            };
            DeliveryState from = d.state;
            DeliveryState to = next(from, action);
            change.apply(c, d);
            d.state = to;
            d.updatedAt = clock.instant();
            writer.write(c, d, from, user.username(), note, d.updatedAt);
            return d;
        });
    }

    static DeliveryState next(DeliveryState from, DeliveryAction action) {
        try {
            return DeliveryStateMachine.next(from, action);
        } catch (IllegalTransitionException e) {
            throw ProblemException.conflict("illegal_transition", "a delivery " + from + " cannot be " + action);
        }
    }

    private static void requireHandOver(DeliveryDTO d, boolean sealIntact) {
        RefusalReason refused = HandOverRule.refusalReason(d.excursion, sealIntact);
        if (refused != null) {
            throw ProblemException.conflict(refused == RefusalReason.TEMPERATURE_EXCURSION ? "cold_chain_excursion" : "seal_broken",
                    HandOverRule.messageEn(refused) + " / " + HandOverRule.messageZh(refused));
        }
    }

    private boolean sendCode(DeliveryDTO d) {
        String phone = tx.read(c -> store.byId(c, d.id).guardianPhone());
        if (phone == null) {
            return false;
        }
        try {
            codes.send(CODE_PURPOSE, d.id, phone, "【PediConsult】孩子的药品已发出。快递员送到时请告诉他验证码 {code}，并确认封签完好"
                    + (d.coldChain ? "、药品冰凉" : "") + "。Your child's medicine is on its way: give the courier the code {code} at "
                    + "the door; check the seal is intact" + (d.coldChain ? " and the parcel is cold" : "") + ".",
                    settings.codeLifetime());
            return true;
        } catch (ProblemException | IllegalArgumentException e) {
            LOG.warn("delivery {}: the door code could not be texted ({})", d.id, e.getMessage());
            return false;
        }
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > 500) {
            throw ProblemException.badField("note", "at most 500 characters");
        }
        return note.strip();
    }

    private DeliveryDTO row(Connection c, String id) throws SQLException {
        DeliveryStore.Row r = store.byId(c, id);
        if (r == null) {
            throw ProblemException.notFound("delivery");
        }
        return r.delivery();
    }

    DeliveryDTO pharmacists(Connection c, AuthenticatedUser user, String id) throws SQLException {
        if (!user.has(Role.PHARMACIST)) {
            throw ProblemException.notFound("delivery");
        }
        return row(c, id);
    }

    DeliveryDTO couriers(Connection c, AuthenticatedUser user, String id) throws SQLException {
        DeliveryDTO d = row(c, id);
        if (!user.has(Role.COURIER) || d.courier == null || !d.courier.equalsIgnoreCase(user.username())) {
            throw ProblemException.notFound("delivery");
        }
        return d;
    }

    DeliveryDTO guardians(Connection c, AuthenticatedUser user, String id) throws SQLException {
        DeliveryDTO d = row(c, id);
        if (!user.has(Role.GUARDIAN) || !(d.guardian.equalsIgnoreCase(user.username()) || children.isGuardian(user, d.childId))) {
            throw ProblemException.notFound("delivery");
        }
        return d;
    }

    private DeliveryDTO courierOrGuardian(Connection c, AuthenticatedUser user, String id) throws SQLException {
        return user.has(Role.COURIER) ? couriers(c, user, id) : guardians(c, user, id);
    }

    DeliveryDTO visible(Connection c, AuthenticatedUser user, String id) throws SQLException {
        if (user.has(Role.PHARMACIST) || user.has(Role.AUDITOR) || user.has(Role.INTEGRATION_ADMIN)) {
            return row(c, id);
        }
        return courierOrGuardian(c, user, id);
    }

    Instant now() {
        return clock.instant();
    }
}
