package energy.market.server.grpc;

import energy.market.api.v1.DaemonRole;
import energy.market.api.v1.GiftResults;
import energy.market.api.v1.HomeDayReport;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.SessionWelcome;
import energy.market.api.v1.TradeOrders;
import energy.market.api.v1.TradeResults;
import energy.market.client.ContractEnums;
import energy.market.server.access.Caller;
import energy.market.server.day.Account;
import energy.market.server.day.GiftOutcome;
import energy.market.server.day.TradeRecord;
import energy.market.server.engine.HomeReport;
import energy.market.server.engine.MarketEngine;
import energy.market.server.engine.PhaseInfo;
import energy.market.server.engine.Session;
import energy.market.server.engine.SessionSink;
import energy.market.server.engine.TradeOrder;
import energy.market.server.engine.TradeRejection;
import energy.market.server.feed.Tick;
import energy.market.server.input.Quote;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One session stream ({@code Market/Connect}, or {@code FollowSession} for a unary home): reads the
 * client's messages into engine calls and writes the engine's news to the client.
 *
 * <p>Outgoing messages are few (a handful per day), but a client that stops reading must not make
 * the market buffer forever: after {@value #MAX_UNREAD} messages sent while the stream was not
 * ready, the session is ended with RESOURCE_EXHAUSTED.
 */
final class SessionStream implements StreamObserver<SessionRequest>, SessionSink {
  static final int MAX_UNREAD = 512;

  private final MarketEngine engine;
  // Who opened the stream, from its credentials: the hello's homes must be this caller's.
  private final Caller caller = CallerInterceptor.caller();
  private final ServerCallStreamObserver<SessionEvent> out;
  private volatile CompletableFuture<Session> session;
  private int sentWhileNotReady; // guarded by this
  private boolean finished; // guarded by this

  SessionStream(MarketEngine engine, StreamObserver<SessionEvent> out) {
    this.engine = engine;
    this.out = (ServerCallStreamObserver<SessionEvent>) out;
    this.out.setOnCancelHandler(this::left);
  }

  /** Opens a unary home's session right away (FollowSession has no hello message). */
  void follow(long homeId, String label) {
    session = engine.openHomeSession(caller, List.of(homeId), true, label, this);
    session.exceptionally(this::refused);
  }

  @Override
  public void onNext(SessionRequest request) {
    try {
      switch (request.getKindCase()) {
        case HELLO -> hello(request.getHello());
        case DAY_REPORTS -> {
          List<HomeReport> reports = new ArrayList<>(request.getDayReports().getReportsCount());
          for (HomeDayReport report : request.getDayReports().getReportsList()) {
            reports.add(
                new HomeReport(
                    report.getHomeId(),
                    report.getProducedWh(),
                    report.getConsumedWh(),
                    report.getOfferWh(),
                    report.getClaimWh()));
          }
          engine.dayReports(established(), request.getDayReports().getDay(), reports);
        }
        case TRADE_ORDERS -> tradeOrders(request.getTradeOrders());
        case PHASE_DONE ->
            engine.phaseDone(
                established(),
                request.getPhaseDone().getDay(),
                ContractEnums.phase(request.getPhaseDone().getPhase()));
        case KIND_NOT_SET ->
            throw new IllegalArgumentException(
                "empty session message; send hello, day_reports, trade_orders or phase_done");
      }
    } catch (RuntimeException e) {
      fail(GrpcErrors.toStatus(e));
    }
  }

  /**
   * Hands a batch to the engine. An order that cannot be read (an unknown side, a request id too
   * long to keep) is refused alone, with the batch's results; the others run and the session goes
   * on.
   */
  private void tradeOrders(TradeOrders batch) {
    Session established = established();
    List<TradeOrder> orders = new ArrayList<>(batch.getOrdersCount());
    List<TradeRejection> refused = new ArrayList<>();
    for (energy.market.api.v1.TradeOrder order : batch.getOrdersList()) {
      try {
        orders.add(ProtoMapper.order(order));
      } catch (IllegalArgumentException e) {
        refused.add(ProtoMapper.refused(order, e.getMessage()));
      }
    }
    engine.tradeOrders(established, batch.getDay(), orders, refused);
  }

  private void hello(SessionHello hello) {
    if (session != null) {
      throw new IllegalStateException("hello was already sent on this session");
    }
    // The label goes to the market's log: short, and escaped so it cannot forge a log line.
    String label =
        Quote.message(
            hello.getLabel().length() > 128
                ? hello.getLabel().substring(0, 128)
                : hello.getLabel());
    if (hello.getDaemonRole() != DaemonRole.DAEMON_ROLE_UNSPECIFIED) {
      if (hello.getHomeIdsCount() > 0) {
        throw new IllegalArgumentException("a daemon session carries no homes");
      }
      Session.Kind kind =
          switch (hello.getDaemonRole()) {
            case DAEMON_ROLE_WEATHER -> Session.Kind.WEATHER;
            case DAEMON_ROLE_EXTERNAL -> Session.Kind.EXTERNAL;
            default ->
                throw new IllegalArgumentException(
                    "unknown daemon role; allowed: DAEMON_ROLE_WEATHER, DAEMON_ROLE_EXTERNAL");
          };
      session = engine.openDaemonSession(caller, kind, label, this);
    } else {
      session = engine.openHomeSession(caller, hello.getHomeIdsList(), false, label, this);
    }
    session.exceptionally(this::refused);
  }

  private Session refused(Throwable failure) {
    fail(GrpcErrors.toStatus(failure));
    return null;
  }

  private Session established() {
    CompletableFuture<Session> current = session;
    if (current == null || !current.isDone() || current.isCompletedExceptionally()) {
      throw new IllegalStateException("send hello and wait for the welcome first");
    }
    return current.join();
  }

  @Override
  public void onError(Throwable t) {
    left();
  }

  @Override
  public void onCompleted() {
    left();
    synchronized (this) {
      if (!finished) {
        finished = true;
        out.onCompleted();
      }
    }
  }

  private void left() {
    CompletableFuture<Session> current = session;
    if (current != null) {
      current.thenAccept(engine::closeSession);
    }
  }

  private synchronized void fail(io.grpc.StatusRuntimeException status) {
    if (!finished) {
      finished = true;
      out.onError(status);
    }
    left();
  }

  private synchronized void send(SessionEvent event) {
    if (finished || out.isCancelled()) {
      return;
    }
    if (out.isReady()) {
      sentWhileNotReady = 0;
    } else if (++sentWhileNotReady > MAX_UNREAD) {
      fail(
          Status.RESOURCE_EXHAUSTED
              .withDescription(
                  "session stopped reading: " + MAX_UNREAD + " messages are waiting for it")
              .asRuntimeException());
      return;
    }
    out.onNext(event);
  }

  @Override
  public void welcome(List<Long> homeIds, long firstDay) {
    send(
        SessionEvent.newBuilder()
            .setWelcome(SessionWelcome.newBuilder().addAllHomeIds(homeIds).setFirstDay(firstDay))
            .build());
  }

  @Override
  public void phaseStarted(PhaseInfo phase) {
    send(SessionEvent.newBuilder().setPhaseStarted(ProtoMapper.phaseStarted(phase)).build());
  }

  @Override
  public void giftResults(long day, List<GiftOutcome> outcomes) {
    GiftResults.Builder results = GiftResults.newBuilder().setDay(day);
    outcomes.forEach(outcome -> results.addResults(ProtoMapper.giftResult(outcome)));
    send(SessionEvent.newBuilder().setGiftResults(results).build());
  }

  @Override
  public void tradeResults(long day, List<TradeRecord> receipts, List<TradeRejection> rejections) {
    TradeResults.Builder results = TradeResults.newBuilder().setDay(day);
    receipts.forEach(receipt -> results.addReceipts(ProtoMapper.receipt(receipt)));
    rejections.forEach(rejection -> results.addRejections(ProtoMapper.rejection(rejection)));
    send(SessionEvent.newBuilder().setTradeResults(results).build());
  }

  @Override
  public void balances(long day, List<Account> accounts) {
    send(SessionEvent.newBuilder().setBalances(ProtoMapper.balances(day, accounts)).build());
  }

  @Override
  public void dayClosed(Tick tick) {
    send(SessionEvent.newBuilder().setDayClosed(ProtoMapper.tick(tick)).build());
  }

  @Override
  public synchronized void end(String reason) {
    if (!finished) {
      finished = true;
      out.onError(Status.ABORTED.withDescription(reason).asRuntimeException());
    }
  }
}
