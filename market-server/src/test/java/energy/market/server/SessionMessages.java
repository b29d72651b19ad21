package energy.market.server;

import energy.market.api.v1.DayReports;
import energy.market.api.v1.DeclareDayRequest;
import energy.market.api.v1.FinishPhaseRequest;
import energy.market.api.v1.HomeDayReport;
import energy.market.api.v1.Phase;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.TradeOrder;
import energy.market.api.v1.TradeOrders;
import energy.market.api.v1.TradeSide;
import java.util.List;

/** The messages a test sends on a Market/Connect session, as a home process would send them. */
public final class SessionMessages {
  private SessionMessages() {}

  /** One home's day, with nothing offered or claimed. */
  public static HomeDayReport report(RegisterResponse home, long produced, long consumed) {
    return HomeDayReport.newBuilder()
        .setHomeId(home.getHomeId())
        .setProducedWh(produced)
        .setConsumedWh(consumed)
        .build();
  }

  public static SessionRequest reports(long day, HomeDayReport... reports) {
    return SessionRequest.newBuilder()
        .setDayReports(DayReports.newBuilder().setDay(day).addAllReports(List.of(reports)))
        .build();
  }

  /** A unary home's declaration of its day. */
  public static DeclareDayRequest declare(
      RegisterResponse home, long day, long producedWh, long consumedWh) {
    return DeclareDayRequest.newBuilder()
        .setHomeId(home.getHomeId())
        .setDay(day)
        .setProducedWh(producedWh)
        .setConsumedWh(consumedWh)
        .build();
  }

  /** A unary home's end of a phase. */
  public static FinishPhaseRequest finish(RegisterResponse home, long day, Phase phase) {
    return FinishPhaseRequest.newBuilder()
        .setHomeId(home.getHomeId())
        .setDay(day)
        .setPhase(phase)
        .build();
  }

  public static TradeOrder order(RegisterResponse home, TradeSide side, long wh, String id) {
    return TradeOrder.newBuilder()
        .setHomeId(home.getHomeId())
        .setSide(side)
        .setAmountWh(wh)
        .setRequestId(id)
        .build();
  }

  public static SessionRequest orders(long day, TradeOrder... orders) {
    return SessionRequest.newBuilder()
        .setTradeOrders(TradeOrders.newBuilder().setDay(day).addAllOrders(List.of(orders)))
        .build();
  }
}
