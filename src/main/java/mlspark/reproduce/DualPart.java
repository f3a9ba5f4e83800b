package mlspark.reproduce;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import mlspark.data.BinaryDataSets;
import mlspark.data.TrainTest;
import mlspark.ml.KernelSvmClassifier;
import mlspark.ml.KernelSvmModel;
import mlspark.ml.KernelSvmTrainingSummary;
import mlspark.plot.DecisionBoundaryPlot;
import mlspark.spark.DistributedGram;
import mlspark.spark.SampleBlocks;

/**
 * Q3 and Q4 in the dual: {@link KernelSvmClassifier}s fitted on the toy sets, evaluated (with the
 * plots' grids) by Spark; one model with its decision boundary, or the assignment's two tables of
 * test accuracy, toy sets x kernels.
 */
public final class DualPart {
    /** The kernels of the tables, in their column order. */
    static final List<String> TABLE_KERNELS = List.of("linear", "poly", "sigmoid", "rbf");
    /** Plot grid points per axis. */
    private static final int GRID = 200;

    /** One fitted model and how it does. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Fit(String setting, String data, String kernel, String kernelFormula, double testAccuracy,
                      double trainAccuracy, int nSupport, double b, double dualObjective, String solver, int iterations,
                      double kktResidual, String solverStatus, double seconds) {
    }

    /** A table's model: how it was set, and test accuracy by data set and kernel. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Table(String description, String solver, String biasRule, double svThreshold,
                       Map<String, Map<String, Double>> table) {
    }

    /** The assignment's table and scikit-learn's, and every model of both (assignment's first). */
    public record Tables(Table assignment, Table sklearn, List<Fit> runs) {
    }

    /** A fit with h on its plot's grid and its support vectors. */
    private record Evaluated(Fit fit, TrainTest set, DecisionBoundaryPlot.Grid grid, double[] h, int[] support) {
        DecisionBoundaryPlot.Panel panel(String title) {
            return new DecisionBoundaryPlot.Panel(title, grid, h, set.train(), set.test(), support);
        }
    }

    private DualPart() {
    }

    /** {@code svm} fitted on the named set, with its decision boundary. */
    public static Fit one(String dataName, KernelSvmClassifier svm, Context context, Path dir) {
        TrainTest set = BinaryDataSets.load(dataName, null, context.dataDir(), context.log());
        Evaluated e = fit("single", set, svm, context);
        Fit fit = e.fit();
        DecisionBoundaryPlot.save(List.of(e.panel(String.format("%s, %s: test accuracy %.3f (train %.3f)", set.name(),
                fit.kernelFormula(), fit.testAccuracy(), fit.trainAccuracy()))), 1, 640, 560,
                dir.resolve("decision_boundary.png"));
        return fit;
    }

    /**
     * The assignment's model (C = 1, gamma = 0.2, degree 3, coef0 0; interior point, the assignment's
     * bias rule, support vectors a > 1e-4) and scikit-learn SVC's defaults (gamma = scale; SMO with
     * tol 1e-3, LIBSVM's bias, support vectors a > 0) on the four toy sets with the four kernels.
     */
    public static Tables tables(Context context, Path dir) {
        List<TrainTest> sets = BinaryDataSets.TOY_SETS.stream()
                .map(name -> BinaryDataSets.load(name, null, context.dataDir(), context.log())).toList();
        List<Fit> runs = new ArrayList<>();
        Table assignment = table("assignment", "the assignment's model", KernelSvmClassifier::new, sets, runs, context,
                dir);
        Table sklearn = table("sklearn", "scikit-learn SVC's defaults, as SVC solves them",
                () -> new KernelSvmClassifier().setGamma("scale").setSolver("smo").setBiasRule("libsvm").setSvThreshold(0),
                sets, runs, context, dir);
        return new Tables(assignment, sklearn, runs);
    }

    private static Table table(String setting, String title, Supplier<KernelSvmClassifier> model, List<TrainTest> sets,
                               List<Fit> runs, Context context, Path dir) {
        Map<String, Map<String, Double>> table = new LinkedHashMap<>();
        List<DecisionBoundaryPlot.Panel> panels = new ArrayList<>();
        KernelSvmClassifier svm = model.get();
        String description = String.format("%s: C=%s, gamma=%s, degree=%d, coef0=%s; solver %s (tol %s), bias rule %s, "
                        + "support vectors a > %s", title, number(svm.getC()), svm.getGamma(), svm.getDegree(),
                number(svm.getCoef0()), svm.getSolver(), number(svm.getTol()), svm.getBiasRule(), number(svm.getSvThreshold()));
        for (TrainTest set : sets) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (String kernel : TABLE_KERNELS) {
                Evaluated e = fit(setting, set, model.get().setKernel(kernel), context);
                Fit fit = e.fit();
                panels.add(e.panel(String.format("%s / %s: test acc %.3f", set.name(), kernel, fit.testAccuracy())));
                row.put(kernel, fit.testAccuracy());
                runs.add(fit);
            }
            table.put(set.name(), row);
        }
        StringBuilder md = new StringBuilder("Test accuracy, " + description + ".\n\n| data set |");
        TABLE_KERNELS.forEach(k -> md.append(' ').append(k).append(" |"));
        md.append("\n|---|");
        TABLE_KERNELS.forEach(k -> md.append("---:|"));
        md.append('\n');
        table.forEach((name, row) -> {
            md.append("| ").append(name).append(" |");
            TABLE_KERNELS.forEach(k -> md.append(String.format(" %.3f |", row.get(k))));
            md.append('\n');
        });
        Path settingDir = dir.resolve(setting);
        try {
            Files.createDirectories(settingDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Report.writeText(settingDir.resolve("table.md"), md.toString());
        DecisionBoundaryPlot.save(panels, TABLE_KERNELS.size(), 420, 400, settingDir.resolve("decision_boundaries.png"));
        return new Table(description, svm.getSolver(), svm.getBiasRule(), svm.getSvThreshold(), table);
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Fits {@code svm} on the training set and evaluates it, in one Spark pass, on the training and
     * test points and the plot's grid.
     */
    private static Evaluated fit(String setting, TrainTest set, KernelSvmClassifier svm, Context context) {
        int partitions = context.partitions(set.train().size());
        KernelSvmModel model = svm.fit(SampleBlocks.rows(context.spark(), set.train(), partitions));
        KernelSvmTrainingSummary summary = model.summary();
        int nTrain = set.train().size();
        int nTest = set.test().size();
        DecisionBoundaryPlot.Grid grid = DecisionBoundaryPlot.Grid.around(set, GRID);
        double[][] gridPoints = grid.points();
        double[][] points = new double[nTrain + nTest + gridPoints.length][];
        System.arraycopy(set.train().x(), 0, points, 0, nTrain);
        System.arraycopy(set.test().x(), 0, points, nTrain, nTest);
        System.arraycopy(gridPoints, 0, points, nTrain + nTest, gridPoints.length);
        double[] h = DistributedGram.decisionValues(context.sc(), model.svm(), points, partitions);
        double trainAccuracy = mlspark.svm.dual.KernelSvmModel.accuracy(Arrays.copyOfRange(h, 0, nTrain), set.train().y());
        double testAccuracy = mlspark.svm.dual.KernelSvmModel.accuracy(Arrays.copyOfRange(h, nTrain, nTrain + nTest),
                set.test().y());
        String formula = model.resolvedKernel().kernel(set.train().x()).describe();
        context.log().accept(String.format("%s %s: %s %d iterations, %d support vectors, test accuracy %.4f", set.name(),
                formula, summary.solver(), summary.totalIterations(), model.numSupportVectors(), testAccuracy));
        return new Evaluated(new Fit(setting, set.name(), svm.getKernel(), formula, testAccuracy, trainAccuracy,
                model.numSupportVectors(), model.intercept(), summary.dualObjective(), summary.solver(),
                summary.totalIterations(), summary.kktResidual(), summary.solverStatus(), summary.seconds()), set, grid,
                Arrays.copyOfRange(h, nTrain + nTest, h.length), model.svm().supportIndices());
    }
}
