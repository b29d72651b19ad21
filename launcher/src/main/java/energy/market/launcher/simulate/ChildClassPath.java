package energy.market.launcher.simulate;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The class path a run's children start from: the roles jar the build makes beside the launcher's
 * jar ({@value #ROLES_JAR}: every role, without the launcher's charts, terminal, certificate and
 * benchmark libraries), else the launcher's own class path.
 *
 * <p>Why a jar of its own: a JVM keeps the whole zip directory of its class path in its heap (the
 * names and offsets of every entry, for finding classes and resources). The launcher's jar has
 * 21,000 entries, the roles jar under 10,000: 1.1 MB less heap in every child, where a one-home
 * process keeps about 6 MB live.
 */
public final class ChildClassPath {
  static final String ROLES_JAR = "energy-market-roles.jar";

  private ChildClassPath() {}

  /**
   * The children's class path for a launcher running from {@code launcherClassPath}. The roles jar
   * counts only when it is not older than the launcher's jar, so that a launcher copied over an old
   * build never starts children of that old build.
   */
  static String of(String launcherClassPath) {
    Optional<Path> launcherJar = singleJar(launcherClassPath);
    if (launcherJar.isEmpty()) {
      return launcherClassPath;
    }
    Path rolesJar = launcherJar.get().resolveSibling(ROLES_JAR);
    try {
      // A missing roles jar has no modification time: an IOException, as an unreadable one.
      if (Files.getLastModifiedTime(rolesJar)
              .compareTo(Files.getLastModifiedTime(launcherJar.get()))
          >= 0) {
        return rolesJar.toString();
      }
    } catch (IOException e) {
      // The launcher's own jar holds every role too.
    }
    return launcherClassPath;
  }

  /** The jar {@code classPath} consists of, when it is one jar file; empty for anything else. */
  public static Optional<Path> singleJar(String classPath) {
    if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
      return Optional.empty();
    }
    Path jar = Path.of(classPath);
    return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
  }
}
