package org.pediconsult.consultation.internal.service;

import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.platform.api.ProblemException;

/** The guard for consults whose specialty bundle is not installed: readable, but frozen until it returns. */
final class Specialties {
    private final SpecialtyRegistry registry;

    Specialties(SpecialtyRegistry registry) {
        this.registry = registry;
    }

    void requireInstalled(ConsultationDTO k) {
        if (registry.find(k.specialtyId).isEmpty()) {
            throw ProblemException.conflict("specialty_unavailable", "the specialty '" + k.specialtyId
                    + "' is not installed right now; this consultation stays readable but cannot change until it is back");
        }
    }

    boolean installed(String specialtyId) {
        return registry.find(specialtyId).isPresent();
    }
}
