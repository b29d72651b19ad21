package energy.market.server.engine;

import energy.market.server.access.Caller;
import energy.market.server.access.Registration;
import energy.market.server.day.Account;
import energy.market.server.homes.Home;
import energy.market.server.homes.HomeRegistry;
import energy.market.server.ledger.Ledger;
import energy.market.server.trade.OverloadedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Registers homes: new homes are answered once the ledger keeps them (one write for all the homes
 * of a call), and forgotten again if the ledger cannot; the market thread does not wait for the
 * ledger meanwhile. A repeated registration of the same home (a retry whose first reply was lost,
 * or a duplicate racing the first) gets the same home, and is also answered only once the ledger
 * keeps it.
 */
final class Registrations {
  private final MarketThread thread;
  private final HomeRegistry registry;
  private final Map<Long, Account> accounts;
  private final Ledger ledger;
  private final CurrentDay current;
  private final MarketRun run;
  private final Registration admission;

  /** New homes whose ledger write has not finished, by id. Market thread only. */
  private final Map<Long, CompletableFuture<Void>> unwritten = new HashMap<>();

  Registrations(
      MarketThread thread,
      HomeRegistry registry,
      Map<Long, Account> accounts,
      Ledger ledger,
      CurrentDay current,
      MarketRun run,
      Registration admission) {
    this.thread = thread;
    this.registry = registry;
    this.accounts = accounts;
    this.ledger = ledger;
    this.current = current;
    this.run = run;
    this.admission = admission;
  }

  /** Registers a home, or gives back the one registered before under this name and secret. */
  CompletableFuture<RegisteredHome> register(Caller caller, HomeApplication application) {
    return registerAll(caller, List.of(application))
        .thenApply(
            outcomes -> {
              RegistrationOutcome outcome = outcomes.get(0);
              if (outcome.refusal() != null) {
                throw outcome.refusal();
              }
              return outcome.registered();
            });
  }

  /**
   * Registers each home as {@link #register} would, in order, with one ledger write for the new
   * ones. A home the registry refuses is refused alone; a ledger write that fails fails the whole
   * answer, since none of its new homes is kept; so does registration closed to the caller.
   */
  CompletableFuture<List<RegistrationOutcome>> registerAll(
      Caller caller, List<HomeApplication> applications) {
    try {
      admission.requireAdmits(caller);
    } catch (RuntimeException closed) {
      return CompletableFuture.failedFuture(closed);
    }
    List<HomeApplication> copy = List.copyOf(applications);
    return thread.call(() -> keepAll(copy)).thenCompose(kept -> kept);
  }

  private CompletableFuture<List<RegistrationOutcome>> keepAll(List<HomeApplication> applications) {
    List<Object> registeredOrRefused = new ArrayList<>(applications.size());
    List<Home> fresh = new ArrayList<>();
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (HomeApplication application : applications) {
      HomeRegistry.Registration registration;
      try {
        registration =
            registry.register(application.name(), application.policy(), application.secret());
      } catch (RuntimeException refused) {
        registeredOrRefused.add(refused);
        continue;
      }
      registeredOrRefused.add(registration);
      Home home = registration.home();
      if (!registration.resumed()) {
        accounts.put(home.id(), Account.empty(home.id()));
        fresh.add(home);
      } else if (unwritten.containsKey(home.id())) {
        // A home whose first registration is still being written is not known for sure yet: this
        // answer waits for the same write, and fails with it.
        writes.add(unwritten.get(home.id()));
      }
    }
    if (!fresh.isEmpty()) {
      writes.add(write(fresh));
    }
    return CompletableFuture.allOf(writes.toArray(CompletableFuture<?>[]::new))
        .thenApply(ignored -> outcomes(registeredOrRefused));
  }

  /**
   * Writes new homes to the ledger, and forgets them again if it cannot keep them. The returned
   * future completes on the market thread once that is settled, so that whoever hears of a failed
   * write finds its homes forgotten already.
   */
  private CompletableFuture<Void> write(List<Home> fresh) {
    CompletableFuture<Void> settled =
        ledger
            .homesRegistered(fresh)
            .handle((ignored, failure) -> failure)
            .thenCompose(
                failure ->
                    thread.call(
                        () -> {
                          for (Home home : fresh) {
                            unwritten.remove(home.id());
                          }
                          if (failure != null) {
                            forget(fresh, failure);
                            throw new CompletionException(failure);
                          }
                          return null;
                        }));
    for (Home home : fresh) {
      unwritten.put(home.id(), settled);
    }
    return settled;
  }

  private List<RegistrationOutcome> outcomes(List<Object> registeredOrRefused) {
    long firstDay = current.nextJoinDay();
    List<RegistrationOutcome> outcomes = new ArrayList<>(registeredOrRefused.size());
    for (Object each : registeredOrRefused) {
      outcomes.add(
          each instanceof HomeRegistry.Registration registration
              ? RegistrationOutcome.registered(
                  new RegisteredHome(registration.home(), registration.resumed(), firstDay))
              : RegistrationOutcome.refused((RuntimeException) each));
    }
    return outcomes;
  }

  private void forget(List<Home> homes, Throwable failure) {
    for (Home home : homes) {
      registry.forget(home);
      accounts.remove(home.id());
    }
    // An overloaded ledger refused the homes before trying; the market goes on.
    if (!(Failures.cause(failure) instanceof OverloadedException)) {
      run.ledgerFailed(failure);
    }
  }
}
