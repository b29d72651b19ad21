package energy.market.home;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of a home process's homes: the names given, then {@code count} generated names {@code
 * PREFIX-INDEX} from a first index, so that several processes can share out one range of homes.
 * With neither names nor a count, one home {@code PREFIX-INDEX}.
 */
final class HomeNames {
  /** What a home's name may be, so that it reads well in logs and results. */
  private static final String ALLOWED = "[A-Za-z0-9._-]{1,64}";

  private HomeNames() {}

  /**
   * @throws IllegalArgumentException naming the option or the name that is not allowed
   */
  static List<String> of(List<String> given, int count, String prefix, int firstIndex) {
    int generated = count == 0 && given.isEmpty() ? 1 : count;
    if (generated < 0 || generated > 1_000_000) {
      throw new IllegalArgumentException("--count " + count + " is out of range 0..1000000");
    }
    if (firstIndex < 0) {
      throw new IllegalArgumentException("--first-index " + firstIndex + " is negative");
    }
    List<String> names = new ArrayList<>(given.size() + generated);
    names.addAll(given);
    for (int i = 0; i < generated; i++) {
      names.add(prefix + "-" + (firstIndex + i));
    }
    for (String name : names) {
      if (!name.matches(ALLOWED)) {
        throw new IllegalArgumentException(
            "home name '" + name + "' is not allowed; use 1 to 64 letters, digits, '.', '-', '_'");
      }
    }
    return names;
  }
}
