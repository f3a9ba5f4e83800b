package mlspark.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes .npy bytes by the format's specification, independently of the reader under test. */
public final class NpyFiles {
    private NpyFiles() {
    }

    /** {@code valuesC} in C order; written in Fortran order when {@code fortran}. */
    public static byte[] npy(int version, String descr, boolean fortran, int[] shape, double[] valuesC) {
        StringBuilder shapeText = new StringBuilder("(");
        for (int s : shape) {
            shapeText.append(s).append(", ");
        }
        if (shape.length > 1) {
            shapeText.setLength(shapeText.length() - 2);
        } else if (shape.length == 1) {
            shapeText.setLength(shapeText.length() - 1);
        }
        shapeText.append(")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + shapeText + ", }";
        int prefix = version == 1 ? 10 : 12;
        int total = prefix + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - total) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        ByteBuffer len = ByteBuffer.allocate(version == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (version == 1) {
            len.putShort((short) header.length());
        } else {
            len.putInt(header.length());
        }
        out.writeBytes(len.array());
        out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        double[] values = fortran ? toFortran(valuesC, shape) : valuesC;
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int size = descr.charAt(2) - '0';
        ByteBuffer data = ByteBuffer.allocate(values.length * size).order(order);
        for (double v : values) {
            switch (descr.substring(1)) {
                case "f8" -> data.putDouble(v);
                case "f4" -> data.putFloat((float) v);
                case "i8" -> data.putLong((long) v);
                case "i4" -> data.putInt((int) v);
                case "i2" -> data.putShort((short) v);
                case "i1", "u1", "b1" -> data.put((byte) v);
                default -> throw new IllegalArgumentException(descr);
            }
        }
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    public static Path write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    /** 2-d only: element (i, j) of an r x c array goes to j * r + i. */
    private static double[] toFortran(double[] c, int[] shape) {
        int r = shape[0];
        int cols = shape[1];
        double[] f = new double[c.length];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < cols; j++) {
                f[j * r + i] = c[i * cols + j];
            }
        }
        return f;
    }
}
