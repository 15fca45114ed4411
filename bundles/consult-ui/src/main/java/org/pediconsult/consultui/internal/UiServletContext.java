package org.pediconsult.consultui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The UI's own servlet context at {@code /consult}. Not Pax Web's default context: adding to the
 * default context {@code /} can restart it and leave CXF without its {@code /api} destination (the
 * video bundle's finding), so the UI comes and goes without touching {@code /api}.
 */
@Component(service = ServletContextHelper.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + UiServletContext.NAME,
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH + "=/consult"})
public class UiServletContext extends ServletContextHelper {
    static final String NAME = "pediconsult-consult-ui";
    static final String SELECT = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + NAME + ")";
}
