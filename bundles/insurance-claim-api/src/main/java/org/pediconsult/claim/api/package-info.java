/**
 * PediConsult insurance claim API: claims, their lines and states, a child's coverage, and the insurer
 * adapter whiteboard through which a hospital adds its insurers without touching the claim bundle.
 *
 * @since 1.0 (1.1: drug lines on {@link org.pediconsult.claim.api.ClaimLine})
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.pediconsult.claim.api;
