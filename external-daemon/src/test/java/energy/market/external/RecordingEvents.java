package energy.market.external;

import energy.market.api.v1.EventsGrpc;
import energy.market.api.v1.MarketEvent;
import energy.market.api.v1.ReportEventRequest;
import energy.market.api.v1.ReportEventResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A test implementation of the Events service: fails the first N calls with a chosen status, checks
 * the operator token, refuses chosen ids, and records every call it accepted (duplicates included,
 * so a test can tell whether the daemon ever sent an id twice).
 */
final class RecordingEvents extends EventsGrpc.EventsImplBase {

  /** An accepted call and the day the test market was on when it came. */
  record Call(ReportEventRequest request, long day, boolean duplicate) {}

  static final long EFFECT = 30_000;

  private final String token;
  private final List<Call> calls = new ArrayList<>();
  private final Set<String> known = new HashSet<>();
  private final Set<String> refusedIds = new HashSet<>();
  private int failuresLeft;
  private Status failure = Status.UNAVAILABLE;
  private int attempts;
  private long day = 1;

  RecordingEvents(String token) {
    this.token = token;
  }

  synchronized void failNext(int count, Status status) {
    failuresLeft = count;
    failure = status;
  }

  synchronized void refuse(String id) {
    refusedIds.add(id);
  }

  synchronized void setDay(long day) {
    this.day = day;
  }

  synchronized int attempts() {
    return attempts;
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Waits until {@code count} calls were made, accepted or not; fails the test on timeout. */
  synchronized void awaitAttempts(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (attempts < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + count + " attempts, got " + attempts);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Waits until {@code count} calls were accepted; fails the test on timeout. */
  synchronized List<Call> awaitCalls(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (calls.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + count + " accepted reports, got " + calls);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(calls);
  }

  @Override
  public void reportEvent(
      ReportEventRequest request, StreamObserver<ReportEventResponse> responseObserver) {
    ReportEventResponse response;
    synchronized (this) {
      attempts++;
      Status refusal = null;
      if (failuresLeft > 0) {
        failuresLeft--;
        refusal = failure.withDescription("test market fails this call");
      } else if (!request.getOperatorToken().equals(token)) {
        refusal = Status.UNAUTHENTICATED.withDescription("bad operator token");
      } else if (refusedIds.contains(request.getEventId())) {
        refusal = Status.INVALID_ARGUMENT.withDescription("refused by the test");
      }
      if (refusal != null) {
        notifyAll();
        responseObserver.onError(refusal.asRuntimeException());
        return;
      }
      boolean duplicate = !known.add(request.getEventId());
      calls.add(new Call(request, day, duplicate));
      notifyAll();
      response =
          ReportEventResponse.newBuilder()
              .setDuplicate(duplicate)
              .setEvent(
                  MarketEvent.newBuilder()
                      .setEventId(request.getEventId())
                      .setKind(request.getKind())
                      .setSource(request.getSource())
                      .setStartDay(day)
                      .setDurationDays(3)
                      .setEffectMicroEurPerKwh(EFFECT))
              .build();
    }
    responseObserver.onNext(response);
    responseObserver.onCompleted();
  }
}
