package org.pediconsult.platform.internal.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import javax.ws.rs.WebApplicationException;

import org.pediconsult.platform.api.Problem;

/** Refuses request bodies over the configured size with 413, whether or not Content-Length is sent. */
@PreMatching
final class BodySizeLimit implements ContainerRequestFilter {
    private final long maxBytes;

    BodySizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
        request.setEntityStream(new Limited(request.getEntityStream()));
    }

    /** A WebApplicationException, not a ProblemException: it must cross Jackson and CXF's body reading. */
    private WebApplicationException tooLarge() {
        return new WebApplicationException(ProblemMappers.response(
                new Problem(413, "body_too_large", "the request body is larger than " + maxBytes + " bytes", null)));
    }

    private final class Limited extends FilterInputStream {
        private long count;

        Limited(InputStream in) {
            super(in);
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
                throw tooLarge();
            }
        }
    }
}
