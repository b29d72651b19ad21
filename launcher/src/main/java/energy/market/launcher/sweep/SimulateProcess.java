package energy.market.launcher.sweep;

import energy.market.launcher.Launcher;
import energy.market.launcher.TerminalSignals;
import energy.market.launcher.simulate.Simulation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts one run as a {@code simulate} child, the way simulate starts its own children: this JVM's
 * java and class path, the launcher's main class, and the launcher's pid in the environment, so the
 * child ignores the terminal's Ctrl-C (the sweep stops it in order) and stops by itself when its
 * standard input, a pipe from this process, ends, which happens when the sweep dies.
 */
final class SimulateProcess {
  private SimulateProcess() {}

  /**
   * @param args simulate's options
   * @param marker a mark in the command line, so that {@code pgrep -f MARK} finds the sweep's runs
   * @param log where its output goes
   */
  static Process start(List<String> args, String marker, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The simulate process only watches and writes results; its children do the work.
    command.addAll(
        List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx192m", "-XX:-UsePerfData"));
    if (Runtime.version().feature() >= 24) {
      command.add("--enable-native-access=ALL-UNNAMED");
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.add("-Denergy.market.sweep=" + marker);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Launcher.class.getName());
    command.add("simulate");
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(TerminalSignals.ignoredBy(command))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder
        .environment()
        .put(Simulation.LAUNCHER_PID_ENV, Long.toString(ProcessHandle.current().pid()));
    return builder.start();
  }
}
