package org.pediconsult.platform.api.report;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One section of the pilot evaluation report, contributed by the bundle that owns its data. Register
 * an instance as an OSGi service of this type (a DS component with {@code service = ReportSection.class}).
 *
 * <p>{@link #compute} runs on each request for the report, with the section's own queries against its
 * own tables; it must stay fast for a year of a pilot (aggregate in SQL over indexed time columns, no
 * row-by-row reads; the whole report's target is under 2 s for 100,000 consultations). It must never
 * return personal data: counts, rates, durations and codes, never names, phone numbers or ids of
 * children or guardians (physicians' and institutions' codes are fine). A section that throws is shown
 * as failed with its message; the other sections still answer.
 *
 * @since 1.0
 */
@ConsumerType
public interface ReportSection {
    /** Stable id, {@code [a-z0-9-]{1,40}}, unique in the suite (e.g. {@code consultations}); used in URLs. */
    String id();

    /** The section's title. */
    Label title();

    /**
     * Where the section goes in the report, lower first (consultations 100, safety 150, travel 200,
     * video 300, prescriptions 400, delivery 500, claims 600, HL7 700); ties by id.
     */
    default int order() {
        return 500;
    }

    /** The section's figures, tables, charts and notes for the period. */
    SectionContent compute(ReportPeriod period);
}
