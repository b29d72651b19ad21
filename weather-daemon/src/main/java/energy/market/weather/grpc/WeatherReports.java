package energy.market.weather.grpc;

import com.google.protobuf.Timestamp;
import energy.market.api.v1.WeatherReport;
import energy.market.weather.model.DailyWeather;
import java.time.Instant;

/** Converts between the domain's {@link DailyWeather} and the wire's {@link WeatherReport}. */
public final class WeatherReports {
  private WeatherReports() {}

  /** The wire form of a day. */
  public static WeatherReport toProto(DailyWeather weather) {
    Instant at = weather.publishedAt();
    return WeatherReport.newBuilder()
        .setDay(weather.day())
        .setTemperatureCelsius(weather.temperatureCelsius())
        .setPublishedAt(
            Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
        .build();
  }

  /**
   * The domain form of a report.
   *
   * @throws IllegalArgumentException when the report's day or temperature is invalid
   */
  public static DailyWeather fromProto(WeatherReport report) {
    Timestamp at = report.getPublishedAt();
    return new DailyWeather(
        report.getDay(),
        report.getTemperatureCelsius(),
        Instant.ofEpochSecond(at.getSeconds(), at.getNanos()));
  }
}
