package io.tickflow.engine.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real market data in {@code ../shared/data} beside the repository, for tests
 * that use it. Those tests are skipped, saying why, on a machine that does not have it.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The data file, or a skipped test if it is absent. */
    public static Path require(String fileName) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("shared").resolve("data"))) {
            dir = dir.getParent();
        }
        Path file = dir == null ? null : dir.resolve("shared").resolve("data").resolve(fileName);
        assumeTrue(file != null && Files.isReadable(file),
                "real market data " + fileName + " is absent (expected in ../shared/data beside the repository); "
                        + "skipping the test that replays it");
        return file;
    }
}
