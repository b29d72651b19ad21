package energy.market.weather.shm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds weather files, good and damaged, for tests. */
public final class WeatherFiles {
  private WeatherFiles() {}

  /** A pid that belonged to a process which has exited. */
  public static long deadPid() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    return process.pid();
  }

  /** A consistent file image. */
  public static byte[] image(long day, double celsius, WriterIdentity writer) {
    return WeatherFile.encode(
        new WeatherSnapshot(
            2, day, celsius, 1_700_000_000_000L, writer.pid(), writer.startEpochMillis()));
  }

  /** Writes a file holding one record. */
  public static Path write(Path path, long day, double celsius, WriterIdentity writer)
      throws IOException {
    return Files.write(path, image(day, celsius, writer));
  }

  /** Writes an image after changing an int at an offset. */
  public static Path writeWithInt(Path path, byte[] image, int offset, int value)
      throws IOException {
    ByteBuffer.wrap(image).order(WeatherFile.ORDER).putInt(offset, value);
    return Files.write(path, image);
  }

  /** Writes an image after changing a long at an offset. */
  public static Path writeWithLong(Path path, byte[] image, int offset, long value)
      throws IOException {
    ByteBuffer.wrap(image).order(WeatherFile.ORDER).putLong(offset, value);
    return Files.write(path, image);
  }
}
