package energy.market.launcher;

import energy.market.client.EventLoops;
import energy.market.client.ShutdownHook;
import java.io.PrintWriter;
import java.time.Duration;

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

  /** Longer than any role's stop; the JVM would wait for its hooks at the exit anyway. */
  private static final Duration STOPS_TIMEOUT = Duration.ofSeconds(30);

  private static final String NETTY_JFR = "io.grpc.netty.shaded.io.netty.jfr.enabled";

  private static final String PICOCLI_GROOVY_CLOSURES = "picocli.disable.closures";

  private ProcessExit() {}

  static void runAndExit(Command command, String[] args) {
    // Netty's allocator events for Flight Recorder: nobody records them, yet registering them
    // loads the recorder's classes and generates event classes (about 0.1 s of CPU and 1.5 MB).
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
    // picocli looks for Groovy's Closure class (annotations of Groovy scripts) before its first
    // command: a class-not-found search of the whole class path, 7-11 ms of CPU in each process.
    if (System.getProperty(PICOCLI_GROOVY_CLOSURES) == null) {
      System.setProperty(PICOCLI_GROOVY_CLOSURES, "true");
    }
    ChildMode.applyIfLaunched();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = command.run(args, out, err);
    try {
      // A signal's stop may still be closing channels: the transport ends after it.
      ShutdownHook.awaitStops(STOPS_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    EventLoops.shutdown();
    System.exit(code);
  }
}
