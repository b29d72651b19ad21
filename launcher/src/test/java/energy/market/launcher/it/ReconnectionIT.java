package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import energy.market.testing.HangUpListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of client (a home process, the weather and external daemons, {@code watch}) is back
 * within 2 s of a market killed with {@code kill -9} listening again on the same data and port,
 * after a short outage and after a long one: the channel's own reconnect backoff, which grows with
 * the outage, must not stack under the clients' own.
 */
class ReconnectionIT {
  /** The promise: connected again this soon after the market's listening line. */
  private static final Duration BACK_WITHIN = Duration.ofSeconds(2);

  /**
   * Outages, in failed connection attempts per client: paced about 0.4 s apart, the long one lasts
   * 25 s or more; grpc-java's own backoff alone would by then wait up to its 2-minute maximum.
   */
  private static final int SHORT_OUTAGE = 5;

  private static final int LONG_OUTAGE = 60;

  @TempDir Path dir;

  /** A client process and the line it prints each time it is connected again. */
  private record Client(String name, ChildProcess process, String lostLine, String connectedLine) {}

  @Test
  void everyClientIsBackWithinTwoSecondsOfTheMarketListeningAgain() throws Exception {
    Path data = dir.resolve("data");
    List<ChildProcess> processes = new ArrayList<>();
    RunningMarket market = new RunningMarket(data, "--day-length", "1s");
    try {
      String address = market.address();
      ChildProcess home = market.home("home", "--name", "alice");
      processes.add(home);
      ChildProcess weather =
          market.weather(
              "--port",
              "0",
              "--bind",
              "127.0.0.1",
              "--shm-file",
              dir.resolve("weather-shm").toString());
      processes.add(weather);
      ChildProcess external = market.external("--random");
      processes.add(external);
      ChildProcess watch =
          ChildProcess.role("watch", "watch", List.of("--market", address, "--plain"));
      processes.add(watch);

      home.awaitLine("home-client: connected: ", Await.LONG);
      weather.awaitLine("connected to the market as the weather daemon", Await.LONG);
      external.awaitLine("connected to the market as the external daemon", Await.LONG);
      watch.awaitLine("^watching the market at ", Await.LONG);
      List<Client> clients =
          List.of(
              new Client(
                  "home", home, "home-client: market session lost", "home-client: connected: "),
              new Client(
                  "weather",
                  weather,
                  "market session ended",
                  "connected to the market as the weather daemon"),
              new Client(
                  "external",
                  external,
                  "market session ended",
                  "connected to the market as the external daemon"),
              new Client("watch", watch, "^lost the market", "^connected to the market at "));

      Map<String, Duration> backAfter = new LinkedHashMap<>();
      for (int outage : List.of(SHORT_OUTAGE, LONG_OUTAGE)) {
        market.process.kill();
        market.close();
        // Every client saw the market go: the outage starts from an observed state.
        for (Client client : clients) {
          client.process().awaitLine(client.lostLine(), Await.LONG);
        }
        // The outage's length is the test's input, counted in the connection attempts it took
        // (grpc-java's own connect backoff grows with each failed one): the port hangs up on
        // every client until they have tried this many times between them.
        int attempts = outage * clients.size();
        try (HangUpListener absent = HangUpListener.on(market.port)) {
          Await.until(
              attempts + " connection attempts while the market is away",
              () -> absent.attempts() >= attempts,
              Await.LONG);
        }
        market =
            new RunningMarket(data, "--port", Integer.toString(market.port), "--day-length", "1s");
        long listening = System.nanoTime();
        // Awaited one after the other, so a line seen late can only make a figure larger.
        for (Client client : clients) {
          client.process().awaitLine(client.connectedLine(), Await.LONG);
          backAfter.put(
              client.name() + " after an outage of " + outage + " attempts each",
              Duration.ofNanos(System.nanoTime() - listening));
        }
      }

      String figures = describe(backAfter);
      System.out.println("ReconnectionIT, from the market's listening line:\n" + figures);
      for (Map.Entry<String, Duration> entry : backAfter.entrySet()) {
        assertTrue(
            entry.getValue().compareTo(BACK_WITHIN) <= 0,
            entry.getKey()
                + " was back only after "
                + entry.getValue().toMillis()
                + " ms:\n"
                + figures);
      }
    } finally {
      processes.forEach(ChildProcess::close);
      market.close();
    }
  }

  private static String describe(Map<String, Duration> backAfter) {
    StringBuilder text = new StringBuilder();
    backAfter.forEach(
        (client, after) ->
            text.append("  ").append(client).append(": ").append(after.toMillis()).append(" ms\n"));
    return text.toString();
  }
}
