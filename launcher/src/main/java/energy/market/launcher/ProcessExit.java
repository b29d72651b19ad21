package energy.market.launcher;

import energy.market.client.EventLoops;
import java.io.PrintWriter;

/**
 * What both entry points ({@link Launcher} and {@link RoleMain}) do around their command: child
 * mode when the launcher started the process, the command on the standard streams, then the end of
 * the transport's threads (which would hold the exit up, see {@link EventLoops}) and the exit with
 * the command's code.
 */
final class ProcessExit {
  /** A command run on the given streams, returning its exit code. */
  interface Command {
    int run(String[] args, PrintWriter out, PrintWriter err);
  }

  private ProcessExit() {}

  static void runAndExit(Command command, String[] args) {
    ChildMode.applyIfLaunched();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = command.run(args, out, err);
    EventLoops.shutdown();
    System.exit(code);
  }
}
