package mlspark.cli;

import org.apache.spark.ml.param.Params;

/**
 * A job whose model options are the Params of a library estimator: option {@code --foo-bar} is the
 * Param {@code fooBar}, with the Param's default, validation and documentation ({@link ParamOptions}).
 */
public interface ParamsJob {
    /** The estimator whose Params this job's options set; the same instance for the life of the job. */
    Params params();
}
