package energy.market.external;

import energy.market.model.EventKind;
import java.util.Objects;

/**
 * One line of the daemon's catalog: the signal that raises an event kind and the kind's daily
 * probability in random mode. The price effect and duration are the market's settings.
 *
 * @param kind the event kind
 * @param signal the signal's name without the {@code SIG} prefix, for example {@code USR1}
 * @param dailyProbability the chance, from 0 to 1, that random mode fires the kind on a day
 */
public record CatalogEntry(EventKind kind, String signal, double dailyProbability) {

  public CatalogEntry {
    Objects.requireNonNull(kind, "kind");
    if (signal == null || signal.isBlank()) {
      throw new IllegalArgumentException("the signal for " + kind.label() + " is empty");
    }
    if (!(dailyProbability >= 0 && dailyProbability <= 1)) { // also false for NaN
      throw new IllegalArgumentException(
          "probability "
              + dailyProbability
              + " for "
              + kind.label()
              + " is out of range; expected a number from 0 to 1");
    }
  }
}
