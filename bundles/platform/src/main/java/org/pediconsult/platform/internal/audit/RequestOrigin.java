package org.pediconsult.platform.internal.audit;

/**
 * The address of the client whose REST request this thread is serving (as the REST layer resolved it,
 * trusted proxies considered), set around each request by the {@code /api} servlet, so that every
 * audit record written while serving it says where it came from without each caller passing it on.
 */
public final class RequestOrigin {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestOrigin() {
    }

    /** Runs {@code request} with {@code address} as the current client's. */
    public static <E extends Exception> void during(String address, Work<E> request) throws E {
        String previous = CURRENT.get();
        CURRENT.set(address);
        try {
            request.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The current client's address, or null outside a request. */
    public static String current() {
        return CURRENT.get();
    }

    /** A request's work. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }
}
