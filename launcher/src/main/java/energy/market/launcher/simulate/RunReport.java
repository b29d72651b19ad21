package energy.market.launcher.simulate;

import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.HomeAccount;
import energy.market.launcher.results.HomesCsv;
import energy.market.launcher.results.Json;
import energy.market.launcher.results.PricesCsv;
import energy.market.launcher.results.PricesPng;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a run's results into its directory: prices.csv, homes.csv (when the accounts could be
 * read), prices.png and run.json, next to the market's own files (its ledger) and the logs.
 */
final class RunReport {
  private RunReport() {}

  /**
   * @return the names of the files and directories now in the run's directory, sorted
   */
  static List<String> write(
      RunSettings run,
      RunResult result,
      Map<String, Object> options,
      List<String> replay,
      Path configFile)
      throws IOException {
    Path dir = run.runDir();
    Files.writeString(
        dir.resolve("prices.csv"), PricesCsv.render(result.days()), StandardCharsets.UTF_8);
    if (result.accounts() != null) {
      Files.writeString(
          dir.resolve("homes.csv"),
          HomesCsv.render(result.accounts().accounts()),
          StandardCharsets.UTF_8);
    }
    PricesPng.write(
        dir.resolve("prices.png"),
        "energy-market run " + run.runId() + " (seed " + run.seed() + ")",
        result.days());
    Files.writeString(
        dir.resolve("run.json"),
        Json.write(runJson(run, result, options, replay, configFile)),
        StandardCharsets.UTF_8);
    List<String> names = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries
          .map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : ""))
          .sorted()
          .forEach(names::add);
    }
    return names;
  }

  private static Map<String, Object> runJson(
      RunSettings run,
      RunResult result,
      Map<String, Object> options,
      List<String> replay,
      Path configFile) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run_id", run.runId());
    json.put("seed", run.seed());
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("status", result.ending().kind().name().toLowerCase(java.util.Locale.ROOT));
    outcome.put("exit_code", result.ending().exitCode());
    outcome.put("message", result.ending().message());
    outcome.put("days_planned", run.days());
    outcome.put("days_closed", (long) result.days().size());
    json.put("outcome", outcome);
    json.put("started_at", result.started().toString());
    json.put("finished_at", result.finished().toString());
    json.put(
        "duration_seconds",
        Duration.between(result.started(), result.finished()).toMillis() / 1000.0);
    json.put(
        "startup_seconds", result.startup() == null ? null : result.startup().toMillis() / 1000.0);
    json.put("replay", replay);
    json.put("config_file", configFile == null ? null : configFile.toString());
    json.put("options", options);
    Map<String, Object> homes = new LinkedHashMap<>();
    homes.put("count", run.homes());
    homes.put("processes", run.shares().size());
    homes.put("name_prefix", run.namePrefix());
    json.put("homes", homes);
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("bought_wh", result.days().stream().mapToLong(DayRecord::boughtWh).sum());
    totals.put("sold_wh", result.days().stream().mapToLong(DayRecord::soldWh).sum());
    totals.put("given_wh", result.days().stream().mapToLong(DayRecord::givenWh).sum());
    if (result.accounts() != null) {
      List<HomeAccount> accounts = result.accounts().accounts();
      totals.put(
          "homes_balance_micro_eur", accounts.stream().mapToLong(HomeAccount::balanceMicro).sum());
      totals.put("homes_missing", result.accounts().missing());
    }
    json.put("totals", totals);
    Map<String, Object> market = new LinkedHashMap<>();
    market.put("address", ChildCommands.LOOPBACK + ":" + result.marketPort());
    market.put("data_dir", run.runDir().toString());
    json.put("market", market);
    Map<String, Object> weather = new LinkedHashMap<>();
    weather.put("address", ChildCommands.LOOPBACK + ":" + result.weatherPort());
    weather.put("shm_file", run.shmFile().toString());
    json.put("weather", weather);
    List<Object> children = new ArrayList<>();
    for (RunResult.ChildRecord child : result.children()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", child.name());
      entry.put("role", child.role());
      entry.put("pid", child.pid());
      entry.put("exit_code", child.exitCode());
      entry.put("log", run.runDir().relativize(child.log()).toString());
      entry.put("command", child.command());
      children.add(entry);
    }
    json.put("children", children);
    json.put("leftovers", result.leftovers());
    return json;
  }
}
