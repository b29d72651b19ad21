package energy.market.launcher.bench.micro;

import energy.market.model.Policy;
import energy.market.server.homes.Home;
import energy.market.server.ledger.RunParameters;
import energy.market.server.ledger.SqliteLedger;
import energy.market.server.ledger.UnusableLedgerException;
import energy.market.server.price.EventCatalog;
import energy.market.server.price.PriceParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A real SQLite ledger in a temporary directory with homes 1..n registered, removed on close. */
final class TemporaryLedger implements AutoCloseable {
  private final Path dir;
  private final SqliteLedger ledger;

  private TemporaryLedger(Path dir, SqliteLedger ledger) {
    this.dir = dir;
    this.ledger = ledger;
  }

  static TemporaryLedger withHomes(int homes) throws IOException, UnusableLedgerException {
    Path dir = Files.createTempDirectory("energy-market-jmh-ledger");
    SqliteLedger ledger =
        SqliteLedger.open(
            dir.resolve(SqliteLedger.FILE_NAME),
            new RunParameters(14, PriceParameters.DEFAULTS, EventCatalog.defaults()),
            Clock.systemUTC());
    List<Home> registered = new ArrayList<>(homes);
    for (int i = 1; i <= homes; i++) {
      registered.add(new Home(i, "home-" + i, Policy.ALWAYS_SELL, ""));
    }
    ledger.homesRegistered(registered).join();
    return new TemporaryLedger(dir, ledger);
  }

  SqliteLedger ledger() {
    return ledger;
  }

  @Override
  public void close() throws IOException {
    ledger.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(TemporaryLedger::delete);
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
