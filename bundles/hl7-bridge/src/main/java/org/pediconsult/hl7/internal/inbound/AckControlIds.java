package org.pediconsult.hl7.internal.inbound;

import ca.uhn.hl7v2.util.idgenerator.DelegatingHiLoGenerator;
import ca.uhn.hl7v2.util.idgenerator.FileBasedGenerator;
import ca.uhn.hl7v2.util.idgenerator.IDGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * MSH-10 of our ACKs: HAPI's hi/lo generator over a counter file under Karaf's data folder, one for
 * every channel of the bridge (they share the file, so they share the generator).
 *
 * <p>The file holds the last block reserved ({@value #BLOCK} ids); ids within a block are handed out
 * from memory, so the file is written once per {@value #BLOCK} ACKs instead of once per ACK. After a
 * restart, even one by {@code kill -9}, the next block starts above every id handed out before, since
 * a block is written before any of its ids is used. Profiled (docs/benchmarks.md, issue 18): HAPI's
 * plain {@link FileBasedGenerator} opens, writes and closes the file under one lock for every ACK, about
 * 1 ms each, which alone held the 8-connection HL7 run to a few hundred ACKs a second.
 */
final class AckControlIds {
    static final long BLOCK = 1000;
    private static final Object LOCK = new Object();
    private static IDGenerator shared;

    private AckControlIds() {
    }

    /** The generator of this bridge, on the file {@code <karaf.data>/pediconsult/hl7/ack-control-id}. */
    static IDGenerator shared() {
        synchronized (LOCK) {
            if (shared == null) {
                shared = inDirectory(Paths.get(System.getProperty("karaf.data", "data"), "pediconsult", "hl7"));
            }
            return shared;
        }
    }

    /** A generator on {@code dir/ack-control-id}; ids keep rising across generators on the same file. */
    static IDGenerator inDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileBasedGenerator blocks = new FileBasedGenerator(BLOCK);
        blocks.setDirectory(dir.toString());
        blocks.setFileName("ack-control-id");
        blocks.setNeverFail(true);
        return new DelegatingHiLoGenerator(blocks);
    }
}
