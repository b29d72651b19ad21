package energy.market.server.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scheduler whose time moves only when the test says so. */
final class ManualScheduler implements Scheduler {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final List<Task> tasks = new ArrayList<>();
  private long sequence;

  private final class Task implements Cancellable {
    final Instant at;
    final long order = sequence++;
    final Runnable work;
    boolean cancelled;

    Task(Instant at, Runnable work) {
      this.at = at;
      this.work = work;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    Task scheduled = new Task(now.plus(delay), task);
    tasks.add(scheduled);
    return scheduled;
  }

  /** Runs everything due up to {@code now + by}, in time order, moving time along. */
  void advance(Duration by) {
    Instant until = now.plus(by);
    while (true) {
      Task next =
          tasks.stream()
              .filter(task -> !task.cancelled && !task.at.isAfter(until))
              .min(
                  Comparator.comparing((Task task) -> task.at)
                      .thenComparingLong(task -> task.order))
              .orElse(null);
      if (next == null) {
        break;
      }
      tasks.remove(next);
      if (next.at.isAfter(now)) {
        now = next.at;
      }
      next.work.run();
    }
    now = until;
  }
}
