package mlspark.data;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Reconstructs pickled NumPy arrays with Pyrolite (the unpickler Spark ships). NumPy pickles an
 * array as {@code _reconstruct(ndarray, (0,), b'b')} followed by BUILD with the state
 * {@code (version, shape, dtype, is_fortran, data)}, and a dtype as {@code dtype('f8', False, True)}
 * followed by BUILD with {@code (version, byteorder, ...)}; the two classes below take those calls.
 */
final class NumpyPickle {
    private static final String[] CORE_MODULES = {"numpy.core.multiarray", "numpy._core.multiarray"};

    static {
        for (String module : CORE_MODULES) {
            Unpickler.registerConstructor(module, "_reconstruct", args -> new PickledArray());
        }
        Unpickler.registerConstructor("numpy", "dtype", (IObjectConstructor) PickledDtype::new);
    }

    private NumpyPickle() {
    }

    /** Unpickles {@code bytes}, turning every NumPy array inside (also in maps and lists) into an {@link NpyArray}. */
    static Object load(byte[] bytes) {
        try {
            return convert(new Unpickler().loads(bytes));
        } catch (PickleException | java.io.IOException | ClassCastException | IllegalStateException e) {
            throw new IllegalArgumentException("cannot unpickle: " + e.getMessage(), e);
        }
    }

    private static Object convert(Object o) {
        if (o instanceof PickledArray a) {
            return a.toNpyArray();
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, convert(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(convert(v)));
            return out;
        }
        return o;
    }

    /** The receiver of numpy.dtype(...) and its BUILD state. Public: Pyrolite calls it by reflection. */
    public static final class PickledDtype {
        private final String code;
        private char byteOrder = '|';

        PickledDtype(Object[] args) {
            this.code = String.valueOf(args[0]);
        }

        public void __setstate__(Object[] state) {
            if (state.length > 1 && state[1] instanceof String order && !order.isEmpty()) {
                byteOrder = order.charAt(0);
            }
        }

        String descr() {
            return (byteOrder == '=' ? "<" : String.valueOf(byteOrder)) + code;
        }
    }

    /** The receiver of _reconstruct(...) and its BUILD state. Public: Pyrolite calls it by reflection. */
    public static final class PickledArray {
        private int[] shape;
        private PickledDtype dtype;
        private boolean fortran;
        private Object data;

        public void __setstate__(Object[] state) {
            Object[] shapeTuple = (Object[]) state[1];
            shape = new int[shapeTuple.length];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = ((Number) shapeTuple[i]).intValue();
            }
            dtype = (PickledDtype) state[2];
            fortran = Boolean.TRUE.equals(state[3]);
            data = state[4];
        }

        NpyArray toNpyArray() {
            if (dtype.code.startsWith("O")) {
                List<?> items = (List<?>) data;
                Object[] objects = new Object[items.size()];
                for (int i = 0; i < objects.length; i++) {
                    objects[i] = convert(items.get(i));
                }
                return NpyArray.objects(shape, objects);
            }
            byte[] raw = data instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1) : (byte[]) data;
            DType type = DType.parse(dtype.descr());
            ByteBuffer buffer = ByteBuffer.wrap(raw).order(type.order());
            long count = 1;
            for (int s : shape) {
                count *= s;
            }
            if (raw.length < count * type.size()) {
                throw new IllegalStateException("pickled array " + java.util.Arrays.toString(shape) + " of "
                        + dtype.descr() + " holds " + raw.length + " bytes, expected " + count * type.size());
            }
            double[] values = type.read(buffer, (int) count);
            return NpyArray.numeric(type.descr(), shape, fortran ? Layout.fortranToC(values, shape) : values);
        }
    }
}
