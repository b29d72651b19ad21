package energy.market.weather.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two real processes share a memory-mapped weather file: a child JVM rewrites it as fast as it can
 * while this JVM reads it for a few seconds. Every record read must be one the child wrote whole:
 * its checksum matches, its temperature and time are the ones derived from its day, and days never
 * go backwards.
 */
class SharedMemoryTornReadIT {
  private static final long READ_NANOS = TimeUnit.SECONDS.toNanos(3);

  @Test
  void readerInAnotherProcessNeverSeesATornRecord() throws Exception {
    // Real shared memory where the machine has it; the default directory is /dev/shm there.
    Path file =
        WeatherFile.defaultPath().resolveSibling("energy-market-weather-it-" + UUID.randomUUID());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process writer =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                TornReadWriterMain.class.getName(),
                file.toString(),
                "60")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("ready", out.readLine(), "the writer process did not start");

      long reads = 0;
      long distinctDays = 0;
      long lastDay = -1;
      // A generous retry budget: on a busy machine the writer may be descheduled mid-update, and
      // this test is about torn records, not about the budget.
      try (WeatherFileReader reader = WeatherFileReader.open(file, Duration.ofSeconds(5))) {
        assertEquals(writer.pid(), reader.writer().pid());
        long end = System.nanoTime() + READ_NANOS;
        while (System.nanoTime() - end < 0) {
          WeatherSnapshot s = reader.read(); // throws BAD_CHECKSUM on a torn record
          reads++;
          assertEquals(0, s.sequence() & 1, "odd sequence returned");
          assertTrue(s.day() >= lastDay, "day went back from " + lastDay + " to " + s.day());
          if (s.day() > 0) {
            assertEquals(
                TornReadWriterMain.temperature(s.day()), s.temperatureCelsius(), "day " + s.day());
            assertEquals(TornReadWriterMain.publishedMillis(s.day()), s.publishedEpochMillis());
          }
          if (s.day() != lastDay) {
            distinctDays++;
            lastDay = s.day();
          }
        }
      }
      assertTrue(writer.isAlive(), "the writer stopped early");
      System.out.printf(
          "torn-read test: %d consistent reads, %d distinct days, up to day %d%n",
          reads, distinctDays, lastDay);
      assertTrue(reads > 10_000, "only " + reads + " reads");
      // Reads sample the writes (the writer is faster); what matters is that they interleaved
      // with many different writes. Loaded machines see a few hundred, idle ones many thousands.
      assertTrue(distinctDays > 100, "only " + distinctDays + " distinct days");
    } finally {
      writer.destroyForcibly();
      writer.waitFor(10, TimeUnit.SECONDS);
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tmp-" + writer.pid()));
    }
  }
}
