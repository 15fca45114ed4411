package org.pediconsult.platform.internal.rest;

import java.util.List;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.Problem;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.internal.ratelimit.TooManyRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error leaves the API as {@code application/problem+json}. */
final class ProblemMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    static List<Object> all() {
        return List.of(new FromProblemException(), new FromWebApplicationException(), new FromAnything());
    }

    static Response response(Problem p) {
        return response(p, null);
    }

    /** The problem as a response; {@code retryAfter} (seconds, or null) becomes {@code Retry-After}. */
    static Response response(Problem p, Object retryAfter) {
        Response.ResponseBuilder r = Response.status(p.status).type(Problem.MEDIA_TYPE).entity(p);
        if (p.status == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"pediconsult\"");
        }
        if (retryAfter != null) {
            r.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return r.build();
    }

    static final class FromProblemException implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return response(e.toProblem(), e instanceof TooManyRequests ? ((TooManyRequests) e).retryAfterSeconds() : null);
        }
    }

    static final class FromWebApplicationException implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            if (original.getEntity() instanceof Problem) {
                // a resource's own 429 or 503 keeps its Retry-After
                return response((Problem) original.getEntity(), original.getHeaderString(HttpHeaders.RETRY_AFTER));
            }
            int status = original.getStatus();
            return response(new Problem(status, code(status), detail(status), null));
        }

        private static String code(int status) {
            switch (status) {
                case 404: return "not_found";
                case 405: return "method_not_allowed";
                case 406: return "not_acceptable";
                case 415: return "unsupported_media_type";
                default: return status >= 500 ? "server_error" : "bad_request";
            }
        }

        private static String detail(int status) {
            switch (status) {
                case 404: return "there is no resource at this path";
                case 405: return "this resource does not support that HTTP method";
                case 406: return "this resource answers only application/json";
                case 415: return "send the body as application/json";
                default: return ProblemException.reason(status);
            }
        }
    }

    /** Unexpected failures: logged with an incident id, answered without internals. */
    static final class FromAnything implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            String incident = Ids.newId();
            LOG.error("unexpected failure, incident {}", incident, e);
            return response(new Problem(500, "server_error",
                    "an unexpected error occurred; quote incident " + incident + " to support", null));
        }
    }
}
