package energy.market.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one harness for tests that run real processes: a JVM child started from the test's own class
 * path (or a jar), usually a role started the way users start it, through the launcher. The test
 * waits for its output lines, sends it real signals and reads its exit code; every failure message
 * carries its transcript. Closing it stops it and anything it started, so a failing test never
 * leaves a process behind.
 */
public final class ChildProcess implements AutoCloseable {
  private static final Path GNU_ENV = Path.of("/usr/bin/env");

  /** The launcher's main class; named, not referenced, because the launcher depends on us. */
  public static final String LAUNCHER = "energy.market.launcher.Launcher";

  private static final String ERR = "[err] ";

  private final String name;
  private final Process process;
  private final Output stdout = new Output("");
  private final Output stderr = new Output(ERR);
  private final List<String> transcript = new ArrayList<>(); // guarded by itself
  private final List<Thread> readers = new ArrayList<>();

  /** One stream's lines, and how far the test has awaited them. Guarded by the transcript. */
  private static final class Output {
    final String prefix;
    final List<String> lines = new ArrayList<>();
    int awaited;

    Output(String prefix) {
      this.prefix = prefix;
    }
  }

  private ChildProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    pump(process.getInputStream(), stdout);
    pump(process.getErrorStream(), stderr);
  }

  /**
   * Starts {@code energy-market role args...} through the launcher, as a user would.
   *
   * @param name a name for failure messages
   */
  public static ChildProcess role(String name, String role, List<String> args) throws IOException {
    List<String> all = new ArrayList<>();
    all.add(role);
    all.addAll(args);
    return builder(name).mainClass(LAUNCHER).args(all).start();
  }

  /**
   * Starts {@code mainClass} with {@code args} in a new JVM: for tests that need a plain child of
   * their own rather than a role.
   *
   * @param name a name for failure messages
   */
  public static ChildProcess java(String name, String mainClass, List<String> args)
      throws IOException {
    return builder(name).mainClass(mainClass).args(args).start();
  }

  /** A child to configure before starting it. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** What to start and how. */
  public static final class Builder {
    private final String name;
    private final List<String> jvmOptions = new ArrayList<>(List.of("-XX:+UseSerialGC"));
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> args = new ArrayList<>();
    private String mainClass;
    private Path jar;
    private List<String> program;
    private Path directory;

    private Builder(String name) {
      this.name = name;
    }

    /** Runs this class from the test's class path. */
    public Builder mainClass(String mainClass) {
      this.mainClass = mainClass;
      return this;
    }

    /** Runs this executable jar instead of a class of the test's class path. */
    public Builder jar(Path jar) {
      this.jar = jar;
      return this;
    }

    /**
     * Runs this program (an executable and its first arguments) instead of a JVM: for a participant
     * written in another language.
     */
    public Builder program(List<String> program) {
      this.program = List.copyOf(program);
      return this;
    }

    /** Adds program arguments. */
    public Builder args(List<String> args) {
      this.args.addAll(args);
      return this;
    }

    /** Adds a JVM option (the default heap is the JVM's own). */
    public Builder jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    /** Sets an environment variable on top of the test's environment. */
    public Builder environment(String key, String value) {
      environment.put(key, value);
      return this;
    }

    /** Runs the child in this working directory. */
    public Builder directory(Path directory) {
      this.directory = directory;
      return this;
    }

    /** Starts the child. */
    public ChildProcess start() throws IOException {
      List<String> command = new ArrayList<>();
      // A build started in the background without job control (a script's "mvn verify &") hands
      // its children SIGINT ignored, and a JVM that starts so never sees Ctrl-C. GNU env puts the
      // default back, as a terminal would, and then becomes the JVM (same pid).
      if (Files.isExecutable(GNU_ENV)) {
        command.add(GNU_ENV.toString());
        command.add("--default-signal=INT");
      }
      if (program != null) {
        command.addAll(program);
      } else {
        command.addAll(javaCommand());
      }
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(environment);
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      return new ChildProcess(name, builder.start());
    }

    private List<String> javaCommand() {
      List<String> java = new ArrayList<>();
      java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      java.addAll(jvmOptions);
      if (jar != null) {
        java.add("-jar");
        java.add(jar.toString());
      } else {
        java.add("-cp");
        java.add(System.getProperty("java.class.path"));
        java.add(mainClass);
      }
      return java;
    }
  }

  private void pump(InputStream stream, Output output) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  synchronized (transcript) {
                    transcript.add(output.prefix + line);
                    output.lines.add(line);
                    transcript.notifyAll();
                  }
                }
              } catch (IOException e) {
                // the process ended; what it printed is kept
              }
            },
            name + "-output");
    reader.setDaemon(true);
    reader.start();
    readers.add(reader);
  }

  /**
   * Waits for a line, on stdout or stderr, that contains a match of {@code regex}; returns the
   * match's first group, or the whole line when it has none. Each stream is searched after the last
   * line awaited on it, so waiting for the same pattern twice finds its next occurrence.
   */
  public String awaitLine(String regex, Duration timeout) throws InterruptedException {
    Matcher matcher = awaitMatch(Pattern.compile(regex), timeout);
    return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
  }

  /**
   * Waits for a line that contains a match of {@code pattern}, as {@link #awaitLine} does; fails
   * with the transcript when the time passes or the process ends first.
   */
  public Matcher awaitMatch(Pattern pattern, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (transcript) {
      while (true) {
        for (Output output : List.of(stdout, stderr)) {
          for (int i = output.awaited; i < output.lines.size(); i++) {
            Matcher matcher = pattern.matcher(output.lines.get(i));
            if (matcher.find()) {
              output.awaited = i + 1;
              return matcher;
            }
          }
        }
        long left = end - System.nanoTime();
        boolean ended = !process.isAlive() && readers.stream().noneMatch(Thread::isAlive);
        if (left <= 0 || ended) {
          break;
        }
        transcript.wait(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(left))));
      }
    }
    throw new AssertionError(
        name
            + ": no line matching /"
            + pattern
            + "/ within "
            + timeout
            + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
            + "; output:\n"
            + transcript());
  }

  /** Everything the process printed so far, stderr lines marked {@code [err]}. */
  public String transcript() {
    synchronized (transcript) {
      return String.join("\n", transcript);
    }
  }

  /** The OS process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the process still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Sends a signal (for example "TERM", "INT", "USR1", "KILL") with the real kill command. */
  public void signal(String signal) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid()))
            .redirectErrorStream(true)
            .start();
    String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -s " + signal + " " + process.pid() + " failed: " + output);
    }
  }

  /** Kills the process with SIGKILL ({@code kill -9}) and waits until it is gone. */
  public void kill() throws IOException, InterruptedException {
    signal("KILL");
    awaitExit(Await.SHORT);
  }

  /**
   * Waits for the process to end and returns its exit code, once all it printed has been read;
   * fails with the transcript when it takes longer than {@code timeout}.
   */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          name + " did not exit within " + timeout + "; output:\n" + transcript());
    }
    for (Thread reader : readers) {
      reader.join(TimeUnit.SECONDS.toMillis(10));
    }
    return process.exitValue();
  }

  /**
   * Sends SIGTERM and waits for the exit code. (Not {@link Process#destroy()}: it also closes our
   * ends of the pipes, losing what the process prints while it stops.)
   */
  public int terminate(Duration timeout) throws InterruptedException, IOException {
    signal("TERM");
    return awaitExit(timeout);
  }

  @Override
  public void close() {
    // SIGTERM first, so that a role removes what it made (its shared-memory file); then SIGKILL.
    // Whatever the child started goes too (simulate's roles): they would stop by themselves when
    // their standard input closes, but a test must not rely on it.
    List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
    family.add(process.toHandle());
    family.forEach(ProcessHandle::destroy);
    try {
      for (ProcessHandle member : family) {
        try {
          member.onExit().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
          member.destroyForcibly();
        }
      }
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      family.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
