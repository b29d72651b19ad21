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
import energy.market.server.engine.RegistrationOutcome;
import energy.market.server.trade.OverloadedException;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Market/RegisterHomes}: many homes registered as {@code Register} would register each, with
 * one permit of the caller's address for each home and one answer for all. A home that cannot be
 * read (an unknown policy) or that the address has no permit left for is refused alone; the others
 * go to the engine together.
 */
final class BatchRegistration {
  private final MarketEngine engine;

  BatchRegistration(MarketEngine engine) {
    this.engine = engine;
  }

  /** Registers the request's homes; the answer holds a result for each, in order. */
  CompletableFuture<RegisterHomesResponse> register(Caller caller, RegisterHomesRequest request) {
    int count = request.getHomesCount();
    // Permits first, so that even a call refused whole costs its address one.
    PeerRateLimit.Grant permits =
        CallerInterceptor.registrationPermits(
            Math.max(1, Math.min(count, InboundGuard.REGISTER_HOMES_MAX)));
    if (count < 1 || count > InboundGuard.REGISTER_HOMES_MAX) {
      throw new IllegalArgumentException(
          "RegisterHomes takes 1 to "
              + InboundGuard.REGISTER_HOMES_MAX
              + " homes, not "
              + count
              + "; send more homes in more calls");
    }
    RuntimeException[] refusals = new RuntimeException[count];
    List<HomeApplication> applications = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (i >= permits.granted()) {
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
