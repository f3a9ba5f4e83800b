package mlspark.cli.jobs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.Transformer;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.Failure;
import mlspark.cli.JobFailure;
import mlspark.cli.output.Json;
import mlspark.ml.KernelSvmModel;
import mlspark.ml.PrimalSvmModel;
import mlspark.ml.TwoLayerNetModel;

/**
 * A model directory as Spark ML writes it ({@code DIR/metadata/part-*}, a JSON line whose
 * {@code class} names the model's class, whose {@code load(path)} reads it back), read without
 * Spark through the Hadoop FileSystem of its URI, so any Hadoop path works. A
 * {@code PipelineModel}'s stages are {@code DIR/stages/NN_uid/}, in the order of their numbers.
 *
 * @param kind   the kind of model of ours it is or ends with (a pipeline), or null for another class
 * @param stages the classes of a pipeline's stages (empty for a single model)
 * @param classIndices whether the model classifies class indices 0..K-1 (the net, a one-vs-one kernel SVM), not
 *                     two classes of labels -1/+1 or 0/1
 */
record SavedModel(String dir, String className, ModelKind kind, List<String> stages, boolean classIndices) {
    static final String PIPELINE_MODEL = "org.apache.spark.ml.PipelineModel";

    /** The library's models the training jobs save, by the job that saves them, with the model's loader. */
    enum ModelKind {
        PRIMAL_SVM("primal-svm", PrimalSvmModel.class, PrimalSvmModel::load),
        DUAL_SVM("dual-svm", KernelSvmModel.class, KernelSvmModel::load),
        TWO_LAYER_NET("two-layer-net", TwoLayerNetModel.class, TwoLayerNetModel::load);

        final String job;
        final String className;
        private final Function<String, Transformer> loader;

        ModelKind(String job, Class<? extends Transformer> model, Function<String, Transformer> loader) {
            this.job = job;
            this.className = model.getName();
            this.loader = loader;
        }

        /** The model saved in {@code dir}, read by its class's reader. */
        Transformer load(String dir) {
            return loader.apply(dir);
        }

        static ModelKind ofClass(String name) {
            return Arrays.stream(values()).filter(k -> k.className.equals(name)).findFirst().orElse(null);
        }

        static ModelKind ofJob(String job) {
            return Arrays.stream(values()).filter(k -> k.job.equals(job)).findFirst().orElse(null);
        }

        String simpleName() {
            return className.substring(className.lastIndexOf('.') + 1);
        }

        /**
         * Whether the model saved in {@code modelDir} classifies class indices 0..K-1: the net always, a kernel SVM
         * when it is one-vs-one; the others classify -1/+1 (0/1) labels.
         */
        boolean classIndices(FileSystem fs, Path modelDir) throws IOException {
            return this == TWO_LAYER_NET || (this == DUAL_SVM && fs.exists(new Path(modelDir, KernelSvmModel.ONE_VS_ONE)));
        }
    }

    /** Reads the metadata of the model in {@code dir}; 66 when there is no directory, 65 when it is not a Spark ML model. */
    static SavedModel inspect(String dir) {
        Path root = new Path(dir);
        FileSystem fs;
        try {
            fs = root.getFileSystem(new Configuration());
            if (!fs.getFileStatus(root).isDirectory()) {
                throw new JobFailure(Failure.NO_INPUT, dir + ": is a file; expected a model directory");
            }
        } catch (FileNotFoundException e) {
            throw new JobFailure(Failure.NO_INPUT, dir + ": no such model directory");
        } catch (IOException e) {
            throw new JobFailure(Failure.NO_INPUT, dir + ": cannot be read: " + e.getMessage());
        }
        String className = modelClass(fs, root, dir);
        List<String> stages = new ArrayList<>();
        ModelKind kind = ModelKind.ofClass(className);
        Path modelDir = root;
        if (className.equals(PIPELINE_MODEL)) {
            Path stagesDir = new Path(root, "stages");
            try {
                FileStatus[] children = fs.listStatus(stagesDir);
                Arrays.sort(children, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
                for (FileStatus child : children) {
                    String stage = modelClass(fs, child.getPath(), dir + "/stages/" + child.getPath().getName());
                    stages.add(stage);
                    if (ModelKind.ofClass(stage) != null) {
                        kind = ModelKind.ofClass(stage);
                        modelDir = child.getPath();
                    }
                }
            } catch (IOException e) {
                throw JobFailure.badFormat(java.nio.file.Path.of(dir), "stages", "missing or unreadable: " + e.getMessage());
            }
        }
        boolean classIndices;
        try {
            classIndices = kind != null && kind.classIndices(fs, modelDir);
        } catch (IOException e) {
            throw JobFailure.badFormat(java.nio.file.Path.of(dir), "data", "unreadable: " + e.getMessage());
        }
        return new SavedModel(dir, className, kind, List.copyOf(stages), classIndices);
    }

    /** What the model is, for messages: "a PrimalSvmModel (primal-svm)", "a PipelineModel ending with ...". */
    String describe() {
        String own = kind == null ? className : kind.simpleName() + " (" + kind.job + ")";
        return className.equals(PIPELINE_MODEL) ? "a PipelineModel of " + (kind == null ? stages : own) : "a " + own;
    }

    private static String modelClass(FileSystem fs, Path modelDir, String shown) {
        java.nio.file.Path name = java.nio.file.Path.of(shown);
        Path metadata = new Path(modelDir, "metadata");
        FileStatus part;
        try {
            part = Arrays.stream(fs.listStatus(metadata)).filter(s -> s.getPath().getName().startsWith("part-"))
                    .filter(s -> s.getLen() > 0).findFirst().orElse(null);
        } catch (FileNotFoundException e) {
            throw JobFailure.badFormat(name, "metadata", "missing (not a saved Spark ML model)");
        } catch (IOException e) {
            throw JobFailure.badFormat(name, "metadata", "unreadable: " + e.getMessage());
        }
        if (part == null) {
            throw JobFailure.badFormat(name, "metadata", "no part file (not a saved Spark ML model)");
        }
        JsonNode json;
        try (InputStream in = fs.open(part.getPath())) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            json = Json.mapper().readTree(text);
        } catch (IOException e) {
            throw JobFailure.badFormat(name, "metadata", "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode cls = json == null ? null : json.get("class");
        if (cls == null || !cls.isTextual()) {
            throw JobFailure.badFormat(name, "metadata", "no \"class\" field (not a saved Spark ML model)");
        }
        if (ModelKind.ofClass(cls.asText()) != null) {
            try {
                if (!fs.exists(new Path(modelDir, "data"))) {
                    throw JobFailure.badFormat(name, "data", "missing (the Parquet files of the model's parameters)");
                }
            } catch (IOException e) {
                throw JobFailure.badFormat(name, "data", "unreadable: " + e.getMessage());
            }
        }
        return cls.asText();
    }
}
