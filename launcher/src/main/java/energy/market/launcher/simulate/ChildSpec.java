package energy.market.launcher.simulate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A child process to start: a role of the launcher with its arguments.
 *
 * @param name a unique name, also of its log file (for example {@code homes-2})
 * @param role the launcher subcommand: market, weather, external or home
 * @param jvmOptions the JVM's options
 * @param args the subcommand's arguments
 * @param ready a line the child prints once it is up; its first group, if any, is kept (a port)
 */
public record ChildSpec(
    String name, String role, List<String> jvmOptions, List<String> args, Pattern ready) {

  public ChildSpec {
    jvmOptions = List.copyOf(jvmOptions);
    args = List.copyOf(args);
  }

  /** True for a process of homes, which leaves by itself after its days. */
  public boolean isHomes() {
    return role.equals("home");
  }
}
