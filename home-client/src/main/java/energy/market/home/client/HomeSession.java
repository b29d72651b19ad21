package energy.market.home.client;

import energy.market.api.v1.DayReports;
import energy.market.api.v1.HomeBalance;
import energy.market.api.v1.HomeBalances;
import energy.market.api.v1.HomeDayReport;
import energy.market.api.v1.HomeGiftResult;
import energy.market.api.v1.PhaseStarted;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.TradeOrder;
import energy.market.api.v1.TradeOrders;
import energy.market.api.v1.TradeReceipt;
import energy.market.api.v1.TradeResults;
import energy.market.client.ContractEnums;
import energy.market.client.MarketCredentials;
import energy.market.client.SessionLoop;
import energy.market.home.DayClosed;
import energy.market.home.DayTemperature;
import energy.market.home.Fleet;
import energy.market.home.GiftPlan;
import energy.market.home.Home;
import energy.market.home.TradeIntent;
import io.grpc.Channel;
import io.grpc.Status;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The session of a process's homes with the market: registers them with their secrets (which
 * resumes homes registered before), opens {@code Market/Connect} and answers each phase with one
 * batch for all homes. When the market goes away it reconnects with exponential backoff and resumes
 * under the same identities; the first close of each session sets the homes' books from the
 * market's balances, so nothing missed while away is lost from them. Everything runs on one thread,
 * which keeps the fleet single-threaded and the outgoing stream's calls serialized.
 */
public final class HomeSession implements AutoCloseable {

  /** What the session reports to the process. */
  public interface Listener {
    /** A day closed. */
    void dayClosed(DayClosed day);

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
  private final SessionLoop loop;
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
    this(channel, fleet, temperature, label, listener, null);
  }

  /**
   * A session whose homes register with a market's registration token (a market that runs {@code
   * --registration token}).
   *
   * @param registrationToken the token, or null at a market whose registration is open
   */
  public HomeSession(
      Channel channel,
      Fleet fleet,
      DayTemperature temperature,
      String label,
      Listener listener,
      String registrationToken) {
    this.fleet = fleet;
    this.temperature = temperature;
    this.label = label;
    this.listener = listener;
    this.registrar =
        new Registrar(
            channel,
            registrationToken == null ? null : MarketCredentials.registration(registrationToken));
    this.loop =
        new SessionLoop(
            channel,
            MarketCredentials.home(fleet.secret()),
            "home-session",
            new SessionLoop.Handler() {
              @Override
              public SessionHello connecting() throws InterruptedException {
                return hello();
              }

              @Override
              public void onEvent(SessionEvent event) {
                HomeSession.this.onEvent(event);
              }

              @Override
              public void onLost(Status status, Duration retryIn) {
                listener.info(
                    "market session lost ("
                        + status.getCode()
                        + (status.getDescription() == null ? "" : ": " + status.getDescription())
                        + "); reconnecting within "
                        + retryIn.toMillis()
                        + " ms");
              }
            });
  }

  /** Registers and connects, in the background. */
  public void start() {
    loop.start();
  }

  /** Registers (or resumes) the homes; returns the hello, or null when none could register. */
  private SessionHello hello() throws InterruptedException {
    List<Registrar.Refusal> refusals = registrar.registerAll(fleet);
    reportRefusals(refusals);
    if (fleet.registered() == 0) {
      listener.fatal(
          "no home could register"
              + (refusals.isEmpty() ? "" : ": " + refusals.get(0).status().getDescription()));
      return null;
    }
    SessionHello.Builder hello = SessionHello.newBuilder().setLabel(label);
    synchronized (fleet) {
      for (Home home : fleet.homes()) {
        if (home.id() != 0) {
          hello.addHomeIds(home.id());
        }
      }
    }
    return hello.build();
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
        loop.resetBackoff();
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
      case BALANCES -> onBalances(event.getBalances());
      case DAY_CLOSED -> listener.dayClosed(dayClosed(event.getDayClosed()));
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
                  .setSide(ContractEnums.side(intent.side()))
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
          receipt.getDay(),
          ContractEnums.side(receipt.getSide()),
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

  /**
   * The market's balances at the first close of this session: the books start again from them, and
   * a difference (results this process did not hear) gets one line.
   */
  private void onBalances(HomeBalances balances) {
    Map<Long, Long> byHome = new HashMap<>();
    for (HomeBalance balance : balances.getBalancesList()) {
      byHome.put(balance.getHomeId(), balance.getBalanceMicroEur());
    }
    List<Fleet.Correction> corrections = fleet.reconcile(balances.getDay(), byHome);
    if (corrections.isEmpty()) {
      return;
    }
    long total = corrections.stream().mapToLong(Fleet.Correction::differenceMicro).sum();
    Fleet.Correction first = corrections.get(0);
    listener.info(
        corrections.size() == 1
            ? String.format(
                Locale.ROOT,
                "books reconciled with the market after day %d: %s %+.6f EUR from results this"
                    + " process did not hear",
                balances.getDay(),
                first.home().name(),
                first.differenceMicro() / 1e6)
            : String.format(
                Locale.ROOT,
                "books reconciled with the market after day %d: %d homes, %+.6f EUR in all from"
                    + " results this process did not hear; first: %s %+.6f EUR",
                balances.getDay(),
                corrections.size(),
                total / 1e6,
                first.home().name(),
                first.differenceMicro() / 1e6));
  }

  private void send(SessionRequest request) {
    loop.send(request);
  }

  /** Leaves the market: the homes' session ends cleanly, no reconnecting. */
  @Override
  public void close() {
    loop.close();
  }

  private static DayClosed dayClosed(PriceTick tick) {
    return new DayClosed(tick.getDay(), tick.getTemperatureCelsius(), tick.getHomes());
  }
}
