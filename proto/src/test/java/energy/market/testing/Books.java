package energy.market.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import energy.market.api.v1.Account;

/** The market's book rules as test assertions, read from a home's account as the API gives it. */
public final class Books {
  private Books() {}

  /**
   * Asserts the energy balance the market checks at every close: produced + received + bought +
   * shortfall = consumed + given + sold + wasted.
   */
  public static void assertEnergyBalances(Account account) {
    assertEquals(
        account.getProducedWh()
            + account.getReceivedWh()
            + account.getBoughtWh()
            + account.getShortfallWh(),
        account.getConsumedWh()
            + account.getGivenWh()
            + account.getSoldWh()
            + account.getWastedWh(),
        () -> "energy balances for " + account.getName() + ": " + account);
  }
}
