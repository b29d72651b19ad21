package energy.market.external.client;

import energy.market.api.v1.EventsGrpc;
import energy.market.api.v1.MarketEvent;
import energy.market.api.v1.ReportEventRequest;
import energy.market.api.v1.ReportEventResponse;
import energy.market.client.ContractEnums;
import energy.market.client.MarketCredentials;
import energy.market.external.Outbox;
import energy.market.external.ReportOutcome;
import energy.market.external.ReportedEvent;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Adapts the {@link Outbox} to {@code Events/ReportEvent}: one call per attempt, with a deadline,
 * and the call's status mapped to retry (the market is away or busy) or drop (it refused the event
 * and always will).
 */
public final class GrpcEventReporter implements Outbox.Reporter {

  /** The statuses that mean "try again later": the event may still be accepted. */
  private static final Set<Status.Code> TRANSIENT =
      EnumSet.of(
          Status.Code.UNAVAILABLE,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.ABORTED,
          Status.Code.CANCELLED);

  private final EventsGrpc.EventsBlockingStub stub;
  private final Duration deadline;

  /**
   * @param channel the channel to the market (the caller owns it and shuts it down)
   * @param operatorToken the operator token, presented as every report's credentials
   * @param deadline how long one attempt may take
   */
  public GrpcEventReporter(Channel channel, String operatorToken, Duration deadline) {
    this.stub =
        EventsGrpc.newBlockingStub(channel)
            .withCallCredentials(MarketCredentials.operator(operatorToken));
    this.deadline = deadline;
  }

  @Override
  public ReportOutcome report(ReportedEvent event) {
    try {
      ReportEventResponse response =
          stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
              .reportEvent(toRequest(event));
      return new ReportOutcome.Acknowledged(describe(response));
    } catch (StatusRuntimeException e) {
      Status status = e.getStatus();
      String reason =
          status.getCode()
              + (status.getDescription() == null ? "" : ": " + status.getDescription());
      if (TRANSIENT.contains(status.getCode())) {
        return new ReportOutcome.Retry(reason);
      }
      return new ReportOutcome.Rejected(reason);
    }
  }

  ReportEventRequest toRequest(ReportedEvent event) {
    return ReportEventRequest.newBuilder()
        .setEventId(event.id())
        .setKind(ContractEnums.eventKind(event.kind()))
        .setSource(event.source())
        .build();
  }

  private static String describe(ReportEventResponse response) {
    MarketEvent event = response.getEvent();
    if (response.getDuplicate()) {
      return "the market already had it (counted once)";
    }
    return String.format(
        Locale.ROOT,
        "moves the price from the close of day %d, %+.6f EUR/kWh, for %d days",
        event.getStartDay(),
        event.getEffectMicroEurPerKwh() / 1e6,
        event.getDurationDays());
  }
}
