package mlspark.reproduce;

import java.util.List;

/**
 * One piece of the assignment the reproduce job re-runs: a job with its arguments, writing into
 * the subdirectory {@code name} of the report, and the data files (relative to the data
 * directory; a directory stands for every file under it) it must leave unchanged.
 */
public record Part(String name, String title, String job, List<String> args, List<String> inputs) {
}
