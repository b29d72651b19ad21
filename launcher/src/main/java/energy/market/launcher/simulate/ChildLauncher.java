package energy.market.launcher.simulate;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import energy.market.client.OperatorToken;
import energy.market.home.HomeCommand;
import energy.market.home.HomeSettingsFile;
import energy.market.launcher.RoleMain;
import energy.market.launcher.TerminalSignals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a run's children: each role as a JVM from the children's class path, with its JVM options
 * and shared class data, the operator token and the launcher's pid in its environment, and its
 * output in the run's log directory. Every child started is handed to {@link Children} (which stops
 * them) and watched by the {@link RunMonitor} (which ends the run when one dies).
 */
final class ChildLauncher {
  private final RunSettings run;
  private final String classPath;
  private final ClassDataSharing classData;
  private final String operatorToken;
  private final Children children;
  private final RunMonitor monitor;
  private final Supplier<HomeCommand.SettingsReader> homeSettings =
      Suppliers.memoize(HomeCommand.SettingsReader::new);

  /**
   * @param classPath the children's class path (see {@link ChildClassPath})
   * @param classData the shared class data, or null when it is off
   */
  ChildLauncher(
      RunSettings run,
      String classPath,
      ClassDataSharing classData,
      String operatorToken,
      Children children,
      RunMonitor monitor) {
    this.run = run;
    this.classPath = classPath;
    this.classData = classData;
    this.operatorToken = operatorToken;
    this.children = children;
    this.monitor = monitor;
  }

  /** Starts one child; it runs until it exits or {@link Children} stops it. */
  Child launch(ChildSpec spec) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(spec.jvmOptions());
    List<String> sharing = classData == null ? List.of() : classData.options(spec);
    command.addAll(sharing);
    // Marks every process of the run, so that `pgrep -f RUN-ID` finds them.
    command.add("-Denergy.market.run=" + run.runId());
    command.add("-cp");
    command.add(classPath);
    command.add(RoleMain.class.getName());
    command.addAll(roleArguments(spec));
    Child child =
        Child.start(
            spec,
            TerminalSignals.ignoredBy(command),
            Map.of(
                OperatorToken.ENV,
                operatorToken,
                Simulation.LAUNCHER_PID_ENV,
                Long.toString(ProcessHandle.current().pid())),
            run.runDir().resolve("logs").resolve(spec.name() + ".log"));
    children.add(child);
    if (classData != null) {
      classData.started(spec, child, sharing);
    }
    child.process().onExit().thenRun(() -> monitor.childExited(child, child.process().exitValue()));
    return child;
  }

  /**
   * Builds the home options' model now, so that the home processes' settings are read faster when
   * they start; meant for the time the market takes to come up.
   */
  void prepareHomes() {
    homeSettings.get();
  }

  /**
   * The role and its options; for a process of homes, its settings in a file of the run's logs
   * instead (see {@link HomeSettingsFile}: the homes start without parsing a command line).
   */
  private List<String> roleArguments(ChildSpec spec) throws IOException {
    if (!spec.isHomes()) {
      List<String> arguments = new ArrayList<>();
      arguments.add(spec.role());
      arguments.addAll(spec.args());
      return arguments;
    }
    Path file = run.runDir().resolve("logs").resolve(spec.name() + ".settings");
    HomeSettingsFile.write(homeSettings.get().read(spec.args()), file);
    return List.of(RoleMain.HOME_SETTINGS, file.toString());
  }
}
