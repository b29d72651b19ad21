package energy.market.launcher.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the tests of class-data archives check with a real JVM. */
final class ArchiveChecks {
  private ArchiveChecks() {}

  /**
   * A JVM started with {@code options} (among them {@code -XX:SharedArchiveFile=}) and {@code jar}
   * as its class path maps the archive, or refuses to start: {@code -Xshare:on}.
   */
  static void assertMapped(Path jar, String... options) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:on");
    command.addAll(List.of(options));
    command.addAll(List.of("-cp", jar.toString(), "-version"));
    Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, java.waitFor(), output);
  }
}
