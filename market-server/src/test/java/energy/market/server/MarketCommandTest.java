package energy.market.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MarketCommandTest {
  @TempDir Path dataDir;

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new MarketCommand());
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
          "--operator-token"
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
      assertTrue(result.err().length() > 0, "says what was wrong");
    }
  }
}
