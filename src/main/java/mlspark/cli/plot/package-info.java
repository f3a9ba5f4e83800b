/**
 * The jobs' PNG plots: the primal objective, decision boundaries, the net's curves.
 */
package mlspark.cli.plot;
