package mlspark.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mlspark.data.SampleBlock;

class CanonicalTreeSumTest {
    /** A partial sum of doubles whose rounding depends on association. */
    static final class Partial implements BlockAggregator<Partial> {
        double[] sum;
        long count = 1;

        Partial(double... values) {
            sum = values.clone();
        }

        @Override
        public Partial add(SampleBlock block) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Partial merge(Partial other) {
            for (int j = 0; j < sum.length; j++) {
                sum[j] += other.sum[j];
            }
            count += other.count;
            return this;
        }

        @Override
        public double loss() {
            return sum[0];
        }

        @Override
        public double[] gradient() {
            return sum;
        }

        @Override
        public long count() {
            return count;
        }
    }

    /** The same partials arriving in any order, grouped into any sub-trees, give the same bits. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 8, 13, 64, 100})
    void resultIsBitwiseIndependentOfArrivalOrder(int partitions) {
        Random random = new Random(partitions);
        double[][] values = new double[partitions][3];
        for (double[] v : values) {
            for (int j = 0; j < v.length; j++) {
                v[j] = Math.pow(10, random.nextInt(16) - 8) * random.nextGaussian();
            }
        }
        double[] reference = null;
        for (int trial = 0; trial < 30; trial++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            // split the arrivals among a few combiners, as treeAggregate's levels would
            List<CanonicalTreeSum<Partial>> combiners = new ArrayList<>();
            for (int c = 0; c < 1 + random.nextInt(4); c++) {
                combiners.add(new CanonicalTreeSum<>(partitions));
            }
            for (int i : order) {
                combiners.get(random.nextInt(combiners.size())).add(i, new Partial(values[i]));
            }
            Collections.shuffle(combiners, random);
            CanonicalTreeSum<Partial> total = new CanonicalTreeSum<>(partitions);
            combiners.forEach(total::merge);
            Partial sum = total.total();
            assertEquals(partitions, sum.count());
            if (reference == null) {
                reference = sum.sum.clone();
                double[] plain = new double[3];
                for (double[] v : values) {
                    for (int j = 0; j < 3; j++) {
                        plain[j] += v[j];
                    }
                }
                assertArrayEquals(plain, reference, 1e-12 * Math.max(1, Math.abs(plain[0])) + 1e-7);
            } else {
                assertArrayEquals(reference, sum.sum, 0.0, "trial " + trial);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5})
    void aMissingPartitionIsAnError(int partitions) {
        CanonicalTreeSum<Partial> tree = new CanonicalTreeSum<Partial>(partitions).add(0, new Partial(1));
        assertThrows(IllegalStateException.class, tree::total);
    }
}
