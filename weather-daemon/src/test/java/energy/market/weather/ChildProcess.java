package energy.market.weather;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM child started from the test class path. Its stdout is collected line by line, its stderr
 * goes to a file; {@link #close()} kills it, so a failing test leaves nothing behind.
 */
final class ChildProcess implements AutoCloseable {
  final Process process;
  final Path stderr;
  final List<String> lines = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();

  ChildProcess(Path workDir, String mainClass, String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(java.toString(), "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    this.stderr = Files.createTempFile(workDir, "stderr-", ".txt");
    this.process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectError(stderr.toFile())
            .start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  lines.add(line);
                  pending.add(line);
                }
              } catch (IOException e) {
                // the process died; the test sees missing lines
              }
            },
            "child-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Waits for a stdout line starting with a prefix and returns it. */
  String awaitLine(String prefix, long seconds) throws Exception {
    return awaitMatch(Pattern.compile(Pattern.quote(prefix) + ".*"), seconds).group();
  }

  /** Waits for a stdout line matching a pattern (whole line) and returns the match. */
  Matcher awaitMatch(Pattern pattern, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String line = pending.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        Matcher m = pattern.matcher(line);
        if (m.matches()) {
          return m;
        }
      } else if (!process.isAlive()) {
        break;
      }
    }
    throw new AssertionError(
        "no line matching '" + pattern + "'; stdout " + lines + "; stderr " + stderrText());
  }

  String stderrText() throws IOException {
    return Files.readString(stderr);
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
