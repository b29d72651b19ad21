package energy.market.weather.shm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.weather.shm.WeatherFileException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeatherFileWriterTest {
  @TempDir Path dir;
  private final List<String> log = new CopyOnWriteArrayList<>();

  @Test
  void writtenDaysAreReadBackAndCloseRemovesTheFile() throws Exception {
    Path file = dir.resolve("weather");
    try (WeatherFileWriter writer = WeatherFileWriter.create(file, log::add);
        WeatherFileReader reader = WeatherFileReader.open(file)) {
      WeatherSnapshot empty = reader.read();
      assertFalse(empty.hasDay());
      assertEquals(WriterIdentity.current(), empty.writer());
      writer.write(5, 21.3, 1234);
      WeatherSnapshot s = reader.read();
      assertEquals(5, s.day());
      assertEquals(21.3, s.temperatureCelsius());
      assertEquals(1234, s.publishedEpochMillis());
      assertEquals(2, s.sequence());
      assertEquals(64, Files.size(file));
    }
    assertFalse(Files.exists(file));
    assertEquals(List.of(), log);
  }

  @Test
  void fileLeftByACrashedDaemonIsReplacedWithALogLine() throws Exception {
    long dead = WeatherFiles.deadPid();
    Path file = WeatherFiles.write(dir.resolve("weather"), 9, 9.9, new WriterIdentity(dead, 0));
    try (WeatherFileWriter writer = WeatherFileWriter.create(file, log::add)) {
      assertEquals(WriterIdentity.current(), WeatherFileReader.open(file).read().writer());
      assertEquals(0, WeatherFileReader.open(file).read().day());
      writer.write(1, 1, 1);
    }
    assertEquals(
        List.of(
            "replacing stale weather file "
                + file
                + " left by pid "
                + dead
                + ", which is no longer running"),
        log);
  }

  @Test
  void fileOfARunningDaemonIsNotTakenOver() throws Exception {
    Path file = WeatherFiles.write(dir.resolve("weather"), 9, 9.9, WriterIdentity.current());
    byte[] before = Files.readAllBytes(file);
    WeatherFileException e =
        assertThrows(WeatherFileException.class, () -> WeatherFileWriter.create(file, log::add));
    assertEquals(Reason.IN_USE, e.reason());
    assertEquals(
        "weather file "
            + file
            + " belongs to a running weather daemon (pid "
            + ProcessHandle.current().pid()
            + "); stop it first or give this one another file with --shm-file",
        e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void secondWriterOnTheSameFileIsRefused() throws Exception {
    Path file = dir.resolve("weather");
    try (WeatherFileWriter first = WeatherFileWriter.create(file, log::add)) {
      first.write(1, 2, 3);
      assertEquals(
          Reason.IN_USE,
          assertThrows(WeatherFileException.class, () -> WeatherFileWriter.create(file, log::add))
              .reason());
      assertEquals(1, WeatherFileReader.open(file).read().day());
    }
  }

  @Test
  void unreadableFileIsReplaced() throws Exception {
    Path file = Files.write(dir.resolve("weather"), "not a weather file".getBytes());
    try (WeatherFileWriter writer = WeatherFileWriter.create(file, log::add)) {
      writer.write(3, 3, 3);
      assertEquals(3, WeatherFileReader.open(file).read().day());
    }
    assertEquals(1, log.size());
    assertTrue(log.get(0).startsWith("replacing unusable weather file " + file + ": "), log.get(0));
  }

  @Test
  void closeLeavesAFileAnotherDaemonPutInPlace() throws Exception {
    Path file = dir.resolve("weather");
    WeatherFileWriter writer = WeatherFileWriter.create(file, log::add);
    try (WeatherFileReader reader = WeatherFileReader.open(file)) {
      Path other = WeatherFiles.write(dir.resolve("other"), 4, 4, WriterIdentity.current());
      Files.move(other, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      assertTrue(reader.isReplaced());
      writer.close();
      assertTrue(Files.exists(file));
      assertEquals(
          List.of("leaving weather file " + file + " alone: another daemon replaced it"), log);
      assertThrows(IllegalStateException.class, () -> writer.write(2, 2, 2));
    }
  }
}
