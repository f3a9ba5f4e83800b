/**
 * Data on the driver: the {@code --data} specification ({@link mlspark.data.DataSpec}), the one LIBSVM
 * grammar of driver and executors ({@link mlspark.data.LibsvmFormat}), NumPy and CSV readers, the named
 * binary sets, labelled sets, sample and feature blocks and their serialization, checksums. No Spark.
 */
package mlspark.data;
