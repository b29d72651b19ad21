package energy.market.launcher.view;

import energy.market.launcher.model.DayRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the prices of consecutive days as a text bar chart: one column per day, the newest on the
 * right, a price scale on the left, the first and last day under the axis and a mark under each day
 * with active events. Bars rise from just below the lowest price shown, so that small moves show.
 * With unicode, bars use the eighth blocks; the axes stay ASCII, because terminals may draw box
 * characters through their alternate character set, which not every one renders.
 */
public final class PriceChart {
  private static final String BLOCKS = " \u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
  private static final int LABEL_WIDTH = 9;

  private PriceChart() {}

  /**
   * @param days consecutive days, oldest first (only the last that fit are drawn)
   * @param width the width of the text, at least 20
   * @param rows the height of the bars, at least 2
   * @param unicode block characters and box lines; false for plain ASCII
   * @return {@code rows + 3} lines: the bars, the axis, the day labels and the event marks
   */
  public static List<String> render(List<DayRecord> days, int width, int rows, boolean unicode) {
    int columns = Math.max(1, width - LABEL_WIDTH - 1);
    List<DayRecord> shown = days.subList(Math.max(0, days.size() - columns), days.size());
    List<String> lines = new ArrayList<>(rows + 3);
    if (shown.isEmpty()) {
      for (int r = 0; r < rows; r++) {
        lines.add(" ".repeat(LABEL_WIDTH - 1) + "|");
      }
    } else {
      long low = Long.MAX_VALUE;
      long high = Long.MIN_VALUE;
      for (DayRecord day : shown) {
        low = Math.min(low, day.priceMicro());
        high = Math.max(high, day.priceMicro());
      }
      if (high - low < 1_000) {
        // A flat stretch: give it a band of 0.002 EUR so bars sit mid-height.
        long middle = (low + high) / 2;
        low = middle - 1_000;
        high = middle + 1_000;
      }
      // Start below the lowest price so the lowest bar is still visible.
      double base = low - (high - low) * 0.15;
      double span = high - base;
      int decimals = high - low < 10_000 ? 6 : 4;
      for (int r = 0; r < rows; r++) {
        StringBuilder line = new StringBuilder(width);
        // Every other row has a label, counted from the bottom so the lowest price has one.
        boolean labelled = (rows - 1 - r) % 2 == 0;
        double rowTop = base + span * (rows - r) / rows;
        line.append(labelled ? label(Math.round(rowTop), decimals) : " ".repeat(8));
        line.append(labelled ? '+' : '|');
        for (DayRecord day : shown) {
          long eighths = Math.round((day.priceMicro() - base) / span * rows * 8);
          eighths = Math.max(1, Math.min(rows * 8L, eighths));
          long cell = Math.max(0, Math.min(8, eighths - (rows - 1 - r) * 8L));
          line.append(cellChar((int) cell, unicode));
        }
        lines.add(line.toString());
      }
    }
    lines.add(" ".repeat(LABEL_WIDTH - 1) + "+" + "-".repeat(Math.max(1, shown.size())));
    lines.add(dayLabels(shown));
    StringBuilder marks = new StringBuilder(" ^ event ");
    for (DayRecord day : shown) {
      marks.append(day.events().isEmpty() ? ' ' : '^');
    }
    lines.add(marks.toString().stripTrailing());
    return lines;
  }

  private static String dayLabels(List<DayRecord> shown) {
    if (shown.isEmpty()) {
      return "";
    }
    String first = "day " + shown.get(0).day();
    String last = "day " + shown.get(shown.size() - 1).day();
    StringBuilder line = new StringBuilder(" ".repeat(LABEL_WIDTH)).append(first);
    int end = LABEL_WIDTH + shown.size();
    if (shown.size() > 1 && end - last.length() > line.length()) {
      line.append(" ".repeat(end - last.length() - line.length())).append(last);
    }
    return line.toString();
  }

  private static String label(long micro, int decimals) {
    String text =
        BigDecimal.valueOf(micro, 6).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    return String.format("%8s", text.length() > 8 ? text.substring(0, 8) : text);
  }

  private static char cellChar(int eighths, boolean unicode) {
    if (unicode) {
      return BLOCKS.charAt(eighths);
    }
    return eighths >= 4 ? '#' : eighths > 0 ? '.' : ' ';
  }
}
