package energy.market.weather.shm;

import java.time.Instant;
import java.util.Optional;

/**
 * The process that owns a weather file, identified by its pid and its start time, so that a pid
 * reused by an unrelated process after a crash is not mistaken for the daemon.
 *
 * @param pid the process id
 * @param startEpochMillis the process's start time, Unix epoch milliseconds; 0 if unknown
 */
public record WriterIdentity(long pid, long startEpochMillis) {
  // Start times are derived from clock ticks and the boot time; allow for their rounding.
  private static final long START_TOLERANCE_MILLIS = 1000;

  /** This process. */
  public static WriterIdentity current() {
    ProcessHandle self = ProcessHandle.current();
    return new WriterIdentity(self.pid(), startMillis(self).orElse(0L));
  }

  /** True while the process runs (on this machine, in this pid namespace). */
  public boolean isAlive() {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    if (startEpochMillis == 0) {
      return true;
    }
    return startMillis(handle.get())
        .map(start -> Math.abs(start - startEpochMillis) <= START_TOLERANCE_MILLIS)
        .orElse(true);
  }

  private static Optional<Long> startMillis(ProcessHandle handle) {
    return handle.info().startInstant().map(Instant::toEpochMilli);
  }
}
