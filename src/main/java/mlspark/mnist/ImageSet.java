package mlspark.mnist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import mlspark.data.Checksums;
import mlspark.data.DataSpec;
import mlspark.errors.InputException;

/**
 * The named image sets shipped as MNIST's four IDX files (28 x 28 grey pixels 0..255, labels
 * 0..9), each in the directory of its name under the data directory, with the checksums their
 * publishers give for the files as distributed (gzipped) and for their contents (the uncompressed
 * files, which submit/fetch-data keeps where a copy was compressed otherwise).
 */
public enum ImageSet {
    /** The canonical MD5s of the original files (torchvision's list) and of their gunzipped contents. */
    MNIST(DataSpec.MNIST, "MNIST", "md5", Map.of(
            Mnist.TRAIN_IMAGES + ".gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873",
            Mnist.TRAIN_LABELS + ".gz", "d53e105ee54ea40749a09fcbcd1e9432",
            Mnist.TEST_IMAGES + ".gz", "9fb629c4189551a2d022fa330f9573f3",
            Mnist.TEST_LABELS + ".gz", "ec29112dd5afa0611ce80d1b7f02629c",
            Mnist.TRAIN_IMAGES, "6bbc9ace898e44ae57da46a324031adb",
            Mnist.TRAIN_LABELS, "a25bea736e30d166cdddb491f175f624",
            Mnist.TEST_IMAGES, "2646ac647ad5339dbf082846283269ea",
            Mnist.TEST_LABELS, "27ae3e4e09519cfbb04c329615203637")),
    /**
     * Zalando's clothing images (0 T-shirt/top, 1 trouser, 2 pullover, 3 dress, 4 coat, 5 sandal,
     * 6 shirt, 7 sneaker, 8 bag, 9 ankle boot). SHA-256s of the gz files of Debian's package
     * dataset-fashion-mnist, which recompressed upstream's, and of the uncompressed files, which
     * equal upstream's (data/fashion-mnist/SOURCE.md of the shared data).
     */
    FASHION_MNIST(DataSpec.FASHION_MNIST, "Fashion-MNIST", "sha256", Map.of(
            Mnist.TRAIN_IMAGES + ".gz", "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
            Mnist.TRAIN_LABELS + ".gz", "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
            Mnist.TEST_IMAGES + ".gz", "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
            Mnist.TEST_LABELS + ".gz", "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05",
            Mnist.TRAIN_IMAGES, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            Mnist.TRAIN_LABELS, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            Mnist.TEST_IMAGES, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            Mnist.TEST_LABELS, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"));

    private final String label;
    private final String title;
    private final String digest;
    private final Map<String, String> published;

    ImageSet(String label, String title, String digest, Map<String, String> published) {
        this.label = label;
        this.title = title;
        this.digest = digest;
        this.published = published;
    }

    /** Its name as {@code --data} and submit/fetch-data spell it, and its directory under the data directory. */
    public String label() {
        return label;
    }

    /** Its name in prose and logs. */
    public String title() {
        return title;
    }

    /** The set {@code name} names ({@link DataSpec#IMAGE_SETS}), or null. */
    public static ImageSet named(String name) {
        for (ImageSet set : values()) {
            if (set.label.equals(name)) {
                return set;
            }
        }
        return null;
    }

    /** Its files' directory under {@code dataDir}. */
    public Path directory(Path dataDir) {
        return dataDir.resolve(label);
    }

    /** The training and test images and labels from {@code directory(dataDir)}, checksums verified when asked. */
    public Mnist.DataSet load(Path dataDir, boolean verify) {
        return Mnist.load(this, directory(dataDir), verify);
    }

    /** Fails with {@link InputException.Kind#CHECKSUM} when {@code file} has a published checksum it does not match. */
    void verify(Path file) {
        String expected = published.get(file.getFileName().toString());
        if (expected == null || !Files.isRegularFile(file)) {
            return;
        }
        String got = digest.equals("md5") ? Checksums.md5(file) : Checksums.sha256(file);
        if (!got.equals(expected)) {
            throw InputException.checksum(file, digest, got + ", expected the published " + expected
                    + " (a damaged or different file; fetch it again with submit/fetch-data " + label + ")");
        }
    }
}
