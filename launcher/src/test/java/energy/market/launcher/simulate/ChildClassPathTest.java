package energy.market.launcher.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildClassPathTest {
  @TempDir Path dir;

  private final Instant built = Instant.parse("2026-12-01T12:00:00Z");

  private Path file(String name, Instant modified) throws Exception {
    Path file = Files.writeString(dir.resolve(name), name);
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  @Test
  void childrenStartFromTheRolesJarTheBuildMadeBesideTheLauncher() throws Exception {
    Path launcher = file("energy-market.jar", built);
    Path roles = file(ChildClassPath.ROLES_JAR, built.plusSeconds(1));

    assertEquals(roles.toString(), ChildClassPath.of(launcher.toString()));
  }

  @Test
  void aRolesJarOlderThanTheLauncherIsOfAnEarlierBuildAndIsNotUsed() throws Exception {
    Path launcher = file("energy-market.jar", built);
    file(ChildClassPath.ROLES_JAR, built.minusSeconds(60));

    assertEquals(launcher.toString(), ChildClassPath.of(launcher.toString()));
  }

  @Test
  void withoutARolesJarChildrenStartFromTheLaunchersOwnJar() throws Exception {
    Path launcher = file("energy-market.jar", built);

    assertEquals(launcher.toString(), ChildClassPath.of(launcher.toString()));
  }

  @Test
  void aClassPathOfDirectoriesAsInTheTestsIsKept() throws Exception {
    file(ChildClassPath.ROLES_JAR, built);
    String classes = dir.resolve("classes") + File.pathSeparator + dir.resolve("energy-market.jar");

    assertEquals(classes, ChildClassPath.of(classes));
  }
}
