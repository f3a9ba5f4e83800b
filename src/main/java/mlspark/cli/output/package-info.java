/**
 * Output directories and their rules (staged, renamed into place, never over what a job did not
 * write), checkpoints, JSON, PNG and provenance.
 */
package mlspark.cli.output;
