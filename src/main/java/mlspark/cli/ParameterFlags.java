package mlspark.cli;

import java.util.Map;

/**
 * A job's spelling of the library's parameter names as its flags, for the errors the math and
 * library layers throw ({@link ParameterErrors}).
 */
public interface ParameterFlags {
    /** Parameter name -> flag, for the parameters whose flag is not {@code "--" + name}. */
    Map<String, String> parameterFlags();
}
