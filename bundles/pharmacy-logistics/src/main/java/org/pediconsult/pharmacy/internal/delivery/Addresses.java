package org.pediconsult.pharmacy.internal.delivery;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.pharmacy.api.AddressDTO;
import org.pediconsult.pharmacy.internal.store.AddressStore;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.Problem;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.PhoneNumbers;

/**
 * A guardian's delivery addresses, kept with their account (by login name): at most 10, the first or the
 * one marked is the default that a new delivery order takes; removing one keeps it, marked. Audited.
 */
@Component(service = Addresses.class)
public class Addresses {
    private final DeliveryOrders orders;
    private final AuditTrail audit;
    private final AddressStore store = new AddressStore();

    @Activate
    public Addresses(@Reference DeliveryOrders orders, @Reference AuditTrail audit) {
        this.orders = orders;
        this.audit = audit;
    }

    public List<AddressDTO> list(AuthenticatedUser guardian) {
        List<AddressDTO> list = orders.tx().read(c -> store.of(c, guardian.username()));
        audit.record(new AuditEntry(guardian.username(), AuditEntry.Action.READ, "address-list", null, null,
                list.size() + " addresses"));
        return list;
    }

    public AddressDTO add(AuthenticatedUser guardian, AddressDTO a) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (a == null) {
            throw ProblemException.badField("street", "send {recipient, phone, province, city, district, street, postcode}");
        }
        a.recipient = text(errors, "recipient", a.recipient, 100, true);
        a.province = text(errors, "province", a.province, 50, true);
        a.city = text(errors, "city", a.city, 50, true);
        a.district = text(errors, "district", a.district, 50, false);
        a.street = text(errors, "street", a.street, 200, true);
        a.postcode = text(errors, "postcode", a.postcode, 10, false);
        if (a.postcode != null && !a.postcode.matches("[0-9]{6}")) {
            errors.add(new Problem.FieldError("postcode", "six digits"));
        }
        String phone = a.phone == null ? null : PhoneNumbers.normalise(a.phone);
        if (phone == null) {
            errors.add(new Problem.FieldError("phone", "a mainland China mobile number"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException("invalid_address", errors);
        }
        a.phone = phone;
        a.id = Ids.newId();
        a.createdAt = orders.now();
        return orders.tx().inTransaction(c -> {
            List<AddressDTO> existing = store.of(c, guardian.username());
            if (existing.size() >= AddressStore.MAX_PER_GUARDIAN) {
                throw ProblemException.conflict("too_many_addresses", "at most " + AddressStore.MAX_PER_GUARDIAN
                        + " addresses; remove one first");
            }
            a.isDefault = a.isDefault || existing.isEmpty();
            store.insert(c, guardian.username(), a);
            audit.record(c, new AuditEntry(guardian.username(), AuditEntry.Action.CREATE, "address", a.id, null, null));
            return a;
        });
    }

    public void remove(AuthenticatedUser guardian, String id) {
        orders.tx().inTransaction(c -> {
            if (!store.remove(c, guardian.username(), id, orders.now())) {
                throw ProblemException.notFound("address");
            }
            audit.record(c, new AuditEntry(guardian.username(), AuditEntry.Action.DELETE, "address", id, null, null));
            return null;
        });
    }

    private static String text(List<Problem.FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Problem.FieldError(field, "required"));
            }
            return null;
        }
        if (value.length() > max) {
            errors.add(new Problem.FieldError(field, "at most " + max + " characters"));
        }
        return value.strip();
    }
}
