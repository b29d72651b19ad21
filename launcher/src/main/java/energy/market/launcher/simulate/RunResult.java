package energy.market.launcher.simulate;

import energy.market.launcher.model.DayRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What a run did: how it ended, its closed days, the homes' accounts and its children.
 *
 * @param ending how it ended
 * @param started when the launcher began starting children
 * @param finished when every child had stopped
 * @param days the closed days, in order
 * @param accounts the homes' final accounts, or null when the market could not be asked
 * @param children every child started, in start order
 * @param startup from the first child started to every home connected, null if never up
 * @param marketPort the market's port, 0 if it never listened
 * @param weatherPort the weather daemon's port, 0 if it never listened
 * @param leftovers children still alive after every stop attempt (should be empty)
 */
public record RunResult(
    Ending ending,
    Instant started,
    Instant finished,
    List<DayRecord> days,
    LedgerAccounts.Found accounts,
    List<ChildRecord> children,
    Duration startup,
    int marketPort,
    int weatherPort,
    List<String> leftovers) {

  /**
   * A child as the run saw it.
   *
   * @param name its name
   * @param role its launcher subcommand
   * @param pid its process id
   * @param command its full command line
   * @param exitCode how it ended, null if it could not be stopped
   * @param log its log file
   */
  public record ChildRecord(
      String name, String role, long pid, List<String> command, Integer exitCode, Path log) {}

  /**
   * Prints the run's last lines (its verdict, where its results are, any process that could not be
   * stopped) and gives the command's exit code.
   */
  int summarize(PrintWriter out, RunSettings run, List<String> files) {
    Ending ending = ending();
    double seconds = Duration.between(started(), finished()).toMillis() / 1000.0;
    String verdict =
        switch (ending.kind()) {
          case COMPLETED -> "completed";
          case SIGNAL -> "stopped";
          default -> "failed";
        };
    out.printf(
        Locale.ROOT,
        "run %s %s: %s (%d of %d days closed, %.1f s)%n",
        run.runId(),
        verdict,
        ending.message(),
        days().size(),
        run.days(),
        seconds);
    out.println("results in " + run.runDir() + ": " + String.join(", ", files));
    int code = ending.exitCode();
    if (!leftovers().isEmpty()) {
      out.println("could not stop: " + String.join(", ", leftovers()));
      code = code == 0 ? 1 : code;
    }
    out.flush();
    return code;
  }
}
