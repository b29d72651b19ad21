package energy.market.home.client;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import energy.market.api.v1.DayReports;
import energy.market.api.v1.HomeCredentials;
import energy.market.api.v1.HomeDayReport;
import energy.market.api.v1.HomeGiftResult;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.PhaseStarted;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.TradeOrder;
import energy.market.api.v1.TradeOrders;
import energy.market.api.v1.TradeReceipt;
import energy.market.api.v1.TradeResults;
import energy.market.client.Backoff;
import energy.market.home.DayTemperature;
import energy.market.home.Fleet;
import energy.market.home.GiftPlan;
import energy.market.home.Home;
import energy.market.home.TradeIntent;
import energy.market.server.grpc.ProtoMapper;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The session of a process's homes with the market: registers them (or resumes them with their
 * tokens), opens {@code Market/Connect} and answers each phase with one batch for all homes. When
 * the market goes away it reconnects with exponential backoff and resumes under the same
 * identities. Everything runs on one thread, which keeps the fleet single-threaded and the outgoing
 * stream's calls serialized.
 */
public final class HomeSession implements AutoCloseable {

  /** What the session reports to the process. */
  public interface Listener {
    /** A day closed. */
    void dayClosed(PriceTick tick);

    /** Something worth a line on the console. */
    void info(String message);

    /** The session cannot go on (no home could register). */
    void fatal(String message);
  }

  private final Fleet fleet;
  private final DayTemperature temperature;
  private final String label;
  private final Listener listener;
  private final Registrar registrar;
  private final MarketGrpc.MarketStub stub;
  private final Backoff backoff = Backoff.standard();
  private final ScheduledThreadPoolExecutor worker;
  private volatile boolean closed;
  private StreamObserver<SessionRequest> outgoing;
  private long generation;
  private boolean refusalsReported;

  /**
   * @param channel the channel to the market (the caller owns it)
   * @param fleet the process's homes
   * @param temperature how homes pick the day's temperature
   * @param label a label for the market's logs
   * @param listener where news goes
   */
  public HomeSession(
      Channel channel, Fleet fleet, DayTemperature temperature, String label, Listener listener) {
    this.fleet = fleet;
    this.temperature = temperature;
    this.label = label;
    this.listener = listener;
    this.registrar = new Registrar(channel);
    this.stub = MarketGrpc.newStub(channel);
    this.worker =
        new ScheduledThreadPoolExecutor(
            1, new ThreadFactoryBuilder().setNameFormat("home-session").setDaemon(true).build());
    worker.setRemoveOnCancelPolicy(true);
  }

  /** Registers and connects, in the background. */
  public void start() {
    worker.execute(this::connect);
  }

  private void connect() {
    if (closed) {
      return;
    }
    try {
      List<Registrar.Refusal> refusals = registrar.registerAll(fleet);
      reportRefusals(refusals);
      if (fleet.registered() == 0) {
        listener.fatal(
            "no home could register"
                + (refusals.isEmpty() ? "" : ": " + refusals.get(0).status().getDescription()));
        return;
      }
    } catch (StatusRuntimeException e) {
      reconnectLater(e.getStatus());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    long streamGeneration = ++generation;
    SessionHello.Builder hello = SessionHello.newBuilder().setLabel(label);
    synchronized (fleet) {
      for (Home home : fleet.homes()) {
        if (home.id() != 0) {
          hello.addHomes(
              HomeCredentials.newBuilder().setHomeId(home.id()).setSessionToken(home.token()));
        }
      }
    }
    outgoing = stub.connect(new Events(streamGeneration));
    outgoing.onNext(SessionRequest.newBuilder().setHello(hello).build());
  }

  private void reportRefusals(List<Registrar.Refusal> refusals) {
    if (refusals.isEmpty() || refusalsReported) {
      return;
    }
    refusalsReported = true;
    Registrar.Refusal first = refusals.get(0);
    listener.info(
        refusals.size()
            + " homes could not register and stay out; first: "
            + first.home().name()
            + ": "
            + first.status().getDescription());
  }

  private void onEvent(SessionEvent event) {
    switch (event.getKindCase()) {
      case WELCOME -> {
        backoff.reset();
        fleet.joined(event.getWelcome().getFirstDay());
        listener.info(
            "connected: "
                + event.getWelcome().getHomeIdsCount()
                + " homes take part from day "
                + event.getWelcome().getFirstDay());
      }
      case PHASE_STARTED -> onPhase(event.getPhaseStarted());
      case GIFT_RESULTS -> {
        for (HomeGiftResult result : event.getGiftResults().getResultsList()) {
          fleet.giftsSettled(result.getHomeId(), result.getGivenWh(), result.getReceivedWh());
        }
      }
      case TRADE_RESULTS -> onTradeResults(event.getTradeResults());
      case DAY_CLOSED -> listener.dayClosed(event.getDayClosed());
      case KIND_NOT_SET -> {
        // A newer market may send kinds this client does not know; nothing to do.
      }
    }
  }

  private void onPhase(PhaseStarted phase) {
    long day = phase.getDay();
    if (!fleet.takesPart(day)) {
      return;
    }
    switch (phase.getPhase()) {
      case PHASE_GIFT -> {
        double celsius = temperature.forDay(day, phase.getTemperatureCelsius());
        DayReports.Builder reports = DayReports.newBuilder().setDay(day);
        for (GiftPlan plan : fleet.startDay(day, celsius)) {
          reports.addReports(
              HomeDayReport.newBuilder()
                  .setHomeId(plan.homeId())
                  .setProducedWh(plan.producedWh())
                  .setConsumedWh(plan.consumedWh())
                  .setOfferWh(plan.offerWh())
                  .setClaimWh(plan.claimWh()));
        }
        send(SessionRequest.newBuilder().setDayReports(reports).build());
      }
      case PHASE_TRADE -> {
        TradeOrders.Builder orders = TradeOrders.newBuilder().setDay(day);
        for (TradeIntent intent : fleet.tradeIntents(day)) {
          orders.addOrders(
              TradeOrder.newBuilder()
                  .setHomeId(intent.homeId())
                  .setSide(ProtoMapper.side(intent.side()))
                  .setAmountWh(intent.amountWh())
                  .setRequestId(intent.requestId()));
        }
        send(SessionRequest.newBuilder().setTradeOrders(orders).build());
      }
      default -> {
        // OPEN and CLOSE ask nothing of homes.
      }
    }
  }

  private void onTradeResults(TradeResults results) {
    for (TradeReceipt receipt : results.getReceiptsList()) {
      fleet.traded(
          receipt.getHomeId(),
          ProtoMapper.side(receipt.getSide()),
          receipt.getAmountWh(),
          receipt.getMoneyMicroEur());
    }
    if (results.getRejectionsCount() > 0) {
      listener.info(
          "day "
              + results.getDay()
              + ": "
              + results.getRejectionsCount()
              + " trades refused; first: "
              + results.getRejections(0).getReason());
    }
  }

  private void send(SessionRequest request) {
    if (outgoing != null && !closed) {
      outgoing.onNext(request);
    }
  }

  private void onBroken(Status status) {
    outgoing = null;
    reconnectLater(status);
  }

  private void reconnectLater(Status status) {
    if (closed) {
      return;
    }
    Duration delay = backoff.next();
    listener.info(
        "market session lost ("
            + status.getCode()
            + (status.getDescription() == null ? "" : ": " + status.getDescription())
            + "); reconnecting in "
            + delay.toMillis()
            + " ms");
    worker.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Leaves the market: the homes' session ends cleanly, no reconnecting. */
  @Override
  public void close() {
    closed = true;
    try {
      worker.execute(
          () -> {
            if (outgoing != null) {
              outgoing.onCompleted();
              outgoing = null;
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // already closed
    }
    worker.shutdown();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Moves the stream's callbacks onto the session thread, ignoring streams replaced since. */
  private final class Events implements StreamObserver<SessionEvent> {
    private final long streamGeneration;

    Events(long streamGeneration) {
      this.streamGeneration = streamGeneration;
    }

    @Override
    public void onNext(SessionEvent event) {
      submit(() -> onEvent(event));
    }

    @Override
    public void onError(Throwable t) {
      submit(() -> onBroken(Status.fromThrowable(t)));
    }

    @Override
    public void onCompleted() {
      submit(() -> onBroken(Status.UNAVAILABLE.withDescription("the market ended the session")));
    }

    private void submit(Runnable task) {
      try {
        worker.execute(
            () -> {
              if (streamGeneration == generation && !closed) {
                task.run();
              }
            });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // closing
      }
    }
  }
}
