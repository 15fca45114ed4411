package org.pediconsult.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pilot evaluation report and the regulator's audit export in the running distribution (H2 and
 * PostgreSQL): a known set of consultations moves the report's figures by exactly what was done (two
 * consultations of 李小雨, whose guardian lives in 苏州: one completed at a Beijing hospital, one ended
 * and referred); only the auditor and the integration administrator read it; every installed bundle
 * contributes its section; CSV and PDF; the audit trail of a day exports as a signed archive whose own
 * verifier, run offline in a separate JVM, accepts it and refuses a tampered copy.
 */
public abstract class ReportBehaviour extends ClaimBehaviour {
    private static final HttpClient BYTES = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> SECTIONS = List.of("consultations", "safety", "travel", "video", "prescriptions",
            "delivery", "claims", "hl7");

    /** The report's figures as section id -> key -> value. */
    private static Map<String, Map<String, Double>> figures(JsonNode report) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (JsonNode s : report.path("sections")) {
            Map<String, Double> f = new HashMap<>();
            s.path("figures").forEach(x -> f.put(x.path("key").asText(), x.path("value").isNull() ? null : x.path("value").asDouble()));
            out.put(s.path("id").asText(), f);
        }
        return out;
    }

    private static HttpResponse<byte[]> bytes(String path, String bearer) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort() + path)).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        return BYTES.send(r.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static double delta(Map<String, Map<String, Double>> before, Map<String, Map<String, Double>> after, String section, String key) {
        Double a = after.get(section).get(key);
        Double b = before.get(section).get(key);
        return (a == null ? 0 : a) - (b == null ? 0 : b);
    }

    @Test
    public void thePilotReportCountsAKnownSetOfConsultations() throws Exception {
        covered("itest-none");
        String auditor = token("auditor.chen");
        LocalDate today = LocalDate.now(PILOT_ZONE);
        String period = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        // the family's city first: it counts for every completed consultation of hers, the earlier ones too
        Reply city = call("PUT", "/api/guardians/me/city", token(GUARDIAN), Map.of("city", "苏州"));
        assertEquals(city.text, 200, city.status);
        assertEquals(400, call("PUT", "/api/guardians/me/city", token(GUARDIAN), Map.of("city", "亚特兰蒂斯")).status);
        Reply first = call("GET", "/api/reports/pilot?" + period, auditor, null);
        assertEquals(first.text, 200, first.status);
        List<String> ids = new ArrayList<>();
        first.json.path("sections").forEach(s -> ids.add(s.path("id").asText()));
        assertTrue("every installed bundle contributes its section: " + ids, ids.containsAll(SECTIONS));
        first.json.path("sections").forEach(s -> assertFalse(s.toString(), s.has("error")));
        Map<String, Map<String, Double>> before = figures(first.json);

        String completed = liConsultInProgress();
        complete(completed);
        String referred = liConsultInProgress();
        Reply refer = call("POST", "/api/consultations/" + referred + "/end-and-refer", token("dr.wang"),
                Map.of("reason", "需要当面检查", "facility", "儿童医院皮肤科门诊"));
        assertEquals(refer.text, "REFERRED", refer.get("state"));

        Reply second = call("GET", "/api/reports/pilot?" + period + "&lang=en", auditor, null);
        assertEquals(second.text, 200, second.status);
        Map<String, Map<String, Double>> after = figures(second.json);
        assertEquals(2, delta(before, after, "consultations", "total"), 0);
        assertEquals(2, delta(before, after, "consultations", "initial"), 0);
        assertEquals(1, delta(before, after, "consultations", "completed"), 0);
        assertEquals(1, delta(before, after, "consultations", "referred"), 0);
        assertEquals(1, delta(before, after, "safety", "end_and_refer"), 0);
        assertEquals(1, delta(before, after, "travel", "completed"), 0);
        assertEquals(1, delta(before, after, "travel", "with_city"), 0);
        // 苏州 (31.311 N, 120.612 E) to 北京 (39.907 N, 116.397 E): 1,029 km great-circle, the pilot's example
        assertEquals(1029, delta(before, after, "travel", "km_total"), 5);
        assertEquals("en", second.json.path("lang").asText());
        assertTrue(second.text, second.text.contains("\"title\":\"Travel saved\""));
        assertFalse("no child's name in the report", second.text.contains("李小雨") || second.text.contains("小雨"));

        // who reads it, and bad input
        assertEquals(200, call("GET", "/api/reports/pilot?" + period, token("admin"), null).status);
        for (String user : List.of(GUARDIAN, "dr.wang", "billing.zhou", "pharmacist.li")) {
            assertEquals(user, 403, call("GET", "/api/reports/pilot?" + period, token(user), null).status);
        }
        assertEquals(401, call("GET", "/api/reports/pilot?" + period, null, null).status);
        Reply reversed = call("GET", "/api/reports/pilot?from=" + today + "&to=" + today.minusDays(1), auditor, null);
        assertEquals(reversed.text, 400, reversed.status);
        assertEquals(400, call("GET", "/api/reports/pilot?from=2026-13-01&to=2026-12-31", auditor, null).status);
        assertEquals(400, call("GET", "/api/reports/pilot?from=2020-01-01&to=2026-12-31", auditor, null).status);
        assertEquals(400, call("GET", "/api/reports/pilot?" + period + "&lang=fr", auditor, null).status);

        // one section as CSV, the whole as PDF
        HttpResponse<byte[]> csv = bytes("/api/reports/pilot/sections/travel.csv?" + period, auditor);
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text, text.startsWith("\uFEFF免于出行"));
        assertTrue(text, text.contains("免于出行总里程"));
        assertEquals(404, bytes("/api/reports/pilot/sections/nothing.csv?" + period, auditor).statusCode());
        assertEquals(403, bytes("/api/reports/pilot/sections/travel.csv?" + period, token(GUARDIAN)).statusCode());
        HttpResponse<byte[]> pdf = bytes("/api/reports/pilot.pdf?" + period, auditor);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument doc = PDDocument.load(pdf.body())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String page1 = stripper.getText(doc);
            assertTrue(page1, page1.contains("儿童互联网首诊试点评估报告"));
            assertTrue(page1, page1.contains("统计期间：" + today.minusDays(1) + " – " + today.plusDays(1)));
            assertTrue(page1, page1.contains("摘要"));
        }
    }

    @Test
    public void theAuditTrailOfADayExportsAsASignedArchiveThatVerifiesOffline() throws Exception {
        String auditor = token("auditor.chen");
        LocalDate today = LocalDate.now(PILOT_ZONE);
        assertEquals(403, bytes("/api/audit/export?from=" + today + "&to=" + today, token(GUARDIAN)).statusCode());
        assertEquals(400, bytes("/api/audit/export?from=" + today + "&to=" + today.minusDays(1), auditor).statusCode());
        HttpResponse<byte[]> zip = bytes("/api/audit/export?from=" + today + "&to=" + today, auditor);
        assertEquals(new String(zip.body(), StandardCharsets.UTF_8), 200, zip.statusCode());
        HttpResponse<byte[]> keys = bytes("/api/audit/export/signing-keys", null);
        assertEquals(200, keys.statusCode());

        Path dir = Files.createTempDirectory("audit-export-it");
        Path archive = dir.resolve("audit.zip");
        Files.write(archive, zip.body());
        Path pinned = dir.resolve("pinned.jwks.json");
        Files.write(pinned, keys.body());
        Map<String, byte[]> entries = unzip(zip.body());
        assertTrue(entries.keySet().toString(), entries.keySet().containsAll(
                List.of("records.jsonl", "manifest.json", "manifest.jws", "public-key.jwk.json", "verify/VerifyAuditArchive.java")));
        Path verifier = dir.resolve("VerifyAuditArchive.java");
        Files.write(verifier, entries.get("verify/VerifyAuditArchive.java"));

        String ok = verify(verifier, archive, pinned);
        assertTrue(ok, ok.startsWith("0 ") && ok.contains("archive OK") && ok.contains("chain intact"));

        // one character of one record changed: refused, naming the record
        String records = new String(entries.get("records.jsonl"), StandardCharsets.UTF_8);
        int at = records.indexOf("\"actor\":\"") + 9;
        entries.put("records.jsonl", (records.substring(0, at) + "X" + records.substring(at + 1)).getBytes(StandardCharsets.UTF_8));
        Path tampered = dir.resolve("tampered.zip");
        Files.write(tampered, zip(entries));
        String refused = verify(verifier, tampered, pinned);
        assertTrue(refused, refused.startsWith("1 ") && refused.contains("REFUSED"));

        // the same through the shell
        Path shellFile = dir.resolve("shell.zip");
        String out = shell("pediconsult:audit-export --from " + today + " --to " + today + " " + shellFile);
        assertTrue(out, Files.size(shellFile) > 0);
        String shellOk = verify(verifier, shellFile, pinned);
        assertTrue(shellOk, shellOk.startsWith("0 ") && shellOk.contains("archive OK"));
    }

    /** Runs the archive's own verifier in a separate JVM (java's source launcher, nothing else on its class path). */
    private static String verify(Path verifier, Path archive, Path pinned) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, verifier.toString(), archive.toString(), "--key", pinned.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("the verifier finished", p.waitFor(120, TimeUnit.SECONDS));
        return p.exitValue() + " " + out;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
