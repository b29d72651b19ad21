package energy.market.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.client.cli.OneLineErrors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExternalCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = OneLineErrors.commandLine(new ExternalCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void helpShowsTheDefaultSignalTable() {
    assertEquals(0, run("--help"));

    String help = out.toString();
    for (CatalogEntry entry : EventCatalog.defaults().entries()) {
      String probability =
          BigDecimal.valueOf(entry.dailyProbability()).stripTrailingZeros().toPlainString();
      String row =
          String.format(
              "  %-20s %-16s daily probability %s",
              "kill -s " + entry.signal() + " <pid>", entry.kind().label(), probability);
      assertTrue(help.contains(row + System.lineSeparator()), "missing '" + row + "' in\n" + help);
    }
    assertTrue(help.contains("INT, TERM and HUP stop the daemon cleanly"), help);
    assertTrue(help.contains("--[no-]random"), help);
  }

  @Test
  void badProbabilityIsOneClearLine() {
    assertEquals(2, run("--operator-token", "t", "--probability", "storm=1.5"));

    assertEquals(
        "external: bad probability 'storm=1.5': '1.5' is not a number from 0 to 1"
            + " (see external --help)"
            + System.lineSeparator(),
        err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void badMarketAddressIsOneClearLine() {
    assertEquals(2, run("--operator-token", "t", "--market", "localhost:99999"));

    assertEquals(
        "external: Invalid value for option '--market': market port 99999 is out of range"
            + " 1..65535 (see external --help)"
            + System.lineSeparator(),
        err.toString());
  }

  @Test
  void missingTokenSaysWhereItLooked() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv("ENERGY_MARKET_OPERATOR_TOKEN") == null);

    assertEquals(2, run("--operator-token-file", "/nonexistent/operator-token"));

    assertTrue(
        err.toString().startsWith("external: no operator token: pass --operator-token"),
        err.toString());
  }

  @Test
  void theHelpsDefaultsAreTheCatalogs() {
    List<String> probabilities = new ArrayList<>();
    List<String> signals = new ArrayList<>();
    for (CatalogEntry entry : EventCatalog.defaults().entries()) {
      probabilities.add(
          entry.kind().label()
              + "="
              + BigDecimal.valueOf(entry.dailyProbability()).stripTrailingZeros().toPlainString());
      signals.add(entry.kind().label() + "=" + entry.signal());
    }

    assertEquals(String.join(", ", probabilities), ExternalCommand.DEFAULT_PROBABILITIES);
    assertEquals(String.join(", ", signals), ExternalCommand.DEFAULT_SIGNALS);
  }
}
