package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import mlspark.errors.InvalidParameterException;
import mlspark.errors.TrainingFailedException;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.DualSolution;

class ParameterErrorsTest {
    private static final Map<String, String> PRIMAL = Map.of("stepSize", "--eta");

    @Test
    void invalidParametersAreUsageErrorsSpelledAsTheJobsFlags() {
        JobFailure eta = ParameterErrors.jobFailure(new InvalidParameterException("stepSize", "expected a finite number > 0, got 0.0"), PRIMAL);
        assertEquals(Failure.USAGE, eta.failure());
        assertEquals("--eta: expected a finite number > 0, got 0.0", eta.getMessage());
        InvalidParameterException c1 = assertThrows(InvalidParameterException.class, () -> new ClassCosts(1, -2));
        assertEquals("C1", c1.parameter());
        assertEquals("C1: expected a finite number > 0, got -2.0", c1.getMessage());
        assertEquals("--C1: expected a finite number > 0, got -2.0", ParameterErrors.jobFailure(c1, PRIMAL).getMessage());
    }

    @Test
    void aValueQuotedIntoTheMessageIsNotRespelled() {
        JobFailure f = ParameterErrors.jobFailure(new InvalidParameterException("kernel", "'stepSize' is not one of rbf"), PRIMAL);
        assertEquals("--kernel: 'stepSize' is not one of rbf", f.getMessage());
    }

    @Test
    void trainingFailuresKeepTheirExitCodesAndFlags() {
        DualSolution stuck = new DualSolution("smo", new double[0], new double[0], 0, 5, 0, 0.25, false, "iteration limit (5)");
        TrainingFailedException e = assertThrows(TrainingFailedException.class, stuck::requireConverged);
        assertEquals(TrainingFailedException.Kind.NOT_CONVERGED, e.kind());
        assertEquals("solver smo: did not converge: iteration limit (5) after 5 iterations; KKT residual reached 0.250 "
                + "(raise maxIter)", e.getMessage());
        // wrapped as Spark wraps a task's exception
        JobFailure f = ParameterErrors.jobFailure(new RuntimeException("job aborted", e), Map.of("maxIter", "--max-iterations"));
        assertEquals(69, f.exitCode());
        assertEquals("--solver smo: did not converge: iteration limit (5) after 5 iterations; KKT residual reached 0.250 "
                + "(raise --max-iterations)", f.getMessage());
        assertEquals(70, ParameterErrors.jobFailure(new TrainingFailedException(TrainingFailedException.Kind.DIVERGED,
                mlspark.errors.ParameterText.of("diverged")), Map.of()).exitCode());
    }

    @Test
    void anythingElseIsNotAFailureTheUserCanAct() {
        assertNull(ParameterErrors.jobFailure(new IllegalStateException("bug"), Map.of()));
        assertNull(ParameterErrors.jobFailure(new IllegalArgumentException("bug"), Map.of()));
    }

    @Test
    void inputErrorsKeepTheirExitCodesAndSpellTheirParametersAsFlags() {
        Map<mlspark.errors.InputException.Kind, Integer> codes = Map.of(mlspark.errors.InputException.Kind.BAD_FORMAT, 65,
                mlspark.errors.InputException.Kind.NO_INPUT, 66, mlspark.errors.InputException.Kind.BAD_VALUES, 67,
                mlspark.errors.InputException.Kind.CHECKSUM, 68);
        codes.forEach((kind, code) -> {
            mlspark.errors.InputException e = new mlspark.errors.InputException(kind, "a.libsvm", "line 2",
                    mlspark.errors.ParameterText.of("index 9 exceeds the dimension 4 (", "numFeatures", ")"), null);
            assertEquals("a.libsvm: line 2: index 9 exceeds the dimension 4 (numFeatures)", e.getMessage());
            // wrapped as Spark wraps a task's exception
            JobFailure f = ParameterErrors.jobFailure(new RuntimeException("job aborted", e), PRIMAL);
            assertEquals(code, f.exitCode());
            assertEquals("a.libsvm: line 2: index 9 exceeds the dimension 4 (--num-features)", f.getMessage());
        });
        assertEquals("--C1", ParameterErrors.flag("C1", Map.of()));
        assertEquals("--data-dir", ParameterErrors.flag("dataDir", Map.of()));
    }
}
