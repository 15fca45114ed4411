package org.pediconsult.messaging.internal;

import java.util.function.Supplier;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;

/**
 * ActiveMQ finds its transports through the thread context class loader; callers in other bundles
 * have their own, so every factory call runs with this bundle's loader.
 */
final class ClassLoaderPinnedConnectionFactory implements ConnectionFactory {
    private final ConnectionFactory delegate;
    private final ClassLoader loader;

    ClassLoaderPinnedConnectionFactory(ConnectionFactory delegate, ClassLoader loader) {
        this.delegate = delegate;
        this.loader = loader;
    }

    private interface JmsCall<T> {
        T call() throws JMSException;
    }

    private <T> T pinned(JmsCall<T> call) throws JMSException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private <T> T pinnedUnchecked(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public Connection createConnection() throws JMSException {
        return pinned(delegate::createConnection);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return pinned(() -> delegate.createConnection(userName, password));
    }

    @Override
    public JMSContext createContext() {
        return pinnedUnchecked(delegate::createContext);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return pinnedUnchecked(() -> delegate.createContext(userName, password));
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return pinnedUnchecked(() -> delegate.createContext(userName, password, sessionMode));
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return pinnedUnchecked(() -> delegate.createContext(sessionMode));
    }
}
