package energy.market.home;

import energy.market.client.ClientTls;
import energy.market.client.MarketAddress;
import energy.market.client.ShutdownHook;
import energy.market.client.cli.CommandFailure;
import energy.market.home.client.HomeSession;
import energy.market.home.client.MarketConnection;
import energy.market.weather.source.TemperatureSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A process of homes: opens what its {@link HomeSettings} name (TLS files, the homes' key, the
 * registration token), then takes part in the market's days through one session until its days are
 * over or it is stopped.
 */
public final class HomeProcess {
  /** How long a home waits for the weather source to show the day before using the market's. */
  static final Duration WEATHER_WAIT = Duration.ofMillis(300);

  private final HomeSettings settings;
  private final ClientTls tls;
  private final HomeSecrets secrets;
  private final String registrationToken;
  private final Fleet fleet;

  private HomeProcess(
      HomeSettings settings,
      ClientTls tls,
      HomeSecrets secrets,
      String registrationToken,
      Fleet fleet) {
    this.settings = settings;
    this.tls = tls;
    this.secrets = secrets;
    this.registrationToken = registrationToken;
    this.fleet = fleet;
  }

  /**
   * Reads the files the settings name and makes the homes.
   *
   * @throws IllegalArgumentException naming a file or value that cannot be used
   * @throws CommandFailure with exit code 2 when the homes' key file cannot be used
   */
  public static HomeProcess open(HomeSettings settings) {
    ClientTls tls =
        settings.tlsCa() == null
            ? ClientTls.PLAINTEXT
            : ClientTls.trusting(settings.tlsCa(), settings.tlsCert(), settings.tlsKey());
    PolicyMix mix = PolicyMix.parse(settings.policy(), settings.seed());
    HomeSecrets secrets = openSecrets(settings.stateDir());
    String registrationToken = readRegistrationToken(settings.registrationTokenFile());
    List<Home> homes = new ArrayList<>(settings.names().size());
    for (String name : settings.names()) {
      homes.add(new Home(name, mix.policyFor(name), secrets.secret()));
    }
    Fleet fleet = new Fleet(new EnergyModel(settings.seed(), settings.parameters()), homes);
    return new HomeProcess(settings, tls, secrets, registrationToken, fleet);
  }

  /**
   * Takes part until the last of {@link HomeSettings#days()} closed (0: until stopped), printing
   * each day as {@link HomeSettings#print()} says.
   *
   * @return the exit code: 0 took part, 1 the homes could not take part
   */
  public int run(PrintWriter out, PrintWriter err) throws InterruptedException {
    MarketAddress address = settings.market();
    String weatherTarget =
        settings.weatherAddress() != null
            ? MarketAddress.parse(settings.weatherAddress()).target()
            : new MarketAddress(address.host(), TemperatureSources.DEFAULT_WEATHER_PORT).target();
    WeatherTemperature temperature =
        new WeatherTemperature(
            TemperatureSources.open(
                settings.weather(),
                settings.shmFile(),
                weatherTarget,
                tls,
                line -> info(out, line)),
            WEATHER_WAIT,
            line -> info(out, line));
    MarketConnection connection = MarketConnection.open(address, tls);
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    HomeSession session =
        connection.session(
            fleet,
            temperature,
            "home-client pid " + ProcessHandle.current().pid(),
            new HomeSession.Listener() {
              private long daysTakenPart;

              @Override
              public void dayClosed(DayClosed day) {
                if (!fleet.takesPart(day.day())) {
                  return;
                }
                printDay(out, day);
                if (settings.days() > 0 && ++daysTakenPart >= settings.days()) {
                  exit.complete(0);
                }
              }

              @Override
              public void info(String message) {
                HomeProcess.info(out, message);
              }

              @Override
              public void fatal(String message) {
                err.println("home-client: " + message);
                err.flush();
                exit.complete(1);
              }
            },
            registrationToken);
    out.println(
        "home-client: "
            + fleet.homes().size()
            + " homes, market "
            + address
            + ", pid "
            + ProcessHandle.current().pid());
    out.flush();
    if (secrets.created()) {
      info(out, "new key " + secrets.keyFile() + ": keep it to keep these homes");
    }
    ShutdownHook hook =
        ShutdownHook.install(
            "home-client-shutdown",
            () -> {
              session.close();
              connection.shutdown();
              temperature.close();
              System.err.println("home-client: left the market");
            });
    session.start();
    int code = exit.join();
    if (!hook.remove()) {
      // A signal arrived as the last day closed: the hook is running and leaves the market.
      return code;
    }
    session.close();
    connection.shutdownAndWait(Duration.ofSeconds(5));
    temperature.close();
    return code;
  }

  private void printDay(PrintWriter out, DayClosed day) {
    switch (settings.print()) {
      case "homes" -> {
        for (Home home : fleet.homes()) {
          if (home.day() == day.day()) {
            out.println(home.dayLine());
          }
        }
      }
      case "summary" -> out.println(fleet.dayLine(day.day(), day.temperatureCelsius()));
      default -> {
        return;
      }
    }
    out.flush();
  }

  private static void info(PrintWriter out, String message) {
    synchronized (out) {
      out.println("home-client: " + message);
      out.flush();
    }
  }

  /** The registration token from its file, or null when none is given. */
  private static String readRegistrationToken(Path file) {
    if (file == null) {
      return null;
    }
    try {
      String token = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (token.isEmpty() || token.length() > 256) {
        throw new IllegalArgumentException(
            "--registration-token-file "
                + file
                + " does not hold a token (one line of at most 256 characters)");
      }
      return token;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--registration-token-file " + file + " cannot be read: " + e);
    }
  }

  /** The homes' secrets; a key file that cannot be used ends the process with exit code 2. */
  private static HomeSecrets openSecrets(Path stateDir) {
    try {
      return HomeSecrets.open(stateDir);
    } catch (UnusableKeyFileException e) {
      throw new CommandFailure(2, e.getMessage());
    }
  }
}
