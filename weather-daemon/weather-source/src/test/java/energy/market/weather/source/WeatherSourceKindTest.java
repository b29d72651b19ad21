package energy.market.weather.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WeatherSourceKindTest {
  @Test
  void parsesTheFourChoicesIgnoringCase() {
    assertEquals(WeatherSourceKind.AUTO, WeatherSourceKind.parse("auto"));
    assertEquals(WeatherSourceKind.SHM, WeatherSourceKind.parse(" SHM "));
    assertEquals(WeatherSourceKind.STREAM, WeatherSourceKind.parse("Stream"));
    assertEquals(WeatherSourceKind.MARKET, WeatherSourceKind.parse("market"));
    assertEquals("stream", WeatherSourceKind.STREAM.toString());
  }

  @Test
  void unknownChoiceListsTheAllowedOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WeatherSourceKind.parse("radio"));
    assertEquals(
        "unknown weather source 'radio'; allowed: auto, shm, stream, market", e.getMessage());
    assertThrows(
        CommandLine.TypeConversionException.class,
        () -> new WeatherSourceKind.Converter().convert(""));
  }
}
