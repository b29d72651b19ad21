package energy.market.server.grpc;

import energy.market.api.v1.RegisterHomesRequest;
import energy.market.api.v1.RegisterHomesResponse;
import energy.market.api.v1.RegisterRefusal;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResult;
import energy.market.client.ContractEnums;
import energy.market.server.access.Caller;
import energy.market.server.access.PeerRateLimit;
import energy.market.server.engine.HomeApplication;
import energy.market.server.engine.MarketEngine;
import energy.market.server.engine.RegisteredHome;
import energy.market.server.engine.RegistrationOutcome;
import energy.market.server.trade.OverloadedException;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Market/Register} and {@code Market/RegisterHomes}: each new home costs the caller's
 * address one registration permit, and a home the address has no permit left for is refused alone,
 * with when to try again. A returning home (its name registered before with the same secret) costs
 * nothing: the limit stops floods of new names and guesses at secrets, and a fleet that comes back
 * after a lost connection or a restart must get in whatever its size. {@code RegisterHomes} answers
 * once for all its homes; a home that cannot be read (an unknown policy) is refused alone and the
 * others go to the engine together.
 */
final class RegistrationDesk {
  private final MarketEngine engine;

  RegistrationDesk(MarketEngine engine) {
    this.engine = engine;
  }

  /** Registers one home, or refuses it. */
  CompletableFuture<RegisteredHome> register(Caller caller, RegisterRequest request) {
    if (!engine.authenticator().returning(request.getName(), request.getSecret())) {
      PeerRateLimit.Grant permit = CallerInterceptor.registrationPermits(1);
      if (permit.granted() < 1) {
        throw new OverloadedException(CallerInterceptor.tooManyRegistrations(permit.untilNext()));
      }
    }
    return engine.register(
        caller, request.getName(), ContractEnums.policy(request.getPolicy()), request.getSecret());
  }

  /** Registers the request's homes; the answer holds a result for each, in order. */
  CompletableFuture<RegisterHomesResponse> register(Caller caller, RegisterHomesRequest request) {
    int count = request.getHomesCount();
    if (count < 1 || count > InboundGuard.REGISTER_HOMES_MAX) {
      // Refused whole, and still charged a permit: an empty or oversized call is not free either.
      CallerInterceptor.registrationPermits(1);
      throw new IllegalArgumentException(
          "RegisterHomes takes 1 to "
              + InboundGuard.REGISTER_HOMES_MAX
              + " homes, not "
              + count
              + "; send more homes in more calls");
    }
    boolean[] returning = new boolean[count];
    int newcomers = 0;
    for (int i = 0; i < count; i++) {
      RegisterRequest home = request.getHomes(i);
      returning[i] = engine.authenticator().returning(home.getName(), home.getSecret());
      newcomers += returning[i] ? 0 : 1;
    }
    PeerRateLimit.Grant permits =
        newcomers == 0 ? null : CallerInterceptor.registrationPermits(newcomers);
    RuntimeException[] refusals = new RuntimeException[count];
    List<HomeApplication> applications = new ArrayList<>(count);
    int charged = 0;
    for (int i = 0; i < count; i++) {
      if (!returning[i] && charged++ >= permits.granted()) {
        refusals[i] =
            new OverloadedException(CallerInterceptor.tooManyRegistrations(permits.untilNext()));
        continue;
      }
      RegisterRequest home = request.getHomes(i);
      try {
        applications.add(
            new HomeApplication(
                home.getName(), ContractEnums.policy(home.getPolicy()), home.getSecret()));
      } catch (IllegalArgumentException unknownPolicy) {
        refusals[i] = unknownPolicy;
      }
    }
    CompletableFuture<List<RegistrationOutcome>> registered =
        applications.isEmpty()
            ? CompletableFuture.completedFuture(List.of())
            : engine.registerAll(caller, applications);
    return registered.thenApply(outcomes -> response(refusals, outcomes));
  }

  /** The refusals made here and the engine's outcomes for the rest, merged back in order. */
  private static RegisterHomesResponse response(
      RuntimeException[] refusals, List<RegistrationOutcome> outcomes) {
    RegisterHomesResponse.Builder response = RegisterHomesResponse.newBuilder();
    int next = 0;
    for (RuntimeException refusal : refusals) {
      RegistrationOutcome outcome =
          refusal != null ? RegistrationOutcome.refused(refusal) : outcomes.get(next++);
      response.addResults(result(outcome));
    }
    return response.build();
  }

  private static RegisterResult result(RegistrationOutcome outcome) {
    if (outcome.registered() != null) {
      return RegisterResult.newBuilder()
          .setRegistered(ProtoMapper.registered(outcome.registered()))
          .build();
    }
    Status status = GrpcErrors.toStatus(outcome.refusal()).getStatus();
    return RegisterResult.newBuilder()
        .setRefused(
            RegisterRefusal.newBuilder()
                .setCode(status.getCode().value())
                .setMessage(status.getDescription() == null ? "" : status.getDescription()))
        .build();
  }
}
