package energy.market.weather.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two real processes share a memory-mapped weather file: a child JVM rewrites it as fast as it can
 * while this JVM reads it until it has seen many different records. Every record read must be one
 * the child wrote whole: its checksum matches, its temperature and time are the ones derived from
 * its day, and days never go backwards.
 */
class SharedMemoryTornReadIT {
  private static final long MIN_READS = 10_000;
  private static final long MIN_DISTINCT_DAYS = 200;

  @Test
  void readerInAnotherProcessNeverSeesATornRecord() throws Exception {
    // Real shared memory where the machine has it; the default directory is /dev/shm there.
    Path file =
        WeatherFile.defaultPath().resolveSibling("energy-market-weather-it-" + UUID.randomUUID());
    ChildProcess writer =
        ChildProcess.java(
            "torn-read-writer",
            TornReadWriterMain.class.getName(),
            List.of(file.toString(), "600"));
    try {
      writer.awaitLine("^ready$", Await.LONG);

      long reads = 0;
      long distinctDays = 0;
      long lastDay = -1;
      // A generous retry budget: on a busy machine the writer may be descheduled mid-update, and
      // this test is about torn records, not about the budget.
      try (WeatherFileReader reader = WeatherFileReader.open(file, Duration.ofSeconds(5))) {
        assertEquals(writer.pid(), reader.writer().pid());
        // Reads sample the writes (the writer is faster); what matters is that they interleave
        // with many different writes, however long a busy machine takes to get there.
        long end = System.nanoTime() + Await.LONG.toNanos();
        while (reads < MIN_READS || distinctDays < MIN_DISTINCT_DAYS) {
          assertTrue(
              System.nanoTime() - end < 0,
              "only " + reads + " reads of " + distinctDays + " days within " + Await.LONG);
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
      assertTrue(writer.isAlive(), "the writer stopped early:\n" + writer.transcript());
    } finally {
      writer.close();
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tmp-" + writer.pid()));
    }
  }
}
