package mlspark.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs a job in a JVM of its own, with this JVM's flags and classpath, as the launchers do. */
public final class CliProcess {
    private CliProcess() {
    }

    /** {@code java [this JVM's flags] [extraJvmFlags] -cp [classpath] mlspark.cli.Main [args]}. */
    public static List<String> command(List<String> extraJvmFlags, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")
                        && !(a.startsWith("-Xmx") && extraJvmFlags.stream().anyMatch(f -> f.startsWith("-Xmx"))))
                .toList());
        command.addAll(extraJvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "mlspark.cli.Main"));
        command.addAll(args);
        return command;
    }
}
