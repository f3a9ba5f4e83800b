package mlspark.cli.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.spark.api.java.JavaSparkContext;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.Home;
import mlspark.cli.ParameterErrors;
import mlspark.cli.Failure;
import mlspark.cli.JobFailure;
import mlspark.data.Checksums;
import mlspark.cli.output.Json;
import mlspark.cli.output.OutputDir;
import mlspark.cli.output.Provenance;
import mlspark.cli.reproduce.Assignment;
import mlspark.cli.reproduce.Check;
import mlspark.cli.reproduce.Context;
import mlspark.cli.reproduce.Expectations;
import mlspark.cli.reproduce.Part;
import mlspark.cli.reproduce.Published;
import mlspark.cli.reproduce.Report;
import mlspark.cli.reproduce.Verdict;
import mlspark.cli.metrics.ReproduceMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reproduce}: re-runs the whole assignment through the library, each part
 * ({@link Assignment#PARTS}) in the one Spark context, checks every figure against
 * conf/expectations.json and exits with the autograder's codes (see {@link Verdict}). Everything
 * lands in one output directory, renamed into place when complete: report.md, metrics.json, and
 * each part's figures (metrics.json) and plots in a subdirectory.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Re-runs the assignment (Q1-Q5), checks the results against the expectations, writes report.md.")
public final class ReproduceJob extends SparkJob {
    @Option(names = "--only", split = ",", paramLabel = "PART,...",
            description = "Run only these parts (default: all): ${COMPLETION-CANDIDATES}")
    List<String> only;

    @Option(names = "--expectations", paramLabel = "FILE",
            description = "The expected figures (default: conf/expectations.json under the project home).")
    Path expectationsFile;

    @Option(names = "--event-log", paramLabel = "DIR|URI",
            description = "Write Spark event logs there (spark.eventLog.dir), for a Spark history server.")
    String eventLog;

    private List<Part> parts;
    private List<Check> checks;
    private List<Published> published;
    private int exitCode;
    private long passed;
    private long failed;

    @Override
    protected void prepare(Provenance provenance) {
        List<String> names = Assignment.PARTS.stream().map(Part::name).toList();
        if (only != null) {
            for (String name : only) {
                if (!names.contains(name)) {
                    throw JobFailure.usage("--only", "'" + name + "' is not one of " + names);
                }
            }
        }
        parts = Assignment.PARTS.stream().filter(p -> only == null || only.contains(p.name())).toList();
        Path file = expectationsFile != null ? expectationsFile : Home.get().resolve("conf/expectations.json");
        checks = Expectations.load(file);
        published = Expectations.published(file);
        provenance.input(file);
        parts.forEach(part -> inputs(part).forEach(provenance::input));
        if (eventLog != null) {
            options.spark.put("spark.eventLog.enabled", "true");
            options.spark.put("spark.eventLog.dir", eventLogDir(eventLog));
        }
    }

    /** A local event-log directory is created (Spark requires it to exist) and given as a file: URI. */
    private static String eventLogDir(String location) {
        if (OutputDir.isUri(location)) {
            return location;
        }
        Path dir = Path.of(location).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new JobFailure(Failure.CANT_WRITE, "--event-log " + location + ": cannot create the directory ("
                    + e.getMessage() + ")", e);
        }
        return dir.toUri().toString();
    }

    /** The line for schedulers: one JSON object, the last line on stdout. */
    @Override
    protected void ended(int code, double seconds, String output) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("exit_code", code);
        line.put("checks_passed", passed);
        line.put("checks_failed", failed);
        line.put("seconds", Math.round(seconds * 10) / 10.0);
        line.put("report", output == null ? null : output.replaceAll("/+$", "") + "/report.md");
        System.out.println(Json.toLine(line));
        System.out.flush();
    }

    @Override
    protected ReproduceMetrics run(JavaSparkContext sc, OutputDir out, Provenance provenance) {
        Report report = new Report("Reproduction of EECS 545 Homework 3 (kernels, SVMs, two-layer net)");
        List<Check.Result> results = new ArrayList<>();
        Map<String, JsonNode> partMetrics = new LinkedHashMap<>();
        Map<String, String> dataChecksums = new TreeMap<>();
        Context context = new Context(sc, options.dataDir(), options.partitions(), this::log);
        for (Part part : parts) {
            log("part " + part.name() + " (as " + part.command() + ")");
            Map<String, String> before = hashes(part);
            dataChecksums.putAll(before);
            Path dir = out.resolve(part.name());
            JsonNode metrics = null;
            int code = 0;
            try {
                Files.createDirectories(dir);
                Object figures = part.experiment().run(context, dir);
                Json.write(dir.resolve("metrics.json"), figures);
                metrics = Json.mapper().valueToTree(figures);
            } catch (IOException | RuntimeException e) {
                JobFailure failure = ParameterErrors.jobFailure(e, Map.of());
                code = failure != null ? failure.exitCode() : Failure.INTERNAL.exitCode();
                log("part " + part.name() + " failed: " + (failure != null ? failure.getMessage() : "internal: " + e));
                if (options.verbose) {
                    e.printStackTrace();
                }
            }
            partMetrics.put(part.name(), metrics);
            Verdict crash = code == 0 ? Verdict.PASS : code == Failure.DIVERGED.exitCode() ? Verdict.DIVERGED : Verdict.CRASHED;
            if (crash != Verdict.PASS) {
                results.add(new Check.Result(new Check(part.name() + ".exit", part.name(), "", null, null, null, null,
                        "the part's exit code"), String.valueOf(code), crash));
            }
            Map<String, String> after = hashes(part);
            if (!after.equals(before)) {
                results.add(new Check.Result(new Check(part.name() + ".inputs", part.name(), "", null, null, null, null,
                        "SHA-256 of the inputs before and after"), "changed", Verdict.INPUT_MODIFIED));
            }
            for (Check check : checks) {
                if (check.part().equals(part.name())) {
                    results.add(check.evaluate(metrics));
                }
            }
            report.part(part, dir, metrics, code);
        }
        exitCode = results.stream().map(Check.Result::verdict).filter(v -> v != Verdict.PASS).findFirst()
                .map(Verdict::exitCode).orElse(0);
        failed = results.stream().filter(r -> r.verdict() != Verdict.PASS).count();
        passed = results.size() - failed;
        log(passed + " of " + results.size() + " checks hold" + (failed > 0 ? "; exit code " + exitCode : ""));
        for (Check.Result r : results) {
            if (r.verdict() != Verdict.PASS) {
                log("FAILED " + r.check().id() + ": expected " + r.check().describe() + ", got " + r.got()
                        + " (" + r.verdict().label() + ")");
            }
        }

        report.checks(results);
        report.published(published, partMetrics);
        report.provenance(provenance.finish(), dataChecksums);
        report.write(out.resolve("report.md"));
        return new ReproduceMetrics(exitCode, results.stream().map(r -> new ReproduceMetrics.Check(r.check().id(),
                r.check().part(), r.check().describe(), r.got(), r.verdict().label())).toList(), partMetrics, dataChecksums);
    }

    @Override
    protected int exitCode() {
        return exitCode;
    }

    /** SHA-256 of every input file of a part, by path relative to the data directory. */
    private Map<String, String> hashes(Part part) {
        Map<String, String> out = new TreeMap<>();
        Path dataDir = options.dataDir();
        inputs(part).forEach(f -> out.put(dataDir.relativize(f).toString(), Checksums.sha256(f)));
        return out;
    }

    /** The input files of a part: each file it names, every file under each directory it names, sorted. */
    private List<Path> inputs(Part part) {
        List<Path> files = new ArrayList<>();
        for (String input : part.inputs()) {
            Path path = options.dataDir().resolve(input);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            }
        }
        return files;
    }
}
