package energy.market.launcher.results;

import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.EventInfo;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code prices.png}: the price (left axis) and the temperature (right axis) over the days, with
 * the day each event started marked on the price line and labelled with its kind. Drawn with XChart
 * off screen, so it works without a display.
 */
public final class PricesPng {
  private PricesPng() {}

  /** The chart of these days. */
  public static XYChart chart(String title, List<DayRecord> days) {
    XYChart chart =
        new XYChartBuilder()
            .width(1200)
            .height(600)
            .title(title)
            .xAxisTitle("day")
            .yAxisTitle("price, EUR/kWh")
            .build();
    chart.setYAxisGroupTitle(1, "temperature, C");
    XYStyler styler = chart.getStyler();
    styler.setLegendPosition(Styler.LegendPosition.InsideNW);
    styler.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    styler.setAntiAlias(true);
    styler.setXAxisDecimalPattern("0");

    List<Double> x = new ArrayList<>();
    List<Double> price = new ArrayList<>();
    List<Double> temperature = new ArrayList<>();
    List<Double> startX = new ArrayList<>();
    List<Double> startPrice = new ArrayList<>();
    List<String> startKinds = new ArrayList<>();
    for (DayRecord day : days) {
      x.add((double) day.day());
      price.add(day.priceMicro() / 1e6);
      temperature.add(day.temperatureCelsius());
      String started =
          day.events().stream()
              .filter(e -> e.startDay() == day.day())
              .map(EventInfo::kind)
              .sorted()
              .collect(Collectors.joining("+"));
      if (!started.isEmpty()) {
        startX.add((double) day.day());
        startPrice.add(day.priceMicro() / 1e6);
        startKinds.add(started);
      }
    }
    if (x.isEmpty()) {
      // XChart cannot draw an empty series; a chart of no days shows one point at the origin.
      x.add(0.0);
      price.add(0.0);
      temperature.add(0.0);
    }
    // Each axis fitted to its own series, with a margin (XChart's second axis does not always
    // fit itself).
    double[] priceRange = range(price, 0.002);
    double[] temperatureRange = range(temperature, 1);
    styler.setYAxisMin(0, priceRange[0]);
    styler.setYAxisMax(0, priceRange[1]);
    styler.setYAxisMin(1, temperatureRange[0]);
    styler.setYAxisMax(1, temperatureRange[1]);

    XYSeries priceSeries = chart.addSeries("price", x, price);
    priceSeries.setMarker(SeriesMarkers.NONE);
    priceSeries.setLineColor(new Color(0x1f, 0x77, 0xb4));
    XYSeries temperatureSeries = chart.addSeries("temperature", x, temperature);
    temperatureSeries.setYAxisGroup(1);
    temperatureSeries.setMarker(SeriesMarkers.NONE);
    temperatureSeries.setLineColor(new Color(0xff, 0x7f, 0x0e));
    if (!startX.isEmpty()) {
      XYSeries events = chart.addSeries("event starts", startX, startPrice);
      events.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      events.setMarker(SeriesMarkers.DIAMOND);
      events.setMarkerColor(new Color(0xd6, 0x27, 0x28));
      double lift = (priceRange[1] - priceRange[0]) * 0.03;
      for (int i = 0; i < startX.size(); i++) {
        chart.addAnnotation(
            new AnnotationText(startKinds.get(i), startX.get(i), startPrice.get(i) + lift, false));
      }
    }
    return chart;
  }

  /** The values' lowest and highest, widened by 5% of the span and at least {@code least}. */
  private static double[] range(List<Double> values, double least) {
    double low = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double high = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double margin = Math.max(least, (high - low) * 0.05);
    return new double[] {low - margin, high + margin};
  }

  /** Writes the chart of these days as a PNG file. */
  public static void write(Path file, String title, List<DayRecord> days) throws IOException {
    byte[] png = BitmapEncoder.getBitmapBytes(chart(title, days), BitmapEncoder.BitmapFormat.PNG);
    Files.write(file, png);
  }
}
