package org.pediconsult.reporting.internal;

import java.util.List;

import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.SectionContent;

/**
 * One section as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs read the
 * Chinese right): the section's title and period, its figures, then each table under its title,
 * then the notes, blocks separated by an empty line. Text cells that a spreadsheet would run as a
 * formula (starting with = + - @) are prefixed with an apostrophe.
 */
final class ReportCsv {
    private ReportCsv() {
    }

    static String of(Report report, ComputedSection s, String lang) {
        boolean en = "en".equals(lang);
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, List.of(s.title().in(lang)));
        line(out, List.of(en ? "Period" : "期间", report.period().from().toString(), report.period().to().toString(),
                report.period().zone().getId()));
        line(out, List.of(en ? "Generated" : "生成时间", report.generatedAt().toString()));
        if (s.failed()) {
            out.append("\r\n");
            line(out, List.of(en ? "Error" : "错误", s.error()));
            return out.toString();
        }
        SectionContent c = s.content();
        if (!c.figures().isEmpty()) {
            out.append("\r\n");
            line(out, List.of(en ? "Figure" : "指标", en ? "Value" : "数值", en ? "Unit" : "单位"));
            for (SectionContent.Figure f : c.figures()) {
                line(out, List.of(f.label().in(lang), f.value() == null ? "" : Cells.number(f.value()), Cells.unit(f.unit(), lang)));
            }
        }
        for (SectionContent.Table t : c.tables()) {
            out.append("\r\n");
            line(out, List.of(t.title().in(lang)));
            line(out, t.columns().stream().map(col -> {
                String u = Cells.unit(col.unit(), lang);
                return u.isEmpty() ? col.label().in(lang) : col.label().in(lang) + " (" + u + ")";
            }).toList());
            for (List<Object> row : t.rows()) {
                line(out, row.stream().map(cell -> cell instanceof Number ? Cells.number((Number) cell) : guard(Cells.text(cell, lang))).toList());
            }
        }
        if (!c.notes().isEmpty()) {
            out.append("\r\n");
            for (Label n : c.notes()) {
                line(out, List.of(n.in(lang)));
            }
        }
        return out.toString();
    }

    static String guard(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = cells.get(i) == null ? "" : cells.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                out.append(v);
            }
        }
        out.append("\r\n");
    }
}
