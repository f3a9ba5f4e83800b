package mlspark.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import mlspark.data.LabeledData;
import mlspark.data.TrainTest;

/**
 * The dual job's picture of a 2-D classifier, drawn with java.awt (XChart has no contour plot):
 * h(x) as filled contour bands, the lines h = 0 (solid) and h = +-1 (dashed) by marching squares,
 * training points (circles) and test points (triangles) coloured by label, support vectors circled,
 * the accuracies in the title.
 */
public final class DecisionBoundaryPlot {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Band edges of the filled contour; h beyond them takes the outermost band. */
    private static final double[] LEVELS = {-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2};
    private static final Color[] BANDS = {
            new Color(33, 102, 172), new Color(67, 147, 195), new Color(146, 197, 222), new Color(190, 220, 235),
            new Color(222, 235, 247), new Color(253, 224, 221), new Color(244, 190, 180), new Color(244, 165, 130),
            new Color(214, 96, 77), new Color(178, 24, 43)};
    private static final Color NEGATIVE = new Color(20, 70, 160);
    private static final Color POSITIVE = new Color(190, 20, 30);
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 28;
    private static final int BOTTOM = 48;

    /** The square of the plot, [xMin, xMax] x [yMin, yMax], sampled at size x size points. */
    public record Grid(double xMin, double xMax, double yMin, double yMax, int size) {
        /** The data's bounding box with a margin. */
        public static Grid around(TrainTest data, int size) {
            double xMin = Double.POSITIVE_INFINITY;
            double xMax = Double.NEGATIVE_INFINITY;
            double yMin = Double.POSITIVE_INFINITY;
            double yMax = Double.NEGATIVE_INFINITY;
            for (LabeledData part : List.of(data.train(), data.test())) {
                for (double[] x : part.x()) {
                    xMin = Math.min(xMin, x[0]);
                    xMax = Math.max(xMax, x[0]);
                    yMin = Math.min(yMin, x[1]);
                    yMax = Math.max(yMax, x[1]);
                }
            }
            double mx = 0.1 * (xMax - xMin) + 0.1;
            double my = 0.1 * (yMax - yMin) + 0.1;
            return new Grid(xMin - mx, xMax + mx, yMin - my, yMax + my, size);
        }

        /** Point r * size + c is x1 = xMin + c (xMax - xMin)/(size - 1), x2 = yMin + r (yMax - yMin)/(size - 1). */
        public double[][] points() {
            double[][] points = new double[size * size][];
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) {
                    points[r * size + c] = new double[]{xMin + c * (xMax - xMin) / (size - 1),
                            yMin + r * (yMax - yMin) / (size - 1)};
                }
            }
            return points;
        }
    }

    /** One panel: h at the grid's points, the data, the support vectors (rows of the training set). */
    public record Panel(String title, Grid grid, double[] h, LabeledData train, LabeledData test, int[] support) {
        double xMin() {
            return grid.xMin();
        }

        double xMax() {
            return grid.xMax();
        }

        double yMin() {
            return grid.yMin();
        }

        double yMax() {
            return grid.yMax();
        }

        int size() {
            return grid.size();
        }
    }

    private DecisionBoundaryPlot() {
    }

    /** Writes the panels in a grid of {@code columns} columns, each {@code width} x {@code height} pixels. */
    public static void save(List<Panel> panels, int columns, int width, int height, Path file) {
        int rows = (panels.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * width, rows * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int k = 0; k < panels.size(); k++) {
            draw(image, g, panels.get(k), (k % columns) * width, (k / columns) * height, width, height);
        }
        g.dispose();
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void draw(BufferedImage image, Graphics2D g, Panel p, int x0, int y0, int width, int height) {
        int left = x0 + LEFT;
        int top = y0 + TOP;
        int w = width - LEFT - RIGHT;
        int h = height - TOP - BOTTOM;
        // filled contour: h interpolated bilinearly at every pixel, coloured by band
        for (int py = 0; py < h; py++) {
            double gr = (1 - (py + 0.5) / h) * (p.size() - 1);
            for (int px = 0; px < w; px++) {
                double gc = (px + 0.5) / w * (p.size() - 1);
                image.setRGB(left + px, top + py, BANDS[band(interpolate(p, gr, gc))].getRGB());
            }
        }
        Stroke solid = new BasicStroke(2f);
        Stroke dashed = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[]{6f, 4f}, 0f);
        contour(g, p, 0, left, top, w, h, solid, Color.BLACK);
        contour(g, p, 1, left, top, w, h, dashed, new Color(60, 60, 60));
        contour(g, p, -1, left, top, w, h, dashed, new Color(60, 60, 60));

        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < p.train().size(); i++) {
            double[] x = p.train().x()[i];
            int cx = pixelX(p, x[0], left, w);
            int cy = pixelY(p, x[1], top, h);
            g.setColor(p.train().y()[i] > 0 ? POSITIVE : NEGATIVE);
            g.fillOval(cx - 4, cy - 4, 9, 9);
            g.setColor(Color.WHITE);
            g.drawOval(cx - 4, cy - 4, 9, 9);
        }
        for (int i = 0; i < p.test().size(); i++) {
            double[] x = p.test().x()[i];
            int cx = pixelX(p, x[0], left, w);
            int cy = pixelY(p, x[1], top, h);
            Polygon triangle = new Polygon(new int[]{cx - 5, cx + 5, cx}, new int[]{cy + 4, cy + 4, cy - 5}, 3);
            g.setColor(p.test().y()[i] > 0 ? POSITIVE : NEGATIVE);
            g.fillPolygon(triangle);
            g.setColor(Color.BLACK);
            g.drawPolygon(triangle);
        }
        g.setStroke(new BasicStroke(1.5f));
        g.setColor(Color.BLACK);
        for (int i : p.support()) {
            double[] x = p.train().x()[i];
            g.drawOval(pixelX(p, x[0], left, w) - 8, pixelY(p, x[1], top, h) - 8, 16, 16);
        }

        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.drawRect(left, top, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks(p.xMin(), p.xMax())) {
            int px = pixelX(p, t, left, w);
            g.drawLine(px, top + h, px, top + h + 4);
            String s = label(t);
            g.drawString(s, px - fm.stringWidth(s) / 2, top + h + 15);
        }
        for (double t : ticks(p.yMin(), p.yMax())) {
            int py = pixelY(p, t, top, h);
            g.drawLine(left - 4, py, left, py);
            String s = label(t);
            g.drawString(s, left - 6 - fm.stringWidth(s), py + 4);
        }
        g.drawString("x1", left + w / 2 - 4, top + h + 27);
        g.drawString("x2", x0 + 4, top + h / 2);
        String legend = "o train   \u25B2 test   \u25EF support vector   \u2014 h = 0   - - h = \u00B11"
                + "   red +1, blue -1";
        g.drawString(legend, left, top + h + 41);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        fm = g.getFontMetrics();
        g.drawString(p.title(), x0 + (width - fm.stringWidth(p.title())) / 2, y0 + 18);
    }

    /** h at fractional grid position (row gr, column gc). */
    private static double interpolate(Panel p, double gr, double gc) {
        int n = p.size();
        int r = Math.min((int) gr, n - 2);
        int c = Math.min((int) gc, n - 2);
        double fr = gr - r;
        double fc = gc - c;
        double[] v = p.h();
        return (1 - fr) * ((1 - fc) * v[r * n + c] + fc * v[r * n + c + 1])
                + fr * ((1 - fc) * v[(r + 1) * n + c] + fc * v[(r + 1) * n + c + 1]);
    }

    private static int band(double value) {
        int b = 0;
        while (b < LEVELS.length && value >= LEVELS[b]) {
            b++;
        }
        return b;
    }

    /**
     * The level line h = level by marching squares over the grid cells, linear along the edges. The
     * cell segments are chained into polylines through the grid edges they share, so that a dash
     * pattern runs along the whole line.
     */
    private static void contour(Graphics2D g, Panel p, double level, int left, int top, int w, int h, Stroke stroke,
                                Color color) {
        int n = p.size();
        double[] v = p.h();
        List<int[]> segments = new ArrayList<>();
        int[] crossing = new int[4];
        for (int r = 0; r < n - 1; r++) {
            for (int c = 0; c < n - 1; c++) {
                // corners counter-clockwise (r,c), (r,c+1), (r+1,c+1), (r+1,c); edge k joins corners k and k+1
                int[] corner = {r * n + c, r * n + c + 1, (r + 1) * n + c + 1, (r + 1) * n + c};
                int crossings = 0;
                for (int k = 0; k < 4; k++) {
                    boolean crosses = (v[corner[k]] >= level) != (v[corner[(k + 1) % 4]] >= level);
                    crossing[k] = crosses ? edge(corner[k], corner[(k + 1) % 4], n) : -1;
                    crossings += crosses ? 1 : 0;
                }
                if (crossings == 2) {
                    int first = -1;
                    for (int e : crossing) {
                        if (e >= 0) {
                            if (first < 0) {
                                first = e;
                            } else {
                                segments.add(new int[]{first, e});
                            }
                        }
                    }
                } else if (crossings == 4) {
                    // a saddle: the centre decides which opposite corners are joined
                    double center = (v[corner[0]] + v[corner[1]] + v[corner[2]] + v[corner[3]]) / 4;
                    boolean joined = (center >= level) == (v[corner[0]] >= level);
                    segments.add(joined ? new int[]{crossing[0], crossing[1]} : new int[]{crossing[3], crossing[0]});
                    segments.add(joined ? new int[]{crossing[2], crossing[3]} : new int[]{crossing[1], crossing[2]});
                }
            }
        }
        Map<Integer, List<Integer>> byEdge = new HashMap<>();
        for (int k = 0; k < segments.size(); k++) {
            for (int e : segments.get(k)) {
                byEdge.computeIfAbsent(e, x -> new ArrayList<>(2)).add(k);
            }
        }
        boolean[] used = new boolean[segments.size()];
        g.setStroke(stroke);
        g.setColor(color);
        for (int k = 0; k < segments.size(); k++) {
            if (used[k]) {
                continue;
            }
            // walk from segment k to one end of its chain (or once around a closed one) ...
            int end = segments.get(k)[0];
            int previous = k;
            for (int steps = 0; steps < segments.size(); steps++) {
                int next = other(byEdge.get(end), previous);
                if (next < 0 || next == k) {
                    break;
                }
                end = far(segments.get(next), end);
                previous = next;
            }
            // ... and draw from there along the chain
            Path2D.Double path = new Path2D.Double();
            double[] q = point(p, end, level, left, top, w, h);
            path.moveTo(q[0], q[1]);
            int e = end;
            for (int segment = byEdge.get(end).get(0); segment >= 0 && !used[segment];
                 segment = other(byEdge.get(e), segment)) {
                used[segment] = true;
                e = far(segments.get(segment), e);
                q = point(p, e, level, left, top, w, h);
                path.lineTo(q[0], q[1]);
            }
            g.draw(path);
        }
    }

    /** The id of the grid edge between neighbouring nodes i and j: 2 * lower node, + 1 when vertical. */
    private static int edge(int i, int j, int n) {
        return 2 * Math.min(i, j) + (Math.abs(i - j) == n ? 1 : 0);
    }

    /** The end of {@code segment} that is not {@code edge}. */
    private static int far(int[] segment, int edge) {
        return segment[0] == edge ? segment[1] : segment[0];
    }

    /** The segment at an edge other than {@code segment}, or -1. */
    private static int other(List<Integer> atEdge, int segment) {
        for (int s : atEdge) {
            if (s != segment) {
                return s;
            }
        }
        return -1;
    }

    /** Pixel position of the crossing of h = level on a grid edge, interpolated from its lower node. */
    private static double[] point(Panel p, int edge, double level, int left, int top, int w, int h) {
        int n = p.size();
        int lo = edge / 2;
        boolean vertical = edge % 2 == 1;
        double a = p.h()[lo] - level;
        double f = a / (a - (p.h()[lo + (vertical ? n : 1)] - level));
        double row = lo / n + (vertical ? f : 0);
        double col = lo % n + (vertical ? 0 : f);
        return new double[]{left + col / (n - 1) * w, top + h - row / (n - 1) * h};
    }

    private static int pixelX(Panel p, double x, int left, int w) {
        return (int) Math.round(left + (x - p.xMin()) / (p.xMax() - p.xMin()) * w);
    }

    private static int pixelY(Panel p, double y, int top, int h) {
        return (int) Math.round(top + h - (y - p.yMin()) / (p.yMax() - p.yMin()) * h);
    }

    /** Round tick values, about five over [lo, hi]. */
    private static double[] ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 1.5 ? magnitude : raw / magnitude < 3.5 ? 2 * magnitude
                : raw / magnitude < 7.5 ? 5 * magnitude : 10 * magnitude;
        double first = Math.ceil(lo / step) * step;
        int count = (int) Math.floor((hi - first) / step) + 1;
        double[] t = new double[Math.max(0, count)];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + i * step;
        }
        return t;
    }

    private static String label(double v) {
        double r = Math.abs(v) < 1e-9 ? 0 : v;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.format("%.1f", r);
    }
}
