package mlspark.sources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import mlspark.data.DataSpec;
import mlspark.errors.InputException;
import mlspark.errors.ParameterText;

/** The data files a {@code FORMAT:PATH} source names, listed on the driver (a file, a directory of part files, a glob). */
final class SourceFiles {
    private SourceFiles() {
    }

    /** The data files the path (or glob) names, directories listed; NO_INPUT when there are none. */
    static List<FileStatus> list(DataSpec.Source spec, Configuration hadoop) {
        String source = spec.toString();
        try {
            Path path = new Path(spec.path());
            FileSystem fs = path.getFileSystem(hadoop);
            FileStatus[] matches = fs.globStatus(path);
            boolean glob = spec.path().matches(".*[*?\\[{].*");
            if (matches == null || matches.length == 0) {
                throw InputException.noInput(source, glob ? "the glob matches no files" : "no such file or directory");
            }
            List<FileStatus> files = new ArrayList<>();
            for (FileStatus match : matches) {
                if (match.isDirectory()) {
                    List<FileStatus> inside = Arrays.stream(fs.listStatus(match.getPath())).filter(SourceFiles::isDataFile).toList();
                    if (inside.isEmpty()) {
                        throw InputException.noInput(source, match.getPath() + " is an empty directory (no data files)");
                    }
                    files.addAll(inside);
                } else {
                    files.add(match);
                }
            }
            return files;
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(InputException.Kind.NO_INPUT, source, null,
                    ParameterText.of("cannot be listed: " + e.getMessage()), e);
        }
    }

    private static boolean isDataFile(FileStatus status) {
        String name = status.getPath().getName();
        return status.isFile() && !name.startsWith("_") && !name.startsWith(".");
    }
}
