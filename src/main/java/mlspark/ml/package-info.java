/**
 * The library and the only front door to the algorithms: Spark ML estimators and models with validated
 * Params ({@link mlspark.ml.ParamRules}), training summaries and persistence.
 */
package mlspark.ml;
