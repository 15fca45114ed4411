/**
 * PediConsult platform API: the pilot evaluation report. A bundle contributes a {@link ReportSection}
 * as an OSGi service (whiteboard); the reporting bundle computes every registered section for a
 * {@link ReportPeriod} and serves the report as JSON, CSV per section and one PDF. No bundle lists
 * the sections by name: a section comes and goes with its bundle.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.pediconsult.platform.api.report;
