package energy.market.weather.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.StreamWeatherRequest;
import energy.market.api.v1.WeatherGrpc;
import energy.market.api.v1.WeatherReport;
import energy.market.weather.model.DailyWeather;
import energy.market.weather.model.WeatherHistory;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WeatherServerTest {
  private static final long TIMEOUT_SECONDS = 5;

  private final String name = InProcessServerBuilder.generateName();
  private WeatherHistory history;
  private WeatherServer server;
  private ManagedChannel channel;

  private void start(int historyDays) throws Exception {
    history = new WeatherHistory(historyDays);
    server =
        new WeatherServer(InProcessServerBuilder.forName(name).directExecutor(), history).start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
  }

  private void publish(long day) {
    history.publish(new DailyWeather(day, day + 0.5, Instant.ofEpochSecond(1_000 + day, 7)));
  }

  private WeatherGrpc.WeatherBlockingStub blocking() {
    return WeatherGrpc.newBlockingStub(channel)
        .withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static StreamWeatherRequest from(long day) {
    return StreamWeatherRequest.newBuilder().setFromDay(day).build();
  }

  @Test
  void streamReplaysFromTheAskedDayThenGoesLive() throws Exception {
    start(100);
    for (long d = 1; d <= 3; d++) {
      publish(d);
    }
    Iterator<WeatherReport> reports = blocking().streamWeather(from(2));
    WeatherReport second = reports.next();
    assertEquals(2, second.getDay());
    assertEquals(2.5, second.getTemperatureCelsius());
    assertEquals(1_002, second.getPublishedAt().getSeconds());
    assertEquals(7, second.getPublishedAt().getNanos());
    assertEquals(3, reports.next().getDay());
    publish(4);
    assertEquals(4, reports.next().getDay());
    assertEquals(
        4.5,
        WeatherReports.fromProto(WeatherReports.toProto(history.latest().get()))
            .temperatureCelsius());
  }

  @Test
  void liveOnlyStreamStartsWithTheNextPublishedDay() throws Exception {
    start(100);
    publish(1);
    publish(2);
    Iterator<WeatherReport> reports = blocking().streamWeather(from(0));
    publish(3);
    assertEquals(3, reports.next().getDay());
  }

  @Test
  void negativeFromDayIsInvalidArgument() throws Exception {
    start(100);
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class, () -> blocking().streamWeather(from(-1)).hasNext());
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals("from_day -1 must be 0 (live only) or a day >= 1", e.getStatus().getDescription());
  }

  @Test
  void healthIsServingForTheServerAndTheWeatherService() throws Exception {
    start(10);
    HealthGrpc.HealthBlockingStub health =
        HealthGrpc.newBlockingStub(channel).withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertEquals(
        ServingStatus.SERVING, health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
    assertEquals(
        ServingStatus.SERVING,
        health
            .check(HealthCheckRequest.newBuilder().setService(WeatherGrpc.SERVICE_NAME).build())
            .getStatus());
  }

  @Test
  void reflectionListsTheWeatherServiceInV1AndV1Alpha() throws Exception {
    start(10);
    CompletableFuture<List<String>> v1 = new CompletableFuture<>();
    StreamObserver<io.grpc.reflection.v1.ServerReflectionRequest> requests =
        io.grpc.reflection.v1.ServerReflectionGrpc.newStub(channel)
            .withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(io.grpc.reflection.v1.ServerReflectionResponse r) {
                    List<String> names = new ArrayList<>();
                    r.getListServicesResponse()
                        .getServiceList()
                        .forEach(s -> names.add(s.getName()));
                    v1.complete(names);
                  }

                  @Override
                  public void onError(Throwable t) {
                    v1.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(
        io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("").build());
    List<String> services = v1.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    requests.onCompleted();
    assertTrue(services.contains("energy.market.v1.Weather"), services.toString());
    assertTrue(services.contains("grpc.health.v1.Health"), services.toString());

    CompletableFuture<List<String>> v1alpha = new CompletableFuture<>();
    StreamObserver<io.grpc.reflection.v1alpha.ServerReflectionRequest> alphaRequests =
        io.grpc.reflection.v1alpha.ServerReflectionGrpc.newStub(channel)
            .withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(io.grpc.reflection.v1alpha.ServerReflectionResponse r) {
                    List<String> names = new ArrayList<>();
                    r.getListServicesResponse()
                        .getServiceList()
                        .forEach(s -> names.add(s.getName()));
                    v1alpha.complete(names);
                  }

                  @Override
                  public void onError(Throwable t) {
                    v1alpha.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {}
                });
    alphaRequests.onNext(
        io.grpc.reflection.v1alpha.ServerReflectionRequest.newBuilder()
            .setListServices("")
            .build());
    assertTrue(v1alpha.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contains("energy.market.v1.Weather"));
    alphaRequests.onCompleted();
  }

  /** Records a stream that asks for one message and then stops reading. */
  private static final class StalledReader
      implements ClientResponseObserver<StreamWeatherRequest, WeatherReport> {
    final BlockingQueue<Long> days = new LinkedBlockingQueue<>();
    final CompletableFuture<Status> end = new CompletableFuture<>();
    ClientCallStreamObserver<StreamWeatherRequest> call;

    @Override
    public void beforeStart(ClientCallStreamObserver<StreamWeatherRequest> requestStream) {
      call = requestStream;
      requestStream.disableAutoRequestWithInitial(1);
    }

    @Override
    public void onNext(WeatherReport value) {
      days.add(value.getDay());
    }

    @Override
    public void onError(Throwable t) {
      end.complete(Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
      end.complete(Status.OK);
    }
  }

  @Test
  void subscriberThatFallsBehindTheHistoryIsDroppedWithResourceExhausted() throws Exception {
    start(4);
    StalledReader reader = new StalledReader();
    WeatherGrpc.newStub(channel).streamWeather(from(0), reader);
    for (long d = 1; d <= 10; d++) {
      publish(d);
    }
    reader.call.request(100); // lets whatever was queued and the final status through
    Status status = reader.end.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, status.getCode());
    assertTrue(
        status.getDescription().startsWith("subscriber fell too far behind: days after 1 up to"),
        status.getDescription());
    assertEquals(Long.valueOf(1), reader.days.poll());
    assertEquals(0, server.subscriberCount());
    assertEquals(0, history.listenerCount());
  }

  @Test
  void cancelledStreamIsForgotten() throws Exception {
    start(4);
    StalledReader reader = new StalledReader();
    WeatherGrpc.newStub(channel).streamWeather(from(0), reader);
    assertEquals(1, server.subscriberCount());
    reader.call.cancel("test is done", null);
    assertEquals(
        Status.Code.CANCELLED, reader.end.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getCode());
    assertEquals(0, server.subscriberCount());
    assertEquals(0, history.listenerCount());
    publish(1); // nobody to send to, nothing fails
  }

  @Test
  void closeEndsOpenStreamsWithUnavailable() throws Exception {
    start(4);
    StalledReader reader = new StalledReader();
    WeatherGrpc.newStub(channel).streamWeather(from(0), reader);
    server.close();
    Status status = reader.end.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertEquals(Status.Code.UNAVAILABLE, status.getCode());
    assertEquals("the weather daemon is shutting down", status.getDescription());
    assertFalse(channel.isTerminated());
  }
}
