package mlspark.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the developers' guide, checked on the compiled classes: what each class refers to
 * is read from its constant pool (class entries and the type descriptors of fields, methods and
 * signatures), so imports, fully qualified names and lambdas all count.
 */
class ArchitectureTest {
    private static final List<String> MATH = List.of("mlspark/kernel/", "mlspark/svm/", "mlspark/nn/", "mlspark/linalg/",
            "mlspark/optim/");
    /** The distributed layer: readers of data into RDDs, distributed computation, trainers. */
    private static final List<String> DISTRIBUTED = List.of("mlspark/sources/", "mlspark/distributed/", "mlspark/training/");
    private static final String LIBRARY = "mlspark/ml/";
    private static final String SPARK = "org/apache/spark/";
    private static final String PICOCLI = "picocli/";
    /** The command-line application: Main, options, jobs, output rules, metrics, plots, the reproduction. */
    private static final String CLI = "mlspark/cli/";
    private static final String JOBS = "mlspark/cli/jobs/";
    private static final String MAIN = "mlspark/cli/Main";
    /** The benchmarks (source set src/bench) and LIBSVM, their baseline. */
    private static final String BENCH = "mlspark/bench/";
    private static final String LIBSVM = "libsvm/";

    /** Internal class name (mlspark/cli/jobs/SparkJob) to the classes it refers to. */
    private static Map<String, Set<String>> references;

    @BeforeAll
    static void readClasses() throws Exception {
        Path root = Path.of(mlspark.cli.Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        references = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("mlspark"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/').replaceFirst("\\.class$", "");
                try (InputStream in = Files.newInputStream(file)) {
                    references.put(name, referencedClasses(in));
                }
            }
        }
    }

    @Test
    void theScannerSeesWhatIsThere() {
        assertTrue(references.size() > 100, references.size() + " classes");
        assertTrue(references.get("mlspark/cli/jobs/SparkJob").stream().anyMatch(c -> c.startsWith(PICOCLI)));
        assertTrue(references.get("mlspark/training/PrimalSvmTrainer").contains("org/apache/spark/api/java/JavaRDD"));
        assertTrue(references.get("mlspark/cli/Main").contains("mlspark/cli/jobs/ReproduceJob"));
    }

    @Test
    void onlyTheCommandLineUsesMain() {
        assertEquals(List.of(), violations(c -> !c.startsWith(CLI), MAIN));
    }

    @Test
    void nothingBelowTheCommandLineUsesItOrItsExitCodes() {
        // exit codes (cli/Failure, cli/JobFailure), flag names and picocli live in the command line only
        assertEquals(List.of(), violations(c -> !c.startsWith(CLI), CLI, PICOCLI));
    }

    @Test
    void theBenchmarksAndTheirBaselinesAreNotInTheApplication() {
        // src/bench is a source set of its own; Main reaches the bench job through ServiceLoader only
        assertEquals(List.of(), references.keySet().stream().filter(c -> c.startsWith(BENCH)).toList());
        assertEquals(List.of(), violations(c -> true, BENCH, LIBSVM));
    }

    @Test
    void mathPackagesHaveNoSparkAndNothingAboveThem() {
        List<String> forbidden = new ArrayList<>(List.of(SPARK, PICOCLI, CLI, LIBRARY));
        forbidden.addAll(DISTRIBUTED);
        assertEquals(List.of(), violations(c -> MATH.stream().anyMatch(c::startsWith), forbidden.toArray(String[]::new)));
    }

    @Test
    void dataReadersOnTheDriverHaveNoSpark() {
        assertEquals(List.of(), violations(c -> c.startsWith("mlspark/data/") || c.startsWith("mlspark/mnist/")
                || c.startsWith("mlspark/errors/"), SPARK, LIBRARY, "mlspark/sources/", "mlspark/distributed/",
                "mlspark/training/"));
    }

    @Test
    void theDistributedLayerIsBelowTheLibrary() {
        assertEquals(List.of(), violations(c -> DISTRIBUTED.stream().anyMatch(c::startsWith), LIBRARY, CLI, PICOCLI));
        assertEquals(List.of(), violations(c -> c.startsWith("mlspark/sources/") || c.startsWith("mlspark/distributed/"),
                "mlspark/training/"));
    }

    @Test
    void theJobsRunOnTheLibrary() {
        // a job translates options into an estimator's Params and fits it; it builds no trainer or solver
        assertEquals(List.of(), violations(c -> c.startsWith(JOBS), "mlspark/training/", "mlspark/nn/Solver",
                "mlspark/svm/dual/SmoSolver", "mlspark/svm/dual/WorkingSetSmoSolver", "mlspark/svm/dual/InteriorPointSolver",
                "mlspark/optim/GradientDescent", "mlspark/optim/Lbfgs"));
    }

    @Test
    void theReproductionUsesNoJob() {
        // jobs.ReproduceJob calls the reproduction: what both need lives in the library, metrics or output
        assertEquals(List.of(), violations(c -> c.startsWith("mlspark/cli/reproduce/"), JOBS));
    }

    /** "class -> referenced class" for each class {@code of} selects that refers to a class under one of {@code forbidden}. */
    private static List<String> violations(java.util.function.Predicate<String> of, String... forbidden) {
        List<String> out = new ArrayList<>();
        references.forEach((name, refs) -> {
            if (of.test(name)) {
                for (String ref : refs) {
                    for (String f : forbidden) {
                        // a package (ending in /) and everything under it, or a class and its nested classes
                        if (f.endsWith("/") ? ref.startsWith(f) : ref.equals(f) || ref.startsWith(f + "$")) {
                            out.add(name + " -> " + ref);
                        }
                    }
                }
            }
        });
        return out;
    }

    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+)[;<]");

    /** The classes a class file refers to: its CONSTANT_Class entries and the classes in its descriptors and signatures. */
    static Set<String> referencedClasses(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classNameIndices = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndices.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("constant pool tag " + tag);
            }
        }
        Set<String> out = new TreeSet<>();
        for (int index : classNameIndices) {
            String name = utf8[index];
            Matcher array = DESCRIPTOR_CLASS.matcher(name);
            if (name.startsWith("[")) {
                while (array.find()) {
                    out.add(array.group(1));
                }
            } else {
                out.add(name);
            }
        }
        for (String s : utf8) {
            if (s != null && (s.startsWith("(") || s.startsWith("L") || s.startsWith("<") || s.startsWith("["))) {
                Matcher m = DESCRIPTOR_CLASS.matcher(s);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }
}
