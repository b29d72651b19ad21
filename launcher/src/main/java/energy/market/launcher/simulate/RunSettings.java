package energy.market.launcher.simulate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a simulation run needs to start its children, already validated.
 *
 * @param runId the run's id, also the name of its results directory
 * @param seed the seed of every participant
 * @param days the days to run
 * @param homes the number of homes
 * @param shares how the homes are spread over home processes
 * @param namePrefix the homes' name prefix
 * @param runDir the results directory, also the market's data directory
 * @param shmFile the weather daemon's shared-memory file for this run
 * @param marketPort the market's port, 0 for any free one
 * @param dayLength the wall-clock length of a day, zero for as fast as possible
 * @param forwarded the model options passed on to each role (market, weather, external, home)
 */
public record RunSettings(
    String runId,
    long seed,
    long days,
    int homes,
    List<HomeShare> shares,
    String namePrefix,
    Path runDir,
    Path shmFile,
    int marketPort,
    Duration dayLength,
    Map<String, List<String>> forwarded) {

  public RunSettings {
    shares = List.copyOf(shares);
    forwarded = Map.copyOf(forwarded);
  }

  /** Every home's name, in index order. */
  public List<String> homeNames() {
    return shares.stream().flatMap(s -> s.names(namePrefix).stream()).toList();
  }

  /** The options passed on to a role. */
  public List<String> forwardedTo(String role) {
    return forwarded.getOrDefault(role, List.of());
  }
}
