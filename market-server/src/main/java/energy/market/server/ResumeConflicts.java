package energy.market.server;

import energy.market.server.ledger.RunParameters;
import energy.market.server.price.PriceParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Why a start cannot resume a ledger's run: a run keeps the seed, price model and event catalog of
 * its first start, so an option given now that contradicts them is refused. Options left out take
 * the run's values and never conflict.
 */
final class ResumeConflicts {
  private ResumeConflicts() {}

  /**
   * @param ledgerFile the ledger, for the message
   * @param stored the run kept in the ledger
   * @param asked the run this start's options describe
   * @param given the long names of the options given on the command line
   * @param eventsGiven the {@code --event} values as given, for the message
   * @return one line saying what conflicts and what to do, or empty when nothing does
   */
  static Optional<String> find(
      Path ledgerFile,
      RunParameters stored,
      RunParameters asked,
      Set<String> given,
      List<String> eventsGiven) {
    List<String> kept = new ArrayList<>();
    List<String> now = new ArrayList<>();
    PriceParameters was = stored.price();
    PriceParameters is = asked.price();
    Compare compare = new Compare(given, kept, now);
    compare.option("--seed", stored.seed(), asked.seed());
    compare.option("--initial-price", eur(was.initialMicro()), eur(is.initialMicro()));
    compare.option("--reference-price", eur(was.referenceMicro()), eur(is.referenceMicro()));
    compare.option("--gamma", was.gamma(), is.gamma());
    compare.option("--alpha-net", was.alphaNetMicroPerKwh(), is.alphaNetMicroPerKwh());
    compare.option("--alpha-temp", was.alphaTempMicroPerDegree(), is.alphaTempMicroPerDegree());
    compare.option("--comfort-low", was.comfortLowCelsius(), is.comfortLowCelsius());
    compare.option("--comfort-high", was.comfortHighCelsius(), is.comfortHighCelsius());
    compare.option("--price-floor", eur(was.floorMicro()), eur(is.floorMicro()));
    compare.option("--price-cap", eur(was.capMicro()), eur(is.capMicro()));
    if (given.contains("--event") && !stored.catalog().equals(asked.catalog())) {
      kept.add("its own --event catalog " + stored.catalog().all());
      now.add("--event " + String.join(" --event ", eventsGiven));
    }
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        ledgerFile
            + " holds a run with "
            + String.join(", ", kept)
            + "; this start gives "
            + String.join(", ", now)
            + ". A run keeps its seed, price model and events: drop those options to resume it, or"
            + " use another --data-dir for a new run");
  }

  private record Compare(Set<String> given, List<String> kept, List<String> now) {
    void option(String option, Object stored, Object asked) {
      if (given.contains(option) && !stored.equals(asked)) {
        kept.add(option + " " + stored);
        now.add(option + " " + asked);
      }
    }
  }

  private static String eur(long micro) {
    return String.format(Locale.ROOT, "%.6f", micro / 1e6);
  }
}
