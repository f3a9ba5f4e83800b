package mlspark.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Saves XChart charts as PNG files (headless). */
public final class Png {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Png() {
    }

    /** Writes {@code chart} to {@code file}, which must end in ".png". */
    public static void save(Chart<?, ?> chart, Path file) {
        String name = file.toString();
        if (!name.endsWith(".png")) {
            throw new IllegalArgumentException("not a .png path: " + file);
        }
        try {
            BitmapEncoder.saveBitmap(chart, name, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes several charts side by side in a grid of {@code columns} columns. */
    public static void saveGrid(java.util.List<? extends Chart<?, ?>> charts, int columns, Path file) {
        try {
            BitmapEncoder.saveBitmap(charts, (charts.size() + columns - 1) / columns, columns,
                    file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
