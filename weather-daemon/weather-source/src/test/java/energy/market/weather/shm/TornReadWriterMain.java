package energy.market.weather.shm;

import java.nio.file.Path;

/**
 * The writer process of {@link SharedMemoryTornReadIT}: creates the weather file and publishes
 * self-checking records as fast as it can until killed (or after a safety limit).
 */
public final class TornReadWriterMain {
  private TornReadWriterMain() {}

  /** The temperature written for a day: a function of the day, so a mixed record shows. */
  static double temperature(long day) {
    return ((day * 7919) % 1301) / 10.0 - 60;
  }

  /** The publication time written for a day, likewise. */
  static long publishedMillis(long day) {
    return day * 1_000_003L + 17;
  }

  /**
   * @param args the file, and the most seconds to run
   */
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    long stopAt = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
    try (WeatherFileWriter writer = WeatherFileWriter.create(file, System.err::println)) {
      System.out.println("ready");
      System.out.flush();
      long day = 0;
      while (System.nanoTime() - stopAt < 0) {
        day++;
        writer.write(day, temperature(day), publishedMillis(day));
      }
      System.out.println("wrote " + day + " records");
    }
  }
}
