package org.pediconsult.reporting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.SectionContent;

/** The report as the JSON of {@code GET /api/reports/pilot}, every text in one language. */
final class ReportJson {
    private ReportJson() {
    }

    static Map<String, Object> of(Report report, String lang) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", report.title().in(lang));
        body.put("from", report.period().from().toString());
        body.put("to", report.period().to().toString());
        body.put("zone", report.period().zone().getId());
        body.put("lang", lang);
        body.put("generatedAt", report.generatedAt().toString());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (ComputedSection s : report.sections()) {
            sections.add(section(s, lang));
        }
        body.put("sections", sections);
        return body;
    }

    static Map<String, Object> section(ComputedSection s, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("title", s.title().in(lang));
        m.put("order", s.order());
        if (s.failed()) {
            m.put("error", s.error());
            return m;
        }
        SectionContent c = s.content();
        List<Map<String, Object>> figures = new ArrayList<>();
        for (SectionContent.Figure f : c.figures()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("key", f.key());
            fm.put("label", f.label().in(lang));
            fm.put("value", f.value());
            fm.put("unit", f.unit().name());
            figures.add(fm);
        }
        m.put("figures", figures);
        List<Map<String, Object>> tables = new ArrayList<>();
        for (SectionContent.Table t : c.tables()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("id", t.id());
            tm.put("title", t.title().in(lang));
            List<Map<String, Object>> columns = new ArrayList<>();
            for (SectionContent.Column col : t.columns()) {
                columns.add(Map.of("key", col.key(), "label", col.label().in(lang), "unit", col.unit().name()));
            }
            tm.put("columns", columns);
            List<List<Object>> rows = new ArrayList<>();
            for (List<Object> row : t.rows()) {
                List<Object> r = new ArrayList<>(row.size());
                for (Object cell : row) {
                    r.add(Cells.json(cell, lang));
                }
                rows.add(r);
            }
            tm.put("rows", rows);
            tables.add(tm);
        }
        m.put("tables", tables);
        List<Map<String, Object>> charts = new ArrayList<>();
        for (SectionContent.Chart ch : c.charts()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("type", ch.type().name());
            cm.put("title", ch.title().in(lang));
            cm.put("table", ch.table());
            cm.put("x", ch.x());
            cm.put("series", ch.series());
            charts.add(cm);
        }
        m.put("charts", charts);
        List<String> notes = new ArrayList<>();
        for (Label n : c.notes()) {
            notes.add(n.in(lang));
        }
        m.put("notes", notes);
        return m;
    }
}
