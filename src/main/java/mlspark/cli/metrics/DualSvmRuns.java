package mlspark.cli.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.spark.sql.SparkSession;

import mlspark.data.TrainTest;
import mlspark.cli.output.Json;
import mlspark.ml.KernelSvmClassifier;
import mlspark.ml.KernelSvmExperiments;
import mlspark.ml.KernelSvmExperiments.Evaluation;
import mlspark.cli.plot.DecisionBoundaryPlot;

/**
 * What {@code dual-svm} computes and writes, for the job and the reproduction alike: one model with
 * its decision boundary, or the assignment's two tables (toy sets x kernels) with theirs.
 */
public final class DualSvmRuns {
    private DualSvmRuns() {
    }

    /**
     * {@link KernelSvmExperiments#evaluate} of {@code svm} on {@code set}; for 2-D data the decision
     * boundary on a {@code grid} x {@code grid} plot, decision_boundary.png in {@code dir}.
     */
    public static Evaluation one(SparkSession spark, TrainTest set, KernelSvmClassifier svm, int grid, int partitions,
                                 Consumer<String> log, Path dir) {
        boolean plot = set.train().dimension() == 2;
        DecisionBoundaryPlot.Grid plotGrid = plot ? DecisionBoundaryPlot.Grid.around(set, grid) : null;
        Evaluation e = KernelSvmExperiments.evaluate(spark, set, svm, plot ? plotGrid.points() : new double[0][],
                partitions, log);
        if (plot) {
            DecisionBoundaryPlot.save(List.of(panel(e, plotGrid, String.format("%s, %s: test accuracy %.3f (train %.3f)",
                    set.name(), e.kernel().describe(), e.testAccuracy(), e.trainAccuracy()))), 1, 640, 560,
                    dir.resolve("decision_boundary.png"));
        } else {
            log.accept("no decision-boundary plot: the data has " + set.train().dimension() + " features, not 2");
        }
        return e;
    }

    /**
     * The tables of the assignment's model (solved as {@code assignment}'s Params say) and of
     * scikit-learn's defaults on {@code sets}, each in its directory under {@code dir}: table.md (also
     * given to {@code show}), table.json and decision_boundaries.png.
     */
    public static DualSvmMetrics.Tables tables(SparkSession spark, List<TrainTest> sets, KernelSvmClassifier assignment,
                                               int grid, int partitions, Consumer<String> log, Consumer<String> show,
                                               Path dir) {
        List<DualSvmMetrics.Table> tables = new ArrayList<>();
        List<DualSvmMetrics.Run> runs = new ArrayList<>();
        for (KernelSvmExperiments.Setting setting : List.of(KernelSvmExperiments.assignment(assignment),
                KernelSvmExperiments.sklearn())) {
            KernelSvmExperiments.Table table = KernelSvmExperiments.table(spark, sets, setting,
                    set -> DecisionBoundaryPlot.Grid.around(set, grid).points(), partitions, log);
            List<DecisionBoundaryPlot.Panel> panels = new ArrayList<>();
            for (Evaluation e : table.runs()) {
                panels.add(panel(e, DecisionBoundaryPlot.Grid.around(e.set(), grid), String.format(
                        "%s / %s: test acc %.3f", e.set().name(), e.model().resolvedKernel().name(), e.testAccuracy())));
                runs.add(DualSvmMetrics.Run.of(setting.name(), e, null));
            }
            Path settingDir = dir.resolve(setting.name());
            String markdown = markdown(table);
            try {
                Files.createDirectories(settingDir);
                Files.writeString(settingDir.resolve("table.md"), markdown);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            Json.write(settingDir.resolve("table.json"), table.accuracy());
            DecisionBoundaryPlot.save(panels, KernelSvmExperiments.TABLE_KERNELS.size(), 420, 400,
                    settingDir.resolve("decision_boundaries.png"));
            show.accept(markdown);
            tables.add(DualSvmMetrics.Table.of(table));
        }
        return new DualSvmMetrics.Tables(tables.get(0), tables.get(1), runs);
    }

    private static DecisionBoundaryPlot.Panel panel(Evaluation e, DecisionBoundaryPlot.Grid grid, String title) {
        return new DecisionBoundaryPlot.Panel(title, grid, e.extraDecision(), e.set().train(), e.set().test(),
                e.model().svm().supportIndices());
    }

    private static String markdown(KernelSvmExperiments.Table table) {
        List<String> kernels = KernelSvmExperiments.TABLE_KERNELS;
        StringBuilder md = new StringBuilder("Test accuracy, " + table.setting().description() + ".\n\n| data set |");
        kernels.forEach(k -> md.append(' ').append(k).append(" |"));
        md.append("\n|---|");
        kernels.forEach(k -> md.append("---:|"));
        md.append('\n');
        table.accuracy().forEach((name, row) -> {
            md.append("| ").append(name).append(" |");
            kernels.forEach(k -> md.append(String.format(" %.3f |", row.get(k))));
            md.append('\n');
        });
        return md.toString();
    }
}
