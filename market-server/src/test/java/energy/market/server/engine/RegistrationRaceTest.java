package energy.market.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.model.Policy;
import energy.market.server.TestMarket;
import energy.market.server.access.Caller;
import energy.market.server.clock.Pace;
import energy.market.server.homes.Home;
import energy.market.server.ledger.LedgerDouble;
import energy.market.server.trade.OverloadedException;
import energy.market.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A duplicate registration that arrives while the first one's ledger write is still pending: it
 * gets the same home, and only once the ledger kept it; if the ledger fails, it fails too.
 */
class RegistrationRaceTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  /** A ledger whose home writes finish only when the test says so. */
  private static final class HeldLedger extends LedgerDouble {
    final BlockingQueue<CompletableFuture<Void>> writes = new LinkedBlockingQueue<>();

    @Override
    public CompletableFuture<Void> homesRegistered(List<Home> homes) {
      CompletableFuture<Void> write = new CompletableFuture<>();
      writes.add(write);
      return write;
    }

    CompletableFuture<Void> nextWrite() throws InterruptedException {
      CompletableFuture<Void> write = writes.poll(Await.SHORT.toMillis(), TimeUnit.MILLISECONDS);
      if (write == null) {
        throw new AssertionError("no home write reached the ledger within " + Await.SHORT);
      }
      return write;
    }
  }

  private final HeldLedger ledger = new HeldLedger();
  private final MarketEngine engine =
      new MarketEngine(
          TestMarket.settings(Pace.fast(Duration.ofSeconds(5)), 1), ledger, Clock.systemUTC());

  @AfterEach
  void close() {
    engine.close();
  }

  private static HomeApplication seller(String name) {
    return new HomeApplication(name, Policy.ALWAYS_SELL, SECRET);
  }

  private CompletableFuture<List<RegistrationOutcome>> registerAll(HomeApplication... homes) {
    return engine.registerAll(Caller.ANONYMOUS, List.of(homes));
  }

  @Test
  void aDuplicateWhileTheFirstIsBeingWrittenIsAnsweredOnlyOnceTheLedgerKeptTheHome()
      throws Exception {
    CompletableFuture<RegisteredHome> first =
        engine.register(Caller.ANONYMOUS, "alice", Policy.ALWAYS_SELL, SECRET);
    CompletableFuture<Void> write = ledger.nextWrite();
    CompletableFuture<RegisteredHome> duplicate =
        engine.register(Caller.ANONYMOUS, "alice", Policy.ALWAYS_SELL, SECRET);
    // The market thread handled the duplicate once a snapshot, queued after it, is answered.
    engine.snapshot().get(5, TimeUnit.SECONDS);
    assertFalse(first.isDone(), "nothing is answered before the ledger keeps the home");
    assertFalse(duplicate.isDone(), "nor is the duplicate");
    assertTrue(ledger.writes.isEmpty(), "the home is written once");

    write.complete(null);
    RegisteredHome kept = first.get(5, TimeUnit.SECONDS);
    RegisteredHome again = duplicate.get(5, TimeUnit.SECONDS);
    assertFalse(kept.resumed());
    assertTrue(again.resumed());
    assertEquals(kept.home(), again.home());
    assertEquals(1, engine.snapshot().get(5, TimeUnit.SECONDS).homesRegistered());
  }

  @Test
  void aDuplicateFailsWithTheWriteItWaitedForAndTheNameIsFreeAgain() throws Exception {
    CompletableFuture<RegisteredHome> first =
        engine.register(Caller.ANONYMOUS, "alice", Policy.ALWAYS_SELL, SECRET);
    CompletableFuture<Void> write = ledger.nextWrite();
    CompletableFuture<RegisteredHome> duplicate =
        engine.register(Caller.ANONYMOUS, "alice", Policy.ALWAYS_SELL, SECRET);
    engine.snapshot().get(5, TimeUnit.SECONDS);

    write.completeExceptionally(new OverloadedException("the ledger is full"));
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS));
    assertInstanceOf(OverloadedException.class, Failures.cause(failed));
    ExecutionException alsoFailed =
        assertThrows(ExecutionException.class, () -> duplicate.get(5, TimeUnit.SECONDS));
    assertInstanceOf(OverloadedException.class, Failures.cause(alsoFailed));

    // The failed home is forgotten: the next registration makes a new one.
    CompletableFuture<RegisteredHome> retry =
        engine.register(Caller.ANONYMOUS, "alice", Policy.ALWAYS_SELL, SECRET);
    ledger.nextWrite().complete(null);
    RegisteredHome home = retry.get(5, TimeUnit.SECONDS);
    assertFalse(home.resumed());
    assertEquals(1, engine.snapshot().get(5, TimeUnit.SECONDS).homesRegistered());
  }

  @Test
  void aCallOfManyHomesIsOneWriteAndAFailedWriteForgetsEveryNewHomeOfIt() throws Exception {
    CompletableFuture<RegisteredHome> bob =
        engine.register(Caller.ANONYMOUS, "bob", Policy.ALWAYS_SELL, SECRET);
    CompletableFuture<Void> bobsWrite = ledger.nextWrite();
    CompletableFuture<List<RegistrationOutcome>> many =
        registerAll(
            seller("alice"),
            seller("bob"),
            new HomeApplication("carol", Policy.ALWAYS_GIVE, SECRET));
    CompletableFuture<Void> write = ledger.nextWrite();
    engine.snapshot().get(5, TimeUnit.SECONDS);
    assertTrue(ledger.writes.isEmpty(), "alice and carol are one write; bob is being written");

    bobsWrite.complete(null);
    assertFalse(bob.get(5, TimeUnit.SECONDS).resumed());
    write.completeExceptionally(new OverloadedException("the ledger is full"));
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> many.get(5, TimeUnit.SECONDS));
    assertInstanceOf(OverloadedException.class, Failures.cause(failed));
    // The market thread forgot alice and carol once a snapshot, queued after, is answered.
    engine.snapshot().get(5, TimeUnit.SECONDS);
    assertEquals(1, engine.snapshot().get(5, TimeUnit.SECONDS).homesRegistered(), "bob stays");

    CompletableFuture<List<RegistrationOutcome>> retry =
        registerAll(seller("alice"), seller("bob"));
    ledger.nextWrite().complete(null);
    List<RegistrationOutcome> outcomes = retry.get(5, TimeUnit.SECONDS);
    assertFalse(outcomes.get(0).registered().resumed(), "alice is new again");
    assertTrue(outcomes.get(1).registered().resumed());
    assertEquals(bob.get().home(), outcomes.get(1).registered().home());
    assertEquals(2, engine.snapshot().get(5, TimeUnit.SECONDS).homesRegistered());
  }

  @Test
  void aHomeResumedInACallWhileItsFirstWriteIsPendingFailsTheCallWithThatWrite() throws Exception {
    CompletableFuture<RegisteredHome> bob =
        engine.register(Caller.ANONYMOUS, "bob", Policy.ALWAYS_SELL, SECRET);
    CompletableFuture<Void> bobsWrite = ledger.nextWrite();
    CompletableFuture<List<RegistrationOutcome>> many = registerAll(seller("alice"), seller("bob"));
    ledger.nextWrite().complete(null);
    engine.snapshot().get(5, TimeUnit.SECONDS);
    assertFalse(many.isDone(), "bob's answer waits for bob's own write");

    bobsWrite.completeExceptionally(new OverloadedException("the ledger is full"));
    assertInstanceOf(
        OverloadedException.class,
        Failures.cause(
            assertThrows(ExecutionException.class, () -> many.get(5, TimeUnit.SECONDS))));
    assertInstanceOf(
        OverloadedException.class,
        Failures.cause(assertThrows(ExecutionException.class, () -> bob.get(5, TimeUnit.SECONDS))));
    assertEquals(
        1, engine.snapshot().get(5, TimeUnit.SECONDS).homesRegistered(), "alice was kept alone");
  }

  @Test
  void aStoppedMarketAnswersThatItIsStoppingSoTheCallerRetriesLater() throws Exception {
    engine.close();
    ExecutionException stopped =
        assertThrows(
            ExecutionException.class,
            () ->
                engine
                    .register(Caller.ANONYMOUS, "alice", Policy.ALWAYS_SELL, SECRET)
                    .get(5, TimeUnit.SECONDS));
    assertInstanceOf(MarketStoppingException.class, Failures.cause(stopped));
  }
}
