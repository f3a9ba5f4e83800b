package mlspark.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import mlspark.cli.Failure;
import mlspark.cli.JobFailure;

/**
 * The places an output may never be: a path that equals or contains (is an ancestor of) one of
 * them is refused with exit 73, whatever --overwrite says. Symbolic links are resolved first, so
 * a link to the data directory is the data directory.
 */
public final class OutputRules {
    private final Map<Path, String> protectedPlaces = new LinkedHashMap<>();

    /** Protects {@code place}, described in messages as {@code what} (e.g. "the data directory"). */
    public OutputRules protect(Path place, String what) {
        if (place != null) {
            protectedPlaces.putIfAbsent(real(place), what + " " + place);
        }
        return this;
    }

    /** Fails when {@code path} (the output {@code location} given to {@code option}) equals or contains a protected place. */
    public void refuseProtected(String option, String location, Path path) {
        Path out = real(path);
        protectedPlaces.forEach((place, what) -> {
            if (place.equals(out)) {
                throw refused(option, location, out, place, what);
            }
        });
        protectedPlaces.forEach((place, what) -> {
            if (place.startsWith(out)) {
                throw refused(option, location, out, place, what);
            }
        });
    }

    /** Fails when {@code path} equals or contains one of {@code files}, each described as {@code what}. */
    public void refuseContaining(String option, String location, Path path, Iterable<Path> files, String what) {
        Path out = real(path);
        for (Path file : files) {
            Path place = real(file);
            if (place.startsWith(out)) {
                throw refused(option, location, out, place, what + " " + file);
            }
        }
    }

    private static JobFailure refused(String option, String location, Path out, Path place, String what) {
        return new JobFailure(Failure.CANT_WRITE, option + " " + location + ": " + (place.equals(out) ? "is " : "contains ")
                + what + "; an output never holds the job's inputs, the data, conf/, the project or the home directory");
    }

    /** The real path of {@code path}, or of its deepest existing ancestor followed by the rest. */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
