package org.pediconsult.consultui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * Serves the UI's static files from the bundle's {@code /ui} folder: {@code /consult/} is
 * {@code index.html}, everything else by its path. Only known file types; no directory listings.
 * The same headers everywhere: no framing, no sniffing, a content security policy that allows
 * only this origin (no CDN), camera and microphone for the call page. Text files go gzip-compressed
 * to a browser that accepts it (compressed once per file and kept: the bundle's files do not change
 * while it runs), with an ETag so a revalidation answers 304 without the body.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=pediconsult-consult-ui",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=" + UiServletContext.SELECT})
public class UiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String ROOT = "/ui";
    static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");
    static final String CSP = "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; "
            + "connect-src 'self' ws: wss:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'";

    private final transient Bundle bundle;
    /** Per file: its bytes, gzip-compressed bytes (null when not worth it) and ETag. */
    private final transient java.util.concurrent.ConcurrentHashMap<String, Body> bodies = new java.util.concurrent.ConcurrentHashMap<>();

    record Body(byte[] plain, byte[] gzip, String etag) {
        static Body of(byte[] plain, boolean text) throws IOException {
            byte[] gzip = null;
            if (text && plain.length > 512) {
                java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(plain.length / 3 + 64);
                try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(buf)) {
                    z.write(plain);
                }
                gzip = buf.toByteArray();
            }
            try {
                byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(plain);
                return new Body(plain, gzip, "\"" + java.util.HexFormat.of().formatHex(d, 0, 12) + "\"");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Activate
    public UiServlet(BundleContext context) {
        this.bundle = context.getBundle();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || path.isEmpty()) {
            // /consult without the slash: relative module URLs need the folder
            resp.sendRedirect(req.getContextPath() + "/");
            return;
        }
        String file = resolve(path);
        String type = file == null ? null : type(file);
        URL url = type == null ? null : bundle.getEntry(ROOT + file);
        if (url == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setContentType(type);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("Permissions-Policy", "camera=(self), microphone=(self)");
        // a new bundle version must show at once: revalidate each time (an unchanged file answers 304)
        resp.setHeader("Cache-Control", "no-cache");
        Body body = bodies.get(file);
        if (body == null) {
            try (InputStream in = url.openStream()) {
                body = Body.of(in.readAllBytes(), !type.startsWith("image/png") && !type.startsWith("image/x-icon"));
            }
            bodies.putIfAbsent(file, body);
        }
        resp.setHeader("ETag", body.etag());
        resp.setHeader("Vary", "Accept-Encoding");
        if (body.etag().equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        String accept = req.getHeader("Accept-Encoding");
        boolean gzip = body.gzip() != null && accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        byte[] bytes = gzip ? body.gzip() : body.plain();
        if (gzip) {
            resp.setHeader("Content-Encoding", "gzip");
        }
        resp.setContentLength(bytes.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(bytes);
        }
    }

    /** The file under {@link #ROOT} for a request path, or null for anything that climbs out. */
    static String resolve(String path) {
        if (path.contains("..") || path.contains("\\") || path.contains("//")) {
            return null;
        }
        return path.endsWith("/") ? path + "index.html" : path;
    }

    static String type(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(file.substring(dot + 1));
    }
}
