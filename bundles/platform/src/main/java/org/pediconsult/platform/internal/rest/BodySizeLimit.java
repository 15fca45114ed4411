package org.pediconsult.platform.internal.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.pediconsult.platform.api.Problem;
import org.pediconsult.platform.api.rest.BodyLimit;

/**
 * Refuses request bodies over the limit with 413, whether or not Content-Length is sent. The limit
 * is the configured one, or the method's {@link BodyLimit}. Runs after matching (the body is read
 * later), so it knows the method.
 */
final class BodySizeLimit implements ContainerRequestFilter {
    private final long defaultMaxBytes;

    @Context
    private ResourceInfo resourceInfo;

    BodySizeLimit(long maxBytes) {
        this.defaultMaxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        BodyLimit limit = method == null ? null : method.getAnnotation(BodyLimit.class);
        long maxBytes = limit == null ? defaultMaxBytes : limit.value();
        if (request.getLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
    }

    /** A WebApplicationException, not a ProblemException: it must cross Jackson and CXF's body reading. */
    private static WebApplicationException tooLarge(long maxBytes) {
        return new WebApplicationException(ProblemMappers.response(
                new Problem(413, "body_too_large", "the request body is larger than " + maxBytes + " bytes", null)));
    }

    static final class Limited extends FilterInputStream {
        private final long maxBytes;
        private long count;

        Limited(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > maxBytes) {
                throw tooLarge(maxBytes);
            }
        }
    }
}
