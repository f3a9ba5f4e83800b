package mlspark.cli.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.Failure;
import mlspark.cli.JobFailure;

/**
 * A job's output directory, written all or nothing and never over what the job did not write
 * (the rules of Spark's {@code SaveMode.ErrorIfExists} and Hadoop's output committers).
 *
 * <p>The target is a local path or any Hadoop FileSystem URI ({@code file:}, {@code hdfs:}, object
 * stores whose connector is on the classpath). It is refused (exit 73) when it equals or contains
 * a protected place ({@link OutputRules}), or exists and is neither empty nor an earlier output of
 * the same job (a {@link #MARKER} naming it) with {@code overwrite}. A lock file beside the target,
 * created atomically, keeps a second run away while this one writes. Files are written into a
 * staging directory — a hidden sibling for a local path; a local temporary directory, copied up to a
 * hidden sibling at the commit, for a URI — and {@link #commit()} renames it into place;
 * {@link #close()} without a commit removes it, so a failed run leaves the target untouched.
 */
public final class OutputDir implements AutoCloseable {
    /** The file that identifies a directory as a job's output: job, start time, git commit, arguments. */
    public static final String MARKER = "_MLSPARK_OUTPUT.json";
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private final String option;
    private final String shown;
    private final FileSystem fs;
    private final org.apache.hadoop.fs.Path target;
    private final Path localTarget;
    private final Path staging;
    private final String job;
    private final boolean overwrite;
    private final OutputLock lock;
    private boolean committed;

    private OutputDir(String option, String shown, FileSystem fs, org.apache.hadoop.fs.Path target, Path localTarget,
                      Path staging, String job, boolean overwrite, OutputLock lock) {
        this.option = option;
        this.shown = shown;
        this.fs = fs;
        this.target = target;
        this.localTarget = localTarget;
        this.staging = staging;
        this.job = job;
        this.overwrite = overwrite;
        this.lock = lock;
    }

    /**
     * Checks {@code location} (a path or a URI) against the rules, locks it and creates the staging
     * directory with the marker {@code marker} (whose {@code job} field names the job) in it.
     */
    public static OutputDir create(String option, String location, OutputRules rules, boolean overwrite,
                                   Map<String, Object> marker, Map<String, String> hadoopSettings) {
        String job = String.valueOf(marker.get("job"));
        boolean uri = isUri(location);
        Path local;
        try {
            local = localPath(location);
        } catch (IllegalArgumentException e) {
            throw JobFailure.usage(option, "'" + location + "' is neither a path nor a valid URI (" + e.getMessage() + ")");
        }
        if (local != null) {
            rules.refuseProtected(option, location, local);
        }
        FileSystem fs = fileSystem(option, location, uri, hadoopSettings);
        org.apache.hadoop.fs.Path target = uri ? fs.makeQualified(new org.apache.hadoop.fs.Path(location))
                : hadoopPath(local);
        org.apache.hadoop.fs.Path parent = target.getParent();
        if (parent == null) {
            throw new JobFailure(Failure.CANT_WRITE, option + " " + location + ": is the root of its file system");
        }
        try {
            if (!fs.mkdirs(parent)) {
                throw new IOException("mkdirs failed");
            }
        } catch (IOException | RuntimeException e) {
            throw cannot(option, location, "cannot create its parent directory " + parent, e);
        }
        OutputLock lock = OutputLock.take(option, location, fs, parent, target.getName());
        Path staging = null;
        try {
            checkExisting(option, location, fs, target, job, overwrite);
            staging = uri ? Files.createTempDirectory("mlspark-" + job + "-")
                    : Files.createTempDirectory(local.getParent(), "." + local.getFileName() + ".tmp-");
            Json.write(staging.resolve(MARKER), marker);
            return new OutputDir(option, location, fs, target, local, staging, job, overwrite, lock);
        } catch (IOException | RuntimeException e) {
            if (staging != null) {
                deleteTree(staging);
            }
            lock.release();
            if (e instanceof JobFailure f) {
                throw f;
            }
            throw cannot(option, location, "cannot create a directory in " + parent, e);
        }
    }

    /** Fails unless the target is absent, an empty directory, or this job's output with {@code overwrite}. */
    private static void checkExisting(String option, String location, FileSystem fs, org.apache.hadoop.fs.Path target,
                                      String job, boolean overwrite) throws IOException {
        if (!fs.exists(target)) {
            return;
        }
        if (!fs.getFileStatus(target).isDirectory()) {
            throw new JobFailure(Failure.CANT_WRITE, option + " " + location + ": exists and is not a directory");
        }
        FileStatus[] children = fs.listStatus(target);
        if (children.length == 0) {
            return;
        }
        org.apache.hadoop.fs.Path marker = new org.apache.hadoop.fs.Path(target, MARKER);
        if (!fs.exists(marker)) {
            throw new JobFailure(Failure.CANT_WRITE, option + " " + location + ": exists, is not empty and is not an"
                    + " output of mlspark (no " + MARKER + "); give a new or empty directory");
        }
        String owner;
        try (InputStream in = fs.open(marker)) {
            JsonNode node = Json.mapper().readTree(in);
            owner = node == null || node.get("job") == null ? "?" : node.get("job").asText();
        } catch (IOException e) {
            owner = "?";
        }
        if (!owner.equals(job)) {
            throw new JobFailure(Failure.CANT_WRITE, option + " " + location + ": holds an output of '" + owner
                    + "', not of '" + job + "'; --overwrite replaces only an earlier output of the same job");
        }
        if (!overwrite) {
            throw new JobFailure(Failure.CANT_WRITE, option + " " + location + ": holds an earlier output of '" + job
                    + "'; pass --overwrite to replace it");
        }
    }

    /**
     * Checks a local directory the job writes in place, such as a checkpoint directory: absent,
     * empty, or holding the {@link #MARKER} of {@code job}.
     */
    public static void checkPlace(String option, Path dir, String job) {
        try {
            checkExisting(option, dir.toString(), FileSystem.getLocal(new Configuration()).getRaw(),
                    hadoopPath(dir), job, true);
        } catch (IOException e) {
            throw cannot(option, dir.toString(), "cannot read it", e);
        }
    }

    /** The target as a local path when it is one (a plain path or a {@code file:} URI). */
    public Optional<Path> localTarget() {
        return Optional.ofNullable(localTarget);
    }

    /** The target as given, for messages. */
    public String target() {
        return shown;
    }

    /** Refuses (exit 73) an output that equals or contains one of the job's input files. */
    public void refuseInputs(OutputRules rules, Iterable<Path> inputs) {
        if (localTarget != null) {
            rules.refuseContaining(option, shown, localTarget, inputs, "an input file");
        }
    }

    /** Where to write {@code name} before the commit. */
    public Path resolve(String name) {
        return staging.resolve(name);
    }

    /** Moves the staged files into place; only an earlier output of this job (with overwrite) is replaced. */
    public void commit() {
        boolean copyUp = isUri(shown);
        org.apache.hadoop.fs.Path staged = copyUp
                ? new org.apache.hadoop.fs.Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID())
                : hadoopPath(staging);
        try {
            checkExisting(option, shown, fs, target, job, overwrite);
            if (copyUp) {
                fs.copyFromLocalFile(false, false, hadoopPath(staging), staged);
            }
            org.apache.hadoop.fs.Path old = null;
            if (fs.exists(target)) {
                old = new org.apache.hadoop.fs.Path(target.getParent(), "." + target.getName() + ".old-" + UUID.randomUUID());
                rename(target, old);
            }
            rename(staged, target);
            committed = true;
            if (old != null) {
                fs.delete(old, true);
            }
        } catch (IOException e) {
            throw cannot(option, shown, "cannot move results into place", e);
        } finally {
            if (copyUp) {
                deleteTree(staging);
                if (!committed) {
                    deleteQuietly(staged);
                }
            }
        }
    }

    private void rename(org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("rename " + from + " -> " + to + " failed");
        }
    }

    @Override
    public void close() {
        if (!committed) {
            deleteTree(staging);
        }
        lock.release();
    }

    private void deleteQuietly(org.apache.hadoop.fs.Path path) {
        try {
            fs.delete(path, true);
        } catch (IOException e) {
            System.err.println("warning: could not remove " + path + ": " + e.getMessage());
        }
    }

    /** A local path as a Hadoop path (not through Path(URI), which keeps the '/' a directory's URI ends in). */
    private static org.apache.hadoop.fs.Path hadoopPath(Path local) {
        return new org.apache.hadoop.fs.Path("file", null, local.toString());
    }

    /** Whether {@code location} is a URI with a scheme (of two characters or more: a Windows drive letter stays a path). */
    public static boolean isUri(String location) {
        return URI_SCHEME.matcher(location).matches();
    }

    /** A plain path (absolute, normalized), a {@code file:} URI as a path, or null for another scheme. */
    static Path localPath(String location) {
        if (!isUri(location)) {
            return Path.of(location).toAbsolutePath().normalize();
        }
        java.net.URI uri = java.net.URI.create(location);
        return "file".equalsIgnoreCase(uri.getScheme()) ? Path.of(uri).toAbsolutePath().normalize() : null;
    }

    /**
     * Hadoop's raw local file system for a plain path (no .crc files), else the URI's, configured as
     * Spark configures it: spark.hadoop.* settings from spark-submit (system properties) and --spark.
     */
    private static FileSystem fileSystem(String option, String location, boolean uri, Map<String, String> settings) {
        Configuration conf = new Configuration();
        Map<String, String> all = new java.util.LinkedHashMap<>();
        System.getProperties().forEach((key, value) -> all.put(String.valueOf(key), String.valueOf(value)));
        all.putAll(settings);
        all.forEach((key, value) -> {
            if (key.startsWith("spark.hadoop.")) {
                conf.set(key.substring("spark.hadoop.".length()), value);
            }
        });
        try {
            FileSystem fs = uri ? FileSystem.get(java.net.URI.create(location), conf) : FileSystem.getLocal(conf).getRaw();
            fs.setWriteChecksum(false);
            return fs;
        } catch (IOException | RuntimeException e) {
            throw cannot(option, location, "no file system for it", e);
        }
    }

    private static JobFailure cannot(String option, String location, String what, Exception e) {
        return new JobFailure(Failure.CANT_WRITE, option + " " + location + ": " + what + " ("
                + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")", e);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("warning: could not remove " + root + ": " + e.getMessage());
        }
    }

    /**
     * {@code .NAME.lock} beside the output, created atomically and holding {@code pid@host}. A lock
     * whose process is gone on this host is stale and taken over (with a note).
     */
    static final class OutputLock {
        private final FileSystem fs;
        private final org.apache.hadoop.fs.Path file;
        private boolean released;

        private OutputLock(FileSystem fs, org.apache.hadoop.fs.Path file) {
            this.fs = fs;
            this.file = file;
        }

        static OutputLock take(String option, String location, FileSystem fs, org.apache.hadoop.fs.Path parent, String name) {
            org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(parent, "." + name + ".lock");
            String me = ProcessHandle.current().pid() + "@" + host();
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    createExclusively(fs, file, me);
                    return new OutputLock(fs, file);
                } catch (FileAlreadyExistsException | org.apache.hadoop.fs.FileAlreadyExistsException e) {
                    String holder = read(fs, file);
                    if (attempt == 0 && isStale(holder)) {
                        System.err.println("note: " + option + " " + location + ": taking over the stale lock " + file
                                + " of " + holder + " (no such process)");
                        try {
                            fs.delete(file, false);
                        } catch (IOException ignored) {
                            // the retry reports the lock
                        }
                        continue;
                    }
                    throw new JobFailure(Failure.CANT_WRITE, option + " " + location + ": another run (" + holder
                            + ") is writing it; lock " + file);
                } catch (IOException | RuntimeException e) {
                    throw cannot(option, location, "cannot create the lock " + file, e);
                }
            }
            throw new JobFailure(Failure.CANT_WRITE, option + " " + location + ": cannot take the lock " + file);
        }

        /** O_EXCL on a local file system; create without overwrite elsewhere (atomic on HDFS). */
        private static void createExclusively(FileSystem fs, org.apache.hadoop.fs.Path file, String content) throws IOException {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if ("file".equals(fs.getUri().getScheme())) {
                Files.write(Files.createFile(Path.of(file.toUri())), bytes);
                return;
            }
            try (OutputStream out = fs.create(file, false)) {
                out.write(bytes);
            }
        }

        private static String read(FileSystem fs, org.apache.hadoop.fs.Path file) {
            try (InputStream in = fs.open(file)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                return "unknown";
            }
        }

        private static boolean isStale(String holder) {
            int at = holder.indexOf('@');
            if (at < 0 || !holder.substring(at + 1).equals(host())) {
                return false;
            }
            try {
                long pid = Long.parseLong(holder.substring(0, at));
                return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static String host() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "localhost";
            }
        }

        void release() {
            if (released) {
                return;
            }
            released = true;
            try {
                fs.delete(file, false);
            } catch (IOException e) {
                System.err.println("warning: could not remove the lock " + file + ": " + e.getMessage());
            }
        }
    }
}
