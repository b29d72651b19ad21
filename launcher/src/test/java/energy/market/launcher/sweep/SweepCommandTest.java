package energy.market.launcher.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.launcher.Launcher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad sweeps are refused with one line and exit code 2, before anything starts. */
class SweepCommandTest {
  @TempDir Path dir;

  private String refused(String... args) {
    List<String> all = new ArrayList<>(List.of("sweep", "--sweeps-dir", dir.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Launcher.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertEquals(2, code, err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertEquals("", out.toString());
    assertFalse(Files.exists(dir.resolve("sweeps")));
    try (var entries = Files.list(dir)) {
      assertEquals(0, entries.count(), "the sweep wrote something");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return err.toString();
  }

  @Test
  void anEmptyListIsRefused() {
    assertTrue(refused("--gamma", "0.8,").contains("--gamma '0.8,' has an empty value"));
    assertTrue(refused("--seeds", "9-2").contains("--seeds 9-2 is an empty range"));
  }

  @Test
  void overTenThousandRunsNeedYes() {
    String err = refused("--seeds", "1-10001");
    assertTrue(err.contains("the sweep has 10001 runs, over 10000; add --yes"), err);
    assertTrue(refused("--seeds", "1-1000000", "--homes", "1,2", "--yes").contains("at most"));
  }

  @Test
  void anUnknownParameterIsRefused() {
    String err = refused("--vary", "sunshine=1,2");
    assertTrue(err.contains("--vary: unknown parameter 'sunshine'"), err);
    assertTrue(refused("--vary", "seed=1,2").contains("unknown parameter 'seed'"));
    assertTrue(refused("--vary", "gamma=1").contains("use the sweep's own --gamma"));
    assertTrue(refused("--colour", "red").contains("Unknown options: '--colour'"));
  }

  @Test
  void aValueSimulateWouldRefuseIsRefusedNamingTheRun() {
    String err = refused("--gamma", "0.8,7");
    assertTrue(err.contains("run gamma=7 would be refused by simulate"), err);
    err = refused("--home-model", "course,sunny");
    assertTrue(err.contains("--home-model 'sunny' is not a model"), err);
    assertTrue(refused("--homes", "20,-1").contains("--homes -1 is out of range"));
    assertTrue(refused("--shard", "0/2").contains("--shard 0/2 is not allowed"));
  }

  @Test
  void aConfigFileKeyThatIsNoSweepOptionIsRefused() throws Exception {
    Path config = Files.createTempFile("sweep", ".properties");
    try {
      Files.writeString(config, "gamma=0.8,0.92\nproduction=10-50\n", StandardCharsets.UTF_8);
      String err = refused("--config", config.toString());
      assertTrue(err.contains("key 'production' is not a sweep option"), err);
      assertTrue(err.contains("vary=production=VALUE"), err);
    } finally {
      Files.delete(config);
    }
  }
}
