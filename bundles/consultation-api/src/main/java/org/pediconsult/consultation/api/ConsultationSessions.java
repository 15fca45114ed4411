package org.pediconsult.consultation.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The session of a consultation as the video bundle needs it: the state (the one source of truth
 * for whether the guardian has been admitted) and the physician's admission, with the same rules
 * and attestation as {@code POST /api/consultations/{id}/admission}.
 *
 * @since 1.3
 */
@ProviderType
public interface ConsultationSessions {
    /** The consultation's current state, or null when there is no such consultation. */
    ConsultationState state(String consultationId);

    /** The username of the consultation's physician, or null when there is none (yet) or no such consultation. */
    String physicianUsername(String consultationId);

    /**
     * The physician admits the waiting family and, by this call, attests that the guardian is present.
     * A consult already admitted ({@code IN_PROGRESS} or {@code PAUSED}) is left as it is.
     *
     * @return the state after the call
     * @throws org.pediconsult.platform.api.ProblemException when the physician is not this
     *         consultation's, the state does not allow admission, or a guardian rule refuses
     */
    ConsultationState admit(String consultationId, String physicianUsername);
}
