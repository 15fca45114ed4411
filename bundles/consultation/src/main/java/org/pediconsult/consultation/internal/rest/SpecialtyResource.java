package org.pediconsult.consultation.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.internal.service.ConsultationWorkflow;
import org.pediconsult.consultation.internal.service.SpecialtyRegistry;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.rest.Authenticated;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.specialty.api.Specialty;

/**
 * {@code /api/specialties}: the installed specialties, live from the service registry, each with its
 * {@code status} in the pilot scope now: OFFERED (initial consults may be requested), NOT_OFFERED
 * (installed, not in the scope) or RETIRED (no new consultations).
 */
@Component(service = RestResource.class)
@Path("specialties")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SpecialtyResource implements RestResource {
    private final SpecialtyRegistry registry;
    private final ConsultationWorkflow workflow;

    @Activate
    public SpecialtyResource(@Reference SpecialtyRegistry registry, @Reference ConsultationWorkflow workflow) {
        this.registry = registry;
        this.workflow = workflow;
    }

    @GET
    public List<Map<String, Object>> list() {
        var scope = workflow.currentScope();   // one snapshot for the whole list
        return registry.all().stream().map(s -> summary(s, scope)).collect(Collectors.toList());
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        Specialty s = registry.find(id).orElseThrow(() -> new ProblemException(404, "unknown_specialty",
                "no specialty '" + id + "' is installed"));
        Map<String, Object> body = summary(s, workflow.currentScope());
        body.put("questionnaire", s.questionnaire());
        body.put("formulary", s.formulary());
        body.put("noteTemplate", s.noteTemplate());
        body.put("hl7Coding", s.hl7Coding());
        return body;
    }

    private static Map<String, Object> summary(Specialty s, org.pediconsult.consultation.internal.rules.PilotScope scope) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("status", scope.status(s.id()).name());
        m.put("questionnaireVersion", s.questionnaire().version);
        return m;
    }
}
