package energy.market.server.grpc;

import energy.market.api.v1.Account;
import energy.market.api.v1.DeclareDayRequest;
import energy.market.api.v1.DeclareDayResponse;
import energy.market.api.v1.FinishPhaseRequest;
import energy.market.api.v1.FinishPhaseResponse;
import energy.market.api.v1.FollowSessionRequest;
import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.RegisterHomesRequest;
import energy.market.api.v1.RegisterHomesResponse;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.ReportWeatherRequest;
import energy.market.api.v1.ReportWeatherResponse;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.StreamPricesRequest;
import energy.market.api.v1.TradeReceipt;
import energy.market.api.v1.TradeRequest;
import energy.market.client.ContractEnums;
import energy.market.server.engine.MarketEngine;
import energy.market.server.feed.Tick;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import java.util.function.Function;

/** {@code energy.market.v1.Market}: adapts each call to the engine. */
public final class MarketService implements MarketGrpc.AsyncService, BindableService {
  private final MarketEngine engine;
  private final RegistrationDesk registrations;
  private final Function<Tick, EncodedMessage> encodedTicks = new LastEncoded<>(ProtoMapper::tick);

  public MarketService(MarketEngine engine) {
    this.engine = engine;
    this.registrations = new RegistrationDesk(engine);
  }

  /** Every method as generated, but StreamPrices, whose ticks are encoded once for all. */
  @Override
  public ServerServiceDefinition bindService() {
    return FeedStreams.encodedReplies(
        MarketGrpc.bindService(this),
        MarketGrpc.getStreamPricesMethod(),
        this::streamEncodedPrices);
  }

  @Override
  public void register(RegisterRequest request, StreamObserver<RegisterResponse> observer) {
    Replies.unary(
        observer,
        () -> registrations.register(CallerInterceptor.caller(), request),
        ProtoMapper::registered);
  }

  @Override
  public void registerHomes(
      RegisterHomesRequest request, StreamObserver<RegisterHomesResponse> observer) {
    Replies.unary(
        observer,
        () -> registrations.register(CallerInterceptor.caller(), request),
        Function.identity());
  }

  @Override
  public StreamObserver<SessionRequest> connect(StreamObserver<SessionEvent> observer) {
    return new SessionStream(engine, observer);
  }

  @Override
  public void followSession(FollowSessionRequest request, StreamObserver<SessionEvent> observer) {
    new SessionStream(engine, observer).follow(request.getHomeId(), "follow-session");
  }

  @Override
  public void declareDay(DeclareDayRequest request, StreamObserver<DeclareDayResponse> observer) {
    Replies.unary(
        observer,
        () ->
            engine.declareDay(
                CallerInterceptor.caller(),
                request.getHomeId(),
                request.getDay(),
                request.getProducedWh(),
                request.getConsumedWh()),
        net -> DeclareDayResponse.newBuilder().setNetWh(net).build());
  }

  @Override
  public void finishPhase(
      FinishPhaseRequest request, StreamObserver<FinishPhaseResponse> observer) {
    Replies.unary(
        observer,
        () ->
            engine.finishPhase(
                CallerInterceptor.caller(),
                request.getHomeId(),
                request.getDay(),
                ContractEnums.phase(request.getPhase())),
        done -> FinishPhaseResponse.getDefaultInstance());
  }

  @Override
  public void trade(TradeRequest request, StreamObserver<TradeReceipt> observer) {
    Replies.unary(
        observer,
        () ->
            engine.trade(
                CallerInterceptor.caller(),
                request.getHomeId(),
                request.getDay(),
                ContractEnums.side(request.getSide()),
                request.getAmountWh(),
                request.getRequestId()),
        ProtoMapper::receipt);
  }

  /** StreamPrices, bound by {@link #bindService()} in place of the generated method. */
  private void streamEncodedPrices(
      StreamPricesRequest request, StreamObserver<EncodedMessage> observer) {
    FeedStreams.serve(
        observer, () -> engine.ticksFrom(request.getFromDay()), request.getFromDay(), encodedTicks);
  }

  @Override
  public void getAccount(GetAccountRequest request, StreamObserver<Account> observer) {
    Replies.unary(
        observer,
        () -> engine.account(CallerInterceptor.caller(), request.getHomeId(), request.getName()),
        ProtoMapper::account);
  }

  @Override
  public void getMarketState(GetMarketStateRequest request, StreamObserver<MarketState> observer) {
    Replies.unary(observer, engine::snapshot, ProtoMapper::state);
  }

  @Override
  public void reportWeather(
      ReportWeatherRequest request, StreamObserver<ReportWeatherResponse> observer) {
    Replies.unary(
        observer,
        () ->
            engine.reportWeather(
                CallerInterceptor.caller(), request.getDay(), request.getTemperatureCelsius()),
        applied -> ReportWeatherResponse.newBuilder().setApplied(applied).build());
  }
}
