package energy.market.server.grpc;

import energy.market.api.v1.EventsGrpc;
import energy.market.api.v1.MarketEvent;
import energy.market.api.v1.ReportEventRequest;
import energy.market.api.v1.ReportEventResponse;
import energy.market.api.v1.StreamEventsRequest;
import energy.market.client.ContractEnums;
import energy.market.server.engine.MarketEngine;
import io.grpc.stub.StreamObserver;

/** {@code energy.market.v1.Events}: event reports in (operator only), the event feed out. */
public final class EventsService extends EventsGrpc.EventsImplBase {
  private final MarketEngine engine;

  public EventsService(MarketEngine engine) {
    this.engine = engine;
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

  @Override
  public void streamEvents(StreamEventsRequest request, StreamObserver<MarketEvent> observer) {
    FeedStreams.serve(
        observer,
        () -> engine.eventsFrom(request.getFromDay()),
        request.getFromDay(),
        ProtoMapper::event);
  }
}
