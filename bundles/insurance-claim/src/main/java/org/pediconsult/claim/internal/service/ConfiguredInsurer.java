package org.pediconsult.claim.internal.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.pediconsult.claim.api.ClaimDTO;
import org.pediconsult.claim.api.InsurerAdapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The shipped insurer adapters, one per {@code etc/org.pediconsult.claim.insurer-<payer>.cfg}: {@code transport = HL7}
 * (the claim goes out as DFT^P03 on the outbound channels that take DFT^P03; the insurer's ACK answers it later) or
 * {@code transport = REST} (the claim as JSON to {@code rest.url}; the insurer answers
 * {@code {"outcome":"ACCEPTED"|"REJECTED","reasons":[...]}} at once).
 */
@Component(service = InsurerAdapter.class, configurationPid = "org.pediconsult.claim.insurer",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ConfiguredInsurer.Config.class, factory = true)
public class ConfiguredInsurer implements InsurerAdapter {
    @ObjectClassDefinition(name = "PediConsult insurer")
    public @interface Config {
        @AttributeDefinition(description = "The payer id (as in the children's coverage); also the service property pediconsult.claim.payer")
        String pediconsult_claim_payer();

        @AttributeDefinition(description = "HL7 (DFT^P03 over an outbound channel) or REST")
        String transport() default "HL7";

        @AttributeDefinition(description = "REST: the insurer's claims endpoint (https in production)")
        String rest_url() default "";

        @AttributeDefinition(description = "REST: seconds to wait for the answer")
        int rest_timeout_seconds() default 10;
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Config config;
    private final HttpClient http;

    @Activate
    public ConfiguredInsurer(Config config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(Math.max(1, config.rest_timeout_seconds()))).build();
    }

    public boolean hl7() {
        return !"REST".equalsIgnoreCase(config.transport());
    }

    @Override
    public Submission submit(ClaimDTO claim) throws Exception {
        if (hl7()) {
            return new Submission(Outcome.PENDING, List.of());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.rest_url()))
                .timeout(Duration.ofSeconds(Math.max(1, config.rest_timeout_seconds())))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", claim.id)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(claim), StandardCharsets.UTF_8)).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException unreachable) {
            return new Submission(Outcome.RETRY, List.of("the insurer could not be reached"));
        }
        if (answer.statusCode() >= 500) {
            return new Submission(Outcome.RETRY, List.of("the insurer answered " + answer.statusCode()));
        }
        JsonNode body = JSON.readTree(answer.body());
        List<String> reasons = new ArrayList<>();
        body.path("reasons").forEach(r -> reasons.add(r.asText()));
        if (answer.statusCode() >= 400 || "REJECTED".equals(body.path("outcome").asText())) {
            if (reasons.isEmpty()) {
                reasons.add("the insurer answered " + answer.statusCode());
            }
            return new Submission(Outcome.REJECTED, reasons);
        }
        return new Submission("ACCEPTED".equals(body.path("outcome").asText()) ? Outcome.ACCEPTED : Outcome.PENDING, reasons);
    }
}
