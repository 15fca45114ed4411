package org.pediconsult.platform.internal.rest;

import java.io.IOException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;

import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.pediconsult.platform.internal.audit.RequestOrigin;

/**
 * The CXF servlet behind {@code /api}, with a gate: while resources are swapped (a bundle
 * contributing REST resources comes or goes) new requests wait a few milliseconds instead of
 * meeting a half-built endpoint, so installing a bundle never fails a request to other endpoints.
 * Each request is served with its client's address at hand for the audit trail ({@link RequestOrigin}).
 */
final class GatedCxfServlet extends CXFNonSpringServlet {
    private static final long serialVersionUID = 1L;
    private final transient ReadWriteLock gate = new ReentrantReadWriteLock(true);
    private final transient ClientAddress clients;

    GatedCxfServlet(ClientAddress clients) {
        this.clients = clients;
    }

    @Override
    public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
        gate.readLock().lock();
        try {
            String client = req instanceof HttpServletRequest ? clients.of((HttpServletRequest) req) : req.getRemoteAddr();
            RequestOrigin.during(client, () -> super.service(req, res));
        } catch (ServletException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        } finally {
            gate.readLock().unlock();
        }
    }

    /** Runs {@code swap} with no request in flight. */
    void swap(Runnable swap) {
        gate.writeLock().lock();
        try {
            swap.run();
        } finally {
            gate.writeLock().unlock();
        }
    }
}
