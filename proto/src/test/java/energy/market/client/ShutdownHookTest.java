package energy.market.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The hooks of a running JVM: installed, removed, and not waited for while the JVM goes on. */
class ShutdownHookTest {
  @Test
  void aRunningJvmDoesNotWaitForItsInstalledHooks() {
    AtomicBoolean ran = new AtomicBoolean();
    ShutdownHook hook = ShutdownHook.install("test-hook", () -> ran.set(true));
    try {
      // A hook that has not run would hold this for a day if the JVM counted as exiting.
      assertTimeoutPreemptively(
          Duration.ofSeconds(30), () -> ShutdownHook.awaitStops(Duration.ofDays(1)));
      assertFalse(ran.get(), "the stop runs only when the JVM exits");
    } finally {
      assertTrue(hook.remove(), "a running JVM lets the hook be removed");
    }
  }
}
