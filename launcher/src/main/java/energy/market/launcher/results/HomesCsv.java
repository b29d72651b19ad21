package energy.market.launcher.results;

import energy.market.launcher.model.HomeAccount;
import java.util.List;

/** {@code homes.csv}: every home's final account, one row per home. Wh and micro-euros. */
public final class HomesCsv {
  /** The header row. */
  public static final String HEADER =
      "name,policy,produced_wh,consumed_wh,given_wh,received_wh,sold_wh,bought_wh,wasted_wh,"
          + "shortfall_wh,paid_micro_eur,earned_micro_eur,balance_micro_eur";

  private HomesCsv() {}

  /** The file's text: the header, then the accounts in the order given, each line ending in LF. */
  public static String render(List<HomeAccount> accounts) {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (HomeAccount a : accounts) {
      csv.append(a.name())
          .append(',')
          .append(a.policy())
          .append(',')
          .append(a.producedWh())
          .append(',')
          .append(a.consumedWh())
          .append(',')
          .append(a.givenWh())
          .append(',')
          .append(a.receivedWh())
          .append(',')
          .append(a.soldWh())
          .append(',')
          .append(a.boughtWh())
          .append(',')
          .append(a.wastedWh())
          .append(',')
          .append(a.shortfallWh())
          .append(',')
          .append(a.paidMicro())
          .append(',')
          .append(a.earnedMicro())
          .append(',')
          .append(a.balanceMicro())
          .append('\n');
    }
    return csv.toString();
  }
}
