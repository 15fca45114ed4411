package org.pediconsult.claim.internal.drugs;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.claim.internal.service.DispenseSource;
import org.pediconsult.claim.internal.service.Dispensed;
import org.pediconsult.pharmacy.api.Deliveries;
import org.pediconsult.pharmacy.api.DispenseDTO;

/**
 * The only class of the claim bundle that uses pharmacy-logistics' API ({@code org.pediconsult.pharmacy.api}, imported
 * with {@code resolution:=optional}): it is satisfied only when a {@link Deliveries} service is there, so without
 * pharmacy-logistics this component stays unsatisfied, its class is never loaded, and the rest of the bundle works.
 * The property tells the platform's health check so (a suite without pharmacy logistics is UP), and the bundle's
 * manifest carries no osgi.service requirement for it (pom.xml), so Karaf installs the bundle without it.
 */
@Component(service = DispenseSource.class, property = "pediconsult.optional.feature=pediconsult-pharmacy-logistics")
public class PharmacyDispenses implements DispenseSource {
    private final Deliveries deliveries;

    @Activate
    public PharmacyDispenses(@Reference Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public Optional<Dispensed> dispense(String consultationId, String dispenseId) {
        for (DispenseDTO d : deliveries.dispensesOfConsultation(consultationId, "claim", "drug lines of dispense " + dispenseId)) {
            if (dispenseId.equals(d.id)) {
                return Optional.of(of(d));
            }
        }
        return Optional.empty();
    }

    static Dispensed of(DispenseDTO d) {
        List<Dispensed.Item> items = d.items == null ? List.of() : d.items.stream()
                .map(i -> new Dispensed.Item(i.itemIndex, i.productCode, i.prescribedCode, i.productName, i.quantity, i.quantityUnit))
                .toList();
        return new Dispensed(d.id, d.consultationId, d.childId, d.dispensedAt, items);
    }
}
