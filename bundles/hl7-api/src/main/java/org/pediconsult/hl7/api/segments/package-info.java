/**
 * PediConsult HL7 API: the segments every outbound mapper writes the same way (PID, PV1, XCN, XPN, times).
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.pediconsult.hl7.api.segments;
