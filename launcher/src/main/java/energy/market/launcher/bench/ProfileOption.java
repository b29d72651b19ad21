package energy.market.launcher.bench;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --profile FILE}, as a Picocli mixin: a Java Flight Recorder profile of the market process
 * under load, read afterwards with {@code jfr print} or {@code jfr view}.
 */
final class ProfileOption {
  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description =
          "Record a JFR profile (settings=profile) of the market process into FILE, written when"
              + " the market stops; with --runs above 1, run N's goes to FILE with -runN before"
              + " its extension (default: no profile).")
  Path file;

  /** The market JVM's options for run {@code run} of {@code runs}: none without --profile. */
  List<String> jvmOptions(int run, int runs) {
    if (file == null) {
      return List.of();
    }
    return List.of(
        "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
            + recording(run, runs).toAbsolutePath());
  }

  Path recording(int run, int runs) {
    if (runs == 1) {
      return file;
    }
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String numbered =
        dot > 0 ? name.substring(0, dot) + "-run" + run + name.substring(dot) : name + "-run" + run;
    return file.resolveSibling(numbered);
  }
}
