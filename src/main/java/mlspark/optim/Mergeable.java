package mlspark.optim;

import java.io.Serializable;

/**
 * A partial sum that another of its kind can be added into; {@code merge} may reuse and return
 * {@code this}.
 *
 * @param <A> the concrete type
 */
public interface Mergeable<A extends Mergeable<A>> extends Serializable {
    A merge(A other);
}
