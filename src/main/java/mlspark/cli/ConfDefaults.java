package mlspark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults: from {@code conf/defaults.properties}, where the key {@code JOB.OPTION} (for example
 * {@code primal-svm.data}) wins over the key {@code OPTION} shared by all jobs (for example
 * {@code partitions}); else, for an option that sets a Param of the job's estimator, the Param's default
 * ({@link ParamOptions}). The file is {@code -Dmlspark.conf} if set, else {@code conf/defaults.properties}
 * under the project home, else the copy packaged in the application jar. The shipped file holds no
 * model settings: those defaults live in the library's Params alone.
 */
public final class ConfDefaults implements IDefaultValueProvider {
    static final String RESOURCE = "/mlspark/defaults.properties";
    private final Properties properties;
    private final String source;

    private ConfDefaults(Properties properties, String source) {
        this.properties = properties;
        this.source = source;
    }

    public static ConfDefaults load() {
        Properties p = new Properties();
        String explicit = System.getProperty("mlspark.conf");
        Path file = explicit != null ? Path.of(explicit) : Home.get().resolve("conf").resolve("defaults.properties");
        try {
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                }
                return new ConfDefaults(p, file.toString());
            }
            if (explicit != null) {
                throw new mlspark.cli.JobFailure(mlspark.cli.Failure.NO_INPUT,
                        "-Dmlspark.conf=" + explicit + ": no such configuration file");
            }
            try (InputStream in = ConfDefaults.class.getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new ConfDefaults(p, "jar:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public String source() {
        return source;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || arg.command() == null) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        String job = arg.command().name();
        String configured = properties.getProperty(job + "." + name, properties.getProperty(name));
        if (configured == null && arg.command().userObject() instanceof ParamsJob paramsJob) {
            return ParamOptions.defaultValue(paramsJob.params(), option);
        }
        return configured;
    }
}
