package org.pediconsult.itest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The assembled distribution as an operator has it: unpacked into its own folder under target,
 * configured by appending to its etc/ files, and run with its bin/ scripts (for the JUnit 5 tests
 * that start and kill a real process, not a Pax Exam container).
 */
final class UnpackedDistribution {
    private UnpackedDistribution() {
    }

    /** Unpacks a fresh copy into target/&lt;folder&gt; (emptied first) and answers its Karaf home. */
    static Path unpack(String folder) throws IOException {
        Path target = Paths.get(System.getProperty("pediconsult.exam.dir", "target/exam")).getParent().resolve(folder);
        deleteTree(target);
        unzip(Paths.get(System.getProperty("pediconsult.distribution")), target);
        Path home;
        try (var dirs = Files.list(target)) {
            home = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        append(home, "etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository = "
                + System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
        return home;
    }

    static void append(Path home, String file, String line) throws IOException {
        Files.writeString(home.resolve(file), "\n" + line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Runs bin/&lt;command&gt; (start, stop) and waits for the script, not for Karaf, to return. */
    static boolean karaf(Path home, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(home.resolve("bin/" + command).toString())
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("data-" + command + ".out").toFile()))
                .start();
        return p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = into.resolve(e.getName()).normalize();
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                    if (e.getName().contains("/bin/")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
