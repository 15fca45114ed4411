package org.pediconsult.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.Test;

/** The three pilot specialty bundles as the distribution boots them, through REST. */
public abstract class PilotSpecialtiesBehaviour extends ConsultationBehaviour {

    @Test
    public void theThreePilotSpecialtiesArePresentAtBoot() throws Exception {
        Reply list = call("GET", "/api/specialties", token("guardian.tang"), null);
        for (String id : List.of("growth-development", "nutrition", "dermatology")) {
            assertTrue(list.text, list.text.contains("\"id\":\"" + id + "\""));
        }
        String printed = shell("pediconsult:specialty-list");
        assertTrue(printed, printed.contains("growth-development") && printed.contains("营养"));
    }

    @Test
    public void anImplausibleHeightIsRefusedNamingTheFieldAndAPlausibleOneIsChartedWithCurves() throws Exception {
        String g = token("guardian.tang");
        String child = demoChild(g);
        Reply tall = call("POST", "/api/assessments", g, Map.of("childId", child, "specialtyId", "growth-development",
                "answers", Map.of("measurements", List.of(Map.of("date", "2026-11-20", "weightKg", 14.5,
                        "lengthHeightCm", 160, "position", "STANDING")), "developmentalRegression", false)));
        assertEquals(tall.text, 400, tall.status);
        assertEquals("answers.measurements[0].lengthHeightCm", tall.get("field"));
        assertFalse("no z-score of 90 in the answer", tall.text.contains("z"));

        Reply ok = call("POST", "/api/assessments", g, Map.of("childId", child, "specialtyId", "growth-development",
                "answers", Map.of("measurements", List.of(Map.of("date", "2026-11-20", "weightKg", 16.0,
                        "lengthHeightCm", 104, "position", "STANDING")), "developmentalRegression", false)));
        assertEquals(ok.text, 201, ok.status);
        assertEquals("REMOTE_OK", ok.json.path("triage").path("level").asText());

        Reply chart = call("GET", "/api/growth/chart?child=" + child + "&indicator=length-height-for-age", g, null);
        assertEquals(chart.text, 200, chart.status);
        assertTrue(chart.text, chart.json.path("points").size() >= 1);
        assertEquals(7, chart.json.path("curves").size());
        Reply other = call("GET", "/api/growth/chart?child=" + child + "&indicator=length-height-for-age",
                token("guardian.liu"), null);
        assertEquals(other.text, 404, other.status);
    }

    @Test
    public void severeAcuteMalnutritionIsReferred() throws Exception {
        String g = token("guardian.tang");
        Reply sam = call("POST", "/api/assessments", g, Map.of("childId", demoChild(g), "specialtyId", "nutrition",
                "answers", Map.of("date", "2026-11-20", "weightKg", 11.0, "lengthHeightCm", 104, "position", "STANDING",
                        "bilateralOedema", true)));
        assertEquals(sam.text, 201, sam.status);
        assertEquals("REFERRED", sam.get("state"));
        assertEquals(sam.text, "EMERGENCY", sam.json.path("triage").path("level").asText());
    }

    @Test
    public void dermatologyPhotosAreCheckedStrippedAndShownOnlyToTheFamilyAndTreatingPhysician() throws Exception {
        String g = token("guardian.tang");
        String child = demoChild(g);
        byte[] jpeg = jpegWithExifGps();
        HttpResponse<String> up = upload(g, child, "rash.jpg", "image/jpeg", jpeg);
        assertEquals(up.body(), 201, up.statusCode());
        String photo = JSON.readTree(up.body()).path("id").asText();

        HttpResponse<byte[]> mine = download(g, photo);
        assertEquals(200, mine.statusCode());
        String stored = new String(mine.body(), StandardCharsets.ISO_8859_1);
        assertFalse("EXIF removed", stored.contains("Exif"));
        assertFalse("GPS removed", stored.contains("GPS"));
        assertEquals(404, download(token("dr.wang"), photo).statusCode());
        assertEquals(404, download(token("guardian.liu"), photo).statusCode());

        assertEquals(400, upload(g, child, "rash.jpg", "image/jpeg", "not an image at all".getBytes()).statusCode());
        assertEquals(413, upload(g, child, "huge.jpg", "image/jpeg", new byte[6 * 1024 * 1024]).statusCode());

        Reply assessed = call("POST", "/api/assessments", g, Map.of("childId", child, "specialtyId", "dermatology",
                "answers", Map.of("photos", List.of(photo), "rashDays", 2, "fever", true, "temperatureC", 39.0,
                        "nonBlanchingSpots", true, "mucosalInvolvement", false, "blistering", false,
                        "rapidlySpreadingRedness", false, "eczemaWithPainfulPunchedOutSores", false)));
        assertEquals(assessed.text, "EMERGENCY", assessed.json.path("triage").path("level").asText());
    }

    private static byte[] jpegWithExifGps() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xCC3333);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", plain);
        byte[] p = plain.toByteArray();
        byte[] exif = "Exif\0\0GPS-latitude-31.2304".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(p, 0, 2);                      // SOI
        out.write(0xFF);
        out.write(0xE1);                         // APP1
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.write(exif);
        out.write(p, 2, p.length - 2);
        return out.toByteArray();
    }

    private static HttpResponse<String> upload(String token, String child, String filename, String type, byte[] body)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort()
                + "/api/dermatology/photos?child=" + child + "&filename=" + filename))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> download(String token, String photo) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort()
                + "/api/dermatology/photos/" + photo)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
