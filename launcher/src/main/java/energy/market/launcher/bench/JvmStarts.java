package energy.market.launcher.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's own figure for {@code bench start}: how long it takes to start and end as many bare
 * JVMs at once as a run has processes ({@code java -version}, this launcher's JDK, the serial
 * collector and the client compiler as the children use). A run cannot start faster than that, and
 * on a host whose speed swings the ratio of the two says more than either alone.
 */
final class JvmStarts {
  private static final long TIMEOUT_SECONDS = 120;

  private JvmStarts() {}

  /**
   * @param count how many JVMs at once
   * @return seconds from the first start to the last exit
   * @throws IOException when a JVM cannot start, fails or overruns
   */
  static double seconds(int count) throws IOException, InterruptedException {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData",
            "-version");
    List<Process> jvms = new ArrayList<>(count);
    long started = System.nanoTime();
    try {
      for (int i = 0; i < count; i++) {
        jvms.add(
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start());
      }
      for (Process jvm : jvms) {
        if (!jvm.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || jvm.exitValue() != 0) {
          throw new IOException(String.join(" ", command) + " did not run cleanly");
        }
      }
      return (System.nanoTime() - started) / 1e9;
    } finally {
      jvms.forEach(Process::destroyForcibly);
    }
  }
}
