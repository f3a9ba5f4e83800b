package mlspark.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import mlspark.errors.InputException;

/** Reader of NumPy's {@code .npz} archives (plain or compressed zips of {@code .npy} files). */
public final class Npz {
    private Npz() {
    }

    /** The arrays of the archive by name, without the ".npy" suffix, in archive order. */
    public static Map<String, NpyArray> read(Path file) {
        InputFiles.requireReadableFile(file);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!name.endsWith(".npy")) {
                    continue;
                }
                String key = name.substring(0, name.length() - 4);
                arrays.put(key, Npy.read(zip, Path.of(file + ":" + name)));
            }
        } catch (ZipException | java.io.EOFException e) {
            throw InputException.badFormat(file, "zip", "not a readable .npz archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw InputException.noInput(file, "cannot be read: " + e.getMessage());
        }
        if (arrays.isEmpty()) {
            throw InputException.badFormat(file, "zip", "not an .npz archive: no .npy entries");
        }
        return arrays;
    }
}
