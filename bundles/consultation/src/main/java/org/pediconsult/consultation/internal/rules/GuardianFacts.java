package org.pediconsult.consultation.internal.rules;

/**
 * What the presence gate needs to know about the guardian accompanying the child, right now.
 *
 * <p>Why three separate flags: the authority requires each fact on its own (identity checked,
 * relationship to <em>this</em> child checked, actually present in the session), and a clinician must
 * be told which one is missing.
 */
public final class GuardianFacts {

    private final boolean admitted;
    private final boolean identityVerified;
    private final boolean relationshipVerified;

    /**
     * @param admitted the guardian is admitted to (present in) the session
     * @param identityVerified the guardian's identity has been verified
     * @param relationshipVerified the guardian's relationship to this child has been verified
     */
    public GuardianFacts(boolean admitted, boolean identityVerified, boolean relationshipVerified) {
        this.admitted = admitted;
        this.identityVerified = identityVerified;
        this.relationshipVerified = relationshipVerified;
    }

    public boolean admitted() {
        return admitted;
    }

    public boolean identityVerified() {
        return identityVerified;
    }

    public boolean relationshipVerified() {
        return relationshipVerified;
    }

    @Override
    public String toString() {
        return "GuardianFacts[admitted=" + admitted + ", identityVerified=" + identityVerified
                + ", relationshipVerified=" + relationshipVerified + "]";
    }
}
