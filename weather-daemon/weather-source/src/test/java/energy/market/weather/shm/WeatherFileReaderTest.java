package energy.market.weather.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.weather.shm.WeatherFileException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeatherFileReaderTest {
  @TempDir Path dir;

  private WeatherFileException openFails(Path path) {
    return assertThrows(WeatherFileException.class, () -> WeatherFileReader.open(path));
  }

  @Test
  void goodFileReadsBackEveryField() throws Exception {
    WriterIdentity me = WriterIdentity.current();
    Path file = WeatherFiles.write(dir.resolve("w"), 12, -3.4, me);
    try (WeatherFileReader reader = WeatherFileReader.open(file)) {
      WeatherSnapshot s = reader.read();
      assertEquals(12, s.day());
      assertEquals(-3.4, s.temperatureCelsius());
      assertEquals(1_700_000_000_000L, s.publishedEpochMillis());
      assertEquals(me, s.writer());
      assertEquals(2, s.sequence());
      assertEquals(s, reader.readLive());
    }
  }

  @Test
  void missingFileIsMissing() {
    WeatherFileException e = openFails(dir.resolve("absent"));
    assertEquals(Reason.MISSING, e.reason());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void shortFileIsTruncated() throws Exception {
    byte[] image = WeatherFiles.image(1, 1, WriterIdentity.current());
    Path file = Files.write(dir.resolve("short"), Arrays.copyOf(image, 40));
    WeatherFileException e = openFails(file);
    assertEquals(Reason.TRUNCATED, e.reason());
    assertEquals(
        "weather file " + file + " is truncated: 40 bytes, the layout needs 64", e.getMessage());
    assertEquals(
        Reason.TRUNCATED, openFails(Files.write(dir.resolve("empty"), new byte[0])).reason());
  }

  @Test
  void fileTruncatedUnderAnOpenReaderIsTruncated() throws Exception {
    Path file = WeatherFiles.write(dir.resolve("shrinking"), 3, 1.5, WriterIdentity.current());
    try (WeatherFileReader reader = WeatherFileReader.open(file)) {
      assertEquals(3, reader.read().day());
      Files.write(file, new byte[8]); // same inode, now shorter than the mapping
      WeatherFileException e = assertThrows(WeatherFileException.class, reader::read);
      assertEquals(Reason.TRUNCATED, e.reason());
      assertEquals(
          "weather file " + file + " is truncated: 8 bytes, the layout needs 64", e.getMessage());
      Files.write(file, new byte[0]); // now the mapped page is wholly past the end: a fault
      assertEquals(
          Reason.TRUNCATED, assertThrows(WeatherFileException.class, reader::read).reason());
    }
  }

  @Test
  void otherFileIsBadMagic() throws Exception {
    Path file = Files.write(dir.resolve("other"), new byte[64]);
    WeatherFileException e = openFails(file);
    assertEquals(Reason.BAD_MAGIC, e.reason());
    assertEquals(
        file + " is not a weather file: magic 0x00000000, expected 0x54574D45 (\"EMWT\")",
        e.getMessage());
  }

  @Test
  void magicIsTheAsciiBytesEmwt() {
    byte[] image = WeatherFiles.image(1, 1, WriterIdentity.current());
    assertEquals("EMWT", new String(image, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void otherVersionIsWrongVersion() throws Exception {
    Path file =
        WeatherFiles.writeWithInt(
            dir.resolve("v2"),
            WeatherFiles.image(1, 1, WriterIdentity.current()),
            WeatherFile.OFFSET_VERSION,
            2);
    WeatherFileException e = openFails(file);
    assertEquals(Reason.WRONG_VERSION, e.reason());
    assertEquals(
        "weather file " + file + " has layout version 2; this reader understands version 1",
        e.getMessage());
  }

  @Test
  void damagedRecordIsBadChecksum() throws Exception {
    Path file =
        WeatherFiles.writeWithLong(
            dir.resolve("damaged"),
            WeatherFiles.image(5, 20.5, WriterIdentity.current()),
            WeatherFile.OFFSET_DAY,
            6);
    try (WeatherFileReader reader = WeatherFileReader.open(file)) {
      WeatherFileException e = assertThrows(WeatherFileException.class, reader::read);
      assertEquals(Reason.BAD_CHECKSUM, e.reason());
      assertTrue(e.getMessage().startsWith("weather file " + file + " is damaged"), e.getMessage());
    }
  }

  @Test
  void sequenceStuckOddGivesUpAfterTheBudget() throws Exception {
    Path file =
        WeatherFiles.writeWithLong(
            dir.resolve("torn"),
            WeatherFiles.image(5, 20.5, WriterIdentity.current()),
            WeatherFile.OFFSET_SEQUENCE,
            7);
    try (WeatherFileReader reader = WeatherFileReader.open(file, Duration.ofMillis(20))) {
      WeatherFileException e = assertThrows(WeatherFileException.class, reader::read);
      assertEquals(Reason.TORN_RETRIES_EXHAUSTED, e.reason());
      assertTrue(e.getMessage().contains("stayed mid-update (sequence 7)"), e.getMessage());
    }
  }

  @Test
  void liveWriterThatDoesNotAdvanceIsNotAdvancing() throws Exception {
    Path file = WeatherFiles.write(dir.resolve("stuck"), 3, 1.5, WriterIdentity.current());
    try (WeatherFileReader reader = WeatherFileReader.open(file)) {
      assertEquals(3, reader.awaitDay(3, Duration.ZERO).day());
      WeatherFileException e =
          assertThrows(WeatherFileException.class, () -> reader.awaitDay(4, Duration.ofMillis(30)));
      assertEquals(Reason.NOT_ADVANCING, e.reason());
      assertTrue(e.getMessage().contains("is still at day 3 after 30 ms"), e.getMessage());
    }
  }

  @Test
  void fileOfADeadWriterIsStale() throws Exception {
    Path file =
        WeatherFiles.write(
            dir.resolve("stale"), 3, 1.5, new WriterIdentity(WeatherFiles.deadPid(), 0));
    try (WeatherFileReader reader = WeatherFileReader.open(file)) {
      WeatherFileException e =
          assertThrows(WeatherFileException.class, () -> reader.awaitDay(4, Duration.ofSeconds(5)));
      assertEquals(Reason.STALE, e.reason());
      assertEquals(
          Reason.STALE, assertThrows(WeatherFileException.class, reader::readLive).reason());
    }
  }

  @Test
  void aRecycledPidWithAnotherStartTimeIsNotTheWriter() {
    WriterIdentity me = WriterIdentity.current();
    assertTrue(me.isAlive());
    if (me.startEpochMillis() != 0) {
      assertTrue(!new WriterIdentity(me.pid(), me.startEpochMillis() - 60_000).isAlive());
    }
  }
}
