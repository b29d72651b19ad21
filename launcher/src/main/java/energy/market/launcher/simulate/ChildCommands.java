package energy.market.launcher.simulate;

import energy.market.client.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command lines of a run's children. Every participant listens on 127.0.0.1 and a free port
 * (read back from its first lines), and gets the run's seed; the market opens day 1 only once every
 * home and both daemons are connected, so that a seed gives the same run every time.
 */
public final class ChildCommands {
  static final String LOOPBACK = "127.0.0.1";
  static final Pattern MARKET_READY = Pattern.compile("market listening on port (\\d+)");
  static final Pattern WEATHER_READY = Pattern.compile("weather listening on port (\\d+)");
  static final Pattern EXTERNAL_READY = Pattern.compile("(waiting for signals)");
  static final Pattern HOMES_READY = Pattern.compile("home-client: (\\d+) homes");

  /** The directory of the run's homes' key, inside the run's directory. */
  static final String HOME_STATE_DIR = "home-state";

  /** The daemons the market waits for before day 1: weather and external. */
  static final int DAEMONS = 2;

  private final RunSettings run;
  private final RunTls tls;

  public ChildCommands(RunSettings run) {
    this(run, RunTls.PLAINTEXT);
  }

  ChildCommands(RunSettings run, RunTls tls) {
    this.run = run;
    this.tls = tls;
  }

  /** The market, keeping its data (the ledger) in the run's directory. */
  public ChildSpec market() {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--port",
                Integer.toString(run.marketPort()),
                "--bind",
                LOOPBACK,
                "--day-length",
                Durations.format(run.dayLength()),
                "--days",
                Long.toString(run.days()),
                "--seed",
                Long.toString(run.seed()),
                "--data-dir",
                run.runDir().toString(),
                "--await-homes",
                Integer.toString(run.homes()),
                "--await-daemons",
                Integer.toString(DAEMONS)));
    args.addAll(tls.server());
    args.addAll(run.forwardedTo("market"));
    return new ChildSpec("market", "market", JvmOptions.market(run.homes()), args, MARKET_READY);
  }

  /** The weather daemon on {@code port} (0: any), writing the run's own shared-memory file. */
  public ChildSpec weather(int marketPort, int port) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--market",
                LOOPBACK + ":" + marketPort,
                "--port",
                Integer.toString(port),
                "--bind",
                LOOPBACK,
                "--seed",
                Long.toString(run.seed()),
                "--shm-file",
                run.shmFile().toString()));
    args.addAll(tls.serverAndClient());
    args.addAll(run.forwardedTo("weather"));
    return new ChildSpec("weather", "weather", JvmOptions.daemon(), args, WEATHER_READY);
  }

  /** The external daemon in random mode: seeded events, raised as real signals on itself. */
  public ChildSpec external(int marketPort) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--market",
                LOOPBACK + ":" + marketPort,
                "--random",
                "--seed",
                Long.toString(run.seed())));
    args.addAll(tls.client());
    args.addAll(run.forwardedTo("external"));
    return new ChildSpec("external", "external", JvmOptions.daemon(), args, EXTERNAL_READY);
  }

  /**
   * A process of homes: they read the temperature from the run's shared-memory file (falling back
   * to the weather stream, then the market), keep their key in the run's directory (so that a run's
   * homes never mix with the user's own) and leave after the run's last day.
   */
  public ChildSpec homes(HomeShare share, int marketPort, int weatherPort) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--market",
                LOOPBACK + ":" + marketPort,
                "--count",
                Integer.toString(share.count()),
                "--first-index",
                Integer.toString(share.firstIndex()),
                "--seed",
                Long.toString(run.seed()),
                "--days",
                Long.toString(run.days()),
                "--print",
                "summary",
                "--weather",
                "auto",
                "--shm-file",
                run.shmFile().toString(),
                "--weather-address",
                LOOPBACK + ":" + weatherPort,
                "--state-dir",
                run.runDir().resolve(HOME_STATE_DIR).toString()));
    args.addAll(tls.client());
    args.addAll(run.forwardedTo("home"));
    return new ChildSpec(
        "homes-" + share.process(), "home", JvmOptions.homes(share.count()), args, HOMES_READY);
  }
}
