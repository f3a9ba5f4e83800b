package mlspark.data;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * What a {@link FeatureBlock} is serialized as (its {@code writeReplace}): the arrays in bulk
 * ({@link BulkArrays}), so that blocks spilled to disk by a {@code MEMORY_AND_DISK} cache are
 * written and read at disk speed instead of value by value.
 */
final class SerializedFeatureBlock implements Externalizable {
    private static final long serialVersionUID = 1L;
    private FeatureBlock block;

    /** For deserialization. */
    public SerializedFeatureBlock() {
    }

    SerializedFeatureBlock(FeatureBlock block) {
        this.block = block;
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeInt(block.rows());
        out.writeInt(block.dimension());
        if (block instanceof FeatureBlock.Dense dense) {
            out.writeByte('d');
            BulkArrays.writeDoubles(out, dense.values());
        } else if (block instanceof FeatureBlock.Float32 floats) {
            out.writeByte('f');
            BulkArrays.writeFloats(out, floats.values());
        } else {
            FeatureBlock.Sparse sparse = (FeatureBlock.Sparse) block;
            out.writeByte('s');
            BulkArrays.writeInts(out, sparse.rowStarts());
            BulkArrays.writeInts(out, sparse.indices());
            BulkArrays.writeDoubles(out, sparse.values());
        }
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        int rows = in.readInt();
        int dimension = in.readInt();
        byte kind = in.readByte();
        block = switch (kind) {
            case 'd' -> new FeatureBlock.Dense(rows, dimension, BulkArrays.readDoubles(in));
            case 'f' -> new FeatureBlock.Float32(rows, dimension, BulkArrays.readFloats(in));
            case 's' -> new FeatureBlock.Sparse(rows, dimension, BulkArrays.readInts(in), BulkArrays.readInts(in),
                    BulkArrays.readDoubles(in));
            default -> throw new java.io.InvalidObjectException("unknown feature block kind " + kind);
        };
    }

    private Object readResolve() {
        return block;
    }
}
