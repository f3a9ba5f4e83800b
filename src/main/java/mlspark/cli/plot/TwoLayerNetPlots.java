package mlspark.cli.plot;

import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import mlspark.cli.output.Png;
import mlspark.ml.TwoLayerNetTrainingSummary;

/** The two-layer net's picture: training loss per iteration (dots) beside train and validation accuracy per epoch. */
public final class TwoLayerNetPlots {
    private TwoLayerNetPlots() {
    }

    public static void save(TwoLayerNetTrainingSummary r, Path file) {
        double[] loss = r.objectiveHistory();
        double[] steps = new double[loss.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i + 1;
        }
        XYChart lossChart = new XYChartBuilder().width(640).height(420).title("Training loss")
                .xAxisTitle("iteration").yAxisTitle("loss").build();
        lossChart.getStyler().setXAxisDecimalPattern("#").setXAxisTickMarkSpacingHint(120);
        lossChart.getStyler().setLegendVisible(false).setMarkerSize(2);
        lossChart.addSeries("loss", steps, loss).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);

        List<TwoLayerNetTrainingSummary.Checkpoint> at = r.checkpoints();
        int n = at.size();
        double[] epochs = new double[n];
        double[] train = new double[n];
        double[] val = new double[n];
        for (int i = 0; i < n; i++) {
            TwoLayerNetTrainingSummary.Checkpoint c = at.get(i);
            epochs[i] = c.epoch();
            train[i] = c.trainAccuracy();
            val[i] = c.validationAccuracy();
        }
        XYChart acc = new XYChartBuilder().width(640).height(420).title("Classification accuracy")
                .xAxisTitle("epoch").yAxisTitle("accuracy").build();
        acc.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        acc.addSeries("train", epochs, train).setMarker(SeriesMarkers.CIRCLE);
        acc.addSeries("val", epochs, val).setMarker(SeriesMarkers.CIRCLE);
        Png.saveGrid(List.of(lossChart, acc), 2, file);
    }
}
