package mlspark.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The numeric NumPy dtypes the readers take: {@code f8 f4 i8 i4 i2 i1 u1 b1}, either byte order. */
record DType(char kind, int size, ByteOrder order) {
    static final String SUPPORTED = "f8 f4 i8 i4 i2 i1 u1 b1 (either byte order)";

    /** Parses a descr such as "<f8", ">i4", "|u1"; returns null for anything not supported. */
    static DType parse(String descr) {
        if (descr == null || descr.length() != 3) {
            return null;
        }
        char orderChar = descr.charAt(0);
        char kind = descr.charAt(1);
        int size = descr.charAt(2) - '0';
        ByteOrder order = switch (orderChar) {
            case '<', '=', '|' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> null;
        };
        boolean known = switch (kind) {
            case 'f' -> size == 8 || size == 4;
            case 'i' -> size == 8 || size == 4 || size == 2 || size == 1;
            case 'u', 'b' -> size == 1;
            default -> false;
        };
        return order != null && known ? new DType(kind, size, order) : null;
    }

    String descr() {
        return (size == 1 ? "|" : order == ByteOrder.BIG_ENDIAN ? ">" : "<") + kind + size;
    }

    /** Reads {@code count} values from {@code buffer} (whose order is already set) as doubles. */
    double[] read(ByteBuffer buffer, int count) {
        buffer.order(order);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (kind) {
                case 'f' -> size == 8 ? buffer.getDouble() : buffer.getFloat();
                case 'i' -> switch (size) {
                    case 8 -> buffer.getLong();
                    case 4 -> buffer.getInt();
                    case 2 -> buffer.getShort();
                    default -> buffer.get();
                };
                case 'u' -> buffer.get() & 0xff;
                default -> buffer.get() != 0 ? 1 : 0;
            };
        }
        return out;
    }
}
