package org.pediconsult.video.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The video bundle's own servlet context at {@code /video}. Why not the default context: Pax Web 8
 * restarts a Jetty context to add a WebSocket endpoint to it, and restarting the default context
 * {@code /} after the REST servlet is up (a warm start starts the bundles in another order) leaves
 * CXF without its {@code /api} destination ("No service was found"). In a context of its own, the
 * endpoint comes and goes without touching {@code /api}.
 */
@Component(service = ServletContextHelper.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + VideoServletContext.NAME,
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH + "=/video"})
public class VideoServletContext extends ServletContextHelper {
    static final String NAME = "pediconsult-video";
    static final String SELECT = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + NAME + ")";
}
