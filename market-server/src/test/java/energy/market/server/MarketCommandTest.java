package energy.market.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.client.cli.OneLineErrors;
import energy.market.server.ledger.SqliteLedger;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MarketCommandTest {
  @TempDir Path dataDir;

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    return run(OneLineErrors.commandLine(new MarketCommand()), args);
  }

  private static Result run(CommandLine command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exit = command.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void helpExplainsEveryOptionWithItsDefault() {
    Result result = run("--help");
    assertEquals(0, result.exit());
    Result help = new Result(0, result.out().replaceAll("\\s+", " "), "");
    for (String option :
        new String[] {
          "--port",
          "--day-length",
          "--max-concurrent-trades",
          "--trade-queue",
          "--gamma",
          "--event",
          "--data-dir",
          "--operator-token",
          "--home-capacity-wh"
        }) {
      assertTrue(help.out().contains(option), option + " in\n" + help.out());
    }
    assertTrue(help.out().contains("default: 50051"), help.out());
    assertTrue(help.out().contains("default: 4"), help.out());
  }

  @Test
  void badValuesAreClearErrorsBeforeAnythingStarts() {
    String dir = dataDir.toString();
    String[][] cases = {
      {"--port", "70000"},
      {"--day-length", "soon"},
      {"--gamma", "1.5"},
      {"--max-concurrent-trades", "0"},
      {"--initial-price", "abc"},
      {"--initial-price", "0.1234567"},
      {"--event", "meteor=0.1:3"},
      {"--event", "storm=0.1"},
      {"--comfort-low", "30", "--comfort-high", "20"},
      {"--tls-cert", "missing.pem", "--tls-key", "missing-key.pem"},
      {"--tls-cert", "missing.pem"},
      {"--tls-client-ca", "missing.pem"},
      {"--home-capacity-wh", "0"},
      {"--home-capacity-wh", "1000000000"},
      {"--home-capacity-wh", "lots"},
      {"--registration", "closed"},
      {"--registrations-per-second", "0"},
      {"--registration-burst", "0"},
    };
    for (String[] bad : cases) {
      String[] args = new String[bad.length + 2];
      System.arraycopy(bad, 0, args, 0, bad.length);
      args[bad.length] = "--data-dir";
      args[bad.length + 1] = dir;
      Result result = run(args);
      assertEquals(2, result.exit(), String.join(" ", bad) + ": " + result.err());
      assertTrue(
          !result.err().contains("Exception in") && !result.err().contains("\tat "),
          "no stack trace: " + result.err());
      assertTrue(
          result.err().startsWith("market: ") && result.err().strip().lines().count() == 1,
          "one line naming the command: " + result.err());
    }
  }

  @Test
  void listeningBeyondLoopbackWithoutTlsWarnsThatSecretsTravelInClear() {
    assertEquals(
        "market: warning: listening on 0.0.0.0 without TLS: home secrets and the operator token"
            + " travel in clear (see --tls-cert)",
        MarketCommand.clearTextWarning("0.0.0.0", false));
    assertEquals(null, MarketCommand.clearTextWarning("0.0.0.0", true));
    assertEquals(null, MarketCommand.clearTextWarning("127.0.0.1", false));
    assertEquals(null, MarketCommand.clearTextWarning("localhost", false));
  }

  @Test
  void theDefaultBindIsLoopback() {
    Result help = run("--help");
    assertTrue(
        help.out().replaceAll("\\s+", " ").contains("(default: 127.0.0.1, this machine only)"),
        help.out());
  }

  /** A top command like the launcher's, to check the market's options as a subcommand. */
  @CommandLine.Command(name = "energy-market")
  static final class Top implements Runnable {
    @Override
    public void run() {}
  }

  private String[] oneDay(String... more) {
    String[] base = {
      "--port",
      "0",
      "--bind",
      "127.0.0.1",
      "--day-length",
      "0",
      "--exit-when-done",
      "--operator-token",
      "t",
      "--data-dir",
      dataDir.toString()
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return args;
  }

  @Test
  void aFileThatIsNotALedgerStopsTheMarketAtStartAndIsLeftUntouched() throws Exception {
    Path ledger = dataDir.resolve(SqliteLedger.FILE_NAME);
    Files.writeString(ledger, "day,price\n1,0.17\n", StandardCharsets.UTF_8);
    byte[] before = Files.readAllBytes(ledger);
    Result result = run(oneDay("--days", "1"));
    assertEquals(2, result.exit(), result.err());
    String error = result.err().strip();
    assertEquals(1, error.lines().count(), "one line: " + error);
    assertTrue(error.contains(ledger.toString()), error);
    assertTrue(error.contains("not an SQLite database"), error);
    assertTrue(!result.out().contains("market listening"), "nothing started: " + result.out());
    assertArrayEquals(before, Files.readAllBytes(ledger));
  }

  @Test
  void aResumedRunKeepsItsModelAndRefusesAContradictingOption() {
    Result created = run(oneDay("--days", "1", "--seed", "7", "--gamma", "0.9"));
    assertEquals(0, created.exit(), created.err());
    assertTrue(created.out().contains("new ledger " + dataDir.resolve("ledger.db")), created.out());

    Result contradicted = run(oneDay("--days", "2", "--seed", "8"));
    assertEquals(2, contradicted.exit(), contradicted.err());
    assertTrue(contradicted.err().contains("--seed 7"), contradicted.err());
    assertTrue(contradicted.err().contains("--seed 8"), contradicted.err());
    assertEquals(1, contradicted.err().strip().lines().count(), contradicted.err());

    CommandLine launcher =
        OneLineErrors.install(
            new CommandLine(new Top()).addSubcommand("market", new MarketCommand()));
    String[] args = oneDay("--days", "2", "--gamma", "0.8");
    String[] nested = new String[args.length + 1];
    nested[0] = "market";
    System.arraycopy(args, 0, nested, 1, args.length);
    Result asSubcommand = run(launcher, nested);
    assertEquals(2, asSubcommand.exit(), asSubcommand.err());
    assertTrue(asSubcommand.err().contains("--gamma 0.9"), asSubcommand.err());

    Result resumed = run(oneDay("--days", "2", "--seed", "7"));
    assertEquals(0, resumed.exit(), resumed.err());
    assertTrue(resumed.out().contains("resuming after day 1 from"), resumed.out());
  }
}
