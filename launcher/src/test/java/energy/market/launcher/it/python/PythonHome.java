package energy.market.launcher.it.python;

import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Python home of {@code home-client/python} as a real process: finds a Python with gRPC,
 * generates the contract's stubs from the project's {@code .proto} files, and starts homes.
 *
 * <p>A machine without what the Python home needs fails the test with what to install: the example
 * is kept working only if the suite runs it, so it never skips.
 */
final class PythonHome {
  /** What Debian calls the packages the Python home needs. */
  static final String INSTALL =
      "apt-get install python3-grpcio python3-protobuf protobuf-compiler protobuf-compiler-grpc";

  // Debian's interpreter first: the packages above are installed for it, whatever python3 a
  // version manager puts first on the PATH.
  private static final List<String> INTERPRETERS = List.of("/usr/bin/python3", "python3");

  private final Path sources;
  private final String python;
  private final Path stubs;

  private PythonHome(Path repository, String python, Path stubs) {
    this.sources = repository.resolve("home-client").resolve("python");
    this.python = python;
    this.stubs = stubs;
  }

  /**
   * Finds the interpreter and generates the stubs into {@code workDir}.
   *
   * @throws AssertionError saying what to install when Python, gRPC or protoc is missing
   */
  static PythonHome prepare(Path workDir) throws IOException, InterruptedException {
    Path repository = repository();
    String python = interpreter();
    Path stubs = workDir.resolve("stubs");
    PythonHome home = new PythonHome(repository, python, stubs);
    List<String> generate =
        List.of(
            python,
            "-m",
            "energy_home.contract",
            stubs.toString(),
            repository.resolve("proto/src/main/proto").toString());
    Run run = home.run(generate);
    if (run.code != 0) {
      throw new AssertionError(
          "the Python stubs could not be generated ("
              + INSTALL
              + "); "
              + String.join(" ", generate)
              + " said: "
              + run.output);
    }
    return home;
  }

  /**
   * Starts {@code python3 -m energy_home args...} in {@code directory} (its secret file's home).
   */
  ChildProcess start(String name, Path directory, List<String> args) throws IOException {
    List<String> all = new ArrayList<>(List.of("--stubs-dir", stubs.toString()));
    all.addAll(args);
    return ChildProcess.builder(name)
        .program(List.of(python, "-m", "energy_home"))
        .args(all)
        .environment("PYTHONPATH", sources.toString())
        // No __pycache__ in the source tree: the build must leave the work tree clean.
        .environment("PYTHONDONTWRITEBYTECODE", "1")
        .environment("PYTHONUNBUFFERED", "1")
        .directory(directory)
        .start();
  }

  private static Path repository() {
    // Failsafe runs in the module's directory (and says so in basedir): the repository is above.
    Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    Path repository = module.getParent();
    if (repository == null || !Files.isDirectory(repository.resolve("home-client/python"))) {
      throw new AssertionError("no home-client/python above " + module);
    }
    return repository;
  }

  private static String interpreter() throws IOException, InterruptedException {
    StringBuilder tried = new StringBuilder();
    for (String candidate : INTERPRETERS) {
      Run run = runIn(null, List.of(candidate, "-c", "import grpc, google.protobuf"));
      if (run.code == 0) {
        return candidate;
      }
      tried.append(candidate).append(": ").append(run.output.strip()).append("; ");
    }
    throw new AssertionError(
        "no python3 with grpc and protobuf for the Python home (" + INSTALL + "); tried " + tried);
  }

  private Run run(List<String> command) throws IOException, InterruptedException {
    return runIn(sources, command);
  }

  private record Run(int code, String output) {}

  private static Run runIn(Path directory, List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new Run(127, e.getMessage());
    }
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(Await.SHORT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Run(124, "timed out: " + output);
    }
    return new Run(process.exitValue(), output);
  }
}
