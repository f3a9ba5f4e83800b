package mlspark.data;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import mlspark.errors.InvalidParameterException;

/**
 * What a {@code --data} (or {@code --test}) text names, parsed in this one place:
 * <ul>
 *   <li>{@link Named}: {@code hw3}, a toy set ({@code moons}, {@code circles}, {@code linearly_separable},
 *       {@code xor}) or an image set ({@code mnist}, {@code fashion-mnist}: ten classes, read by
 *       {@code mlspark.mnist.ImageSet}) under the data directory;</li>
 *   <li>{@link Moons}: {@code moons:N[:noise[:seed]]}, two moons generated on the driver;</li>
 *   <li>{@link Source}: {@code libsvm:PATH}, {@code csv:PATH}, {@code parquet:PATH}, any Hadoop path
 *       read by the executors (the prefix in any case);</li>
 *   <li>{@link LocalFile}: anything else, a file on the driver whose extension says its format
 *       ({@code .npy}, {@code .npz}, {@code .csv}; LIBSVM text otherwise).</li>
 * </ul>
 */
public sealed interface DataSpec {
    String ASSIGNMENT = "hw3";
    List<String> TOY_SETS = List.of("moons", "circles", "linearly_separable", "xor");
    String MNIST = "mnist";
    String FASHION_MNIST = "fashion-mnist";
    /** The sets of 28 x 28 grey images in MNIST's IDX files, labels 0..9. */
    List<String> IMAGE_SETS = List.of(MNIST, FASHION_MNIST);

    /** Whether {@code text} (null: no) names a {@link Source}, read by the executors. */
    static boolean isSource(String text) {
        return text != null && parse(text) instanceof Source;
    }

    /** The spec of {@code text}, given as the parameter {@code data}. */
    static DataSpec parse(String text) {
        return parse(text, "data");
    }

    /** The spec of {@code text}; a malformed generator fails naming {@code parameter}. */
    static DataSpec parse(String text, String parameter) {
        if (text.equals(ASSIGNMENT) || TOY_SETS.contains(text) || IMAGE_SETS.contains(text)) {
            return new Named(text);
        }
        if (text.startsWith(Moons.PREFIX)) {
            return Moons.parse(text, parameter);
        }
        int colon = text.indexOf(':');
        if (colon > 0) {
            String prefix = text.substring(0, colon).toLowerCase(Locale.ROOT);
            for (Source.Format f : Source.Format.values()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(prefix)) {
                    return new Source(f, text.substring(colon + 1));
                }
            }
        }
        return LocalFile.of(Path.of(text));
    }

    /** A named set under the data directory: {@link #ASSIGNMENT}, one of {@link #TOY_SETS} or of {@link #IMAGE_SETS}. */
    record Named(String name) implements DataSpec {
        /** Whether it is one of the {@link #IMAGE_SETS}. */
        public boolean isImageSet() {
            return IMAGE_SETS.contains(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code moons:N[:noise[:seed]]} as {@code text} spells it: N training points ({@link TwoMoons}). */
    record Moons(String text, int n, double noise, long seed) implements DataSpec {
        public static final String PREFIX = "moons:";

        private static Moons parse(String text, String parameter) {
            String[] parts = text.substring(PREFIX.length()).split(":", -1);
            try {
                if (parts.length > 3) {
                    throw new NumberFormatException();
                }
                int n = Integer.parseInt(parts[0]);
                double noise = parts.length > 1 ? Double.parseDouble(parts[1]) : TwoMoons.NOISE;
                long seed = parts.length > 2 ? Long.parseLong(parts[2]) : 0;
                if (n < 2 || !(noise >= 0) || Double.isInfinite(noise)) {
                    throw new NumberFormatException();
                }
                return new Moons(text, n, noise, seed);
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(parameter, "expected moons:N[:noise[:seed]] with an integer N >= 2, "
                        + "a noise >= 0 and an integer seed, got '" + text + "'");
            }
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A file on the driver, in the format its extension says. */
    record LocalFile(Path path, Format format) implements DataSpec {
        public enum Format {
            /** A pickled dict of arrays (or, for prediction, a matrix). */
            NPY,
            NPZ,
            CSV,
            /** Any other extension. */
            LIBSVM
        }

        public static LocalFile of(Path path) {
            String lower = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
            Format format = lower.endsWith(".npy") ? Format.NPY : lower.endsWith(".npz") ? Format.NPZ
                    : lower.endsWith(".csv") ? Format.CSV : Format.LIBSVM;
            return new LocalFile(path, format);
        }

        /** A table of text rows (CSV or LIBSVM), which comes without its test set. */
        public boolean text() {
            return format == Format.CSV || format == Format.LIBSVM;
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** {@code FORMAT:PATH}: a file, a directory of part files or a glob, read by the executors. */
    record Source(Format format, String path) implements DataSpec, Serializable {
        public enum Format { LIBSVM, CSV, PARQUET }

        @Override
        public String toString() {
            return format.name().toLowerCase(Locale.ROOT) + ":" + path;
        }
    }
}
