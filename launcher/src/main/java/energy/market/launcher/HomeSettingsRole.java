package energy.market.launcher;

import energy.market.client.Logging;
import energy.market.client.cli.CommandFailure;
import energy.market.home.HomeProcess;
import energy.market.home.HomeSettingsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.logging.Level;

/**
 * {@code RoleMain --home-settings FILE}: a process of homes that {@code simulate} started with its
 * settings in a file ({@link HomeSettingsFile}) instead of a command line, so that it runs without
 * building the home command's option model. Errors are one line, with the exit codes of {@code
 * energy-market home}: 2 for settings it cannot use, 1 for a failure to run.
 */
final class HomeSettingsRole {
  private static final String NAME = "energy-market home";

  private HomeSettingsRole() {}

  static int run(Path settingsFile, PrintWriter out, PrintWriter err) {
    Logging.configure(Level.INFO);
    HomeProcess process;
    try {
      process = HomeProcess.open(HomeSettingsFile.read(settingsFile));
    } catch (IOException e) {
      return fail(err, 2, "cannot read home settings " + settingsFile + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return fail(err, 2, e.getMessage());
    } catch (CommandFailure e) {
      return fail(err, e.exitCode(), e.getMessage());
    }
    try {
      return process.run(out, err);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(err, 1, "interrupted");
    } catch (RuntimeException e) {
      return fail(err, 1, e.toString());
    }
  }

  private static int fail(PrintWriter err, int code, String message) {
    err.println(NAME + ": " + message);
    err.flush();
    return code;
  }
}
