package mlspark.cli;

/**
 * A job that ships outside the application jar (the benchmarks, source set src/bench): a picocli
 * {@code @Command} with a public no-argument constructor, listed in
 * {@code META-INF/services/mlspark.cli.OptionalJob}. {@link Main} adds every one that
 * {@link java.util.ServiceLoader} finds on the classpath as a subcommand.
 */
public interface OptionalJob {
}
