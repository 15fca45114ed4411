package org.pediconsult.consultation.internal.service;

import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.video.api.IceServers;
import org.pediconsult.video.api.RoomRole;
import org.pediconsult.video.api.RoomToken;
import org.pediconsult.video.api.RoomTokens;
import org.pediconsult.video.api.dto.IceConfigurationDTO;
import org.pediconsult.video.api.dto.IceServerDTO;

/**
 * Issues room tokens for a consultation's call to its physician and its verified guardian. The
 * video bundle is optional: without it the answer is a 503 problem, and the rest of the
 * consultation keeps working.
 */
@Component(service = RoomTokenIssuer.class)
public class RoomTokenIssuer {
    public static final String SIGNALING_PATH = "/video/signal";

    /** The answer of {@code POST /api/consultations/{id}/room-token}. */
    public static class RoomTokenDTO {
        public String token;
        public Instant expiresAt;
        public String role;
        public String signalingPath;
        public List<IceServerDTO> iceServers;
        public String iceTransportPolicy;
    }

    private final ConsultationWorkflow workflow;
    private final AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RoomTokens tokens;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile IceServers ice;

    @Activate
    public RoomTokenIssuer(@Reference ConsultationWorkflow workflow, @Reference AuditTrail audit) {
        this.workflow = workflow;
        this.audit = audit;
    }

    public RoomTokenDTO issue(AuthenticatedUser user, String consultationId) {
        RoomTokens t = tokens;
        IceServers i = ice;
        if (t == null || i == null) {
            throw new ProblemException(503, "video_unavailable", "the video service is not installed or not running");
        }
        CallSeats.Seat seat = workflow.callSeat(user, consultationId);
        RoomToken token = t.issue(consultationId, RoomRole.valueOf(seat.role()), user.username());
        IceConfigurationDTO config = i.forUser(user.username());
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.CREATE, "video-room-token", consultationId,
                seat.childId(), "role=" + seat.role()));
        RoomTokenDTO dto = new RoomTokenDTO();
        dto.token = token.token();
        dto.expiresAt = token.expiresAt();
        dto.role = seat.role();
        // the room in the URL lets a load balancer hash a consultation's sockets to one node (cluster mode)
        dto.signalingPath = SIGNALING_PATH + "?room=" + java.net.URLEncoder.encode(consultationId, java.nio.charset.StandardCharsets.UTF_8);
        dto.iceServers = config.iceServers;
        dto.iceTransportPolicy = config.iceTransportPolicy;
        return dto;
    }
}
