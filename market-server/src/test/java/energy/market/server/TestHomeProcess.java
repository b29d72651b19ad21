package energy.market.server;

import energy.market.api.v1.DayReports;
import energy.market.api.v1.HomeDayReport;
import energy.market.api.v1.HomeGiftResult;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.PhaseStarted;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.TradeOrder;
import energy.market.api.v1.TradeOrders;
import energy.market.api.v1.TradePolicy;
import energy.market.api.v1.TradeReceipt;
import energy.market.api.v1.TradeRejection;
import energy.market.api.v1.TradeSide;
import energy.market.client.MarketCredentials;
import energy.market.server.day.HomeCapacity;
import energy.market.testing.Await;
import io.grpc.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A test's stand-in for a home-client process: it registers its homes with their secrets (which
 * resumes them when it connects again), follows the days over one {@code Market/Connect} session,
 * and like the real client sends each day's reports and orders with deterministic request ids
 * ({@code name/day/sell|buy}), so that a day the market re-runs after a restart gets the same
 * orders again.
 *
 * <p>Draws depend only on the home's name and the day, so a re-run day is declared the same way.
 */
public final class TestHomeProcess implements AutoCloseable {
  /** How a home behaves. */
  public enum Kind {
    /** Course-project draws; gifts first, then trades the rest through the session. */
    NORMAL,
    /** A huge deficit, no gifts and no session orders: the test buys for it with unary trades. */
    FLOOD
  }

  /** One home of the process. */
  public record HomeSpec(String name, TradePolicy policy, Kind kind) {}

  // As much as a home may declare: room for a hundred thousand small trades in one day.
  private static final long FLOOD_DEMAND_WH = HomeCapacity.DEFAULT_WH;

  private final String label;
  private final List<HomeSpec> specs;
  private final Map<String, Long> ids = new ConcurrentHashMap<>();
  private final Map<String, long[]> gifts =
      new ConcurrentHashMap<>(); // "id/day" -> given, received
  private final List<Boolean> resumedFlags = new CopyOnWriteArrayList<>();
  private final List<TradeReceipt> receipts = new CopyOnWriteArrayList<>();
  private final List<TradeRejection> rejections = new CopyOnWriteArrayList<>();
  private final List<Long> tradeResultDays = new CopyOnWriteArrayList<>();
  private final List<PriceTick> ticks = new CopyOnWriteArrayList<>();
  private final List<Long> openedDays = new CopyOnWriteArrayList<>();
  private final List<Long> heldTradeDays = new CopyOnWriteArrayList<>();
  private volatile long holdTradesOfDay = -1;
  private volatile TestSession session;
  private Thread driver;

  public TestHomeProcess(String label, List<HomeSpec> homes) {
    this.label = label;
    this.specs = List.copyOf(homes);
  }

  /**
   * Registers (or resumes) every home and opens the session; a driver thread then follows the days
   * until the stream ends.
   */
  public void connect(Channel channel) throws InterruptedException {
    disconnect();
    MarketGrpc.MarketBlockingStub stub = MarketGrpc.newBlockingStub(channel);
    SessionHello.Builder hello = SessionHello.newBuilder().setLabel(label);
    for (HomeSpec spec : specs) {
      RegisterResponse registered =
          stub.withDeadlineAfter(10, TimeUnit.SECONDS)
              .register(
                  RegisterRequest.newBuilder()
                      .setName(spec.name())
                      .setPolicy(spec.policy())
                      .setSecret(SECRET)
                      .build());
      ids.put(spec.name(), registered.getHomeId());
      resumedFlags.add(registered.getResumed());
      hello.addHomeIds(registered.getHomeId());
    }
    TestSession opened =
        TestSession.connect(
            channel,
            MarketCredentials.home(SECRET),
            SessionRequest.newBuilder().setHello(hello).build());
    opened.await(SessionEvent::hasWelcome);
    session = opened;
    driver = new Thread(() -> drive(opened), label + "-driver");
    driver.setDaemon(true);
    driver.start();
  }

  /** Makes the process keep its TRADE orders of {@code day} (so that the phase stays open). */
  public void holdTradesOf(long day) {
    holdTradesOfDay = day;
  }

  private void drive(TestSession mine) {
    try {
      while (true) {
        SessionEvent event = mine.poll(100, TimeUnit.MILLISECONDS);
        if (event == null) {
          if (mine.ended()) {
            return;
          }
          continue;
        }
        handle(mine, event);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The market went away while the driver was sending; the session is over.
    }
  }

  private void handle(TestSession mine, SessionEvent event) {
    switch (event.getKindCase()) {
      case PHASE_STARTED -> {
        PhaseStarted phase = event.getPhaseStarted();
        switch (phase.getPhase()) {
          case PHASE_OPEN -> openedDays.add(phase.getDay());
          case PHASE_GIFT -> mine.send(dayReports(phase.getDay()));
          case PHASE_TRADE -> {
            if (phase.getDay() == holdTradesOfDay) {
              heldTradeDays.add(phase.getDay());
            } else {
              mine.send(tradeOrders(phase.getDay()));
            }
          }
          default -> {}
        }
      }
      case GIFT_RESULTS -> {
        for (HomeGiftResult result : event.getGiftResults().getResultsList()) {
          gifts.put(
              result.getHomeId() + "/" + event.getGiftResults().getDay(),
              new long[] {result.getGivenWh(), result.getReceivedWh()});
        }
      }
      case TRADE_RESULTS -> {
        receipts.addAll(event.getTradeResults().getReceiptsList());
        rejections.addAll(event.getTradeResults().getRejectionsList());
        tradeResultDays.add(event.getTradeResults().getDay());
      }
      case DAY_CLOSED -> ticks.add(event.getDayClosed());
      default -> {}
    }
  }

  /** A home's production and consumption: from its name and the day only. */
  static long[] draw(HomeSpec spec, long day) {
    if (spec.kind() == Kind.FLOOD) {
      return new long[] {0, FLOOD_DEMAND_WH};
    }
    SplittableRandom random = new SplittableRandom(Objects.hash(spec.name(), day) * 0x9E3779B9L);
    return new long[] {random.nextLong(20_000, 80_001), random.nextLong(6_000, 60_001)};
  }

  private SessionRequest dayReports(long day) {
    DayReports.Builder reports = DayReports.newBuilder().setDay(day);
    for (HomeSpec spec : specs) {
      long[] draw = draw(spec, day);
      long net = draw[0] - draw[1];
      HomeDayReport.Builder report =
          HomeDayReport.newBuilder()
              .setHomeId(ids.get(spec.name()))
              .setProducedWh(draw[0])
              .setConsumedWh(draw[1]);
      if (spec.kind() == Kind.NORMAL) {
        if (net > 0 && gives(spec.policy())) {
          report.setOfferWh(net);
        } else if (net < 0) {
          report.setClaimWh(-net);
        }
      }
      reports.addReports(report);
    }
    return SessionRequest.newBuilder().setDayReports(reports).build();
  }

  private SessionRequest tradeOrders(long day) {
    TradeOrders.Builder orders = TradeOrders.newBuilder().setDay(day);
    for (HomeSpec spec : specs) {
      if (spec.kind() != Kind.NORMAL) {
        continue;
      }
      long id = ids.get(spec.name());
      long[] draw = draw(spec, day);
      long net = draw[0] - draw[1];
      long[] gift = gifts.getOrDefault(id + "/" + day, new long[2]);
      if (net > 0 && sells(spec.policy()) && net - gift[0] > 0) {
        orders.addOrders(order(spec, id, day, TradeSide.TRADE_SIDE_SELL, net - gift[0]));
      } else if (net < 0 && -net - gift[1] > 0) {
        orders.addOrders(order(spec, id, day, TradeSide.TRADE_SIDE_BUY, -net - gift[1]));
      }
    }
    return SessionRequest.newBuilder().setTradeOrders(orders).build();
  }

  private static TradeOrder order(HomeSpec spec, long id, long day, TradeSide side, long wh) {
    return TradeOrder.newBuilder()
        .setHomeId(id)
        .setSide(side)
        .setAmountWh(wh)
        .setRequestId(
            spec.name() + "/" + day + "/" + (side == TradeSide.TRADE_SIDE_SELL ? "sell" : "buy"))
        .build();
  }

  private static boolean gives(TradePolicy policy) {
    return policy != TradePolicy.TRADE_POLICY_ALWAYS_SELL;
  }

  private static boolean sells(TradePolicy policy) {
    return policy != TradePolicy.TRADE_POLICY_ALWAYS_GIVE;
  }

  /** Waits until {@code condition} holds; fails saying {@code what} after {@code timeout}. */
  public void await(BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    try {
      Await.until(label + ": " + what, condition, timeout);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; " + this, e);
    }
  }

  /** Waits for the tick of {@code day}. */
  public void awaitClosed(long day, Duration timeout) throws InterruptedException {
    await(() -> ticks.stream().anyMatch(t -> t.getDay() == day), timeout, "day " + day + " close");
  }

  /** The home's id at the market. */
  public long id(String name) {
    return ids.get(name);
  }

  /**
   * The secret of every home of this stand-in, as of a home-client's state directory: a process
   * made again presents it and finds its homes.
   */
  public static final String SECRET = "test-process-home-secret";

  /** Every receipt received, in order of arrival (a re-run day's repeats included). */
  public List<TradeReceipt> receipts() {
    return List.copyOf(receipts);
  }

  /** Every rejection received. */
  public List<TradeRejection> rejections() {
    return List.copyOf(rejections);
  }

  /** The days whose trade results arrived. */
  public List<Long> tradeResultDays() {
    return List.copyOf(tradeResultDays);
  }

  /** The days whose TRADE the process held back. */
  public List<Long> heldTradeDays() {
    return List.copyOf(heldTradeDays);
  }

  /** Every tick received. */
  public List<PriceTick> ticks() {
    return List.copyOf(ticks);
  }

  /** The days whose OPEN phase the process saw, in order. */
  public List<Long> openedDays() {
    return List.copyOf(openedDays);
  }

  /** For each registration, whether the market resumed an earlier identity. */
  public List<Boolean> resumedFlags() {
    return List.copyOf(resumedFlags);
  }

  /** The homes. */
  public List<HomeSpec> homes() {
    return specs;
  }

  /** Leaves the session (if still open) and stops the driver. */
  public void disconnect() throws InterruptedException {
    TestSession current = session;
    if (current != null && !current.ended()) {
      try {
        current.leave();
      } catch (RuntimeException e) {
        // the stream is already gone
      }
    }
    if (driver != null) {
      driver.interrupt();
      driver.join(5_000);
      driver = null;
    }
    session = null;
  }

  @Override
  public void close() {
    try {
      disconnect();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    List<Long> closed = new ArrayList<>();
    ticks.forEach(t -> closed.add(t.getDay()));
    return label
        + " opened "
        + openedDays
        + ", closed "
        + closed
        + ", trade results for "
        + tradeResultDays
        + ", rejections "
        + rejections;
  }
}
