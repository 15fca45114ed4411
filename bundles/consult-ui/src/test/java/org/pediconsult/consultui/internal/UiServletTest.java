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
}
