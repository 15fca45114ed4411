package org.pediconsult.consultation.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.internal.service.ConsultationWorkflow;
import org.pediconsult.consultation.internal.service.RoomTokenIssuer;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/**
 * {@code /api/consultations}: the caller's consultations and their transitions. Each transition is
 * a POST to a sub-resource named after it; a transition not allowed from the current state is 409
 * naming that state, a pilot rule that refuses is 422 naming the rule.
 */
@Component(service = RestResource.class)
@Path("consultations")
@Produces(MediaType.APPLICATION_JSON)
public class ConsultationResource implements RestResource {
    private final ConsultationWorkflow workflow;

    /** Body of booking and rescheduling. */
    public static class SlotChoice {
        public String slotId;
    }

    /** Body of guardian-presence. */
    public static class Presence {
        public Boolean present;
    }

    /** Body of completion. */
    public static class Completion {
        public String diagnosis;
        public String plan;
    }

    /** Body of end-and-refer. */
    public static class Referral {
        public String reason;
        public String facility;
    }

    private final RoomTokenIssuer roomTokens;

    @Activate
    public ConsultationResource(@Reference ConsultationWorkflow workflow, @Reference RoomTokenIssuer roomTokens) {
        this.workflow = workflow;
        this.roomTokens = roomTokens;
    }

    private static AuthenticatedUser user(SecurityContext sc) {
        return AuthenticatedUser.of(sc);
    }

    @GET
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN, Role.INTEGRATION_ADMIN, Role.AUDITOR})
    public List<ConsultationDTO> list(@Context SecurityContext sc, @javax.ws.rs.QueryParam("child") String child) {
        if (child != null) {
            return workflow.listOfChild(user(sc), Require.text("child", child, 36));
        }
        return workflow.list(user(sc));
    }

    /**
     * {@code GET /api/consultations/queue?group=TODAY|UPCOMING|EARLIER&offset=0&limit=20}: a page of the
     * calling physician's queue, each row with the child's name and the triage level.
     */
    @GET
    @Path("queue")
    @RequiresRole(Role.PHYSICIAN)
    public ConsultationWorkflow.QueuePage queue(@Context SecurityContext sc,
                                                @javax.ws.rs.QueryParam("group") @javax.ws.rs.DefaultValue("TODAY") String group,
                                                @javax.ws.rs.QueryParam("offset") @javax.ws.rs.DefaultValue("0") int offset,
                                                @javax.ws.rs.QueryParam("limit") @javax.ws.rs.DefaultValue("20") int limit) {
        org.pediconsult.consultation.internal.store.ConsultationStore.QueueGroup g;
        try {
            g = org.pediconsult.consultation.internal.store.ConsultationStore.QueueGroup.valueOf(group);
        } catch (IllegalArgumentException e) {
            throw org.pediconsult.platform.api.ProblemException.badField("group", "group must be TODAY, UPCOMING or EARLIER");
        }
        if (offset < 0 || offset > 100_000) {
            throw org.pediconsult.platform.api.ProblemException.badField("offset", "offset must be between 0 and 100000");
        }
        if (limit < 1 || limit > 100) {
            throw org.pediconsult.platform.api.ProblemException.badField("limit", "limit must be between 1 and 100");
        }
        return workflow.queue(user(sc), g, offset, limit);
    }

    @GET
    @Path("{id}")
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN, Role.INTEGRATION_ADMIN, Role.AUDITOR})
    public ConsultationDTO get(@Context SecurityContext sc, @PathParam("id") String id) {
        return workflow.get(user(sc), id);
    }

    @POST
    @Path("{id}/booking")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.GUARDIAN, Role.INTEGRATION_ADMIN})
    public ConsultationDTO book(@Context SecurityContext sc, @PathParam("id") String id, SlotChoice body) {
        return workflow.book(user(sc), id, Require.text("slotId", Require.body(body).slotId, 36));
    }

    @POST
    @Path("{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.GUARDIAN, Role.INTEGRATION_ADMIN})
    public ConsultationDTO reschedule(@Context SecurityContext sc, @PathParam("id") String id, SlotChoice body) {
        return workflow.reschedule(user(sc), id, Require.text("slotId", Require.body(body).slotId, 36));
    }

    @POST
    @Path("{id}/cancellation")
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN})
    public ConsultationDTO cancel(@Context SecurityContext sc, @PathParam("id") String id) {
        return workflow.cancel(user(sc), id);
    }

    @POST
    @Path("{id}/waiting-room")
    @RequiresRole(Role.GUARDIAN)
    public ConsultationDTO enterWaitingRoom(@Context SecurityContext sc, @PathParam("id") String id) {
        return workflow.enterWaitingRoom(user(sc), id);
    }

    /** The physician admits the family and, by this call, attests that the guardian is present with the child. */
    @POST
    @Path("{id}/admission")
    @RequiresRole(Role.PHYSICIAN)
    public ConsultationDTO admit(@Context SecurityContext sc, @PathParam("id") String id) {
        return workflow.admit(user(sc), id);
    }

    @POST
    @Path("{id}/guardian-presence")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN})
    public ConsultationDTO presence(@Context SecurityContext sc, @PathParam("id") String id, Presence body) {
        return workflow.reportPresence(user(sc), id, Require.present("present", Require.body(body).present));
    }

    @POST
    @Path("{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.PHYSICIAN)
    public ConsultationDTO complete(@Context SecurityContext sc, @PathParam("id") String id, Completion body) {
        Require.body(body);
        return workflow.complete(user(sc), id, body.diagnosis, body.plan);
    }

    @POST
    @Path("{id}/end-and-refer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.PHYSICIAN)
    public ConsultationDTO endAndRefer(@Context SecurityContext sc, @PathParam("id") String id, Referral body) {
        Require.body(body);
        return workflow.endAndRefer(user(sc), id, body.reason, body.facility);
    }

    @POST
    @Path("{id}/no-show")
    @RequiresRole(Role.PHYSICIAN)
    public ConsultationDTO noShow(@Context SecurityContext sc, @PathParam("id") String id) {
        return workflow.noShow(user(sc), id);
    }

    /** A short-lived token to join the consultation's video call (its physician or verified guardian). */
    @POST
    @Path("{id}/room-token")
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN})
    public RoomTokenIssuer.RoomTokenDTO roomToken(@Context SecurityContext sc, @PathParam("id") String id) {
        return roomTokens.issue(user(sc), id);
    }

    @POST
    @Path("{id}/follow-ups")
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN})
    public Response followUp(@Context SecurityContext sc, @PathParam("id") String id) {
        return Response.status(201).entity(workflow.followUp(user(sc), id)).build();
    }
}
