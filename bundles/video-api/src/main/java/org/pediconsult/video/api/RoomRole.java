package org.pediconsult.video.api;

/**
 * The two seats of a consultation's call. There is one of each per room.
 *
 * @since 1.0
 */
public enum RoomRole {
    /** The consultation's physician: never waits in the lobby, admits the guardian. */
    PHYSICIAN,
    /** The child's verified guardian (with the child): waits in the lobby until admitted. */
    GUARDIAN
}
