package mlspark.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mlspark.cli.JobFailure;

/** Staging, locking and the rules of outputs, on local paths and on file: URIs through Hadoop's FileSystem. */
class OutputDirTest {
    @TempDir
    Path dir;

    private OutputDir create(String location, String job, boolean overwrite) {
        return OutputDir.create("--out", location, new OutputRules().protect(dir.resolve("data"), "the data directory"),
                overwrite, Map.of("job", job), Map.of());
    }

    @Test
    void secondRunFailsAtOnceAndTheFirstFinishesUntouched() throws IOException {
        Path target = dir.resolve("out");
        try (OutputDir first = create(target.toString(), "primal-svm", false)) {
            Files.writeString(first.resolve("metrics.json"), "{}");
            JobFailure second = assertThrows(JobFailure.class, () -> create(target.toString(), "primal-svm", true));
            assertEquals(73, second.exitCode());
            assertTrue(second.getMessage().contains("another run (" + ProcessHandle.current().pid() + "@"), second.getMessage());
            first.commit();
        }
        assertEquals("{}", Files.readString(target.resolve("metrics.json")));
        assertTrue(Files.exists(target.resolve(OutputDir.MARKER)));
        assertEquals(List.of("out"), names(dir), "no lock or staging directory left");
    }

    @Test
    void staleLockIsTakenOverButNotOneOfAnotherHost() throws IOException {
        Path lock = dir.resolve(".out.lock");
        Files.writeString(lock, Long.MAX_VALUE + "@" + java.net.InetAddress.getLocalHost().getHostName());
        try (OutputDir out = create(dir.resolve("out").toString(), "kernels", false)) {
            out.commit();
        }
        assertFalse(Files.exists(lock));
        Files.writeString(dir.resolve(".other.lock"), "1@another-host");
        JobFailure held = assertThrows(JobFailure.class, () -> create(dir.resolve("other").toString(), "kernels", false));
        assertTrue(held.getMessage().contains("another run (1@another-host)"), held.getMessage());
    }

    @Test
    void fileUriIsStagedElsewhereCopiedUpAndRenamed() throws IOException {
        Path target = dir.resolve("remote/out");
        String uri = "file://" + target;
        try (OutputDir out = create(uri, "dual-svm", false)) {
            Files.writeString(out.resolve("a.txt"), "first");
            assertFalse(Files.exists(target));
            assertFalse(out.resolve("a.txt").startsWith(dir), "a URI's staging directory is local scratch space");
            out.commit();
        }
        assertEquals("first", Files.readString(target.resolve("a.txt")));
        assertThrows(JobFailure.class, () -> create(uri, "dual-svm", false), "an earlier output needs --overwrite");
        assertThrows(JobFailure.class, () -> create(uri, "primal-svm", true), "--overwrite replaces only the same job's");
        try (OutputDir out = create(uri, "dual-svm", true)) {
            Files.writeString(out.resolve("b.txt"), "second");
            out.commit();
        }
        assertEquals(List.of(OutputDir.MARKER, "b.txt"), names(target), "the earlier output replaced as a whole");
        assertEquals(List.of("out"), names(target.getParent()), "no staging copy, old output or lock left");
    }

    @Test
    void failedRunLeavesTheEarlierOutputAndAnEmptyDirectoryIsUsed() throws IOException {
        Path target = Files.createDirectories(dir.resolve("empty"));
        try (OutputDir out = create(target.toString(), "kernels", false)) {
            Files.writeString(out.resolve("a.txt"), "first");
            out.commit();
        }
        try (OutputDir out = create(target.toString(), "kernels", true)) {
            Files.writeString(out.resolve("a.txt"), "never committed");
        }
        assertEquals("first", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("empty"), names(dir));
    }

    @Test
    void protectedPlacesAndTheirAncestorsAreRefused() throws IOException {
        Files.createDirectories(dir.resolve("data/sub"));
        for (String location : new String[]{dir.resolve("data").toString(), dir.toString(), "file://" + dir.resolve("data")}) {
            JobFailure refused = assertThrows(JobFailure.class, () -> create(location, "kernels", true));
            assertEquals(73, refused.exitCode());
            assertTrue(refused.getMessage().contains("the data directory"), refused.getMessage());
        }
        try (OutputDir inside = create(dir.resolve("data/sub/out").toString(), "kernels", false)) {
            JobFailure refused = assertThrows(JobFailure.class, () -> inside.refuseInputs(new OutputRules(),
                    List.of(dir.resolve("data/sub/out/train.csv"))));
            assertTrue(refused.getMessage().contains("contains an input file"), refused.getMessage());
        }
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
