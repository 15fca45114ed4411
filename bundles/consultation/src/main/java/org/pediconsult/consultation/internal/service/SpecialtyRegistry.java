package org.pediconsult.consultation.internal.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.pediconsult.specialty.api.Specialty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed specialties, live from the service registry: a specialty bundle that starts is
 * here at once, one that stops is gone. Nothing lists specialties by name.
 */
@Component(service = SpecialtyRegistry.class)
public class SpecialtyRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SpecialtyRegistry.class);
    private final Map<String, Specialty> byId = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSpecialty(Specialty specialty) {
        String id = specialty.id();
        if (id == null || !id.matches("[a-z][a-z0-9-]{1,59}")) {
            LOG.error("specialty {} ignored: its id must be lower-case letters, digits and '-'", specialty.getClass().getName());
            return;
        }
        Specialty previous = byId.putIfAbsent(id, specialty);
        if (previous != null && previous != specialty) {
            LOG.error("specialty id {} is offered twice; keeping the first ({})", id, previous.getClass().getName());
        } else {
            LOG.info("specialty {} installed", id);
        }
    }

    void removeSpecialty(Specialty specialty) {
        if (byId.remove(specialty.id(), specialty)) {
            LOG.info("specialty {} removed", specialty.id());
        }
    }

    public Optional<Specialty> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public List<Specialty> all() {
        List<Specialty> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(Specialty::id));
        return all;
    }
}
