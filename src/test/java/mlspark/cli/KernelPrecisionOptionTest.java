package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import mlspark.cli.jobs.DualSvmJob;
import mlspark.errors.InvalidParameterException;
import mlspark.ml.KernelSvmClassifier;

/** The Param kernelPrecision of {@link KernelSvmClassifier}: its default, its validation, and dual-svm's option. */
class KernelPrecisionOptionTest {
    @Test
    void float64ByDefaultAndAnotherValueIsRejectedByName() {
        assertEquals("float64", new KernelSvmClassifier().getKernelPrecision());
        assertEquals("float32", new KernelSvmClassifier().setKernelPrecision("float32").getKernelPrecision());
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> new KernelSvmClassifier().setKernelPrecision("float16"));
        assertEquals("kernelPrecision", e.parameter());
    }

    @Test
    void dualSvmsOptionSetsTheParam() {
        for (String value : new String[]{"float32", "float64"}) {
            CommandLine cli = Main.commandLine();
            cli.parseArgs("dual-svm", "--out", "unused", "--kernel-precision", value);
            CommandLine job = cli.getSubcommands().get("dual-svm");
            KernelSvmClassifier svm = (KernelSvmClassifier) ((DualSvmJob) job.getCommand()).params();
            ParamOptions.apply(job.getCommandSpec(), svm);
            assertEquals(value, svm.getKernelPrecision());
        }
    }
}
