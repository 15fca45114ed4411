package org.pediconsult.platform.internal.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the REST application serves right now, for the health check and the endpoint inventory.
 * {@link RestApplication} registers it as a plain service object (not a component), so reading it
 * never takes Declarative Services' lock on the application: a health request that asked SCR for
 * the application while SCR was binding a resource to it (and the rebuild waited for that very
 * request to end) held both for SCR's 5 s lock timeout, on most cold starts.
 */
public interface ServedApi {
    /** Service ids of the {@code RestResource}s the endpoint answers for. */
    Set<Long> servedResourceIds();

    /** Resources refused because some of their methods declare nobody who may call them (class -> methods). */
    Map<String, List<String>> refusedResources();

    /** The resource classes served. */
    List<Class<?>> servedClasses();
}
