package org.pediconsult.platform.internal.rest;

import java.lang.reflect.Method;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.pediconsult.platform.api.rest.OneTimeCodeEndpoint;
import org.pediconsult.platform.api.rest.PublicEndpoint;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.RateLimits;
import org.pediconsult.platform.internal.ratelimit.TooManyRequests;
import org.pediconsult.platform.internal.security.LoginName;

/**
 * The REST API's rate limits ({@link RateLimits}), answered 429 with {@code Retry-After}: per client
 * address before authentication (so a flood of bad tokens is cut off before their signatures are
 * checked), per account after it. The login method counts against the login limit per address
 * instead; its limit per user name is applied once the body is read. Other public endpoints (health)
 * are not limited.
 */
final class ApiRateLimits {
    private ApiRateLimits() {
    }

    /** Per client address; runs before the authentication filter. */
    @Priority(Priorities.AUTHENTICATION - 100)
    static final class ByAddress implements ContainerRequestFilter {
        private final RateLimits limits;
        private final ClientAddress clientAddress;

        @Context
        private ResourceInfo resourceInfo;
        @Context
        private HttpServletRequest servletRequest;

        ByAddress(RateLimits limits, ClientAddress clientAddress) {
            this.limits = limits;
            this.clientAddress = clientAddress;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
            String kind;
            if (method != null && method.isAnnotationPresent(LoginEndpoint.class)) {
                kind = RateLimits.LOGIN;
            } else if (method != null && method.isAnnotationPresent(OneTimeCodeEndpoint.class)) {
                kind = RateLimits.ONE_TIME_CODE;
            } else if (method != null && method.isAnnotationPresent(PublicEndpoint.class)) {
                return;
            } else {
                kind = RateLimits.API;
            }
            RateLimits.Admission admission = limits.admit(kind, clientAddress.of(servletRequest));
            if (!admission.isAllowed()) {
                throw new TooManyRequests(RateLimits.LOGIN.equals(kind) ? "too many logins from this address"
                        : RateLimits.ONE_TIME_CODE.equals(kind) ? "too many one-time-code requests from this address"
                        : "too many requests from this address", admission.retryAfterSeconds());
            }
        }
    }

    /** Per account; runs after the authentication filter, which set the caller. */
    @Priority(Priorities.USER + 100)
    static final class ByAccount implements ContainerRequestFilter {
        private final RateLimits limits;

        ByAccount(RateLimits limits) {
            this.limits = limits;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!(request.getSecurityContext().getUserPrincipal() instanceof AuthenticatedUser)) {
                return;
            }
            AuthenticatedUser user = (AuthenticatedUser) request.getSecurityContext().getUserPrincipal();
            RateLimits.Admission admission = limits.admit(RateLimits.API,
                    RateLimits.ACCOUNT_KEY_PREFIX + LoginName.of(user.username()));
            if (!admission.isAllowed()) {
                throw new TooManyRequests("too many requests for this account", admission.retryAfterSeconds());
            }
        }
    }
}
