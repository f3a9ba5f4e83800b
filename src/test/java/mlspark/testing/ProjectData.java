package mlspark.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The project's data directory for tests (filled by submit/fetch-data, which .ci/run calls), and
 * the read-only mirror beside the project as a fallback.
 */
public final class ProjectData {
    private ProjectData() {
    }

    public static Path root() {
        return Path.of(System.getProperty("project.root", "")).toAbsolutePath();
    }

    /** The data directory holding {@code relative}; the test is skipped, loudly, when neither place has it. */
    public static Path dataDirWith(String relative) {
        for (Path dir : new Path[]{root().resolve("data"), root().resolve("../shared/data").normalize()}) {
            if (Files.exists(dir.resolve(relative))) {
                return dir;
            }
        }
        Assumptions.abort("data file " + relative + " missing: run submit/fetch-data");
        return null;
    }
}
