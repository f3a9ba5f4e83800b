package mlspark.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one mapping between a job's options and its estimator's Params: option {@code --foo-bar} is
 * the Param {@code fooBar}. An option may keep an older spelling as an alias ({@code --eta} beside
 * {@code --step-size}); the name that spells the Param decides. The Param supplies the option's
 * default (through {@link ConfDefaults}) and its {@code --help} text (its doc), checks its value when
 * the job sets it, and errors name the option as the user typed it.
 */
public final class ParamOptions {
    private ParamOptions() {
    }

    /** {@code --foo-bar} -> {@code fooBar}; {@code --C0} -> {@code C0}. */
    static String paramName(String option) {
        String[] parts = option.replaceFirst("^-+", "").split("-");
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return name.toString();
    }

    /**
     * The Param that {@code option} sets, if one of its names spells a Param of {@code params}. The
     * options of the data sources ({@link SourceOptions}) name columns of the input, not of the model:
     * they set no Param, even where one has their name (featuresCol, labelCol).
     */
    public static Optional<Param<Object>> param(Params params, OptionSpec option) {
        if (option.userObject() instanceof java.lang.reflect.Field field && field.getDeclaringClass() == SourceOptions.class) {
            return Optional.empty();
        }
        for (String name : option.names()) {
            String p = paramName(name);
            if (params.hasParam(p)) {
                return Optional.of(params.getParam(p));
            }
        }
        return Optional.empty();
    }

    /** The default of {@code option} from its Param, as option text; null when it has none. */
    static String defaultValue(Params params, OptionSpec option) {
        return param(params, option).filter(params::hasDefault)
                .map(p -> text(params.getDefault(p).get())).orElse(null);
    }

    /** Gives every option of each job of {@code cli} that sets a Param the Param's doc as its help text. */
    static void describe(CommandLine cli) {
        for (CommandLine job : cli.getSubcommands().values()) {
            if (job.getCommand() instanceof ParamsJob paramsJob) {
                Params params = paramsJob.params();
                Map<String, String> texts = new LinkedHashMap<>();
                for (OptionSpec option : job.getCommandSpec().options()) {
                    param(params, option).ifPresent(p -> {
                        String text = capitalized(p.doc()) + (params.hasDefault(p) ? " (default: ${DEFAULT-VALUE})." : ".");
                        for (String name : option.names()) {
                            texts.put(name.replaceFirst("^-+", ""), text);
                        }
                    });
                }
                job.setResourceBundle(new ListResourceBundle() {
                    @Override
                    protected Object[][] getContents() {
                        return texts.entrySet().stream().map(e -> new Object[]{e.getKey(), e.getValue()})
                                .toArray(Object[][]::new);
                    }
                });
            }
        }
    }

    /**
     * Sets each option of {@code spec} that has a value (given or defaulted) on its Param of
     * {@code target}; a value outside the Param's domain throws the Param's
     * {@link mlspark.errors.InvalidParameterException}.
     */
    public static <P extends Params> P apply(CommandSpec spec, P target) {
        for (OptionSpec option : spec.options()) {
            Object value = option.getValue();
            if (value != null) {
                param(target, option).ifPresent(p -> target.set(p, converted(p, value)));
            }
        }
        return target;
    }

    /** Param name -> the flag of its option as the user typed it (else its Param's spelling), for error messages. */
    public static Map<String, String> flags(CommandSpec spec, Params params) {
        List<String> typed = spec.commandLine() != null && spec.commandLine().getParseResult() != null
                ? spec.commandLine().getParseResult().originalArgs() : List.of();
        Map<String, String> flags = new HashMap<>();
        for (OptionSpec option : spec.options()) {
            param(params, option).ifPresent(p -> {
                String flag = null;
                for (String name : option.names()) {
                    if (paramName(name).equals(p.name()) && flag == null) {
                        flag = name;
                    }
                    for (String arg : typed) {
                        if (arg.equals(name) || arg.startsWith(name + "=")) {
                            flag = name;
                        }
                    }
                }
                flags.put(p.name(), flag);
            });
        }
        return flags;
    }

    private static Object converted(Param<Object> param, Object value) {
        if (value instanceof Number n) {
            if (param instanceof DoubleParam) {
                return n.doubleValue();
            }
            if (param instanceof LongParam) {
                return n.longValue();
            }
            if (param instanceof IntParam) {
                return n.intValue();
            }
        }
        if (!(param instanceof BooleanParam) && !(value instanceof String) && !(value instanceof Number)
                && !(value instanceof Boolean)) {
            return value.toString();
        }
        return value;
    }

    /** A default as the option text picocli parses and {@code --help} shows: 5 rather than 5.0. */
    private static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    private static String capitalized(String doc) {
        return doc.isEmpty() ? doc : Character.toUpperCase(doc.charAt(0)) + doc.substring(1);
    }
}
