package org.pediconsult.reporting.internal;

import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.SectionContent;

/** One section as computed for a report: its content, or why it failed (an incident id, never the cause). */
record ComputedSection(String id, Label title, int order, SectionContent content, String error) {
    boolean failed() {
        return error != null;
    }
}
