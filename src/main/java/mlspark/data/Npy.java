package mlspark.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mlspark.errors.InputException;

/**
 * Reader of NumPy's {@code .npy} format, versions 1, 2 and 3: numeric dtypes {@link DType#SUPPORTED}
 * in C or Fortran order, and object arrays (a pickle after the header), such as a 0-d array holding
 * a dict of arrays. Every error names the file and the header field at fault.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    public static NpyArray read(Path file) {
        return parse(InputFiles.readAll(file), file);
    }

    /** Reads an array from a stream; {@code name} is used in error messages (e.g. "a.npz:x_train.npy"). */
    public static NpyArray read(InputStream in, Path name) throws IOException {
        return parse(in.readAllBytes(), name);
    }

    static NpyArray parse(byte[] bytes, Path file) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw InputException.badFormat(file, "magic", "not a NumPy .npy file (expected the bytes \\x93NUMPY)");
        }
        int major = bytes[6];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(buffer.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw InputException.badFormat(file, "header", "truncated before the header length");
            }
            headerLength = buffer.getInt(8);
            headerStart = 12;
        } else {
            throw InputException.badFormat(file, "version", "format version " + major + " is not supported (expected 1, 2 or 3)");
        }
        if (headerLength < 0 || headerStart + (long) headerLength > bytes.length) {
            throw InputException.badFormat(file, "header", "truncated: the header says " + headerLength
                    + " bytes, the file has " + (bytes.length - headerStart));
        }
        String header = new String(bytes, headerStart, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(DESCR, header, file, "descr");
        boolean fortran = field(FORTRAN, header, file, "fortran_order").equals("True");
        int[] shape = parseShape(field(SHAPE, header, file, "shape"), file);
        int dataStart = headerStart + headerLength;

        if (descr.endsWith("O")) {
            Object unpickled;
            try {
                unpickled = NumpyPickle.load(Arrays.copyOfRange(bytes, dataStart, bytes.length));
            } catch (IllegalArgumentException e) {
                throw InputException.badFormat(file, "data", "object array: " + e.getMessage());
            }
            if (unpickled instanceof NpyArray array && array.isObject()) {
                return array;
            }
            throw InputException.badFormat(file, "data", "object array: the pickle does not hold a NumPy object array");
        }
        DType type = DType.parse(descr);
        if (type == null) {
            throw InputException.badFormat(file, "descr", "dtype '" + descr + "' is not supported (expected " + DType.SUPPORTED + ")");
        }
        long count = 1;
        for (int s : shape) {
            count *= s;
        }
        long expected = count * type.size();
        if (dataStart + expected > bytes.length) {
            throw InputException.badFormat(file, "data", "truncated: shape " + Arrays.toString(shape) + " of " + descr
                    + " needs " + expected + " bytes, the file has " + (bytes.length - dataStart));
        }
        if (count > Integer.MAX_VALUE) {
            throw InputException.badFormat(file, "shape", "too many elements (" + count + ") for one array");
        }
        double[] values = type.read(ByteBuffer.wrap(bytes, dataStart, (int) expected), (int) count);
        return NpyArray.numeric(type.descr(), shape, fortran ? Layout.fortranToC(values, shape) : values);
    }

    private static String field(Pattern pattern, String header, Path file, String name) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw InputException.badFormat(file, name, "missing or malformed in the header " + header.strip());
        }
        return m.group(1);
    }

    private static int[] parseShape(String text, Path file) {
        String[] parts = text.split(",");
        return Arrays.stream(parts).map(String::strip).filter(s -> !s.isEmpty()).mapToInt(s -> {
            try {
                int v = Integer.parseInt(s.endsWith("L") ? s.substring(0, s.length() - 1) : s);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw InputException.badFormat(file, "shape", "'" + text + "' is not a tuple of non-negative integers");
            }
        }).toArray();
    }
}
