package org.pediconsult.specialty.dermatology.internal.store;

import org.pediconsult.platform.api.data.DataAccessException;
import org.pediconsult.platform.api.data.Tx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Random;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.specialty.dermatology.testing.H2Database;

class PhotoStoreTest {
    private final JdbcDataSource db = H2Database.migrated();
    private final Tx tx = new Tx(db);
    private final PhotoStore store = new PhotoStore();

    private static PhotoRow row(String id, byte[] content) {
        return new PhotoRow(id, Ids.newId(), "guardian.tang", "image/jpeg", content.length,
                "a".repeat(64), 800, 600, Instant.parse("2026-11-25T08:00:00Z"), content);
    }

    @Test
    void photoRoundTripsWithItsBytes() {
        byte[] content = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(content);
        PhotoRow written = row(Ids.newId(), content);
        tx.inTransaction(c -> {
            store.insert(c, written);
            return null;
        });

        PhotoRow meta = tx.read(c -> store.meta(c, written.id));
        assertEquals(written.childId, meta.childId);
        assertEquals("guardian.tang", meta.uploadedBy);
        assertEquals("image/jpeg", meta.contentType);
        assertEquals(content.length, meta.byteSize);
        assertEquals("a".repeat(64), meta.sha256);
        assertEquals(800, meta.width);
        assertEquals(600, meta.height);
        assertEquals(written.createdAt, meta.createdAt);
        assertNull(meta.content, "metadata reads leave the bytes in the database");
        assertArrayEquals(content, tx.read(c -> store.content(c, written.id)));
    }

    @Test
    void unknownIdIsNull() {
        assertNull(tx.read(c -> store.meta(c, Ids.newId())));
        assertNull(tx.read(c -> store.content(c, Ids.newId())));
    }

    @Test
    void aFailedTransactionLeavesNoRow() {
        PhotoRow written = row(Ids.newId(), new byte[] {1, 2, 3});
        assertThrows(IllegalStateException.class, () -> tx.inTransaction(c -> {
            store.insert(c, written);
            throw new IllegalStateException("audit failed");
        }));
        assertNull(tx.read(c -> store.meta(c, written.id)));
    }

    @Test
    void duplicateIdIsADataAccessException() {
        PhotoRow written = row(Ids.newId(), new byte[] {1});
        tx.inTransaction(c -> {
            store.insert(c, written);
            return null;
        });
        assertThrows(DataAccessException.class, () -> tx.inTransaction(c -> {
            store.insert(c, written);
            return null;
        }));
    }

    @Test
    void migrationAlsoRunsWithThePostgresBinaryType() {
        JdbcDataSource pgLike = H2Database.empty(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        assertEquals(1, H2Database.migrate(pgLike, "BYTEA"));
        Tx pgTx = new Tx(pgLike);
        PhotoRow written = row(Ids.newId(), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        pgTx.inTransaction(c -> {
            store.insert(c, written);
            return null;
        });
        assertArrayEquals(written.content, pgTx.read(c -> store.content(c, written.id)));
    }
}
