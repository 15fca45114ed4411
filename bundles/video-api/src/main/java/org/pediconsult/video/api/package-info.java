/**
 * Video API: short-lived room tokens that admit one person in one role to one consultation's call,
 * and the ICE servers (STUN/TURN) a client needs to set up its peer connection.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.pediconsult.video.api;
