package energy.market.launcher.simulate;

import energy.market.client.Channels;
import energy.market.client.ClientTls;
import energy.market.client.ShutdownHook;
import energy.market.launcher.feed.Health;
import energy.market.launcher.feed.MarketFeed;
import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.MarketStatus;
import energy.market.launcher.view.LiveView;
import energy.market.server.ledger.SqliteLedger;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * Runs one simulation: starts the market, waits until it is SERVING, then the weather daemon (until
 * SERVING), the external daemon and the home processes; follows the price feed until the last day
 * closes, a child dies or a stop signal arrives; then stops the homes, reads their accounts, and
 * stops the external daemon, the weather daemon and the market, in that order (SIGTERM, SIGKILL
 * after a grace period), checks that none is left and removes the shared-memory file.
 */
public final class Simulation {
  /** Opens the live view once every participant is up. */
  @FunctionalInterface
  public interface ViewFactory {
    LiveView open(String title);
  }

  /** The environment variable that tells a child the launcher's pid (see {@code ChildMode}). */
  public static final String LAUNCHER_PID_ENV = "ENERGY_MARKET_LAUNCHER_PID";

  private static final Duration PROBE_DEADLINE = Duration.ofSeconds(1);

  private final RunSettings run;
  private final ChildCommands commands;
  private final ClientTls clientTls;
  private final String operatorToken;
  private final Duration startupTimeout;
  private final Duration stopGrace;
  private final ViewFactory views;
  private final PrintWriter out;
  private final ClassDataSharing classData;
  private final RunMonitor monitor = new RunMonitor();
  private final Children children;
  private final ChildLauncher launcher;
  private final ConcurrentSkipListMap<Long, DayRecord> days = new ConcurrentSkipListMap<>();
  private Child market;
  private Child weather;
  private Child external;
  private final List<Child> homes = new ArrayList<>();
  private ManagedChannel marketChannel;
  private MarketFeed feed;
  private LiveView view;
  private int marketPort;
  private int weatherPort;
  private Duration startup;

  /**
   * @param run the run's settings
   * @param operatorToken the secret the daemons present to the market, new for each run
   * @param startupTimeout how long each child may take to come up
   * @param stopGrace how long each group of children may take to stop after SIGTERM
   * @param classDataSharing share the children's class data through a cached archive
   * @param views opens the live view
   * @param out where progress lines go
   * @param tls the run's transport, plaintext or mutual TLS
   */
  public Simulation(
      RunSettings run,
      RunTls tls,
      String operatorToken,
      Duration startupTimeout,
      Duration stopGrace,
      boolean classDataSharing,
      ViewFactory views,
      PrintWriter out) {
    String childClassPath = ChildClassPath.of(System.getProperty("java.class.path"));
    this.classData =
        classDataSharing ? ClassDataSharing.forClassPath(childClassPath, run.runId()) : null;
    this.run = run;
    this.commands = new ChildCommands(run, tls);
    this.clientTls = tls.channels();
    this.operatorToken = operatorToken;
    this.startupTimeout = startupTimeout;
    this.stopGrace = stopGrace;
    this.views = views;
    this.out = out;
    this.children = new Children(out);
    this.launcher =
        new ChildLauncher(run, childClassPath, classData, operatorToken, children, monitor);
  }

  /**
   * A stop signal: the first ends the run cleanly; a second one kills every child at once.
   *
   * @param name {@code INT}, {@code TERM} or {@code HUP}
   */
  public void signal(String name) {
    if (!monitor.signal(name)) {
      children.killAll();
    }
  }

  /** Runs the simulation to its end and stops every child; never leaves one running. */
  public RunResult run() throws InterruptedException {
    Instant started = Instant.now();
    // If the launcher's JVM ends some other way, its children must not outlive it.
    ShutdownHook safetyNet = ShutdownHook.install("simulate-emergency-stop", this::emergencyStop);
    LedgerBooks books;
    List<String> leftovers;
    try {
      try {
        if (start()) {
          view = views.open(title());
          feed.follow(1, new FeedListener());
        }
      } catch (IOException | RuntimeException e) {
        monitor.startupFailed("cannot start the processes: " + e);
      }
      Ending ending = monitor.await();
      monitor.stopping();
      if (view != null) {
        view.close();
      }
      out.println("stopping: " + ending.message());
      out.flush();
      long stopNanos = System.nanoTime();
      // The daemons serve nobody once the days are over: they stop while the homes leave.
      List<Child> daemons = Stream.of(external, weather).filter(Objects::nonNull).toList();
      children.signal(daemons);
      List<Child> marketOnly = market == null ? List.of() : List.of(market);
      if (ending.kind() == Ending.Kind.COMPLETED) {
        closeFeed();
        // The market stops while the homes leave: it takes no new calls but lets their sessions
        // run to their end, which they reach by themselves after the last day. The books are final
        // once the last day closed; they are read from the ledger once the market is gone.
        children.signal(marketOnly);
        // The homes leave by themselves after the last day; a signal now would race their exit.
        Children.awaitExit(homes, stopGrace);
      }
      children.stop(homes, stopGrace);
      closeFeed();
      // The daemons were told to stop first and are leaving by now: the market stops meanwhile.
      // It lets running calls finish (a watcher's price stream holds it ~3 s), so it gets twice
      // the grace before it is killed.
      children.signal(marketOnly);
      children.stop(daemons, stopGrace);
      children.stop(market, stopGrace.multipliedBy(2));
      leftovers = children.alive();
      out.printf(
          Locale.ROOT,
          "stopped %d processes in %.1f s%n",
          children.size() - leftovers.size(),
          (System.nanoTime() - stopNanos) / 1e9);
      out.flush();
      books =
          LedgerBooks.forResults(
              run.runDir().resolve(SqliteLedger.FILE_NAME),
              run.days(),
              days.values(),
              run.homeNames(),
              out);
      if (classData != null) {
        boolean completed = monitor.await().kind() == Ending.Kind.COMPLETED;
        if (completed && classData.makesArchives()) {
          out.println("making this build's class-data archives, once, for faster starts");
          out.flush();
        }
        classData.finish(completed);
      }
    } finally {
      if (marketChannel != null) {
        marketChannel.shutdownNow();
      }
      removeSharedMemoryFile();
    }
    // When the JVM is already shutting down, the hook finds nothing left to do.
    safetyNet.remove();
    return new RunResult(
        monitor.await(),
        started,
        Instant.now(),
        books.days(),
        books.accounts(),
        children.records(),
        startup,
        marketPort,
        weatherPort,
        leftovers);
  }

  private boolean start() throws IOException, InterruptedException {
    long startNanos = System.nanoTime();
    market = launcher.launch(commands.market());
    // While the market starts: every child waits for its port, and once they start they take both
    // cores until day 1, so what the launcher does now costs no time later.
    launcher.prepareHomes();
    Channels.loadTransport();
    if (!monitor.waitFor(
        "the market did not print its port", startupTimeout, () -> market.ready() != null)) {
      return false;
    }
    marketPort = Integer.parseInt(market.ready());
    // Every other child needs only the market's address, so they all start now and come up side by
    // side: a JVM start is mostly one thread, and one after the other they left a core idle. The
    // homes read the temperature from the shared-memory file and reach the weather daemon's stream
    // only as a fallback, so the daemon gets a port chosen here instead of one it prints later. The
    // market opens day 1 only once every home and both daemons are connected, so the order in
    // which they connect does not matter.
    weatherPort = FreePort.pick(ChildCommands.LOOPBACK);
    weather = launcher.launch(commands.weather(marketPort, weatherPort));
    external = launcher.launch(commands.external(marketPort));
    for (HomeShare share : run.shares()) {
      homes.add(launcher.launch(commands.homes(share, marketPort, weatherPort)));
    }

    marketChannel = Channels.open(ChildCommands.LOOPBACK + ":" + marketPort, clientTls);
    if (!monitor.waitFor(
        "the market did not report SERVING",
        startupTimeout,
        () -> Health.serving(marketChannel, PROBE_DEADLINE))) {
      return false;
    }
    out.printf(
        Locale.ROOT,
        "market    pid %-7d %s:%d, serving%n",
        market.pid(),
        ChildCommands.LOOPBACK,
        marketPort);
    out.flush();

    if (!monitor.waitFor(
        "the weather daemon did not print its port",
        startupTimeout,
        () -> weather.ready() != null)) {
      return false;
    }
    ManagedChannel weatherChannel =
        Channels.open(ChildCommands.LOOPBACK + ":" + weatherPort, clientTls);
    try {
      if (!monitor.waitFor(
          "the weather daemon did not report SERVING",
          startupTimeout,
          () -> Health.serving(weatherChannel, PROBE_DEADLINE))) {
        return false;
      }
    } finally {
      weatherChannel.shutdownNow();
    }
    out.printf(
        Locale.ROOT,
        "weather   pid %-7d %s:%d, serving; shared memory %s%n",
        weather.pid(),
        ChildCommands.LOOPBACK,
        weatherPort,
        run.shmFile());
    out.flush();

    if (!monitor.waitFor(
        "the external daemon did not start", startupTimeout, () -> external.ready() != null)) {
      return false;
    }
    out.printf(
        Locale.ROOT, "external  pid %-7d random events, seed %d%n", external.pid(), run.seed());
    out.flush();
    if (!monitor.waitFor(
        "the home processes did not all start",
        startupTimeout,
        () -> homes.stream().allMatch(h -> h.ready() != null))) {
      return false;
    }
    feed = new MarketFeed(marketChannel, false);
    if (!monitor.waitFor(
        "not all " + run.homes() + " homes connected to the market",
        startupTimeout,
        this::everyHomeConnected)) {
      return false;
    }
    startup = Duration.ofNanos(System.nanoTime() - startNanos);
    out.printf(
        Locale.ROOT,
        "homes     %d in %d processes%s, all connected; up in %.1f s%n",
        run.homes(),
        homes.size(),
        homes.isEmpty()
            ? ""
            : " (pids "
                + homes.get(0).pid()
                + (homes.size() > 1 ? ".." + homes.get(homes.size() - 1).pid() : "")
                + ")",
        startup.toMillis() / 1000.0);
    out.flush();
    return true;
  }

  /** Cancels the feed, or the market would wait for our stream when it shuts down. */
  private void closeFeed() {
    if (feed != null) {
      feed.close();
    }
  }

  /**
   * Whether every home has connected. The market opens day 1 only once they all have, so a day
   * under way means they did, even when they are no longer all there: a short run's homes leave
   * after its last day, which can come before the first answer of this JVM's cold channel.
   */
  private boolean everyHomeConnected() {
    try {
      MarketStatus status = feed.status(PROBE_DEADLINE);
      return status.homesConnected() >= run.homes() || status.day() >= 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private String title() {
    return "energy-market simulate | run "
        + run.runId()
        + " | market "
        + ChildCommands.LOOPBACK
        + ":"
        + marketPort
        + " | "
        + run.homes()
        + " homes";
  }

  private void emergencyStop() {
    children.killAllAndWait();
    removeSharedMemoryFile();
  }

  /** The weather daemon removes its file when it stops; this also covers a killed daemon. */
  private void removeSharedMemoryFile() {
    Path file = run.shmFile();
    try {
      Files.deleteIfExists(file);
      Path dir = file.getParent();
      if (dir != null) {
        try (DirectoryStream<Path> temporary =
            Files.newDirectoryStream(dir, file.getFileName() + ".tmp-*")) {
          for (Path leftover : temporary) {
            Files.deleteIfExists(leftover);
          }
        }
      }
    } catch (IOException e) {
      out.println("could not remove the shared-memory file " + file + ": " + e.getMessage());
    }
  }

  /** Records each day, shows it, and ends the run after its last day. */
  private final class FeedListener implements MarketFeed.Listener {
    @Override
    public void day(DayRecord day) {
      // Days that close after the run ended (while the homes are being stopped) are not the run's.
      if (day.day() > run.days() || monitor.isOver()) {
        return;
      }
      boolean first = days.isEmpty();
      days.put(day.day(), day);
      monitor.dayClosed(day.day());
      view.day(day);
      if (first) {
        // Early, not at the end: begun as the children stop, it still ran when the results were
        // written, which then waited for the same classes (about 0.2 s more after the last day).
        ResultsWarmUp.start(List.copyOf(days.values()));
      }
      if (day.day() >= run.days()) {
        monitor.completed("all " + run.days() + " days closed");
      }
    }
  }
}
