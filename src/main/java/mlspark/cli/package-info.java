/**
 * The command line, above the library: {@code Main}, the option mixins, options as Params
 * ({@link mlspark.cli.ParamOptions}), defaults, Spark setup, exit codes ({@link mlspark.cli.Failure},
 * {@link mlspark.cli.JobFailure}) and the mapping of the domain exceptions onto them.
 */
package mlspark.cli;
