package energy.market.server.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import energy.market.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TradeExecutorTest {

  @Test
  void neverMoreThanTheLimitRunAtOnceAndAFullQueueRefusesAtOnce() throws Exception {
    try (TradeExecutor executor = new TradeExecutor(4, 8)) {
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger running = new AtomicInteger();
      AtomicInteger maxRunning = new AtomicInteger();
      List<ListenableFuture<Integer>> accepted = new ArrayList<>();
      int expectedSum = 0;
      int refused = 0;
      for (int i = 0; i < 40; i++) {
        int number = i;
        try {
          accepted.add(
              executor.submit(
                  () -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                      release.await(10, TimeUnit.SECONDS);
                    } finally {
                      running.decrementAndGet();
                    }
                    return number;
                  }));
          expectedSum += number;
        } catch (OverloadedException e) {
          refused++;
        }
        if (i == 3) {
          // Let the four workers pick up their transactions, so the queue alone holds the rest.
          while (running.get() < 4) {
            Thread.onSpinWait();
          }
        }
      }
      // 4 running + 8 queued; the rest refused at once.
      assertEquals(12, accepted.size());
      assertEquals(28, refused);
      release.countDown();
      int sum = 0;
      for (ListenableFuture<Integer> future : accepted) {
        sum += future.get(10, TimeUnit.SECONDS);
      }
      assertEquals(expectedSum, sum, "every accepted transaction ran");
      assertTrue(maxRunning.get() <= 4, "at most 4 ran at once, saw " + maxRunning.get());
      assertEquals(4, maxRunning.get(), "the limit is reached under load");
    }
  }

  @Test
  void theRefusalSaysWhyAndWhatToDo() {
    try (TradeExecutor executor = new TradeExecutor(1, 1)) {
      CountDownLatch release = new CountDownLatch(1);
      executor.submit(() -> release.await(5, TimeUnit.SECONDS));
      while (executor.inFlight() < 1) {
        Thread.onSpinWait();
      }
      executor.submit(() -> release.await(5, TimeUnit.SECONDS));
      OverloadedException refused =
          assertThrows(OverloadedException.class, () -> executor.submit(() -> 1));
      assertTrue(refused.getMessage().contains("retry later"), refused.getMessage());
      release.countDown();
      assertTrue(executor.shutdown(Duration.ofSeconds(5)));
    }
  }

  @Test
  void aFreeSlotRunsOnTheCallersThreadAndATakenOneQueues() throws Exception {
    try (TradeExecutor executor = new TradeExecutor(1, 4)) {
      Thread caller = Thread.currentThread();
      assertEquals(caller, executor.runOrSubmit(Thread::currentThread).get());

      CountDownLatch release = new CountDownLatch(1);
      ListenableFuture<Boolean> holder = executor.submit(() -> release.await(10, TimeUnit.SECONDS));
      Await.until("the worker holds the one slot", () -> executor.inFlight() == 1, Await.SHORT);
      ListenableFuture<Thread> queued = executor.runOrSubmit(Thread::currentThread);
      assertFalse(queued.isDone(), "it waits for the slot instead of running beside the holder");
      assertEquals(1, executor.queued());
      release.countDown();
      assertTrue(holder.get(10, TimeUnit.SECONDS));
      Thread worker = queued.get(10, TimeUnit.SECONDS);
      assertNotEquals(caller, worker);
      assertTrue(worker.getName().startsWith("trade-"), worker.getName());

      ExecutionException failure =
          assertThrows(
              ExecutionException.class,
              () ->
                  executor
                      .runOrSubmit(
                          () -> {
                            throw new IllegalStateException("no such home");
                          })
                      .get());
      assertEquals("no such home", failure.getCause().getMessage());
      assertEquals(0, executor.inFlight(), "a failed transaction gives its slot back");
    }
  }

  @Test
  void limitsOutOfRangeAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new TradeExecutor(0, 10));
    assertThrows(IllegalArgumentException.class, () -> new TradeExecutor(4, 0));
  }
}
