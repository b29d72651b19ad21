package energy.market.server.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.server.day.Account;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AccountCheckpointTest {
  private static Account account(long homeId, long producedWh) {
    return new Account(homeId, producedWh, producedWh, 0, 0, 0, 0, 0, 0, 0, 0, 1);
  }

  private static Set<Account> changed(AccountCheckpoint checkpoint) {
    return checkpoint.changed().stream().collect(Collectors.toSet());
  }

  @Test
  void aCheckpointIsDueEveryDaysBetweenClosedDays() {
    AccountCheckpoint checkpoint = new AccountCheckpoint(0, 0);
    assertFalse(checkpoint.dueAt(AccountCheckpoint.DAYS_BETWEEN - 1));
    assertTrue(checkpoint.dueAt(AccountCheckpoint.DAYS_BETWEEN));
    checkpoint.closed(AccountCheckpoint.DAYS_BETWEEN, List.of());
    checkpoint.kept(AccountCheckpoint.DAYS_BETWEEN);
    assertFalse(checkpoint.dueAt(2L * AccountCheckpoint.DAYS_BETWEEN - 1));
    assertTrue(checkpoint.dueAt(2L * AccountCheckpoint.DAYS_BETWEEN));
  }

  @Test
  void closedDaysKeepEachHomesLatestAccountUntilTheTotalsAreKeptAsOfTheLastOfThem() {
    AccountCheckpoint checkpoint = new AccountCheckpoint(4, 4);
    assertFalse(checkpoint.behind());
    checkpoint.closed(5, List.of(account(1, 10), account(2, 20)));
    checkpoint.closed(6, List.of(account(1, 11)));
    assertTrue(checkpoint.behind());
    assertEquals(Set.of(account(1, 11), account(2, 20)), changed(checkpoint));
    checkpoint.kept(6);
    assertFalse(checkpoint.behind());
    assertEquals(Set.of(), changed(checkpoint));
  }

  @Test
  void totalsKeptAsOfAnEarlierDayThanTheLastCloseLeaveTheChangesKnown() {
    // The ledger's last checkpoint, written as of day 5, committed together with day 6's close.
    AccountCheckpoint checkpoint = new AccountCheckpoint(4, 4);
    checkpoint.closed(5, List.of(account(1, 10), account(2, 20)));
    checkpoint.closed(6, List.of(account(2, 21)));
    checkpoint.kept(5);
    assertTrue(checkpoint.behind());
    assertEquals(Set.of(account(1, 10), account(2, 21)), changed(checkpoint));
  }
}
