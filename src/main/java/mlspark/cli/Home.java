package mlspark.cli;

import java.nio.file.Path;

/**
 * The project home (set by the launchers as {@code -Dmlspark.home}), against which the relative
 * paths of the configuration are resolved; the working directory when unset.
 */
public final class Home {
    private Home() {
    }

    public static Path get() {
        String home = System.getProperty("mlspark.home");
        return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath().normalize();
    }

    public static Path resolve(Path path) {
        return path == null ? null : get().resolve(path).normalize();
    }
}
