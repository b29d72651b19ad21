package energy.market.client.cli;

import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one error convention of every command: bad options ({@link ParameterException}, thrown by
 * Picocli or by the command's own checks) are one line on stderr naming the command, and exit code
 * 2; a {@link CommandFailure} is its message on one line and its exit code; anything else is one
 * line and exit code 1 (with the stack trace when {@code ENERGY_MARKET_DEBUG} is set). Never the
 * whole usage text, never a stack trace by default.
 */
public final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private final Function<ParameterException, String> origin;

  /**
   * @param origin what to add to a bad option's line to say where the value came from (a config
   *     file's key), or the empty string
   */
  public OneLineErrors(Function<ParameterException, String> origin) {
    this.origin = origin;
  }

  /** A command line for {@code command} (and its subcommands) that reports errors this way. */
  public static CommandLine commandLine(Object command) {
    return install(new CommandLine(command));
  }

  /** Makes {@code commandLine} and its subcommands report errors this way; returns it. */
  public static CommandLine install(CommandLine commandLine) {
    return install(commandLine, e -> "");
  }

  /** As {@link #install(CommandLine)}, naming the origin of a bad value with {@code origin}. */
  public static CommandLine install(
      CommandLine commandLine, Function<ParameterException, String> origin) {
    OneLineErrors errors = new OneLineErrors(origin);
    commandLine.setParameterExceptionHandler(errors);
    commandLine.setExecutionExceptionHandler(errors);
    return commandLine;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    PrintWriter err = command.getErr();
    err.println(name + ": " + e.getMessage() + origin.apply(e) + " (see " + name + " --help)");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    if (e instanceof CommandFailure failure) {
      err.println(command.getCommandName() + ": " + failure.getMessage());
      err.flush();
      return failure.exitCode();
    }
    err.println(command.getCommandName() + ": " + e);
    if (System.getenv("ENERGY_MARKET_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return command.getCommandSpec().exitCodeOnExecutionException();
  }
}
