/**
 * Consultation API: data transfer objects (public fields).
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package org.pediconsult.consultation.api.dto;
