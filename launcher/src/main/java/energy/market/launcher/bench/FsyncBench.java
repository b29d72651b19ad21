package energy.market.launcher.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench fsync}: how many durable commits the disk allows, one after the other. A durable
 * trade waits for its ledger commit, so this rate times the trades a commit carries bounds the
 * durable trade rate.
 */
@Command(
    name = "fsync",
    mixinStandardHelpOptions = true,
    description =
        "Measures the disk's fsync rate: appends --block-bytes to a file in --dir and forces it"
            + " to disk (FileChannel.force, fdatasync), one after the other, for --seconds;"
            + " prints fsyncs/s. The ledger's WAL commits are such appends.")
public final class FsyncBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      description =
          "Directory on the disk to measure; the file is removed after (default: the temporary"
              + " directory, where the benches' markets keep their ledgers).")
  Path dir;

  @Option(
      names = "--block-bytes",
      description = "Bytes written before each fsync (default: ${DEFAULT-VALUE}).",
      defaultValue = "4096")
  int blockBytes;

  @Option(
      names = "--seconds",
      description = "How long each run measures (default: ${DEFAULT-VALUE}).",
      defaultValue = "5")
  int seconds;

  @Mixin RunsOption runs;

  @Override
  public Integer call() throws IOException {
    if (blockBytes < 1 || seconds < 1 || runs.runs < 1) {
      throw new ParameterException(
          spec.commandLine(), "--block-bytes, --seconds and --runs must be >= 1");
    }
    Path where = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
    if (!Files.isDirectory(where)) {
      throw new ParameterException(spec.commandLine(), "--dir " + where + " is not a directory");
    }
    PrintWriter out = spec.commandLine().getOut();
    RunSummary summary = new RunSummary();
    for (int run = 1; run <= runs.runs; run++) {
      Figures figures = measure(where);
      out.printf(Locale.ROOT, "run %d/%d: %s%n", run, runs.runs, figures);
      out.flush();
      summary.add(figures);
    }
    out.printf(
        Locale.ROOT,
        "fsync: %d-byte appends each forced to disk in %s, %d s a run%n",
        blockBytes,
        where.toAbsolutePath(),
        seconds);
    summary.print(out);
    return 0;
  }

  private Figures measure(Path where) throws IOException {
    Path file = Files.createTempFile(where, "energy-market-fsync", ".bin");
    ByteBuffer block = ByteBuffer.allocate(blockBytes);
    long fsyncs = 0;
    long started = System.nanoTime();
    long end = started + TimeUnit.SECONDS.toNanos(seconds);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      long now;
      do {
        block.clear();
        while (block.hasRemaining()) {
          channel.write(block);
        }
        channel.force(false);
        fsyncs++;
        now = System.nanoTime();
      } while (now < end);
      return new Figures().put("fsyncs/s", fsyncs / ((now - started) / 1e9));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
