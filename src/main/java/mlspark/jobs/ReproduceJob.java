package mlspark.jobs;

import java.io.IOException;
import java.io.PrintWriter;
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
import mlspark.cli.Main;
import mlspark.errors.Failure;
import mlspark.errors.JobFailure;
import mlspark.io.Checksums;
import mlspark.io.Json;
import mlspark.io.OutputDir;
import mlspark.io.Provenance;
import mlspark.reproduce.Check;
import mlspark.reproduce.Expectations;
import mlspark.reproduce.Part;
import mlspark.reproduce.Published;
import mlspark.reproduce.Report;
import mlspark.reproduce.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reproduce}: re-runs the whole assignment, each part as its own job sharing one Spark
 * context, checks every figure against conf/expectations.json and exits with the autograder's
 * codes (see {@link Verdict}). Everything lands in one output directory, renamed into place when
 * complete: report.md, metrics.json, and each part's own output in a subdirectory.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Re-runs the assignment (Q1-Q5), checks the results against the expectations, writes report.md.")
public final class ReproduceJob extends SparkJob {
    /** The assignment, part by part, in report order. */
    static final List<Part> PARTS = List.of(
            new Part("kernels", "Q1: kernels, the constructions that keep them valid, and the Mercer check", "kernels",
                    List.of(), List.of()),
            new Part("primal", "Q2: primal soft-margin SVM by batch gradient descent (C=5, eta=1e-3)", "primal-svm",
                    List.of("--data", "hw3", "--epochs", "1,3,10,30,100"), List.of("hw3/soft_margin_svm_data.npy")),
            new Part("costs-symmetric", "Q3: costs C0 = C1 = 1 (primal, moons)", "primal-svm",
                    List.of("--data", "moons", "--C0", "1", "--C1", "1", "--eta", "1e-2", "--epochs", "200"),
                    List.of("hw3/generated_toy")),
            new Part("costs-asymmetric", "Q3: asymmetric costs C0 = 1, C1 = 10 (primal, moons)", "primal-svm",
                    List.of("--data", "moons", "--C0", "1", "--C1", "10", "--eta", "1e-2", "--epochs", "200"),
                    List.of("hw3/generated_toy")),
            new Part("costs-dual", "Q3: asymmetric costs in the dual, box 0 <= a_i <= C_i (linear kernel, moons)",
                    "dual-svm", List.of("--data", "moons", "--kernel", "linear", "--C0", "1", "--C1", "10", "--bias-rule", "libsvm"),
                    List.of("hw3/generated_toy")),
            new Part("dual", "Q4: kernel SVM dual by quadratic programming, 4 data sets x 4 kernels", "dual-svm",
                    List.of("--all"), List.of("hw3/generated_toy")),
            new Part("nn", "Q5: two-layer net on MNIST, the assignment's solver", "two-layer-net",
                    List.of(), List.of("mnist")));

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
        List<String> names = PARTS.stream().map(Part::name).toList();
        if (only != null) {
            for (String name : only) {
                if (!names.contains(name)) {
                    throw JobFailure.usage("--only", "'" + name + "' is not one of " + names);
                }
            }
        }
        parts = PARTS.stream().filter(p -> only == null || only.contains(p.name())).toList();
        Path file = expectationsFile != null ? expectationsFile : Home.get().resolve("conf/expectations.json");
        checks = Expectations.load(file);
        published = Expectations.published(file);
        provenance.input(file);
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
    protected Map<String, Object> run(JavaSparkContext sc, OutputDir out, Provenance provenance) {
        Report report = new Report("Reproduction of EECS 545 Homework 3 (kernels, SVMs, two-layer net)");
        List<Check.Result> results = new ArrayList<>();
        Map<String, Object> partMetrics = new LinkedHashMap<>();
        Map<String, String> dataChecksums = new TreeMap<>();
        for (Part part : parts) {
            log("part " + part.name() + ": " + part.job() + " " + String.join(" ", part.args()));
            Map<String, String> before = hashes(part);
            dataChecksums.putAll(before);
            Path dir = out.resolve(part.name());
            List<String> args = new ArrayList<>(List.of(part.job(), "--out", dir.toString(),
                    "--data-dir", options.dataDir().toString()));
            args.addAll(part.args());
            int code = Main.run(new PrintWriter(System.err, true), args.toArray(String[]::new));
            JsonNode metrics = Files.isRegularFile(dir.resolve("metrics.json")) ? Json.read(dir.resolve("metrics.json")) : null;
            partMetrics.put(part.name(), metrics);
            Verdict crash = code == 0 ? Verdict.PASS : code == Failure.DIVERGED.exitCode() ? Verdict.DIVERGED : Verdict.CRASHED;
            if (crash != Verdict.PASS) {
                results.add(new Check.Result(new Check(part.name() + ".exit", part.name(), "", null, null, null, null,
                        "the job's exit code"), String.valueOf(code), crash));
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

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("exit_code", exitCode);
        metrics.put("checks", results.stream().map(r -> Map.of("id", r.check().id(), "part", r.check().part(),
                "expected", r.check().describe(), "got", r.got(), "verdict", r.verdict().label())).toList());
        metrics.put("parts", partMetrics);
        metrics.put("data_sha256", dataChecksums);
        report.checks(results);
        report.published(published, partMetrics);
        report.provenance(provenance.finish(), dataChecksums);
        report.write(out.resolve("report.md"));
        return metrics;
    }

    @Override
    protected int exitCode() {
        return exitCode;
    }

    /** SHA-256 of every input file of a part, by path relative to the data directory. */
    private Map<String, String> hashes(Part part) {
        Map<String, String> out = new TreeMap<>();
        Path dataDir = options.dataDir();
        for (String input : part.inputs()) {
            Path path = dataDir.resolve(input);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted()
                            .forEach(f -> out.put(dataDir.relativize(f).toString(), Checksums.sha256(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(path)) {
                out.put(input, Checksums.sha256(path));
            }
        }
        return out;
    }
}
