package org.pediconsult.platform.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker for a JAX-RS root resource contributed to the PediConsult REST API. Register an instance as
 * an OSGi service of this type (e.g. a DS component with {@code service = RestResource.class}); the
 * platform serves it under {@code /api/} with JSON, authentication, role checks and problem details,
 * and stops serving it when the service goes away. No bundle lists the resources by name.
 *
 * <p>Every method requires an authenticated caller unless annotated {@link PublicEndpoint}; use
 * {@link RequiresRole} on the class or method to restrict by role.
 *
 * @since 1.0
 */
@ConsumerType
public interface RestResource {
}
