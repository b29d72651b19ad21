package energy.market.server.grpc;

import energy.market.api.v1.EventsGrpc;
import energy.market.api.v1.ReportEventRequest;
import energy.market.api.v1.ReportEventResponse;
import energy.market.api.v1.StreamEventsRequest;
import energy.market.client.ContractEnums;
import energy.market.server.engine.MarketEngine;
import energy.market.server.price.MarketEventRecord;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import java.util.function.Function;

/** {@code energy.market.v1.Events}: event reports in (operator only), the event feed out. */
public final class EventsService implements EventsGrpc.AsyncService, BindableService {
  private final MarketEngine engine;
  private final Function<MarketEventRecord, EncodedMessage> encodedEvents =
      new LastEncoded<>(ProtoMapper::event);

  public EventsService(MarketEngine engine) {
    this.engine = engine;
  }

  /** Every method as generated, but StreamEvents, whose events are encoded once for all. */
  @Override
  public ServerServiceDefinition bindService() {
    return FeedStreams.encodedReplies(
        EventsGrpc.bindService(this),
        EventsGrpc.getStreamEventsMethod(),
        this::streamEncodedEvents);
  }

  @Override
  public void reportEvent(
      ReportEventRequest request, StreamObserver<ReportEventResponse> observer) {
    Replies.unary(
        observer,
        () ->
            engine.reportEvent(
                CallerInterceptor.caller(),
                request.getEventId(),
                ContractEnums.eventKind(request.getKind()),
                request.getSource()),
        ProtoMapper::eventAccepted);
  }

  /** StreamEvents, bound by {@link #bindService()} in place of the generated method. */
  private void streamEncodedEvents(
      StreamEventsRequest request, StreamObserver<EncodedMessage> observer) {
    FeedStreams.serve(
        observer,
        () -> engine.eventsFrom(request.getFromDay()),
        request.getFromDay(),
        encodedEvents);
  }
}
