package energy.market.server.engine;

import energy.market.model.Policy;
import energy.market.server.day.Account;
import energy.market.server.homes.Home;
import energy.market.server.homes.HomeRegistry;
import energy.market.server.homes.HomeRegistry.Registration;
import energy.market.server.ledger.Ledger;
import energy.market.server.trade.OverloadedException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Registers homes: a new home is answered once the ledger keeps it, and forgotten again if the
 * ledger cannot; the market thread does not wait for the ledger meanwhile. A repeated registration
 * of the same home (a retry whose first reply was lost, or a duplicate racing the first) gets the
 * same home, and is also answered only once the ledger keeps it.
 */
final class Registrations {
  private final MarketThread thread;
  private final HomeRegistry registry;
  private final Map<Long, Account> accounts;
  private final Ledger ledger;
  private final CurrentDay current;
  private final MarketRun run;

  /** New homes whose ledger write has not finished, by id. Market thread only. */
  private final Map<Long, CompletableFuture<?>> unwritten = new HashMap<>();

  Registrations(
      MarketThread thread,
      HomeRegistry registry,
      Map<Long, Account> accounts,
      Ledger ledger,
      CurrentDay current,
      MarketRun run) {
    this.thread = thread;
    this.registry = registry;
    this.accounts = accounts;
    this.ledger = ledger;
    this.current = current;
    this.run = run;
  }

  /** Registers a home, or gives back the one registered before under this name and secret. */
  CompletableFuture<RegisteredHome> register(String name, Policy policy, String secret) {
    return thread
        .call(() -> keep(registry.register(name, policy, secret)))
        .thenCompose(kept -> kept)
        .thenApply(
            registration ->
                new RegisteredHome(
                    registration.home(), registration.resumed(), current.nextJoinDay()));
  }

  private CompletableFuture<Registration> keep(Registration registration) {
    Home home = registration.home();
    if (registration.resumed()) {
      // A home whose first registration is still being written is not known for sure yet: this
      // answer waits for the same write, and fails with it.
      CompletableFuture<?> write = unwritten.get(home.id());
      return write == null
          ? CompletableFuture.completedFuture(registration)
          : write.thenApply(ignored -> registration);
    }
    accounts.put(home.id(), Account.empty(home.id()));
    CompletableFuture<Registration> kept =
        ledger.homeRegistered(home).thenApply(ignored -> registration);
    unwritten.put(home.id(), kept);
    kept.whenComplete(
        (ignored, failure) ->
            thread.run(
                () -> {
                  unwritten.remove(home.id());
                  if (failure != null) {
                    forget(home, failure);
                  }
                }));
    return kept;
  }

  private void forget(Home home, Throwable failure) {
    registry.forget(home);
    accounts.remove(home.id());
    // An overloaded ledger refused the home before trying; the market goes on.
    if (!(Failures.cause(failure) instanceof OverloadedException)) {
      run.ledgerFailed(failure);
    }
  }
}
