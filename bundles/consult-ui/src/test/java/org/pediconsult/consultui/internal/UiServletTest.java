package org.pediconsult.consultui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UiServletTest {
    @Test
    void folderIsIndexAndPathsCannotClimbOut() {
        assertEquals("/index.html", UiServlet.resolve("/"));
        assertEquals("/js/app.js", UiServlet.resolve("/js/app.js"));
        assertNull(UiServlet.resolve("/../OSGI-INF/x.xml"));
        assertNull(UiServlet.resolve("/js/..%2f"));
        assertNull(UiServlet.resolve("//etc/passwd"));
    }

    @Test
    void onlyKnownTypesAreServed() {
        assertEquals("text/javascript; charset=utf-8", UiServlet.type("/js/app.js"));
        assertEquals("text/html; charset=utf-8", UiServlet.type("/index.html"));
        assertNull(UiServlet.type("/META-INF/MANIFEST.MF"));
        assertNull(UiServlet.type("/org/pediconsult/consultui/internal/UiServlet.class"));
    }

    @Test
    void indexPreloadsEveryModuleSoTheBrowserNeedNotDiscoverThemImportByImport() throws Exception {
        java.nio.file.Path ui = java.nio.file.Paths.get("src/main/resources/ui");
        String index = java.nio.file.Files.readString(ui.resolve("index.html"));
        try (var files = java.nio.file.Files.list(ui.resolve("js"))) {
            for (String js : files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".js")).toList()) {
                String link = js.equals("app.js") ? "<script type=\"module\" src=\"js/app.js\">"
                        : "<link rel=\"modulepreload\" href=\"js/" + js + "\">";
                org.junit.jupiter.api.Assertions.assertTrue(index.contains(link), "index.html lacks " + link);
            }
        }
    }

    @Test
    void aTextFileIsKeptGzippedWithAStableEtag() throws Exception {
        byte[] js = "export const x = 1;\n".repeat(200).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UiServlet.Body body = UiServlet.Body.of(js, true);
        org.junit.jupiter.api.Assertions.assertTrue(body.gzip().length < js.length / 10, "compressed: " + body.gzip().length);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body.gzip()))) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(js, in.readAllBytes());
        }
        assertEquals(body.etag(), UiServlet.Body.of(js.clone(), true).etag());
        org.junit.jupiter.api.Assertions.assertNotEquals(body.etag(), UiServlet.Body.of("other".getBytes(), true).etag());
        assertNull(UiServlet.Body.of(js, false).gzip(), "an image is sent as it is");
        assertNull(UiServlet.Body.of("tiny".getBytes(), true).gzip(), "a tiny file is not worth compressing");
    }
}
