package mlspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import mlspark.data.TwoMoons;
import mlspark.distributed.SampleBlocks;
import mlspark.training.CascadeSvmTrainer;
import mlspark.testing.SharedSpark;

/** The progress listener of {@link KernelSvmClassifier} hears the cascade's lines, one per layer and per pass of its summary. */
class KernelSvmProgressTest extends SharedSpark {
    @Test
    void theListenerHearsEachLayerAndPassOfTheCascade() {
        SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
        List<String> lines = new ArrayList<>();
        KernelSvmModel model = new KernelSvmClassifier().setSolver("cascade").setCascadePartitions(4).setGamma(1)
                .setProgressListener(lines::add)
                .fit(SampleBlocks.rows(spark, TwoMoons.generate(600, TwoMoons.NOISE, 5), 2));
        KernelSvmTrainingSummary.Problem problem = model.summary().problem();
        List<String> layers = lines.stream().filter(l -> l.matches("cascade pass \\d+ layer \\d+ .*")).toList();
        List<String> passes = lines.stream().filter(l -> l.matches("cascade pass \\d+: .*")).toList();
        assertEquals(problem.cascadeLayers().size(), layers.size(), String.join("\n", lines));
        for (int i = 0; i < layers.size(); i++) {
            CascadeSvmTrainer.Layer layer = problem.cascadeLayers().get(i);
            assertTrue(layers.get(i).startsWith("cascade pass " + layer.pass() + " layer " + layer.layer() + " ("),
                    layers.get(i));
        }
        assertEquals(problem.cascadePasses().size(), passes.size(), String.join("\n", lines));
        assertTrue(layers.get(0).startsWith("cascade pass 1 layer 1 (executors)"), layers.get(0));
    }
}
