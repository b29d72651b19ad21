package energy.market.launcher.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import energy.market.launcher.model.DayRecord;
import energy.market.server.TestMarket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher's market client against a real market server on the in-process transport. */
class MarketFeedTest {
  private static List<Long> take(BlockingQueue<DayRecord> days, int count) throws Exception {
    List<Long> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      DayRecord day = days.poll(10, TimeUnit.SECONDS);
      assertNotNull(day, "day " + (i + 1) + " of " + count + " never came");
      numbers.add(day.day());
    }
    return numbers;
  }

  @Test
  void followsEveryClosedDayAndReplaysFromAGivenDay() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 5);
        MarketFeed live = new MarketFeed(market.channel, false);
        MarketFeed replay = new MarketFeed(market.channel, false)) {
      assertEquals(0, live.status(Duration.ofSeconds(5)).day());
      BlockingQueue<DayRecord> liveDays = new LinkedBlockingQueue<>();
      live.follow(1, liveDays::add);

      market.startClock();

      assertEquals(List.of(1L, 2L, 3L, 4L, 5L), take(liveDays, 5));
      BlockingQueue<DayRecord> replayed = new LinkedBlockingQueue<>();
      replay.follow(4, replayed::add);
      assertEquals(List.of(4L, 5L), take(replayed, 2));
    }
  }
}
