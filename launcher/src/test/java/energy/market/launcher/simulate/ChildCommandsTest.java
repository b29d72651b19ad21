package energy.market.launcher.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildCommandsTest {
  private final RunSettings run =
      new RunSettings(
          "r1",
          7,
          5,
          40,
          HomeShare.split(40, 2),
          "home",
          Path.of("results", "r1"),
          Path.of("/dev/shm/energy-market-r1"),
          0,
          Duration.ZERO,
          Map.of("market", List.of("--gamma=0.5"), "home", List.of("--policy=always-sell")));
  private final ChildCommands commands = new ChildCommands(run);

  private static String after(List<String> args, String option) {
    return args.get(args.indexOf(option) + 1);
  }

  @Test
  void theMarketWaitsForEveryHomeAndBothDaemonsAndKeepsItsLedgerInTheRunDirectory() {
    List<String> args = commands.market().args();

    assertEquals("40", after(args, "--await-homes"));
    assertEquals("2", after(args, "--await-daemons"));
    assertEquals(Path.of("results", "r1").toString(), after(args, "--data-dir"));
    assertEquals("127.0.0.1", after(args, "--bind"));
    assertEquals("0", after(args, "--port"));
    assertEquals("0", after(args, "--day-length"));
    assertEquals("7", after(args, "--seed"));
    assertEquals("--gamma=0.5", args.get(args.size() - 1));
  }

  @Test
  void withTlsServersRequireClientCertificatesAndClientsPresentTheirs(@TempDir Path dir)
      throws IOException {
    ChildCommands tls = new ChildCommands(run, RunTls.makeIn(dir));
    String tlsDir = dir.resolve(RunTls.DIR).toString();

    List<String> market = tls.market().args();
    assertEquals(Path.of(tlsDir, "server.pem").toString(), after(market, "--tls-cert"));
    assertEquals(Path.of(tlsDir, "server-key.pem").toString(), after(market, "--tls-key"));
    assertEquals(Path.of(tlsDir, "ca.pem").toString(), after(market, "--tls-client-ca"));
    List<String> weather = tls.weather(4000, 0).args();
    assertEquals(Path.of(tlsDir, "ca.pem").toString(), after(weather, "--tls-client-ca"));
    assertEquals(Path.of(tlsDir, "ca.pem").toString(), after(weather, "--tls-ca"));
    for (List<String> client :
        List.of(tls.external(4000).args(), tls.homes(run.shares().get(0), 4000, 4001).args())) {
      assertEquals(Path.of(tlsDir, "ca.pem").toString(), after(client, "--tls-ca"));
      assertEquals(Path.of(tlsDir, "client.pem").toString(), after(client, "--tls-cert"));
      assertEquals(Path.of(tlsDir, "client-key.pem").toString(), after(client, "--tls-key"));
    }
    assertFalse(commands.market().args().contains("--tls-cert"), "plaintext by default");
  }

  @Test
  void homeProcessesShareTheRangeOfNamesAndReadTheRunsWeather() {
    List<String> second = commands.homes(run.shares().get(1), 4000, 4001).args();

    assertEquals("21", after(second, "--first-index"));
    assertEquals("20", after(second, "--count"));
    assertEquals("127.0.0.1:4000", after(second, "--market"));
    assertEquals("127.0.0.1:4001", after(second, "--weather-address"));
    assertEquals("/dev/shm/energy-market-r1", after(second, "--shm-file"));
    assertEquals("5", after(second, "--days"));
    assertTrue(second.contains("--policy=always-sell"));
  }

  @Test
  void homeProcessesKeepTheirKeyInTheRunsDirectoryNotTheUsers() {
    for (HomeShare share : run.shares()) {
      assertEquals(
          Path.of("results", "r1", "home-state").toString(),
          after(commands.homes(share, 4000, 4001).args(), "--state-dir"));
    }
  }

  @Test
  void theDaemonsFollowTheMarketWithTheRunsSeed() {
    List<String> weather = commands.weather(4000, 0).args();
    List<String> external = commands.external(4000).args();

    assertEquals("/dev/shm/energy-market-r1", after(weather, "--shm-file"));
    assertEquals("0", after(weather, "--port"));
    assertTrue(external.contains("--random"));
    assertEquals("7", after(external, "--seed"));
  }

  @Test
  void smallHomeProcessesGetSmallJvmsAndEveryProcessTheClientCompilerOnly() {
    assertTrue(JvmOptions.homes(1).contains("-Xmx48m"), JvmOptions.homes(1).toString());
    assertTrue(JvmOptions.homes(1).contains("-Xss256k"));
    assertFalse(JvmOptions.homes(250).contains("-Xss256k"));
    assertTrue(JvmOptions.homes(250).contains("-Xmx67m"), JvmOptions.homes(250).toString());
    for (List<String> options :
        List.of(
            JvmOptions.homes(1),
            JvmOptions.homes(250),
            JvmOptions.market(8),
            JvmOptions.daemon())) {
      assertEquals(
          1, Collections.frequency(options, "-XX:TieredStopAtLevel=1"), options.toString());
      assertEquals(1, Collections.frequency(options, "-XX:-UsePerfData"), options.toString());
    }
  }
}
