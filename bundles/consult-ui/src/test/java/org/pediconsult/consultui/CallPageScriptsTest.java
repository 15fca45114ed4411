package org.pediconsult.consultui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs the UI's JavaScript unit tests (every src/test/js/*.test.mjs, {@code node --test}) in the Maven
 * build: the call page's quality sampling, rating and audio-only fallback policy, and its perfect
 * negotiation (glare, rollback, late descriptions). Needs Node 18 or later, which .ci/test-setup
 * installs (the browser tests use it too).
 */
class CallPageScriptsTest {

    @Test
    void nodeUnitTestsPass() throws IOException, InterruptedException {
        Path log = Paths.get("target/node-test.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of("node", "--test"));
        try (Stream<Path> files = Files.list(Paths.get("src/test/js"))) {
            files.map(Path::toString).filter(f -> f.endsWith(".test.mjs")).sorted().forEach(command::add);
        }
        assertTrue(command.size() >= 4, "the script tests in src/test/js: " + command);
        Process node;
        try {
            node = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("node (18 or later) is needed for the UI's script tests: run .ci/test-setup", e);
        }
        assertTrue(node.waitFor(2, TimeUnit.MINUTES), "node --test finished");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(out);
        assertEquals(0, node.exitValue(), out);
        assertTrue(out.contains("# fail 0") && !out.contains("# pass 0"), out);
    }
}
