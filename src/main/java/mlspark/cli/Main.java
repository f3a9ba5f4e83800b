package mlspark.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;

import mlspark.cli.jobs.DualSvmJob;
import mlspark.cli.jobs.KernelsJob;
import mlspark.cli.jobs.PredictJob;
import mlspark.cli.jobs.PrimalSvmJob;
import mlspark.cli.jobs.ReproduceJob;
import mlspark.cli.jobs.TwoLayerNetJob;
import mlspark.linalg.Blas;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of every job: {@code Main JOB [options]}, one picocli subcommand per job, plus the
 * {@link OptionalJob}s on the classpath (bench, when the bench classes are there).
 */
@Command(name = "mlspark", mixinStandardHelpOptions = true, version = "mlspark 0.1.0",
        description = "Kernels, soft-margin SVMs and a two-layer net as Apache Spark jobs.",
        subcommands = {PrimalSvmJob.class, DualSvmJob.class, KernelsJob.class, TwoLayerNetJob.class, PredictJob.class, ReproduceJob.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a job name is required");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a job and returns its exit code (0, or the code of its {@link Failure}). */
    public static int run(String... args) {
        return run(new PrintWriter(System.err, true), args);
    }

    /**
     * The jobs' command line with its defaults ({@link ConfDefaults}, the Params of each job's estimator)
     * and the Params' docs as the help of their options.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // before the settings below, which reach only the subcommands present when they are set
        ServiceLoader.load(OptionalJob.class).forEach(cli::addSubcommand);
        cli.setDefaultValueProvider(ConfDefaults.load());
        ParamOptions.describe(cli);
        return cli;
    }

    /** As {@link #run(String...)}, with error messages going to {@code err}. */
    public static int run(PrintWriter err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        Blas.showLoaderWarnings(verbose);
        CommandLine cli;
        try {
            cli = commandLine();
        } catch (JobFailure e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return e.exitCode();
        }
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName(" ")
                    + " --help')");
            err.flush();
            return Failure.USAGE.exitCode();
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            JobFailure failure = ParameterErrors.jobFailure(e, commandLine.getCommand() instanceof ParameterFlags job
                    ? job.parameterFlags() : Map.of());
            if (failure != null) {
                err.println("error: " + failure.getMessage());
            } else {
                err.println("error: internal: " + e);
            }
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return failure != null ? failure.exitCode() : Failure.INTERNAL.exitCode();
        });
        return cli.execute(args);
    }
}
