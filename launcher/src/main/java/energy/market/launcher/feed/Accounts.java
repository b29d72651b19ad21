package energy.market.launcher.feed;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import energy.market.api.v1.Account;
import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.MarketGrpc;
import energy.market.client.MarketCredentials;
import energy.market.launcher.model.HomeAccount;
import io.grpc.Channel;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads homes' accounts by name ({@code Market/GetAccount}), a bounded number at a time, with the
 * operator's credentials (a home may read only its own).
 */
public final class Accounts {
  private static final int IN_FLIGHT = 32;

  /**
   * The accounts found, in the order of {@code names}, and the names the market did not know or did
   * not answer for.
   */
  public record Found(List<HomeAccount> accounts, List<String> missing) {}

  private Accounts() {}

  /**
   * @param channel the market
   * @param operator the operator's credentials
   * @param names the homes' names
   * @param deadline the deadline of each call
   */
  public static Found fetch(
      Channel channel, MarketCredentials operator, List<String> names, Duration deadline)
      throws InterruptedException {
    MarketGrpc.MarketFutureStub stub =
        MarketGrpc.newFutureStub(channel).withCallCredentials(operator);
    Semaphore permits = new Semaphore(IN_FLIGHT);
    List<ListenableFuture<Account>> calls = new ArrayList<>(names.size());
    for (String name : names) {
      permits.acquire();
      ListenableFuture<Account> call =
          stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
              .getAccount(GetAccountRequest.newBuilder().setName(name).build());
      call.addListener(permits::release, MoreExecutors.directExecutor());
      calls.add(call);
    }
    List<HomeAccount> accounts = new ArrayList<>(names.size());
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      try {
        accounts.add(ProtoValues.account(calls.get(i).get()));
      } catch (ExecutionException e) {
        missing.add(names.get(i) + " (" + Status.fromThrowable(e.getCause()).getCode() + ")");
      }
    }
    return new Found(accounts, missing);
  }
}
