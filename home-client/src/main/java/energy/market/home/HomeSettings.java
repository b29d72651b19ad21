package energy.market.home;

import energy.market.client.MarketAddress;
import energy.market.weather.source.WeatherSourceKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a process of homes needs to run, as values: what {@code energy-market home} reads from
 * its options, and what {@code simulate} hands its home processes ({@link HomeSettingsFile}) so
 * that they start without parsing a command line again. The files it names are read when the
 * process opens ({@link HomeProcess#open}).
 *
 * @param market the market's address
 * @param tlsCa the CA whose servers are trusted, or null for plaintext
 * @param tlsCert this client's certificate for mutual TLS, or null
 * @param tlsKey the key of {@code tlsCert}, or null
 * @param names the homes' names, at least one
 * @param policy a trade policy or a mix of them, as {@code --policy} takes it
 * @param seed the seed of the homes' draws and of the policy mix
 * @param parameters how the homes produce and consume
 * @param days leave after this many days closed; 0 to stay until stopped
 * @param weather where the day's temperature comes from
 * @param weatherAddress the weather daemon's address, or null for the market's host
 * @param shmFile the weather daemon's shared-memory file
 * @param stateDir where the homes' key is kept
 * @param registrationTokenFile the market's registration token, or null where registration is open
 * @param print per-day output: {@code homes}, {@code summary} or {@code none}
 */
public record HomeSettings(
    MarketAddress market,
    Path tlsCa,
    Path tlsCert,
    Path tlsKey,
    List<String> names,
    String policy,
    long seed,
    HomeParameters parameters,
    long days,
    WeatherSourceKind weather,
    String weatherAddress,
    Path shmFile,
    Path stateDir,
    Path registrationTokenFile,
    String print) {

  /** The per-day outputs a process prints. */
  static final Set<String> PRINT_MODES = Set.of("homes", "summary", "none");

  /**
   * @throws IllegalArgumentException naming the value that is not allowed
   */
  public HomeSettings {
    Objects.requireNonNull(market, "market");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(weather, "weather");
    Objects.requireNonNull(shmFile, "shmFile");
    Objects.requireNonNull(stateDir, "stateDir");
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a process of homes needs at least one home");
    }
    if (days < 0) {
      throw new IllegalArgumentException("--days " + days + " is negative; use 0 for no limit");
    }
    PolicyMix.parse(policy, seed);
    if (!PRINT_MODES.contains(print)) {
      throw new IllegalArgumentException(
          "--print " + print + " is not allowed; use homes, summary or none");
    }
  }
}
