package energy.market.external;

import energy.market.model.EventKind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns a raised event into a {@link ReportedEvent} with its id and hands it to the {@link Outbox}.
 *
 * <p>A signal from a person gets {@code <instance>-<n>}: the instance id differs for every start of
 * the daemon and {@code n} counts up, so ids are unique, and a retry re-sends the same id. A signal
 * that random mode raised gets the deterministic id random mode announced with {@link #expect} just
 * before raising it (from the seed, the day and the kind), so a day replayed after a crash reports
 * the same ids and the market counts each once.
 *
 * <p>{@link #raised} runs on the JVM's thread for the caught signal: it only takes this object's
 * monitor and appends to the outbox; no I/O.
 */
public final class EventIntake implements EventSink {

  private record Expected(String id, String note) {}

  private final String instanceId;
  private final Outbox outbox;
  private final Map<EventKind, ArrayDeque<Expected>> expected = new EnumMap<>(EventKind.class);
  private int expectedCount;
  private long sequence;

  /**
   * @param instanceId this daemon run's id, the prefix of manual event ids
   * @param outbox where events go
   */
  public EventIntake(String instanceId, Outbox outbox) {
    this.instanceId = instanceId;
    this.outbox = outbox;
  }

  /**
   * An id for this run of the daemon: the process id and its start time, so two runs never share
   * one, even when the operating system reuses the pid.
   */
  public static String instanceIdOf(ProcessHandle process) {
    long startMillis =
        process.info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
    return "signal-" + process.pid() + "-" + Long.toString(startMillis, 36);
  }

  @Override
  public synchronized void raised(EventKind kind, String source) {
    ArrayDeque<Expected> waiting = expected.get(kind);
    Expected planned = waiting == null ? null : waiting.pollFirst();
    ReportedEvent event;
    if (planned != null) {
      expectedCount--;
      event = new ReportedEvent(planned.id(), kind, source + " " + planned.note());
      notifyAll();
    } else {
      event = new ReportedEvent(instanceId + "-" + ++sequence, kind, source);
    }
    outbox.offer(event);
  }

  /**
   * Announces that the next {@code kind} raised is random mode's event {@code id}.
   *
   * @param note appended to the event's source, for people
   */
  public synchronized void expect(EventKind kind, String id, String note) {
    expected.computeIfAbsent(kind, k -> new ArrayDeque<>()).addLast(new Expected(id, note));
    expectedCount++;
  }

  /**
   * Waits until every announced event has been raised. On timeout the announcements are forgotten,
   * so a late signal is reported as a manual one rather than under a stale id.
   *
   * @return true when all arrived in time
   */
  public synchronized boolean awaitExpected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (expectedCount > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        expected.clear();
        expectedCount = 0;
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
