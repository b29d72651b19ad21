package energy.market.server.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayFeedTest {

  private static final class Sink implements FeedSink<Long> {
    final List<Long> received = new ArrayList<>();
    boolean ready = true;
    String dropped;

    @Override
    public boolean isReady() {
      return ready;
    }

    @Override
    public void send(Long item) {
      received.add(item);
    }

    @Override
    public void drop(String reason) {
      dropped = reason;
    }

    @Override
    public void end(String reason) {
      ended = reason;
    }

    String ended;
  }

  private static ReplayFeed<Long> feedOfDays(int days, int maxLag) {
    ReplayFeed<Long> feed = new ReplayFeed<>(day -> day, maxLag);
    for (long day = 1; day <= days; day++) {
      feed.publish(day);
    }
    return feed;
  }

  @Test
  void aSubscriberReplaysFromItsDayThenFollowsLive() {
    ReplayFeed<Long> feed = feedOfDays(5, 10);
    Sink sink = new Sink();
    feed.subscribe(3, sink);
    feed.publish(6L);
    assertEquals(List.of(3L, 4L, 5L, 6L), sink.received);
  }

  @Test
  void liveOnlyStartsAfterTheHistory() {
    ReplayFeed<Long> feed = feedOfDays(5, 10);
    Sink sink = new Sink();
    feed.subscribe(0, sink);
    feed.publish(6L);
    assertEquals(List.of(6L), sink.received);
  }

  @Test
  void aSlowSubscriberWaitsWithoutCopiesAndCatchesUpWhenReady() {
    ReplayFeed<Long> feed = feedOfDays(0, 10);
    Sink sink = new Sink();
    ReplayFeed<Long>.Subscription subscription = feed.subscribe(0, sink);
    sink.ready = false;
    for (long day = 1; day <= 5; day++) {
      feed.publish(day);
    }
    assertEquals(List.of(), sink.received);
    sink.ready = true;
    subscription.drain();
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), sink.received);
    assertNull(sink.dropped);
  }

  @Test
  void aSubscriberTooFarBehindIsDroppedWithAReason() {
    ReplayFeed<Long> feed = feedOfDays(0, 3);
    Sink sink = new Sink();
    feed.subscribe(0, sink);
    sink.ready = false;
    for (long day = 1; day <= 4; day++) {
      feed.publish(day);
    }
    assertNotNull(sink.dropped);
    assertEquals(0, feed.subscribers());
  }

  @Test
  void aLongReplayIsNotBehind() {
    ReplayFeed<Long> feed = feedOfDays(100, 3);
    Sink sink = new Sink();
    feed.subscribe(1, sink);
    assertEquals(100, sink.received.size());
    assertNull(sink.dropped);
  }

  @Test
  void stoppingTheFeedEndsEverySubscriptionWithItsReason() {
    ReplayFeed<Long> feed = feedOfDays(2, 10);
    Sink sink = new Sink();
    feed.subscribe(1, sink);
    feed.endAll("the market is stopping");
    assertEquals("the market is stopping", sink.ended);
    assertEquals(0, feed.subscribers());
    feed.publish(3L);
    assertEquals(List.of(1L, 2L), sink.received);
  }
}
