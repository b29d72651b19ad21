package energy.market.launcher.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepDefinitionTest {
  private final List<SweepParameter> parameters =
      List.of(
          ParameterLists.values("--policy", "policy", "always-sell,always-sell=1+always-give=1"),
          ParameterLists.values("--gamma", "gamma", "0.8,0.92"),
          ParameterLists.seeds("1-3"));
  private final SweepDefinition definition = new SweepDefinition("s", parameters);

  @Test
  void runsAreTheProductWithTheSeedVaryingFastest() {
    List<PlannedRun> runs = definition.runs();
    assertEquals(12, definition.size());
    assertEquals(12, runs.size());
    assertEquals("s-r0001", runs.get(0).name());
    assertEquals(
        Map.of("policy", "always-sell", "gamma", "0.8", "seed", "1"), runs.get(0).values());
    assertEquals(
        Map.of("policy", "always-sell", "gamma", "0.8", "seed", "2"), runs.get(1).values());
    assertEquals(
        Map.of("policy", "always-sell=1+always-give=1", "gamma", "0.92", "seed", "3"),
        runs.get(11).values());
    assertEquals(
        List.of("--policy=always-sell=1,always-give=1", "--gamma=0.92", "--seed=3"),
        SweepRunner.parameterArgs(definition, runs.get(11)));
  }

  @Test
  void shardsSplitTheRunsWithoutOverlapWhateverTheirNumber() {
    for (int n = 1; n <= 5; n++) {
      List<String> all = new ArrayList<>();
      for (int k = 1; k <= n; k++) {
        definition.runs(new Shard(k, n)).forEach(r -> all.add(r.name()));
      }
      all.sort(null);
      assertEquals(definition.runs().stream().map(PlannedRun::name).toList(), all);
    }
    assertEquals(
        List.of("s-r0002", "s-r0005", "s-r0008", "s-r0011"),
        definition.runs(Shard.parse("2/3")).stream().map(PlannedRun::name).toList());
  }

  @Test
  void theDefaultIdFollowsTheValues() {
    assertEquals(SweepDefinition.defaultId(parameters), SweepDefinition.defaultId(parameters));
    assertNotEquals(
        SweepDefinition.defaultId(parameters),
        SweepDefinition.defaultId(List.of(ParameterLists.seeds("1-4"))));
  }

  @Test
  void badListsAreRefusedNamingTheOption() {
    assertThrows(IllegalArgumentException.class, () -> ParameterLists.seeds("5-1"));
    assertThrows(IllegalArgumentException.class, () -> ParameterLists.seeds("1,x"));
    assertThrows(IllegalArgumentException.class, () -> ParameterLists.seeds("1,1"));
    assertThrows(IllegalArgumentException.class, () -> ParameterLists.values("--gamma", "g", ""));
    assertThrows(IllegalArgumentException.class, () -> Shard.parse("3/2"));
    assertThrows(IllegalArgumentException.class, () -> Shard.parse("1-2"));
  }
}
