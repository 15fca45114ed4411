package org.pediconsult.consultation.internal.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What the eligibility rules need to know about a physician, and nothing more.
 *
 * <p>Why a separate value: the rules stay independent of how physicians are stored or looked up, and a
 * decision can be reproduced from exactly the facts it was made on. Unknown facts are allowed here
 * ({@code null} practice start or institution) because refusing them is the rules' job, with a reason.
 */
public final class PhysicianFacts {

    private final boolean whitelisted;
    private final LocalDate practiceSince;
    private final String institution;
    private final Set<String> specialtyIds;

    /**
     * @param whitelisted whether the physician is on the authority's pilot white-list
     * @param practiceSince first day of independent clinical practice, or {@code null} if unknown
     * @param institution code of the physician's institution, or {@code null} if unknown
     * @param specialtyIds specialties the physician covers (copied)
     */
    public PhysicianFacts(boolean whitelisted, LocalDate practiceSince, String institution, Set<String> specialtyIds) {
        this.whitelisted = whitelisted;
        this.practiceSince = practiceSince;
        this.institution = institution;
        this.specialtyIds = Set.copyOf(Objects.requireNonNull(specialtyIds, "specialtyIds"));
    }

    public boolean whitelisted() {
        return whitelisted;
    }

    public LocalDate practiceSince() {
        return practiceSince;
    }

    public String institution() {
        return institution;
    }

    /** Unmodifiable. */
    public Set<String> specialtyIds() {
        return specialtyIds;
    }

    @Override
    public String toString() {
        return "PhysicianFacts[whitelisted=" + whitelisted + ", practiceSince=" + practiceSince + ", institution="
                + institution + ", specialties=" + specialtyIds + "]";
    }
}
