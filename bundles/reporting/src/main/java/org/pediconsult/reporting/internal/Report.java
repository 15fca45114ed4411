package org.pediconsult.reporting.internal;

import java.time.Instant;
import java.util.List;

import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.ReportPeriod;

/** A computed report: the period, when, and every section in order. */
record Report(Label title, ReportPeriod period, Instant generatedAt, List<ComputedSection> sections) {
    ComputedSection section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }
}
