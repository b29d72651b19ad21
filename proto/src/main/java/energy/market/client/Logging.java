package energy.market.client;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/** Sets up java.util.logging (which gRPC uses too) to print one short line per record. */
public final class Logging {
  // The LogManager holds loggers weakly: without this reference the project's logger, and the
  // level set on it, would go at the next garbage collection, and FINE records (market --verbose)
  // would fall back to the root's WARNING.
  private static final Logger PROJECT = Logger.getLogger("energy.market");

  private Logging() {}

  /** Installs the one-line format on stderr at {@code level} for our own loggers. */
  public static void configure(Level level) {
    configure(level, System.err);
  }

  /** As {@link #configure(Level)}, printing to {@code out}. */
  static void configure(Level level, OutputStream out) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    Handler handler = new LineHandler(out);
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    root.setLevel(Level.WARNING);
    PROJECT.setLevel(level);
  }

  /**
   * What {@code ConsoleHandler} does (each record flushed at once; closing does not close the
   * stream), without building the {@code SimpleFormatter} it starts with: that one checks its
   * format by formatting the current time in the local zone, and every process of a run would pay
   * about 15 ms of CPU for it at start (loading time zones and number formats), whether it ever
   * logs or not.
   */
  private static final class LineHandler extends StreamHandler {
    LineHandler(OutputStream out) {
      super(out, new OneLineFormatter());
    }

    @Override
    public synchronized void publish(LogRecord record) {
      super.publish(record);
      flush();
    }

    @Override
    public synchronized void close() {
      flush();
    }
  }

  /** {@code HH:MM:SS LEVEL logger: message}, and the stack trace of a thrown exception below it. */
  private static final class OneLineFormatter extends Formatter {
    @Override
    public String format(LogRecord record) {
      LocalTime time = LocalTime.ofInstant(record.getInstant(), ZoneId.systemDefault());
      StringBuilder line =
          new StringBuilder()
              .append(
                  String.format(
                      Locale.ROOT,
                      "%02d:%02d:%02d",
                      time.getHour(),
                      time.getMinute(),
                      time.getSecond()))
              .append(' ')
              .append(record.getLevel().getLocalizedName())
              .append(' ')
              .append(record.getLoggerName())
              .append(": ")
              .append(formatMessage(record));
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        try (PrintWriter writer = new PrintWriter(trace)) {
          writer.println();
          record.getThrown().printStackTrace(writer);
        }
        line.append(trace.toString().stripTrailing());
      }
      return line.append(System.lineSeparator()).toString();
    }
  }
}
