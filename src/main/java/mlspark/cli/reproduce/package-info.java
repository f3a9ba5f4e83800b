/**
 * The graded reproduction of the assignment: parts, checks, expectations, the report.
 */
package mlspark.cli.reproduce;
