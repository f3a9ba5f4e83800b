/**
 * One class per job: its options set an estimator's Params, it fits, and writes its outputs from the
 * model and its summary.
 */
package mlspark.cli.jobs;
