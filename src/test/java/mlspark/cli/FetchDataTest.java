package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mlspark.mnist.Mnist;
import mlspark.testing.ProjectData;

/** submit/fetch-data fashion-mnist from a mirror: verified copies installed, a corrupted copy refused. */
class FetchDataTest {
    private static final List<String> FILES = List.of(Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES,
            Mnist.TEST_LABELS);

    @TempDir
    Path tmp;

    private record Result(int exit, String stdout, String stderr) {
    }

    private Result fetch(Path mirror, Path dataDir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", ProjectData.root().resolve("submit/fetch-data").toString(),
                "--mirror", mirror.toString(), "--data-dir", dataDir.toString(), "fashion-mnist");
        pb.environment().remove("MLSPARK_DATA_MIRROR");
        pb.redirectOutput(tmp.resolve("stdout").toFile()).redirectError(tmp.resolve("stderr").toFile());
        int exit = pb.start().waitFor();
        return new Result(exit, Files.readString(tmp.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("stderr"), StandardCharsets.UTF_8));
    }

    /** A mirror laid out like data/, holding copies of the real Fashion-MNIST files. */
    private Path mirror() throws IOException {
        Path real = ProjectData.dataDirWith("fashion-mnist/" + Mnist.TRAIN_LABELS + ".gz").resolve("fashion-mnist");
        Path mirror = tmp.resolve("mirror");
        Files.createDirectories(mirror.resolve("fashion-mnist"));
        for (String f : FILES) {
            Files.copy(real.resolve(f + ".gz"), mirror.resolve("fashion-mnist").resolve(f + ".gz"));
        }
        return mirror;
    }

    @Test
    void installsVerifiedCopiesAndKeepsThem() throws Exception {
        Path mirror = mirror();
        Path data = tmp.resolve("data");
        Result first = fetch(mirror, data);
        assertEquals(0, first.exit(), first.stderr());
        for (String f : FILES) {
            Path got = data.resolve("fashion-mnist").resolve(f + ".gz");
            assertArrayEquals(Files.readAllBytes(mirror.resolve("fashion-mnist").resolve(f + ".gz")), Files.readAllBytes(got));
            assertTrue(first.stdout().contains("fashion-mnist/" + f + ".gz <- "), first.stdout());
        }
        Result again = fetch(mirror, data);
        assertEquals(0, again.exit(), again.stderr());
        assertEquals(4, again.stdout().lines().filter(l -> l.endsWith(" ok")).count(), again.stdout());
    }

    @Test
    void aCorruptedCopyIsRefused() throws Exception {
        Path mirror = mirror();
        Path labels = mirror.resolve("fashion-mnist").resolve(Mnist.TRAIN_LABELS + ".gz");
        byte[] bytes = Files.readAllBytes(labels);
        bytes[bytes.length / 2] ^= 1;
        Files.write(labels, bytes);
        Path data = tmp.resolve("data");
        Result r = fetch(mirror, data);
        assertEquals(68, r.exit(), r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith("error: fetch-data: " + labels + ": sha256 "), r.stderr());
        assertTrue(r.stderr().contains("expected 0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056"),
                r.stderr());
        assertFalse(Files.exists(data.resolve("fashion-mnist").resolve(Mnist.TRAIN_LABELS + ".gz")));
        try (Stream<Path> left = Files.list(data)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".fetch")).toList());
        }
    }
}
