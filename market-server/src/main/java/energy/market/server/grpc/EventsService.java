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
    try {
      Replies.reply(
          observer,
          engine.reportEvent(
              request.getOperatorToken(),
              request.getEventId(),
              ContractEnums.eventKind(request.getKind()),
              request.getSource()),
          accepted ->
              ReportEventResponse.newBuilder()
                  .setEvent(ProtoMapper.event(accepted.event()))
                  .setDuplicate(accepted.duplicate())
                  .build());
    } catch (RuntimeException e) {
      observer.onError(GrpcErrors.toStatus(e));
    }
  }

  @Override
  public void streamEvents(StreamEventsRequest request, StreamObserver<MarketEvent> observer) {
    try {
      FeedStreams.serve(engine.events(), request.getFromDay(), observer, ProtoMapper::event);
    } catch (RuntimeException e) {
      observer.onError(GrpcErrors.toStatus(e));
    }
  }
}
