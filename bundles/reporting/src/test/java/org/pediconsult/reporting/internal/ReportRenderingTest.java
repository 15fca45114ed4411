package org.pediconsult.reporting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.ReportPeriod;
import org.pediconsult.platform.api.report.ReportSection;
import org.pediconsult.platform.api.report.SectionContent;
import org.pediconsult.platform.api.report.SectionContent.Unit;

class ReportRenderingTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    /** A section with two figures, a table with a chart, a note. */
    static final class Visits implements ReportSection {
        ReportPeriod seen;

        @Override
        public String id() {
            return "visits";
        }

        @Override
        public Label title() {
            return Label.of("问诊量", "Visits");
        }

        @Override
        public int order() {
            return 100;
        }

        @Override
        public SectionContent compute(ReportPeriod period) {
            seen = period;
            return SectionContent.builder()
                    .figure("completed", Label.of("完成问诊", "Completed consultations"), 12, Unit.COUNT)
                    .figure("referral-rate", Label.of("转诊率", "Referral rate"), 8.3, Unit.PERCENT)
                    .table(SectionContent.Table.builder("by-month", Label.of("按月", "By month"))
                            .column("month", Label.of("月份", "Month"), Unit.TEXT)
                            .column("specialty", Label.of("专科", "Specialty"), Unit.TEXT)
                            .column("completed", Label.of("完成", "Completed"), Unit.COUNT)
                            .row("2026-01", Label.of("生长发育", "Growth"), 5)
                            .row("2026-02", "=HYPERLINK(\"x\")", 7)
                            .build())
                    .chart(SectionContent.ChartType.BAR, Label.of("每月完成", "Completed per month"), "by-month", "month", "completed")
                    .note(Label.of("不含随访, 见说明", "Follow-ups excluded, see notes"))
                    .build();
        }
    }

    static final class Broken implements ReportSection {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public Label title() {
            return Label.of("坏的", "Broken");
        }

        @Override
        public int order() {
            return 50;
        }

        @Override
        public SectionContent compute(ReportPeriod period) {
            throw new IllegalStateException("SELECT name FROM child -- must not leak");
        }
    }

    static ReportConfig config(String... fonts) {
        return new ReportConfig() {
            public Class<? extends Annotation> annotationType() {
                return ReportConfig.class;
            }

            public String zone() {
                return "Asia/Shanghai";
            }

            public int max_days() {
                return 800;
            }

            public int concurrent() {
                return 1;
            }

            public String[] pdf_fonts() {
                return fonts;
            }

            public String title_zh() {
                return "儿童互联网首诊试点评估报告";
            }

            public String title_en() {
                return "Pediatric online initial consultation pilot: evaluation report";
            }
        };
    }

    static PilotReport report(ReportSection... sections) {
        PilotReport r = new PilotReport(Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC));
        r.configure(config(WQY));
        for (ReportSection s : sections) {
            r.addSection(s);
        }
        return r;
    }

    static final ReportPeriod YEAR = new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), SHANGHAI);

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasEverySectionInOrderInTheReadersLanguageAndAFailedSectionSaysOnlyAnIncident() {
        Visits visits = new Visits();
        Report r = report(visits, new Broken()).compute(YEAR, null);
        assertEquals(YEAR, visits.seen, "the section gets the period");
        Map<String, Object> zh = ReportJson.of(r, "zh");
        assertEquals("2026-01-01", zh.get("from"));
        assertEquals("2026-12-31", zh.get("to"));
        List<Map<String, Object>> sections = (List<Map<String, Object>>) zh.get("sections");
        assertEquals(List.of("broken", "visits"), sections.stream().map(s -> s.get("id")).toList(), "order 50 before 100");
        String error = (String) sections.get(0).get("error");
        assertTrue(error.startsWith("section failed, incident "), error);
        assertFalse(error.contains("SELECT"), "the cause stays in the log");
        assertEquals("问诊量", sections.get(1).get("title"));
        Map<String, Object> table = ((List<Map<String, Object>>) sections.get(1).get("tables")).get(0);
        assertEquals(List.of("2026-01", "生长发育", 5), ((List<Object>) table.get("rows")).get(0));
        Map<String, Object> en = ReportJson.of(r, "en");
        Map<String, Object> visitsEn = ((List<Map<String, Object>>) en.get("sections")).get(1);
        assertEquals("Visits", visitsEn.get("title"));
        Map<String, Object> figure = ((List<Map<String, Object>>) visitsEn.get("figures")).get(1);
        assertEquals(8.3, figure.get("value"));
        assertEquals("PERCENT", figure.get("unit"));
        assertEquals("Referral rate", figure.get("label"));
    }

    @Test
    void csvIsUtf8WithBomQuotedAndGuardedAgainstFormulas() {
        Report r = report(new Visits()).compute(YEAR, "visits");
        String csv = ReportCsv.of(r, r.section("visits"), "zh");
        assertTrue(csv.startsWith("\uFEFF问诊量\r\n"), csv);
        assertTrue(csv.contains("期间,2026-01-01,2026-12-31,Asia/Shanghai\r\n"), csv);
        assertTrue(csv.contains("完成问诊,12,\r\n"), csv);
        assertTrue(csv.contains("转诊率,8.3,%\r\n"), csv);
        assertTrue(csv.contains("月份,专科,完成\r\n2026-01,生长发育,5\r\n"), csv);
        assertTrue(csv.contains("2026-02,\"'=HYPERLINK(\"\"x\"\")\",7\r\n"), "formula guarded and quoted: " + csv);
        assertTrue(csv.contains("\"不含随访, 见说明\"\r\n"), csv);
    }

    @Test
    void aSectionThatIsNotInstalledIs404() {
        ProblemException e = assertThrows(ProblemException.class, () -> report(new Visits()).compute(YEAR, "claims"));
        assertEquals(404, e.status());
    }

    @Test
    void pdfWithTheChineseFontHasTheTitleAndTheTotalsOnItsFirstPage() throws Exception {
        assumeTrue(new File(WQY).canRead(), "fonts-wqy-zenhei is installed by .ci/test-setup");
        Report r = report(new Visits(), new Broken()).compute(YEAR, null);
        byte[] pdf = ReportPdf.of(r, "zh", new String[] {"/nonexistent/font.ttf", WQY});
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertEquals(3, doc.getNumberOfPages(), "summary page + one page per section");
            assertEquals("儿童互联网首诊试点评估报告", doc.getDocumentInformation().getTitle());
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            String first = text.getText(doc);
            assertTrue(first.contains("儿童互联网首诊试点评估报告"), first);
            assertTrue(first.contains("统计期间：2026-01-01 – 2026-12-31"), first);
            assertTrue(first.contains("完成问诊"), first);
            assertTrue(first.contains("12"), first);
            assertTrue(first.contains("8.3%"), first);
            assertTrue(first.contains("无法计算"), "the failed section is listed: " + first);
            text.setStartPage(3);
            text.setEndPage(3);
            String visits = text.getText(doc);
            assertTrue(visits.contains("每月完成"), "chart title: " + visits);
            assertTrue(visits.contains("生长发育"), visits);
        }
    }

    @Test
    void pdfWithoutAChineseFontIsInEnglishAndSaysWhy() throws Exception {
        Report r = report(new Visits()).compute(YEAR, null);
        byte[] pdf = ReportPdf.of(r, "zh", new String[] {"/nonexistent/font.ttf"});
        try (PDDocument doc = PDDocument.load(pdf)) {
            String all = new PDFTextStripper().getText(doc);
            assertTrue(all.contains("Pediatric online initial consultation pilot: evaluation report"), all);
            assertTrue(all.contains("No font with Chinese glyphs"), all);
            assertTrue(all.contains("Completed consultations"), all);
            assertTrue(all.contains("Growth"), all);
        }
    }

    @Test
    void periodsAreDaysInTheZoneAndBounded() {
        ReportResource resource = new ReportResource(report(), null);
        ReportPeriod p = resource.period("2026-03-01", "2026-03-31");
        assertEquals(Instant.parse("2026-02-28T16:00:00Z"), p.start());
        assertEquals(Instant.parse("2026-03-31T16:00:00Z"), p.end(), "the last day ends at midnight Beijing time");
        assertEquals(400, assertThrows(ProblemException.class, () -> resource.period("2026-03-02", "2026-03-01")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> resource.period("2026-3-1", "2026-03-01")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> resource.period("2020-01-01", "2026-03-01")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> ReportResource.lang("fr")).status());
        assertEquals("en", ReportResource.lang("en-GB"));
    }
}
