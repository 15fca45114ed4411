package org.pediconsult.hl7.internal.inbound;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

import org.pediconsult.platform.api.data.DataAccessException;
import org.pediconsult.platform.api.data.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link InboundProcessor}'s transaction: opened at a batch's first message, each message processed in a
 * savepoint of its own ({@link #process}: rolled back to when the message is to be retried or its processing threw,
 * released otherwise), and the outcomes recorded and committed together ({@link #commit}). The processors of other
 * bundles join it through the platform's {@link Tx#joining}. The processor's thread's only.
 */
final class ProcessingBatch {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessingBatch.class);

    private final String channel;
    private final MessageStore store;
    private final InboundHandler handler;
    /** Auto-commit off; null between batches. */
    private Connection connection;
    /** A savepoint could not be rolled back to: the batch is rolled back whole and processed again. */
    private boolean broken;

    ProcessingBatch(String channel, MessageStore store, InboundHandler handler) {
        this.channel = channel;
        this.store = store;
        this.handler = handler;
    }

    /** Processes {@code e} in the batch's transaction, in a savepoint of its own. */
    MessageProcessing.Processed process(MessageStore.Entry e) {
        Savepoint savepoint;
        try {
            if (connection == null) {
                connection = store.dataSource().getConnection();
                connection.setAutoCommit(false);
            }
            savepoint = connection.setSavepoint();
        } catch (SQLException ex) {
            broken = true;
            throw new DataAccessException(ex);
        }
        MessageProcessing.Processed result;
        try {
            result = Tx.joining(store.dataSource(), connection, c -> handler.processStored(e));
        } catch (SQLException ex) {
            rollbackTo(savepoint);
            throw new DataAccessException(ex);
        } catch (RuntimeException | LinkageError ex) {
            rollbackTo(savepoint);
            throw ex;
        }
        if (result == MessageProcessing.Processed.RETRY) {
            rollbackTo(savepoint);
        } else {
            try {
                connection.releaseSavepoint(savepoint);
            } catch (SQLException ex) {
                broken = true;
            }
        }
        return result;
    }

    private void rollbackTo(Savepoint savepoint) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException ex) {
            broken = true;
        }
    }

    /**
     * Records the outcomes of {@code done} in the batch's transaction with their processing, and commits; false
     * (they stay RECEIVED, their processing rolled back) when that failed. The batch is closed either way.
     */
    boolean commit(List<MessageStore.Entry> done) {
        if (done.isEmpty() && connection == null) {
            return true;
        }
        try {
            if (connection == null) {
                store.recordProcessed(done);
            } else {
                if (broken) {
                    throw new SQLException("a savepoint of the batch could not be rolled back to");
                }
                store.recordProcessed(connection, done);
                connection.commit();
            }
            return true;
        } catch (Exception | LinkageError e) {
            LOG.warn("channel {}: outcomes of {} processed messages could not be recorded ({}); they are processed again",
                    channel, done.size(), e.toString());
            if (connection != null) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // closing the connection below ends the transaction as well
                }
            }
            return false;
        } finally {
            close();
        }
    }

    private void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("channel {}: closing the batch connection: {}", channel, e.toString());
        }
        connection = null;
        broken = false;
    }
}
