package energy.market.launcher;

import energy.market.launcher.config.ConfigDefaults;
import energy.market.launcher.config.ConfigKeys;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Bad options as one line on stderr and exit code 2, instead of Picocli's message plus the whole
 * usage text. When the value came from the config file, the line names the file and the key.
 */
final class OneLineErrors implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String message = e.getMessage() + fromConfig(command, e);
    err.println(
        command.getCommandSpec().qualifiedName()
            + ": "
            + message
            + " (see "
            + command.getCommandSpec().qualifiedName()
            + " --help)");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Names the config key behind the bad value, if the file set it. */
  private static String fromConfig(CommandLine command, ParameterException e) {
    if (!(command.getDefaultValueProvider() instanceof ConfigDefaults defaults)) {
      return "";
    }
    ArgSpec arg = e.getArgSpec();
    if (arg != null) {
      String key = defaults.keyOf(arg);
      return key == null ? "" : " [from " + defaults.file().path() + ": " + key + "]";
    }
    // Thrown by the command's own checks: name the keys whose options the message mentions.
    String text = e.getMessage().toLowerCase(Locale.ROOT).replace('-', ' ');
    StringBuilder keys = new StringBuilder();
    for (Map.Entry<ArgSpec, String> used : defaults.used().entrySet()) {
      if (used.getKey() instanceof OptionSpec option) {
        String name = ConfigKeys.bare(option.longestName()).replace('-', ' ');
        if (text.contains(name)) {
          keys.append(keys.length() == 0 ? "" : ", ").append(used.getValue());
        }
      }
    }
    return keys.length() == 0 ? "" : " [from " + defaults.file().path() + ": " + keys + "]";
  }
}
