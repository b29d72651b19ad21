package energy.market.launcher.it.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.Account;
import energy.market.api.v1.PriceTick;
import energy.market.launcher.it.RunningMarket;
import energy.market.testing.Await;
import energy.market.testing.Books;
import energy.market.testing.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python home of {@code home-client/python}, from stubs generated from the project's {@code
 * .proto} files, beside a Java home process, against a real market: the contract as another
 * language sees it keeps working.
 */
class PythonHomeIT {
  private static final int DAYS = 10;
  private static final Pattern FIELD = Pattern.compile("(\\w+)=(-?\\d+)");

  @TempDir Path dir;

  @Test
  void aPythonHomeTradesTenDaysBesideAJavaHomeAndItsTallyEqualsItsAccount() throws Exception {
    PythonHome python = PythonHome.prepare(dir);
    Path pythonDir = Files.createDirectories(dir.resolve("python-home"));
    try (RunningMarket market =
            RunningMarket.waitingForParticipants(
                dir.resolve("data"), DAYS, "--await-homes", "2", "--verbose");
        // Always in surplus, offering it all as gifts: it gives every day.
        ChildProcess java =
            market.home(
                "java-home",
                "--name",
                "java-home",
                "--policy",
                "sell-if-no-takers",
                "--production",
                "50-60",
                "--consumption",
                "6-10",
                "--days",
                Integer.toString(DAYS),
                "--seed",
                "3");
        // Always short, claiming its whole deficit: it receives every day, and buys the rest.
        ChildProcess py =
            python.start(
                "python-home",
                pythonDir,
                List.of(
                    "--market",
                    market.address(),
                    "--name",
                    "python-home",
                    "--policy",
                    "always-sell",
                    "--production-wh",
                    "0..5000",
                    "--consumption-wh",
                    "30000..70000",
                    "--days",
                    Integer.toString(DAYS),
                    "--seed",
                    "7"))) {
      assertEquals(0, py.awaitExit(Await.LONG), py.transcript());
      assertEquals(0, java.awaitExit(Await.LONG), java.transcript());

      Account pyAccount = market.account("python-home");
      Account javaAccount = market.account("java-home");
      Map<String, Long> tally = fields(py.awaitLine("^(tally .*)", Await.SHORT));
      assertEquals(pyAccount.getHomeId(), tally.get("home"));
      assertEquals(
          Map.of(
              "days", pyAccount.getDays(),
              "balance_micro_eur", pyAccount.getBalanceMicroEur(),
              "produced_wh", pyAccount.getProducedWh(),
              "consumed_wh", pyAccount.getConsumedWh(),
              "given_wh", pyAccount.getGivenWh(),
              "received_wh", pyAccount.getReceivedWh(),
              "sold_wh", pyAccount.getSoldWh(),
              "bought_wh", pyAccount.getBoughtWh(),
              "wasted_wh", pyAccount.getWastedWh(),
              "shortfall_wh", pyAccount.getShortfallWh()),
          Map.of(
              "days", tally.get("days"),
              "balance_micro_eur", tally.get("balance_micro_eur"),
              "produced_wh", tally.get("produced_wh"),
              "consumed_wh", tally.get("consumed_wh"),
              "given_wh", tally.get("given_wh"),
              "received_wh", tally.get("received_wh"),
              "sold_wh", tally.get("sold_wh"),
              "bought_wh", tally.get("bought_wh"),
              "wasted_wh", tally.get("wasted_wh"),
              "shortfall_wh", tally.get("shortfall_wh")),
          "the Python home's own tally is its account");
      assertTrue(py.transcript().contains("the tally equals the account"), py.transcript());
      assertEquals(DAYS, pyAccount.getDays());
      assertEquals(DAYS, javaAccount.getDays());

      // Gifts crossed languages: the Python home received what the Java home gave.
      assertTrue(pyAccount.getReceivedWh() > 0, "the Python home received gifts: " + pyAccount);
      assertEquals(javaAccount.getGivenWh(), pyAccount.getReceivedWh());
      assertTrue(pyAccount.getBoughtWh() > 0, "the Python home bought: " + pyAccount);
      assertTrue(pyAccount.getBalanceMicroEur() < 0, "and paid for it: " + pyAccount);

      // The books balance: each home's energy, and the day totals against the accounts.
      Books.assertEnergyBalances(pyAccount);
      Books.assertEnergyBalances(javaAccount);
      List<PriceTick> ticks = market.ticks(DAYS, Await.LONG);
      assertEquals(
          javaAccount.getGivenWh() + pyAccount.getGivenWh(),
          ticks.stream().mapToLong(PriceTick::getGivenWh).sum());
      assertEquals(
          javaAccount.getSoldWh() + pyAccount.getSoldWh(),
          ticks.stream().mapToLong(PriceTick::getSoldWh).sum());
      assertEquals(
          javaAccount.getBoughtWh() + pyAccount.getBoughtWh(),
          ticks.stream().mapToLong(PriceTick::getBoughtWh).sum());
      assertEquals(
          pyAccount.getEarnedMicroEur() - pyAccount.getPaidMicroEur(),
          pyAccount.getBalanceMicroEur());

      // market --verbose tells every phase and session.
      String log = market.process.transcript();
      assertTrue(log.contains("day 1 GIFT began: waiting for 2 sessions"), log);
      assertTrue(log.contains("day " + DAYS + " CLOSE ended"), log);
      assertTrue(log.contains("(unary_home, follow-session) joined with homes"), log);
    }
  }

  private static Map<String, Long> fields(String line) {
    Map<String, Long> fields = new HashMap<>();
    Matcher field = FIELD.matcher(line);
    while (field.find()) {
      fields.put(field.group(1), Long.parseLong(field.group(2)));
    }
    return fields;
  }
}
