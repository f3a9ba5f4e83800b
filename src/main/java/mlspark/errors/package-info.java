/**
 * Domain exceptions with no exit code: bad input ({@link mlspark.errors.InputException}: which source,
 * line or field, what was expected), bad Params ({@link mlspark.errors.InvalidParameterException}),
 * failed training; their messages name Params, which a front end may respell.
 */
package mlspark.errors;
