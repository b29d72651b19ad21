package energy.market.launcher.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * The homes one home process hosts: {@code count} homes named PREFIX-{@code firstIndex} onwards.
 *
 * @param process the process's number, from 1
 * @param firstIndex the index of its first home
 * @param count how many homes it hosts
 */
public record HomeShare(int process, int firstIndex, int count) {

  /**
   * Spreads {@code homes} homes over {@code processes} processes as evenly as possible, the first
   * processes taking one more when it does not divide; indexes run from 1 without gaps.
   */
  public static List<HomeShare> split(int homes, int processes) {
    if (homes < 0 || processes < 0 || (homes > 0 && (processes < 1 || processes > homes))) {
      throw new IllegalArgumentException(
          "cannot spread " + homes + " homes over " + processes + " processes");
    }
    List<HomeShare> shares = new ArrayList<>(processes);
    int next = 1;
    for (int p = 0; p < processes && homes > 0; p++) {
      int count = homes / processes + (p < homes % processes ? 1 : 0);
      shares.add(new HomeShare(p + 1, next, count));
      next += count;
    }
    return shares;
  }

  /** The names of its homes. */
  public List<String> names(String prefix) {
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(prefix + "-" + (firstIndex + i));
    }
    return names;
  }
}
