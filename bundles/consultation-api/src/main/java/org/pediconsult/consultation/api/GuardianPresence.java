package org.pediconsult.consultation.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Presence of the guardian in a consultation's call, reported by the video bundle (joined, left,
 * reconnected). The consultation bundle applies the guardian rule: leaving pauses a consult in
 * progress; coming back resumes it.
 *
 * @since 1.0
 */
@ProviderType
public interface GuardianPresence {
    /** The guardian joined or re-joined. {@code source} says who reports it, for the audit trail. */
    void guardianJoined(String consultationId, String source);

    /** The guardian left (closed the tab, lost the network). */
    void guardianLeft(String consultationId, String source);
}
