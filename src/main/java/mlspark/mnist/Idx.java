package mlspark.mnist;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import mlspark.errors.InputException;
import mlspark.errors.ParameterText;

/**
 * Reader of the IDX files MNIST ships in: a big-endian header (magic 2051 and count, rows, columns
 * for images; magic 2049 and count for labels) followed by unsigned bytes. Gzipped files are
 * recognized by their content, not their name. Every error names the file and the field at fault.
 */
public final class Idx {
    public static final int IMAGES_MAGIC = 2051;
    public static final int LABELS_MAGIC = 2049;

    private Idx() {
    }

    /** Images as {@code count} rows of {@code rows * cols} unsigned bytes each. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        public int dimension() {
            return rows * cols;
        }
    }

    public static Images readImages(Path file) {
        ByteBuffer in = ByteBuffer.wrap(content(file));
        header(in, file, IMAGES_MAGIC, "images", 16);
        int count = size(in, file, "count");
        int rows = size(in, file, "rows");
        int cols = size(in, file, "cols");
        long expected = (long) count * rows * cols;
        byte[] pixels = body(in, file, expected, count + " images of " + rows + "x" + cols);
        return new Images(count, rows, cols, pixels);
    }

    /** Labels as unsigned bytes (no range check here: see {@link Digits}). */
    public static int[] readLabels(Path file) {
        ByteBuffer in = ByteBuffer.wrap(content(file));
        header(in, file, LABELS_MAGIC, "labels", 8);
        int count = size(in, file, "count");
        byte[] bytes = body(in, file, count, count + " labels");
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = Byte.toUnsignedInt(bytes[i]);
        }
        return labels;
    }

    private static void header(ByteBuffer in, Path file, int magic, String kind, int headerBytes) {
        if (in.remaining() < 4) {
            throw InputException.badFormat(file, "magic", "truncated: " + in.remaining() + " bytes, not an IDX file");
        }
        int got = in.getInt();
        if (got != magic) {
            throw InputException.badFormat(file, "magic", "expected " + magic + " (IDX " + kind + "), got " + got
                    + (got == (magic == IMAGES_MAGIC ? LABELS_MAGIC : IMAGES_MAGIC) ? " (images and labels swapped?)" : ""));
        }
        if (in.remaining() < headerBytes - 4) {
            throw InputException.badFormat(file, "header", "truncated: " + headerBytes + " header bytes expected, the file has "
                    + (in.remaining() + 4));
        }
    }

    private static int size(ByteBuffer in, Path file, String field) {
        int v = in.getInt();
        if (v < 0) {
            throw InputException.badFormat(file, field, "negative size " + v);
        }
        return v;
    }

    private static byte[] body(ByteBuffer in, Path file, long expected, String what) {
        if (in.remaining() < expected) {
            throw InputException.badFormat(file, "data", "truncated: " + what + " need " + expected + " bytes, the file has "
                    + in.remaining());
        }
        if (in.remaining() > expected) {
            throw InputException.badFormat(file, "data", (in.remaining() - expected) + " bytes after the " + what
                    + " the header announces");
        }
        byte[] data = new byte[(int) expected];
        in.get(data);
        return data;
    }

    /** The file's bytes, gunzipped when it starts with the gzip magic 1f 8b. */
    static byte[] content(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InputException.noInput(file, Files.exists(file) ? ParameterText.of("is not a regular file")
                    : ParameterText.of("no such file (run submit/fetch-data mnist, or check ", "dataDir", " / ", "mnist", ")"));
        }
        try {
            byte[] raw = Files.readAllBytes(file);
            if (raw.length < 2 || (raw[0] & 0xff) != 0x1f || (raw[1] & 0xff) != 0x8b) {
                return raw;
            }
            try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(raw), 1 << 16)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 5);
                gz.transferTo(out);
                return out.toByteArray();
            } catch (EOFException | ZipException e) {
                throw InputException.badFormat(file, "gzip", "corrupt or truncated gzip stream (" + e.getMessage() + ")");
            }
        } catch (IOException e) {
            throw InputException.noInput(file, "cannot be read: " + e.getMessage());
        }
    }
}
