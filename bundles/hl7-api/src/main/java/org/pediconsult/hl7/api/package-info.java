/**
 * PediConsult HL7 API: outbound mappers.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.pediconsult.hl7.api;
