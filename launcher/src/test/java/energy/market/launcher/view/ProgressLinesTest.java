package energy.market.launcher.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
  @Test
  void rendersTheBar() {
    assertEquals(
        "[###.......] day 120/365  0.171234 EUR/kWh  12.3 s",
        ProgressBar.render(120, 365, 171_234, Duration.ofMillis(12_345), 10));
    assertEquals("[..........] day 0/5  0.0 s", ProgressBar.render(0, 5, -1, Duration.ZERO, 10));
  }

  @Test
  void withoutATerminalPrintsATwentiethOfTheRunAndTheLastDay() {
    StringWriter text = new StringWriter();
    AtomicLong clock = new AtomicLong();
    try (ProgressLines view = new ProgressLines(new PrintWriter(text), 100, false, clock::get)) {
      for (int day = 1; day <= 100; day++) {
        view.day(Days.day(day, 170_000, null));
      }
    }

    String[] lines = text.toString().split("\n");
    assertEquals(20, lines.length, text.toString());
    assertTrue(lines[0].contains("day 5/100"), lines[0]);
    assertTrue(lines[19].startsWith("[" + "#".repeat(30) + "] day 100/100"), lines[19]);
  }

  @Test
  void onATerminalRedrawsOneLineInPlace() {
    StringWriter text = new StringWriter();
    AtomicLong clock = new AtomicLong();
    try (ProgressLines view = new ProgressLines(new PrintWriter(text), 3, true, clock::get)) {
      for (int day = 1; day <= 3; day++) {
        clock.addAndGet(500_000_000);
        view.day(Days.day(day, 170_000, null));
      }
    }

    String output = text.toString();
    assertEquals(3, output.chars().filter(c -> c == '\r').count(), output);
    assertTrue(
        output.endsWith("day 3/3  0.170000 EUR/kWh  1.5 s" + System.lineSeparator()), output);
  }
}
