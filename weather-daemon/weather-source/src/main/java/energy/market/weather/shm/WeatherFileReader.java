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
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads the weather file that a daemon (usually another process) keeps updating, without ever
 * returning a torn or mixed record: it follows the seqlock described in {@link WeatherFile} and
 * verifies the checksum. Thread-safe; each call works on its own copy of the record.
 */
public final class WeatherFileReader implements AutoCloseable {
  /** How long {@link #read()} keeps retrying while the writer is mid-update. */
  public static final Duration DEFAULT_TORN_BUDGET = Duration.ofMillis(200);

  // Spin first (an update takes well under a microsecond), then yield, then park: the writer may
  // have been descheduled mid-update on a busy machine.
  private static final int SPINS = 64;
  private static final int YIELDS = 64;
  private static final long PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
  private static final int MIN_ATTEMPTS = SPINS + YIELDS + 64;
  private static final long MAX_POLL_MILLIS = 20;

  private final Path path;
  private final MappedByteBuffer buffer;
  private final Object fileKey;
  private final long tornBudgetNanos;

  private WeatherFileReader(
      Path path, MappedByteBuffer buffer, Object fileKey, Duration tornBudget) {
    this.path = path;
    this.buffer = buffer;
    this.fileKey = fileKey;
    this.tornBudgetNanos = tornBudget.toNanos();
  }

  /**
   * Opens and maps a weather file, checking its size, magic and version.
   *
   * @throws WeatherFileException MISSING, UNREADABLE, TRUNCATED, BAD_MAGIC or WRONG_VERSION
   */
  public static WeatherFileReader open(Path path) throws WeatherFileException {
    return open(path, DEFAULT_TORN_BUDGET);
  }

  /**
   * Opens and maps a weather file with a given retry budget for records under update.
   *
   * @throws WeatherFileException MISSING, UNREADABLE, TRUNCATED, BAD_MAGIC or WRONG_VERSION
   */
  public static WeatherFileReader open(Path path, Duration tornBudget) throws WeatherFileException {
    Objects.requireNonNull(path, "path");
    if (tornBudget.isNegative()) {
      throw new IllegalArgumentException("torn-read budget must not be negative");
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
      long size = channel.size();
      if (size < WeatherFile.SIZE) {
        throw truncated(path, size);
      }
      MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, WeatherFile.SIZE);
      buffer.order(WeatherFile.ORDER);
      WeatherFileReader reader = new WeatherFileReader(path, buffer, key, tornBudget);
      reader.checkHeader();
      return reader;
    } catch (NoSuchFileException e) {
      throw new WeatherFileException(
          Reason.MISSING,
          path,
          "weather file "
              + path
              + " does not exist (no weather daemon on this machine, or it writes elsewhere)",
          e);
    } catch (WeatherFileException e) {
      throw e;
    } catch (IOException | UnsupportedOperationException e) {
      throw new WeatherFileException(
          Reason.UNREADABLE, path, "weather file " + path + " cannot be read: " + e, e);
    }
  }

  /** The file this reader maps. */
  public Path path() {
    return path;
  }

  /**
   * The current record, consistent and checksum-verified.
   *
   * @throws WeatherFileException BAD_MAGIC, WRONG_VERSION or TRUNCATED when the file was damaged
   *     after opening, BAD_CHECKSUM for a stable record that does not match its checksum,
   *     TORN_RETRIES_EXHAUSTED when the writer kept it mid-update for the whole retry budget
   */
  public WeatherSnapshot read() throws WeatherFileException {
    long deadline = System.nanoTime() + tornBudgetNanos;
    byte[] copy = new byte[WeatherFile.RECORD_LENGTH];
    ByteBuffer fields = ByteBuffer.wrap(copy).order(WeatherFile.ORDER);
    long lastSequence = -1;
    try {
      for (int attempt = 0; ; attempt++) {
        checkHeader();
        long before = (long) LONGS.getAcquire(buffer, WeatherFile.OFFSET_SEQUENCE);
        if ((before & 1) == 0) {
          buffer.get(WeatherFile.CHECKED_FROM, copy);
          // Keeps the copy's loads before the second read of the sequence.
          VarHandle.loadLoadFence();
          long after = (long) LONGS.getOpaque(buffer, WeatherFile.OFFSET_SEQUENCE);
          if (before == after) {
            return decode(before, fields, copy);
          }
        }
        lastSequence = before;
        // Both conditions: a reader that was itself paused (GC, a busy machine) past the budget
        // must still retry before blaming the writer.
        if (attempt >= MIN_ATTEMPTS && System.nanoTime() - deadline > 0) {
          throw new WeatherFileException(
              Reason.TORN_RETRIES_EXHAUSTED,
              path,
              "weather file "
                  + path
                  + " stayed mid-update (sequence "
                  + lastSequence
                  + ") for "
                  + TimeUnit.NANOSECONDS.toMillis(tornBudgetNanos)
                  + " ms over "
                  + (attempt + 1)
                  + " attempts; its writer may have died while writing");
        }
        pause(attempt);
      }
    } catch (InternalError e) {
      // The JVM reports a fault on a mapped page (the file was truncated under us) this way.
      throw truncated(path, currentSize());
    } catch (WeatherFileException e) {
      // A file truncated under us reads as zeros up to the end of its page: say what happened.
      long size = currentSize();
      if (e.reason() != Reason.TORN_RETRIES_EXHAUSTED && size < WeatherFile.SIZE) {
        throw truncated(path, size);
      }
      throw e;
    }
  }

  /**
   * Waits until the file holds {@code day} or a later day.
   *
   * @param day the day wanted
   * @param timeout how long to wait for the writer to publish it
   * @return the record, whose day is {@code day} or later
   * @throws WeatherFileException STALE when the writer is gone, NOT_ADVANCING when it runs but did
   *     not reach the day in time, or any error of {@link #read()}
   */
  public WeatherSnapshot awaitDay(long day, Duration timeout)
      throws WeatherFileException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pollMillis = 1;
    while (true) {
      WeatherSnapshot snapshot = read();
      if (snapshot.day() >= day) {
        return snapshot;
      }
      if (!snapshot.writer().isAlive()) {
        throw stale(snapshot);
      }
      long leftNanos = deadline - System.nanoTime();
      if (leftNanos <= 0) {
        throw new WeatherFileException(
            Reason.NOT_ADVANCING,
            path,
            "weather file "
                + path
                + " is still at day "
                + snapshot.day()
                + " after "
                + timeout.toMillis()
                + " ms waiting for day "
                + day
                + " (writer pid "
                + snapshot.writerPid()
                + " runs but does not advance)");
      }
      Thread.sleep(Math.min(pollMillis, Math.max(1, TimeUnit.NANOSECONDS.toMillis(leftNanos))));
      pollMillis = Math.min(MAX_POLL_MILLIS, pollMillis * 2);
    }
  }

  /**
   * The current record, refusing a file whose writer is gone.
   *
   * @throws WeatherFileException STALE, or any error of {@link #read()}
   */
  public WeatherSnapshot readLive() throws WeatherFileException {
    WeatherSnapshot snapshot = read();
    if (!snapshot.writer().isAlive()) {
      throw stale(snapshot);
    }
    return snapshot;
  }

  /**
   * The process that owns the file. These fields are written once, before the file gets its name,
   * so they are read without the seqlock; this works even when a writer died mid-update.
   */
  public WriterIdentity writer() {
    return new WriterIdentity(
        (long) LONGS.getOpaque(buffer, WeatherFile.OFFSET_WRITER_PID),
        (long) LONGS.getOpaque(buffer, WeatherFile.OFFSET_WRITER_START_MILLIS));
  }

  /**
   * True when the path no longer names the file this reader mapped (a new daemon replaced it, or it
   * was removed); the caller should open it again.
   */
  public boolean isReplaced() {
    try {
      return !Objects.equals(
          fileKey, Files.readAttributes(path, BasicFileAttributes.class).fileKey());
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() {
    // The mapping is released with the buffer; nothing else is held.
  }

  private void checkHeader() throws WeatherFileException {
    int magic = (int) INTS.getOpaque(buffer, WeatherFile.OFFSET_MAGIC);
    if (magic != WeatherFile.MAGIC) {
      throw new WeatherFileException(
          Reason.BAD_MAGIC,
          path,
          String.format(
              "%s is not a weather file: magic 0x%08X, expected 0x%08X (\"EMWT\")",
              path, magic, WeatherFile.MAGIC));
    }
    int version = (int) INTS.getOpaque(buffer, WeatherFile.OFFSET_VERSION);
    if (version != WeatherFile.VERSION) {
      throw new WeatherFileException(
          Reason.WRONG_VERSION,
          path,
          "weather file "
              + path
              + " has layout version "
              + version
              + "; this reader understands version "
              + WeatherFile.VERSION);
    }
  }

  private WeatherSnapshot decode(long sequence, ByteBuffer fields, byte[] copy)
      throws WeatherFileException {
    int stored = fields.getInt(WeatherFile.CHECKED_LENGTH);
    int computed = WeatherFile.checksum(copy, 0);
    if (stored != computed) {
      throw new WeatherFileException(
          Reason.BAD_CHECKSUM,
          path,
          String.format(
              "weather file %s is damaged: checksum 0x%08X, the record gives 0x%08X",
              path, stored, computed));
    }
    return new WeatherSnapshot(
        sequence,
        fields.getLong(0),
        Double.longBitsToDouble(fields.getLong(8)),
        fields.getLong(16),
        fields.getLong(24),
        fields.getLong(32));
  }

  private WeatherFileException stale(WeatherSnapshot snapshot) {
    return new WeatherFileException(
        Reason.STALE,
        path,
        "weather file "
            + path
            + " is stale: its writer (pid "
            + snapshot.writerPid()
            + ") is no longer running; the last day it wrote is "
            + snapshot.day());
  }

  private long currentSize() {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return 0;
    }
  }

  private static WeatherFileException truncated(Path path, long size) {
    return new WeatherFileException(
        Reason.TRUNCATED,
        path,
        "weather file "
            + path
            + " is truncated: "
            + size
            + " bytes, the layout needs "
            + WeatherFile.SIZE);
  }

  private static void pause(int attempt) {
    if (attempt < SPINS) {
      Thread.onSpinWait();
    } else if (attempt < SPINS + YIELDS) {
      Thread.yield();
    } else {
      LockSupport.parkNanos(PARK_NANOS);
    }
  }
}
