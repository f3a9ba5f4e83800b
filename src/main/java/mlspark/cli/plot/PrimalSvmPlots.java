package mlspark.cli.plot;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import mlspark.cli.output.Png;
import mlspark.svm.primal.EpochResult;

/** The primal job's picture: objective against epochs (log scales), and test accuracy at the reported epochs. */
public final class PrimalSvmPlots {
    private PrimalSvmPlots() {
    }

    public static void save(List<EpochResult> history, int[] reported, double[] testAccuracy, String dataName, Path file) {
        int n = history.size() - 1;
        double[] epochs = new double[n];
        double[] objective = new double[n];
        for (int e = 1; e <= n; e++) {
            epochs[e - 1] = e;
            objective[e - 1] = history.get(e).objective();
        }
        double[] markedEpochs = new double[reported.length];
        double[] markedObjective = new double[reported.length];
        for (int i = 0; i < reported.length; i++) {
            markedEpochs[i] = Math.max(reported[i], 1);
            markedObjective[i] = history.get(reported[i]).objective();
        }

        XYChart obj = new XYChartBuilder().width(640).height(420).title("Objective E(w,b) - " + dataName)
                .xAxisTitle("epoch").yAxisTitle("E(w,b)").build();
        obj.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.InsideNE);
        obj.addSeries("E per epoch", epochs, objective).setMarker(SeriesMarkers.NONE);
        obj.addSeries("reported epochs", markedEpochs, markedObjective).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
                .setMarkerColor(Color.RED);

        XYChart acc = new XYChartBuilder().width(640).height(420).title("Test accuracy - " + dataName)
                .xAxisTitle("epoch").yAxisTitle("accuracy").build();
        acc.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0).setYAxisMax(1.0)
                .setLegendPosition(Styler.LegendPosition.InsideSE);
        acc.addSeries("test accuracy", markedEpochs, testAccuracy).setMarkerColor(Color.RED);
        Png.saveGrid(List.of(obj, acc), 2, file);
    }
}
