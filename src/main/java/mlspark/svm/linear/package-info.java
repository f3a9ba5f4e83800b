/**
 * The linear SVM by its dual, with the bias as a constant feature (LIBLINEAR's {@code -s 3 -B B}
 * problem): the problem, its primal and dual objectives and their gap after a round
 * ({@link mlspark.svm.primal.DualRound}), one partition's CoCoA+ local solver (dual coordinate
 * ascent, Hsieh et al. 2008, scaled by sigma'), the per-partition sums a round adds up, and the
 * search of the intercepts apart from the multipliers where the bias feature stalls the rounds.
 */
package mlspark.svm.linear;
