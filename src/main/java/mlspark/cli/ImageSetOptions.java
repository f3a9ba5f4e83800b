package mlspark.cli;

import java.nio.file.Path;
import java.util.function.Consumer;

import mlspark.cli.output.Provenance;
import mlspark.data.DataSpec;
import mlspark.data.TrainTest;
import mlspark.mnist.ImageSet;
import mlspark.mnist.Mnist;
import mlspark.mnist.Normalization;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --normalize} of the jobs that read the named image sets ({@code --data mnist} or
 * {@code --data fashion-mnist}, a picocli mixin), and the rows the SVM jobs take from such a set.
 */
public final class ImageSetOptions {
    @Option(names = "--normalize", paramLabel = "KIND",
            description = "Input pixels: none (0..255), unit (/255, into [0,1]: scikit-learn's MNIST figures), "
                    + "standard (training mean/std) (default: ${DEFAULT-VALUE}).")
    public String normalize;

    @Option(names = "--verify-checksums", negatable = true, fallbackValue = "true",
            description = "Check the image files against their published checksums (MNIST's MD5s, Fashion-MNIST's "
                    + "SHA-256s) (default: ${DEFAULT-VALUE}).")
    public boolean verifyChecksums;

    @Spec(Spec.Target.MIXEE)
    CommandSpec job;

    /** What {@code --normalize} names; anything else is a usage error. */
    public Normalization normalization() {
        Normalization n = Normalization.parse(normalize);
        if (n == null) {
            throw JobFailure.usage("--normalize", "'" + normalize + "' is not one of none, unit, standard");
        }
        return n;
    }

    /**
     * The image set {@code data} names, or null for any other data, with which an explicit
     * {@code --normalize} or {@code --verify-checksums} is a usage error (the SVM jobs scale and
     * check only the image sets).
     */
    public ImageSet imageSet(String data) {
        ImageSet set = ImageSet.named(data);
        for (String option : new String[]{"--normalize", "--verify-checksums"}) {
            if (set == null && job.commandLine().getParseResult().hasMatchedOption(option)) {
                throw JobFailure.usage(option, "applies to --data " + String.join(" or ", DataSpec.IMAGE_SETS)
                        + ", not --data " + data);
            }
        }
        normalization();
        return set;
    }

    /**
     * {@code set}'s 60,000 training and 10,000 test images from the data directory, checksums
     * verified as asked and the four files recorded in {@code provenance}, as the SVM jobs' driver-side rows:
     * pixels scaled by {@code --normalize} fitted on the training images, labels 0..9 (the label
     * files name the rows). {@code test} must be null: the set comes with its test images.
     */
    public TrainTest rows(ImageSet set, String test, Path dataDir, Provenance provenance, Consumer<String> log) {
        if (test != null) {
            throw JobFailure.usage("--test", set.label() + " comes with its test images; drop --test " + test);
        }
        Normalization normalization = normalization();
        Mnist.DataSet data = set.load(dataDir, verifyChecksums);
        data.files().forEach(provenance::input);
        double[] affine = normalization.affine(data.train());
        log.accept(String.format("%s from %s: %d train, %d test, %d pixels; normalize %s (p - %s) * %s", set.title(),
                set.directory(dataDir), data.train().count(), data.test().count(), data.train().dimension(),
                normalization.label(), affine[0], affine[1]));
        return new TrainTest(set.label(), data.train().labeledData(data.files().get(1).toString(), affine[0], affine[1]),
                data.test().labeledData(data.files().get(3).toString(), affine[0], affine[1]));
    }
}
