package org.pediconsult.hl7.internal.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.hl7v2.util.idgenerator.IDGenerator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AckControlIdsTest {
    @TempDir
    Path dir;

    @Test
    void idsKeepRisingAcrossRestartsAndTheFileIsWrittenOncePerBlock() throws Exception {
        IDGenerator first = AckControlIds.inDirectory(dir);
        long last = 0;
        for (int i = 0; i < 2500; i++) {
            long id = Long.parseLong(first.getID());
            assertTrue(id > last, "ids rise: " + id + " after " + last);
            last = id;
        }
        // 2,500 ids used three blocks: the file says the last block reserved, not every id
        long reserved = Long.parseLong(Files.readString(dir.resolve("ack-control-id"), StandardCharsets.US_ASCII).trim());
        assertTrue(reserved >= last, "the file reserves every id handed out: " + reserved + " >= " + last);
        assertTrue(reserved <= last + AckControlIds.BLOCK, "one block ahead at most: " + reserved);

        // a restart (even after kill -9: nothing else was written) starts above every id handed out
        IDGenerator afterRestart = AckControlIds.inDirectory(dir);
        long next = Long.parseLong(afterRestart.getID());
        assertTrue(next > last, "after a restart " + next + " > " + last);
    }

    @Test
    void theCounterOfThePerAckGeneratorIsContinued() throws Exception {
        // the file as HAPI's plain FileBasedGenerator left it (before issue 18): the last id itself
        Files.writeString(dir.resolve("ack-control-id"), "41873\n", StandardCharsets.US_ASCII);
        long id = Long.parseLong(AckControlIds.inDirectory(dir).getID());
        assertTrue(id > 41873, "no id of the old counter is given again: " + id);
    }

    @Test
    void eightConnectionsAtOnceNeverGetTheSameId() throws Exception {
        IDGenerator ids = AckControlIds.inDirectory(dir);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        assertTrue(seen.add(ids.getID()), "an id was handed out twice");
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(8000, seen.size());
    }
}
