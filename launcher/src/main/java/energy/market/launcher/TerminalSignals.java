package energy.market.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts a launcher's children with the terminal's signals ignored. Ctrl-C (INT) and a hang-up
 * (HUP) reach the terminal's whole foreground process group, children included; only the launcher
 * acts on them, and stops its children in order (with TERM).
 *
 * <p>Why ignored at the start rather than caught by each child: a JVM started with a signal ignored
 * leaves it ignored and installs no handler over it (what {@code nohup} relies on), so the child
 * needs no code for it; catching one costs a JVM about 30 ms of CPU at start ({@code
 * sun.misc.Signal} through a proxy class made at run time), in each of the ten or more children a
 * run starts at once. TERM keeps its meaning: the JVM runs its shutdown hooks.
 */
public final class TerminalSignals {
  /** Ignores INT and HUP, then becomes the command: the same process, with its pid. */
  private static final List<String> SHELL =
      List.of("/bin/sh", "-c", "trap '' INT HUP; exec \"$@\"", "sh");

  private TerminalSignals() {}

  /** The command line that runs {@code command} with INT and HUP ignored. */
  public static List<String> ignoredBy(List<String> command) {
    List<String> wrapped = new ArrayList<>(SHELL);
    wrapped.addAll(command);
    return wrapped;
  }
}
