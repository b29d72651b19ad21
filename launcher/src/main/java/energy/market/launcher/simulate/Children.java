package energy.market.launcher.simulate;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The run's child processes: stops them group by group (SIGTERM, then SIGKILL after a grace), kills
 * them all in an emergency, and says which are left and what each was.
 */
final class Children {
  private final List<Child> all = new CopyOnWriteArrayList<>();
  private final PrintWriter out;

  /**
   * @param out where a child that must be killed is reported
   */
  Children(PrintWriter out) {
    this.out = out;
  }

  void add(Child child) {
    all.add(child);
  }

  int size() {
    return all.size();
  }

  /** Stops one child, if there is one; see {@link #stop(List, Duration)}. */
  void stop(Child child, Duration grace) throws InterruptedException {
    stop(child == null ? List.of() : List.of(child), grace);
  }

  /** Asks every child of a group to stop (SIGTERM), without waiting. */
  void signal(List<Child> group) {
    for (Child child : group) {
      if (child.isAlive()) {
        child.terminate();
      }
    }
  }

  /** Asks every child of a group to stop, and kills those still alive after {@code grace}. */
  void stop(List<Child> group, Duration grace) throws InterruptedException {
    signal(group);
    awaitExit(group, grace);
    for (Child child : group) {
      if (child.isAlive()) {
        out.println(child.name() + " did not stop within " + grace.toSeconds() + " s; killing it");
        child.kill();
        child.awaitExit(Duration.ofSeconds(5));
      }
    }
  }

  /** Waits until every child of a group has exited, for {@code timeout} in all. */
  static void awaitExit(List<Child> group, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Child child : group) {
      child.awaitExit(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
  }

  /** Kills every child at once (a second stop signal). */
  void killAll() {
    for (Child child : all) {
      if (child.isAlive()) {
        child.kill();
      }
    }
  }

  /** Kills every child and waits briefly for each: the launcher itself is going away. */
  void killAllAndWait() {
    killAll();
    for (Child child : all) {
      try {
        child.process().waitFor(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The children still alive, as {@code name (pid N)}. */
  List<String> alive() {
    List<String> alive = new ArrayList<>();
    for (Child child : all) {
      if (child.isAlive()) {
        alive.add(child.name() + " (pid " + child.pid() + ")");
      }
    }
    return alive;
  }

  /** What each child was, for run.json. */
  List<RunResult.ChildRecord> records() {
    List<RunResult.ChildRecord> records = new ArrayList<>();
    for (Child child : all) {
      records.add(
          new RunResult.ChildRecord(
              child.name(),
              child.spec().role(),
              child.pid(),
              child.command(),
              child.exitCode(),
              child.log()));
    }
    return records;
  }
}
