package mlspark.cli.reproduce;

import java.nio.file.Path;
import java.util.List;

/**
 * One piece of the assignment: what it computes (library calls, writing its plots into the
 * directory {@code name} of the report and returning its figures), the job that computes the same
 * from the command line (shown in the report), and the data files (relative to the data directory;
 * a directory stands for every file under it) it must leave unchanged.
 */
public record Part(String name, String title, String command, List<String> inputs, Experiment experiment) {

    /** The computation of a part. */
    @FunctionalInterface
    public interface Experiment {
        /** Runs, writing plots and tables into {@code dir}; returns the figures (a record written as JSON). */
        Object run(Context context, Path dir);
    }
}
