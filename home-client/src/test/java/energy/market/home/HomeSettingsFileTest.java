package energy.market.home;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.client.MarketAddress;
import energy.market.weather.source.WeatherSourceKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;

/** Home settings written to a real file and read back, as a launcher hands them to a process. */
class HomeSettingsFileTest {
  @TempDir Path dir;

  @Test
  void everySettingReadsBackAsWritten() throws Exception {
    HomeParameters parameters =
        new HomeParameters(1_000, 2_000, 3_000, 4_000, 500, 400, 16.5, 23.25)
            .withModel(
                HomeModel.SEASONAL,
                new SeasonalParameters(1.5, 9.25, 1.0, 8.0, 180, 0.6, 5_000, 13_000, 0.3, 0.1));
    HomeSettings settings =
        new HomeSettings(
            new MarketAddress("::1", 50061),
            Path.of("/certs/ca.pem"),
            Path.of("/certs/home.pem"),
            Path.of("/certs/home.key"),
            List.of("north-1", "north-2", "north.3_x"),
            "always-sell=2,sell-if-no-takers=1",
            -42,
            parameters,
            365,
            WeatherSourceKind.STREAM,
            "weather.example:50060",
            Path.of("/dev/shm/energy-market-run"),
            // Whatever a path may hold reads back: a leading blank, '=', ':', '#', a backslash,
            // a line break, a tab and letters beyond ASCII.
            Path.of(" state=a:b#c\\d\ne\tf-\u00e9t\u00e9"),
            Path.of("/state/registration-token"),
            "summary");
    Path file = dir.resolve("homes-1.settings");

    HomeSettingsFile.write(settings, file);

    assertEquals(settings, HomeSettingsFile.read(file));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals("format=energy-market home settings 1", lines.get(0));
    assertTrue(lines.stream().noneMatch(line -> line.startsWith("#")), "no date: " + lines);
    byte[] first = Files.readAllBytes(file);
    HomeSettingsFile.write(settings, file);
    assertArrayEquals(first, Files.readAllBytes(file), "the same settings, the same file");
  }

  @Test
  void oneReaderReadsManyCommandLinesEachFromTheDefaults() {
    HomeCommand.SettingsReader reader = new HomeCommand.SettingsReader();
    HomeSettings named =
        reader.read(List.of("--name", "alice", "--name", "bob", "--days", "7", "--print", "none"));
    HomeSettings counted = reader.read(List.of("--count", "2", "--first-index", "9"));

    assertEquals(List.of("alice", "bob"), named.names());
    assertEquals(7, named.days());
    assertEquals(List.of("home-9", "home-10"), counted.names());
    assertEquals(0, counted.days());
    assertEquals("homes", counted.print());
    assertEquals(HomeCommand.settings(List.of("--count", "2", "--first-index", "9")), counted);
  }

  @Test
  void settingsMadeFromTheHomeCommandsOptionsReadBackTheSame() throws Exception {
    HomeSettings settings =
        HomeCommand.settings(
            List.of(
                "--market",
                "127.0.0.1:4000",
                "--count",
                "12",
                "--first-index",
                "5",
                "--days",
                "3",
                "--production=10-20",
                "--state-dir",
                dir.toString()));
    Path file = dir.resolve("homes.settings");

    HomeSettingsFile.write(settings, file);
    HomeSettings read = HomeSettingsFile.read(file);

    assertEquals(settings, read);
    assertEquals(12, read.names().size());
    assertEquals("home-5", read.names().get(0));
    assertEquals("home-16", read.names().get(11));
    assertEquals("summary", read.print(), "more than ten homes print a summary a day");
    assertEquals(10_000, read.parameters().productionMinWh());
    assertEquals(20_000, read.parameters().productionMaxWh());
    assertNull(read.tlsCa());
    assertNull(read.weatherAddress());
    assertEquals(WeatherSourceKind.AUTO, read.weather());
  }

  @Test
  void optionsTheHomeCommandRefusesMakeNoSettings() {
    ParameterException print =
        assertThrows(
            ParameterException.class, () -> HomeCommand.settings(List.of("--print", "loud")));
    assertTrue(print.getMessage().startsWith("--print loud is not allowed"), print.getMessage());
    ParameterException tls =
        assertThrows(
            ParameterException.class,
            () -> HomeCommand.settings(List.of("--tls-cert", "/certs/home.pem")));
    assertTrue(tls.getMessage().contains("need --tls-ca"), tls.getMessage());
    assertThrows(ParameterException.class, () -> HomeCommand.settings(List.of("--days", "-1")));
  }

  @Test
  void aMissingOrBadKeyIsNamedWithTheFile() throws Exception {
    Path file = dir.resolve("homes.settings");
    HomeSettingsFile.write(HomeCommand.settings(List.of("--state-dir", dir.toString())), file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

    Files.write(file, lines.stream().filter(line -> !line.startsWith("seed=")).toList());
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> HomeSettingsFile.read(file));
    assertEquals("home settings " + file + ": 'seed' is missing", missing.getMessage());

    Files.write(
        file, lines.stream().map(line -> line.startsWith("days=") ? "days=three" : line).toList());
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> HomeSettingsFile.read(file));
    assertEquals("home settings " + file + ": 'days' is not a whole number", bad.getMessage());

    Files.write(
        file,
        lines.stream().map(line -> line.startsWith("model=") ? "model=GLACIAL" : line).toList());
    IllegalArgumentException model =
        assertThrows(IllegalArgumentException.class, () -> HomeSettingsFile.read(file));
    assertEquals(
        "home settings " + file + ": 'model' is GLACIAL, not one of [COURSE, SEASONAL]",
        model.getMessage());
  }

  @Test
  void aFileOfAnotherKindIsRefused() throws Exception {
    Path file = dir.resolve("other.properties");
    Files.writeString(file, "market=127.0.0.1:1\n");

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> HomeSettingsFile.read(file));

    assertEquals(
        "home settings "
            + file
            + ": it has no line format=energy-market home settings 1; it is not home settings",
        refused.getMessage());
  }
}
