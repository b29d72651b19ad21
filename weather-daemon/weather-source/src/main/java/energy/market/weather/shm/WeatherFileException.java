package energy.market.weather.shm;

import java.io.IOException;
import java.nio.file.Path;

/** The weather file cannot be used; {@link #reason()} says why, the message says it for people. */
public final class WeatherFileException extends IOException {

  /** Why a weather file cannot be used. */
  public enum Reason {
    /** No file at the path: no daemon on this machine, or it wrote elsewhere. */
    MISSING,
    /** The file exists but cannot be opened or mapped (permissions, not a regular file). */
    UNREADABLE,
    /** The file is shorter than the layout's 64 bytes. */
    TRUNCATED,
    /** The first four bytes are not "EMWT": not a weather file. */
    BAD_MAGIC,
    /** The file has another layout version than this reader's. */
    WRONG_VERSION,
    /** A stable record whose checksum does not match: the file was damaged. */
    BAD_CHECKSUM,
    /** The sequence stayed odd or kept changing for the whole retry budget. */
    TORN_RETRIES_EXHAUSTED,
    /** The writer still runs but the file did not reach the awaited day in time. */
    NOT_ADVANCING,
    /** The process that wrote the file is gone: a file left by a crash. */
    STALE,
    /** A running daemon owns the file, so another daemon must not take it over. */
    IN_USE
  }

  private final Reason reason;
  private final Path path;

  /**
   * @param reason why the file cannot be used
   * @param path the file
   * @param message a one-line explanation for people
   */
  public WeatherFileException(Reason reason, Path path, String message) {
    super(message);
    this.reason = reason;
    this.path = path;
  }

  /**
   * @param reason why the file cannot be used
   * @param path the file
   * @param message a one-line explanation for people
   * @param cause the underlying failure
   */
  public WeatherFileException(Reason reason, Path path, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.path = path;
  }

  /** Why the file cannot be used. */
  public Reason reason() {
    return reason;
  }

  /** The file. */
  public Path path() {
    return path;
  }
}
