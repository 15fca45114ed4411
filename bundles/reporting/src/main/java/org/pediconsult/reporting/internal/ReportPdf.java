package org.pediconsult.reporting.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.SectionContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole report as one A4 PDF for the health commission: a first page with the title, the period
 * and every section's headline figures, then each section with its figures, charts (drawn as vector
 * graphics) and tables. Chinese needs a font with CJK glyphs from the machine ({@code pdf.fonts}; the
 * Debian package fonts-wqy-zenhei is the default); without one the PDF is written in English and
 * any character the built-in font cannot show becomes "?", and the first page says so.
 */
final class ReportPdf {
    private static final Logger LOG = LoggerFactory.getLogger(ReportPdf.class);
    private static final float MARGIN = 42;
    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final int MAX_TABLE_ROWS = 60;
    private static final int MAX_CHART_POINTS = 36;
    private static final Color INK = new Color(0x1f, 0x29, 0x37);
    private static final Color MUTED = new Color(0x6b, 0x72, 0x80);
    private static final Color RULE = new Color(0xd1, 0xd5, 0xdb);
    private static final Color[] SERIES = {
        new Color(0x25, 0x63, 0xeb), new Color(0xf5, 0x9e, 0x0b), new Color(0x10, 0xb9, 0x81),
        new Color(0xef, 0x44, 0x44), new Color(0x8b, 0x5c, 0xf6), new Color(0x06, 0xb6, 0xd4)
    };

    private ReportPdf() {
    }

    static byte[] of(Report report, String requestedLang, String[] fontPaths) {
        try (PDDocument doc = new PDDocument()) {
            List<AutoCloseable> toClose = new ArrayList<>();
            try {
                PDFont font = cjkFont(doc, fontPaths, toClose);
                String lang = font == null ? "en" : requestedLang;
                Writer w = new Writer(doc, font == null ? PDType1Font.HELVETICA : font, lang);
                write(w, report, font == null);
                w.finish();
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(w.safe(report.title().in(lang)));
                info.setCreator("PediConsult");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                doc.save(out);
                return out.toByteArray();
            } finally {
                for (AutoCloseable c : toClose) {
                    try {
                        c.close();
                    } catch (Exception ignored) {
                        // a font file we only read
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first readable TrueType font (or collection) of the list, embedded as a subset; null if none. */
    static PDFont cjkFont(PDDocument doc, String[] paths, List<AutoCloseable> toClose) {
        for (String path : paths) {
            File file = new File(path.trim());
            if (!file.isFile() || !file.canRead()) {
                continue;
            }
            try {
                if (path.toLowerCase().endsWith(".ttc")) {
                    TrueTypeCollection ttc = new TrueTypeCollection(file);
                    toClose.add(ttc);
                    TrueTypeFont[] first = new TrueTypeFont[1];
                    ttc.processAllFonts(ttf -> {
                        if (first[0] == null) {
                            first[0] = ttf;
                        }
                    });
                    if (first[0] != null) {
                        return PDType0Font.load(doc, first[0], true);
                    }
                } else {
                    return PDType0Font.load(doc, file);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("PDF font {} not usable: {}", path, e.toString());
            }
        }
        LOG.warn("no font with Chinese glyphs found in {}: the PDF report is written in English", List.of(paths));
        return null;
    }

    private static void write(Writer w, Report report, boolean noCjkFont) throws IOException {
        String lang = w.lang;
        boolean en = "en".equals(lang);
        w.paragraph(report.title().in(lang), 18, INK);
        w.gap(4);
        w.paragraph((en ? "Period: " : "统计期间：") + report.period().from() + " – " + report.period().to()
                + " (" + report.period().zone().getId() + ")", 10, MUTED);
        w.paragraph((en ? "Generated: " : "生成时间：")
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(report.generatedAt().atZone(report.period().zone()))
                + (en ? "  ·  PediConsult" : "  ·  PediConsult 儿科互联网诊疗平台"), 10, MUTED);
        if (noCjkFont) {
            w.paragraph("No font with Chinese glyphs is installed on the server (pdf.fonts): this PDF is in English and "
                    + "Chinese names show as '?'. Install fonts-wqy-zenhei for the Chinese report.", 9, SERIES[3]);
        }
        w.gap(10);
        w.paragraph(en ? "Summary" : "摘要", 13, INK);
        List<List<String>> summary = new ArrayList<>();
        for (ComputedSection s : report.sections()) {
            if (s.failed()) {
                summary.add(List.of(s.title().in(lang), en ? "not available" : "无法计算", s.error()));
                continue;
            }
            for (SectionContent.Figure f : s.content().figures()) {
                summary.add(List.of(s.title().in(lang), f.label().in(lang), Cells.withUnit(f.value(), f.unit(), lang)));
            }
        }
        w.table(List.of(en ? "Section" : "部分", en ? "Figure" : "指标", en ? "Value" : "数值"),
                new float[] {0.28f, 0.52f, 0.20f}, summary, new boolean[] {false, false, true}, 0);

        for (ComputedSection s : report.sections()) {
            w.newPage();
            w.paragraph(s.title().in(lang), 15, INK);
            w.gap(4);
            if (s.failed()) {
                w.paragraph((en ? "This section could not be computed: " : "此部分无法计算：") + s.error(), 10, SERIES[3]);
                continue;
            }
            SectionContent c = s.content();
            if (!c.figures().isEmpty()) {
                List<List<String>> rows = new ArrayList<>();
                for (SectionContent.Figure f : c.figures()) {
                    rows.add(List.of(f.label().in(lang), Cells.withUnit(f.value(), f.unit(), lang)));
                }
                w.table(List.of(en ? "Figure" : "指标", en ? "Value" : "数值"), new float[] {0.7f, 0.3f}, rows,
                        new boolean[] {false, true}, 0);
            }
            for (SectionContent.Chart chart : c.charts()) {
                SectionContent.Table t = c.tables().stream().filter(x -> x.id().equals(chart.table())).findFirst().orElseThrow();
                w.chart(chart, t);
            }
            for (SectionContent.Table t : c.tables()) {
                w.gap(6);
                w.paragraph(t.title().in(lang), 11, INK);
                List<String> heads = new ArrayList<>();
                boolean[] numeric = new boolean[t.columns().size()];
                float[] widths = new float[t.columns().size()];
                for (int i = 0; i < t.columns().size(); i++) {
                    SectionContent.Column col = t.columns().get(i);
                    String u = Cells.unit(col.unit(), lang);
                    heads.add(u.isEmpty() ? col.label().in(lang) : col.label().in(lang) + " (" + u + ")");
                    numeric[i] = col.unit() != SectionContent.Unit.TEXT;
                    widths[i] = numeric[i] ? 1f : 1.8f;
                }
                float sum = 0;
                for (float f : widths) {
                    sum += f;
                }
                for (int i = 0; i < widths.length; i++) {
                    widths[i] /= sum;
                }
                List<List<String>> rows = new ArrayList<>();
                for (List<Object> row : t.rows()) {
                    rows.add(row.stream().map(cell -> Cells.text(cell, lang)).toList());
                }
                w.table(heads, widths, rows, numeric, MAX_TABLE_ROWS);
            }
            if (!c.notes().isEmpty()) {
                w.gap(6);
                for (Label n : c.notes()) {
                    w.paragraph("· " + n.in(lang), 8.5f, MUTED);
                }
            }
        }
    }

    /** A cursor over pages: text, tables and charts flow down and break onto new pages. */
    static final class Writer {
        private final PDDocument doc;
        private final PDFont font;
        private final String lang;
        private final Map<Integer, Boolean> glyphs = new HashMap<>();
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument doc, PDFont font, String lang) throws IOException {
            this.doc = doc;
            this.font = font;
            this.lang = lang;
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(SIZE);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = SIZE.getHeight() - MARGIN;
        }

        void finish() throws IOException {
            cs.close();
            int n = doc.getNumberOfPages();
            for (int i = 0; i < n; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(doc, doc.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String s = (i + 1) + " / " + n;
                    footer.beginText();
                    footer.setFont(font, 8);
                    footer.setNonStrokingColor(MUTED);
                    footer.newLineAtOffset(SIZE.getWidth() / 2 - width(s, 8) / 2, MARGIN / 2);
                    footer.showText(s);
                    footer.endText();
                }
            }
        }

        private float usable() {
            return SIZE.getWidth() - 2 * MARGIN;
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float points) {
            y -= points;
        }

        /** Characters the font cannot draw become "?" (never an exception halfway through a page). */
        String safe(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (cp == '\n' || cp == '\r' || cp == '\t') {
                    out.append(' ');
                    return;
                }
                boolean ok = glyphs.computeIfAbsent(cp, c -> {
                    try {
                        font.encode(new String(Character.toChars(c)));
                        return true;
                    } catch (IOException | IllegalArgumentException e) {
                        return false;
                    }
                });
                if (ok) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        float width(String text, float size) throws IOException {
            return font.getStringWidth(safe(text)) / 1000f * size;
        }

        private void show(String text, float x, float baseline, float size, Color color) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(color);
            cs.newLineAtOffset(x, baseline);
            cs.showText(safe(text));
            cs.endText();
        }

        /** Wrapped text, breaking anywhere a line is full (Chinese has no spaces to break at). */
        void paragraph(String text, float size, Color color) throws IOException {
            float lineHeight = size * 1.45f;
            for (String line : wrap(safe(text), size, usable())) {
                ensure(lineHeight);
                y -= lineHeight;
                show(line, MARGIN, y + size * 0.3f, size, color);
            }
        }

        private List<String> wrap(String text, float size, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int lastSpace = -1;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                line.append(ch);
                if (ch == ' ') {
                    lastSpace = line.length() - 1;
                }
                if (width(line.toString(), size) > max) {
                    if (lastSpace > 0) {
                        lines.add(line.substring(0, lastSpace));
                        line = new StringBuilder(line.substring(lastSpace + 1));
                    } else {
                        line.setLength(line.length() - 1);
                        lines.add(line.toString());
                        line = new StringBuilder().append(ch);
                    }
                    lastSpace = -1;
                }
            }
            if (line.length() > 0 || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private String fit(String text, float size, float max) throws IOException {
            String s = safe(text);
            if (width(s, size) <= max) {
                return s;
            }
            while (s.length() > 1 && width(s + "…", size) > max) {
                s = s.substring(0, s.length() - 1);
            }
            return s + "…";
        }

        /** A table with a header row repeated on each page; at most {@code maxRows} rows (0: all). */
        void table(List<String> heads, float[] fractions, List<List<String>> rows, boolean[] rightAligned, int maxRows)
                throws IOException {
            float size = 8;
            float rowHeight = 13;
            float[] widths = new float[fractions.length];
            for (int i = 0; i < fractions.length; i++) {
                widths[i] = fractions[i] * usable();
            }
            int shown = maxRows > 0 ? Math.min(maxRows, rows.size()) : rows.size();
            ensure(rowHeight * 2);
            header(heads, widths, rightAligned, size, rowHeight);
            for (int r = 0; r < shown; r++) {
                if (y - rowHeight < MARGIN) {
                    newPage();
                    header(heads, widths, rightAligned, size, rowHeight);
                }
                y -= rowHeight;
                float x = MARGIN;
                for (int i = 0; i < widths.length; i++) {
                    String cell = i < rows.get(r).size() ? rows.get(r).get(i) : "";
                    cell(cell, x, widths[i], rightAligned[i], size, INK);
                    x += widths[i];
                }
                cs.setStrokingColor(RULE);
                cs.setLineWidth(0.3f);
                cs.moveTo(MARGIN, y - 2);
                cs.lineTo(MARGIN + usable(), y - 2);
                cs.stroke();
            }
            if (rows.isEmpty()) {
                ensure(rowHeight);
                y -= rowHeight;
                show("en".equals(lang) ? "(no data in this period)" : "（此期间无数据）", MARGIN + 2, y + 2, size, MUTED);
            }
            if (shown < rows.size()) {
                ensure(rowHeight);
                y -= rowHeight;
                show(("en".equals(lang) ? "… %d more rows: see this section's CSV" : "……另有 %d 行，见本部分的 CSV")
                        .formatted(rows.size() - shown), MARGIN + 2, y + 2, size, MUTED);
            }
            y -= 4;
        }

        private void header(List<String> heads, float[] widths, boolean[] right, float size, float rowHeight) throws IOException {
            y -= rowHeight;
            cs.setNonStrokingColor(new Color(0xf3, 0xf4, 0xf6));
            cs.addRect(MARGIN, y - 3, usable(), rowHeight);
            cs.fill();
            float x = MARGIN;
            for (int i = 0; i < widths.length; i++) {
                cell(heads.get(i), x, widths[i], right[i], size, MUTED);
                x += widths[i];
            }
        }

        private void cell(String text, float x, float width, boolean right, float size, Color color) throws IOException {
            String s = fit(text, size, width - 6);
            float tx = right ? x + width - 3 - width(s, size) : x + 3;
            show(s, tx, y + 1, size, color);
        }

        /** A bar or line chart of a table's numeric columns against its x column. */
        void chart(SectionContent.Chart chart, SectionContent.Table table) throws IOException {
            float height = 170;
            ensure(height + 50);
            y -= 16;
            show(chart.title().in(lang), MARGIN, y, 10, INK);
            List<String> keys = table.columns().stream().map(SectionContent.Column::key).toList();
            int xi = keys.indexOf(chart.x());
            List<List<Object>> rows = table.rows();
            if (rows.size() > MAX_CHART_POINTS) {
                rows = rows.subList(0, MAX_CHART_POINTS);
            }
            int[] si = chart.series().stream().mapToInt(keys::indexOf).toArray();
            double max = 0;
            for (List<Object> row : rows) {
                for (int s : si) {
                    if (row.get(s) instanceof Number n) {
                        max = Math.max(max, n.doubleValue());
                    }
                }
            }
            double top = niceCeiling(max);
            float left = MARGIN + 34;
            float width = usable() - 34;
            float bottom = y - height;
            float plotTop = y - 12;
            float plotHeight = plotTop - bottom;
            cs.setLineWidth(0.3f);
            for (int g = 0; g <= 4; g++) {
                float gy = bottom + plotHeight * g / 4f;
                cs.setStrokingColor(RULE);
                cs.moveTo(left, gy);
                cs.lineTo(left + width, gy);
                cs.stroke();
                String label = Cells.number(top * g / 4.0);
                show(label, left - 4 - width(label, 7), gy - 2, 7, MUTED);
            }
            int n = Math.max(1, rows.size());
            float slot = width / n;
            int every = Math.max(1, (int) Math.ceil(n / 12.0));
            for (int r = 0; r < rows.size(); r++) {
                if (r % every == 0) {
                    String label = fit(Cells.text(rows.get(r).get(xi), lang), 7, slot * every - 2);
                    show(label, left + slot * r + slot / 2 - width(label, 7) / 2, bottom - 10, 7, MUTED);
                }
            }
            if (chart.type() == SectionContent.ChartType.BAR) {
                float barWidth = Math.max(1f, slot * 0.8f / Math.max(1, si.length));
                for (int r = 0; r < rows.size(); r++) {
                    for (int k = 0; k < si.length; k++) {
                        double v = rows.get(r).get(si[k]) instanceof Number num ? num.doubleValue() : 0;
                        float h = top == 0 ? 0 : (float) (v / top * plotHeight);
                        cs.setNonStrokingColor(SERIES[k % SERIES.length]);
                        cs.addRect(left + slot * r + slot * 0.1f + barWidth * k, bottom, barWidth, h);
                        cs.fill();
                    }
                }
            } else {
                cs.setLineWidth(1.2f);
                for (int k = 0; k < si.length; k++) {
                    cs.setStrokingColor(SERIES[k % SERIES.length]);
                    boolean started = false;
                    for (int r = 0; r < rows.size(); r++) {
                        if (!(rows.get(r).get(si[k]) instanceof Number num)) {
                            continue;
                        }
                        float px = left + slot * r + slot / 2;
                        float py = bottom + (top == 0 ? 0 : (float) (num.doubleValue() / top * plotHeight));
                        if (started) {
                            cs.lineTo(px, py);
                        } else {
                            cs.moveTo(px, py);
                            started = true;
                        }
                    }
                    if (started) {
                        cs.stroke();
                    }
                }
            }
            float lx = left;
            float ly = bottom - 24;
            for (int k = 0; k < si.length; k++) {
                String label = table.columns().get(si[k]).label().in(lang);
                cs.setNonStrokingColor(SERIES[k % SERIES.length]);
                cs.addRect(lx, ly, 7, 7);
                cs.fill();
                show(label, lx + 10, ly, 7.5f, INK);
                lx += 10 + width(label, 7.5f) + 14;
            }
            y = ly - 10;
        }

        static double niceCeiling(double max) {
            if (max <= 0) {
                return 1;
            }
            double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
            for (double step : new double[] {1, 2, 2.5, 5, 10}) {
                if (step * magnitude >= max) {
                    return step * magnitude;
                }
            }
            return 10 * magnitude;
        }
    }

}
