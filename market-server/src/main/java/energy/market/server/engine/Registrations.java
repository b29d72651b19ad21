package energy.market.server.engine;

import energy.market.model.Policy;
import energy.market.server.day.Account;
import energy.market.server.homes.Home;
import energy.market.server.homes.HomeRegistry;
import energy.market.server.homes.HomeRegistry.Registration;
import energy.market.server.ledger.Ledger;
import energy.market.server.trade.OverloadedException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Registers homes: a new home is answered once the ledger keeps it, and forgotten again if the
 * ledger cannot; the market thread does not wait for the ledger meanwhile.
 */
final class Registrations {
  private final MarketThread thread;
  private final HomeRegistry registry;
  private final Map<Long, Account> accounts;
  private final Ledger ledger;
  private final CurrentDay current;
  private final MarketRun run;

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

  /** Registers a home, or resumes it with its token. */
  CompletableFuture<RegisteredHome> register(String name, Policy policy, String token) {
    return thread
        .call(() -> keep(registry.register(name, policy, token)))
        .thenCompose(kept -> kept)
        .thenApply(
            registration ->
                new RegisteredHome(
                    registration.home(),
                    registration.token(),
                    registration.resumed(),
                    current.nextJoinDay()));
  }

  private CompletableFuture<Registration> keep(Registration registration) {
    if (registration.resumed()) {
      return CompletableFuture.completedFuture(registration);
    }
    Home home = registration.home();
    accounts.put(home.id(), Account.empty(home.id()));
    CompletableFuture<Registration> kept =
        ledger.homeRegistered(home).thenApply(ignored -> registration);
    kept.whenComplete(
        (ignored, failure) -> {
          if (failure != null) {
            thread.run(
                () -> {
                  registry.forget(home);
                  accounts.remove(home.id());
                  // An overloaded ledger refused the home before trying; the market goes on.
                  if (!(Failures.cause(failure) instanceof OverloadedException)) {
                    run.ledgerFailed(failure);
                  }
                });
          }
        });
    return kept;
  }
}
