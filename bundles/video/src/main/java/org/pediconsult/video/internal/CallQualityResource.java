package org.pediconsult.video.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.ConsultationSessions;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/**
 * {@code GET /api/video/rooms/{consultationId}/call-quality}: the stored call-quality samples of a
 * consultation (newest first, at most 500), for its physician; anyone else's consultation is 404.
 */
@Component(service = RestResource.class)
@Path("video/rooms/{id}/call-quality")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.PHYSICIAN)
public class CallQualityResource implements RestResource {
    private final VideoRooms rooms;
    private final ConsultationSessions sessions;
    private final AuditTrail audit;

    @Activate
    public CallQualityResource(@Reference VideoRooms rooms, @Reference ConsultationSessions sessions,
                               @Reference AuditTrail audit) {
        this.rooms = rooms;
        this.sessions = sessions;
        this.audit = audit;
    }

    @GET
    public List<CallStatsStore.Row> callQuality(@Context SecurityContext sc, @PathParam("id") String id) {
        AuthenticatedUser user = AuthenticatedUser.of(sc);
        if (id.length() > 36 || !user.username().equals(sessions.physicianUsername(id))) {
            throw ProblemException.notFound("consultation");
        }
        List<CallStatsStore.Row> rows = rooms.stats().latest(id, 500);
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "video-call-quality", id, null,
                rows.size() + " samples"));
        return rows;
    }
}
