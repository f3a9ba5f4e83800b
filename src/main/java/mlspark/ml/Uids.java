package mlspark.ml;

import org.apache.spark.ml.util.Identifiable$;

/**
 * Hands a Java subclass of an MLlib class its uid while the Scala superclass is being built.
 * MLlib's shared Params ({@code featuresCol}, {@code labelCol}, ...) are created by the superclass
 * constructor and ask {@code uid()} for their parent, before a Java constructor can set any field;
 * a Scala class gets its uid in first as a constructor parameter. So a constructor given a uid
 * first holds it here ({@link #hold}), and {@code uid()} takes it ({@link #take}) on its first call.
 */
final class Uids {
    private static final ThreadLocal<String> HELD = new ThreadLocal<>();

    /** Token that a uid is held for the constructor about to run. */
    static final class Held {
        private Held() {
        }
    }

    private Uids() {
    }

    static Held hold(String uid) {
        HELD.set(uid);
        return new Held();
    }

    /** The held uid, or a new random one {@code prefix_xxxxxxxxxxxx}. */
    static String take(String prefix) {
        String uid = HELD.get();
        HELD.remove();
        return uid != null ? uid : Identifiable$.MODULE$.randomUID(prefix);
    }
}
