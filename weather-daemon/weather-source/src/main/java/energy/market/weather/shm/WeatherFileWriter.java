package energy.market.weather.shm;

import static energy.market.weather.shm.WeatherFile.INTS;
import static energy.market.weather.shm.WeatherFile.LONGS;

import energy.market.weather.shm.WeatherFileException.Reason;
import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The daemon's side of the weather file: creates it, publishes each day with the seqlock described
 * in {@link WeatherFile}, and removes it on {@link #close()}.
 *
 * <p>A file already at the path is taken over only when its writer is gone (a crash) or it is
 * unreadable; a file whose writer still runs makes {@link #create} fail with {@code IN_USE}. The
 * new file is prepared under a temporary name and renamed into place, so a reader never sees a
 * half-initialised file. There is one writer per file; {@link #write} is synchronized.
 */
public final class WeatherFileWriter implements AutoCloseable {
  private final Path path;
  private final MappedByteBuffer buffer;
  private final Object fileKey;
  private final WriterIdentity identity;
  private final Consumer<String> log;
  private final ByteBuffer scratch =
      ByteBuffer.allocate(WeatherFile.CHECKED_LENGTH).order(WeatherFile.ORDER);
  private long sequence; // guarded by this
  private boolean closed; // guarded by this

  private WeatherFileWriter(
      Path path,
      MappedByteBuffer buffer,
      Object fileKey,
      WriterIdentity identity,
      Consumer<String> log) {
    this.path = path;
    this.buffer = buffer;
    this.fileKey = fileKey;
    this.identity = identity;
    this.log = log;
  }

  /**
   * Creates the weather file at {@code path}, replacing a stale or unreadable one.
   *
   * @param path the file; its directory must exist
   * @param log where a replaced file is reported, one line
   * @throws WeatherFileException IN_USE when a running daemon owns the file
   * @throws IOException when the file cannot be created
   */
  public static WeatherFileWriter create(Path path, Consumer<String> log) throws IOException {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new NoSuchFileException(
          String.valueOf(dir), null, "the weather file's directory does not exist");
    }
    takeOver(target, log);
    WriterIdentity identity = WriterIdentity.current();
    Path temporary = dir.resolve(target.getFileName() + ".tmp-" + identity.pid());
    MappedByteBuffer buffer;
    try (FileChannel channel =
        FileChannel.open(
            temporary,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE)) {
      WeatherSnapshot empty =
          new WeatherSnapshot(
              0, 0, 0, System.currentTimeMillis(), identity.pid(), identity.startEpochMillis());
      ByteBuffer image = ByteBuffer.wrap(WeatherFile.encode(empty));
      while (image.hasRemaining()) {
        channel.write(image);
      }
      buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, WeatherFile.SIZE);
      buffer.order(WeatherFile.ORDER);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    // The rename is atomic: readers see the old file or the complete new one, never a partial one.
    Files.move(
        temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Object key = Files.readAttributes(target, BasicFileAttributes.class).fileKey();
    return new WeatherFileWriter(target, buffer, key, identity, log);
  }

  private static void takeOver(Path target, Consumer<String> log) throws WeatherFileException {
    if (!Files.exists(target)) {
      return;
    }
    WriterIdentity owner;
    try (WeatherFileReader existing = WeatherFileReader.open(target)) {
      owner = existing.writer();
    } catch (WeatherFileException e) {
      if (e.reason() != Reason.MISSING) {
        log.accept("replacing unusable weather file " + target + ": " + e.getMessage());
      }
      return;
    }
    if (owner.isAlive()) {
      throw new WeatherFileException(
          Reason.IN_USE,
          target,
          "weather file "
              + target
              + " belongs to a running weather daemon (pid "
              + owner.pid()
              + "); stop it first or give this one another file with --shm-file");
    }
    log.accept(
        "replacing stale weather file "
            + target
            + " left by pid "
            + owner.pid()
            + ", which is no longer running");
  }

  /** The file. */
  public Path path() {
    return path;
  }

  /** The identity written into the file. */
  public WriterIdentity identity() {
    return identity;
  }

  /**
   * Publishes a day. A reader in another process sees either the previous record or this one.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public synchronized void write(long day, double temperatureCelsius, long publishedEpochMillis) {
    if (closed) {
      throw new IllegalStateException("weather file " + path + " is closed");
    }
    WeatherFile.putRecord(
        scratch,
        0,
        new WeatherSnapshot(
            0,
            day,
            temperatureCelsius,
            publishedEpochMillis,
            identity.pid(),
            identity.startEpochMillis()));
    int checksum = WeatherFile.checksum(scratch.array(), 0);
    long odd = sequence + 1;
    LONGS.setOpaque(buffer, WeatherFile.OFFSET_SEQUENCE, odd);
    // The odd sequence must be visible before any field changes.
    VarHandle.storeStoreFence();
    LONGS.setOpaque(buffer, WeatherFile.OFFSET_DAY, day);
    LONGS.setOpaque(
        buffer, WeatherFile.OFFSET_TEMPERATURE, Double.doubleToRawLongBits(temperatureCelsius));
    LONGS.setOpaque(buffer, WeatherFile.OFFSET_PUBLISHED_MILLIS, publishedEpochMillis);
    INTS.setOpaque(buffer, WeatherFile.OFFSET_CHECKSUM, checksum);
    // Release: every field above is visible before the even sequence that vouches for them.
    LONGS.setRelease(buffer, WeatherFile.OFFSET_SEQUENCE, odd + 1);
    sequence = odd + 1;
  }

  /**
   * Removes the file, unless another daemon has replaced it since; later writes fail. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Object current = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
      if (Objects.equals(current, fileKey)) {
        Files.deleteIfExists(path);
      } else {
        log.accept("leaving weather file " + path + " alone: another daemon replaced it");
      }
    } catch (NoSuchFileException e) {
      // Already gone; nothing to clean.
    } catch (IOException e) {
      log.accept("could not remove weather file " + path + ": " + e.getMessage());
    }
  }
}
