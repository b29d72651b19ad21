package energy.market.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import energy.market.model.EventKind;
import energy.market.server.price.EventCatalog;
import energy.market.server.price.EventSpec;
import energy.market.server.price.PriceParameters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PriceOptionsTest {
  @Test
  void optionDefaultsAreTheModelDefaults() {
    PriceOptions options = new PriceOptions();
    new CommandLine(options).parseArgs();

    assertEquals(PriceParameters.DEFAULTS, options.parameters());
    assertEquals(EventCatalog.defaults(), options.catalog());
  }

  @Test
  void theHelpListsTheDefaultCatalog() {
    List<String> kinds = new ArrayList<>();
    for (Map.Entry<EventKind, EventSpec> entry : EventCatalog.defaults().all().entrySet()) {
      EventSpec spec = entry.getValue();
      String effect =
          BigDecimal.valueOf(spec.effectMicro(), 6).stripTrailingZeros().toPlainString();
      kinds.add(
          entry.getKey().label()
              + " ("
              + (spec.effectMicro() >= 0 ? "+" : "")
              + effect
              + " for "
              + spec.durationDays()
              + (kinds.isEmpty() ? " days)" : ")"));
    }

    assertEquals(String.join(", ", kinds), PriceOptions.DEFAULT_CATALOG);
  }

  @Test
  void anEventOptionReplacesOneKind() {
    PriceOptions options = new PriceOptions();
    new CommandLine(options).parseArgs("--event", "storm=0.02:4");

    assertEquals(
        EventCatalog.defaults().with(EventKind.STORM, new EventSpec(20_000, 4)), options.catalog());
  }
}
