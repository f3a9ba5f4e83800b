package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.junit.jupiter.api.Test;

import mlspark.errors.InvalidParameterException;
import mlspark.ml.ParamRules;
import mlspark.ml.PrimalSvmClassifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class ParamOptionsTest {
    @Command(name = "toy")
    static final class Toy implements ParamsJob, Runnable {
        final PrimalSvmClassifier estimator = new PrimalSvmClassifier();

        @Option(names = "--C")
        double c;

        @Option(names = {"--step-size", "--eta"})
        double eta;

        @Option(names = "--C0")
        Double c0;

        @Option(names = "--block-kib")
        int blockKib;

        @Override
        public Params params() {
            return estimator;
        }

        @Override
        public void run() {
        }
    }

    private static CommandLine toy(String... args) {
        CommandLine cli = new CommandLine(new Toy());
        cli.setDefaultValueProvider(ConfDefaults.load());
        cli.parseArgs(args);
        return cli;
    }

    @Test
    void optionsStartFromTheParamsDefaultsAndSetTheParams() {
        CommandLine cli = toy("--eta", "0.5");
        Toy job = cli.getCommand();
        assertEquals(new PrimalSvmClassifier().getC(), job.c);
        assertEquals(new PrimalSvmClassifier().getBlockKib(), job.blockKib);
        assertEquals(null, job.c0);
        ParamOptions.apply(cli.getCommandSpec(), job.estimator);
        assertEquals(0.5, job.estimator.getStepSize());
        assertFalse(job.estimator.isSet(job.estimator.C0()), "an option without a value leaves its Param unset");
    }

    @Test
    void errorsNameTheOptionAsTyped() {
        CommandLine typedOld = toy("--eta", "0.5");
        Toy job = typedOld.getCommand();
        assertEquals("--eta", ParamOptions.flags(typedOld.getCommandSpec(), job.estimator).get("stepSize"));
        CommandLine typedNew = toy("--step-size", "0.5");
        assertEquals("--step-size", ParamOptions.flags(typedNew.getCommandSpec(), job.estimator).get("stepSize"));
        CommandLine untyped = toy();
        assertEquals("--step-size", ParamOptions.flags(untyped.getCommandSpec(), job.estimator).get("stepSize"));
        assertEquals("--C", ParamOptions.flags(untyped.getCommandSpec(), job.estimator).get("C"));
    }

    @Test
    void paramNamesFromOptionNames() {
        assertEquals("fooBar", ParamOptions.paramName("--foo-bar"));
        assertEquals("C0", ParamOptions.paramName("--C0"));
        assertEquals("blockKib", ParamOptions.paramName("--block-kib"));
    }

    @Test
    void ruledParamsThrowTheMessagesOfTheCommandLine() {
        DoubleParam c = ParamRules.positive("uid", "C", "cost");
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> c.isValid().apply(0.0));
        assertEquals("C: expected a finite number > 0, got 0.0", e.getMessage());
        assertEquals("C", e.parameter());
        assertThrows(InvalidParameterException.class, () -> c.isValid().apply(Double.POSITIVE_INFINITY));
        assertEquals(true, c.isValid().apply(2.0));
        Param<String> kind = ParamRules.oneOf("uid", "schedule", "doc", "constant", "inverse");
        assertEquals("schedule: 'cosine' is not one of constant, inverse",
                assertThrows(InvalidParameterException.class, () -> kind.isValid().apply("cosine")).getMessage());
        assertEquals("maxIter: expected an integer >= 0, got -3", assertThrows(InvalidParameterException.class,
                () -> ParamRules.atLeast("uid", "maxIter", "doc", 0).isValid().apply(-3)).getMessage());
    }
}
