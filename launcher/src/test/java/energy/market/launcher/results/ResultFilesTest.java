package energy.market.launcher.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.EventInfo;
import energy.market.launcher.model.HomeAccount;
import energy.market.launcher.view.Days;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {
  @TempDir Path dir;

  @Test
  void pricesCsvHasOneRowPerDayWithFixedFormatsWhateverTheLocale() {
    DayRecord twoEvents =
        new DayRecord(
            2,
            185_190,
            5_136,
            -3.2,
            true,
            List.of(
                new EventInfo("b", "war", 2, 29, 20_000), new EventInfo("a", "storm", 1, 1, 6_000)),
            7_945,
            45_063,
            36_844,
            6,
            Instant.now());
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    String csv;
    try {
      csv = PricesCsv.render(List.of(Days.day(1, 180_054, null), twoEvents));
    } finally {
      Locale.setDefault(before);
    }

    assertEquals(
        "day,price_eur_per_kwh,temperature_c,events,bought_wh,sold_wh,given_wh,homes\n"
            + "1,0.180054,12.5,,1000,2000,500,8\n"
            + "2,0.185190,-3.2,storm+war,7945,45063,36844,6\n",
        csv);
  }

  @Test
  void homesCsvHasOneRowPerAccount() {
    HomeAccount account =
        new HomeAccount("home-1", "always-sell", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1);

    assertEquals(
        HomesCsv.HEADER + "\nhome-1,always-sell,1,2,3,4,5,6,7,8,9,10,1\n",
        HomesCsv.render(List.of(account)));
    assertEquals(13, HomesCsv.HEADER.split(",").length);
  }

  @Test
  void jsonIsParsedBackByAStandardParser() throws Exception {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("run_id", "r\"1\\\n\t");
    value.put("seed", 7L);
    value.put("ratio", 0.5);
    value.put("ok", true);
    value.put("none", null);
    value.put("list", List.of("a", 1));
    value.put("nested", List.of(Map.of("k", "v"), Map.of()));
    value.put("empty", List.of());

    Struct.Builder parsed = Struct.newBuilder();
    JsonFormat.parser().merge(Json.write(value), parsed);

    assertEquals("r\"1\\\n\t", parsed.getFieldsOrThrow("run_id").getStringValue());
    assertEquals(7, parsed.getFieldsOrThrow("seed").getNumberValue());
    assertEquals(0.5, parsed.getFieldsOrThrow("ratio").getNumberValue());
    assertTrue(parsed.getFieldsOrThrow("ok").getBoolValue());
    assertTrue(parsed.getFieldsOrThrow("none").hasNullValue());
    assertEquals(2, parsed.getFieldsOrThrow("list").getListValue().getValuesCount());
    assertEquals(
        "v",
        parsed
            .getFieldsOrThrow("nested")
            .getListValue()
            .getValues(0)
            .getStructValue()
            .getFieldsOrThrow("k")
            .getStringValue());
  }

  @Test
  void pricesPngIsAPngImageEvenWithoutADisplay() throws Exception {
    System.setProperty("java.awt.headless", "true");
    Path png = dir.resolve("prices.png");
    List<DayRecord> days = new java.util.ArrayList<>(Days.rising(30));
    days.set(10, Days.day(11, 200_000, "war"));

    PricesPng.write(png, "test run", days);

    byte[] bytes = Files.readAllBytes(png);
    assertArrayEquals(
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(bytes, 8));
    assertTrue(bytes.length > 10_000, "a drawn chart, not an empty image: " + bytes.length);
  }
}
