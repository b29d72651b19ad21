package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What every run must leave, and must not leave, behind. */
final class RunChecks {
  private RunChecks() {}

  /** The run's run.json, parsed. */
  static Struct runJson(Path runDir) throws IOException {
    Struct.Builder json = Struct.newBuilder();
    JsonFormat.parser()
        .merge(Files.readString(runDir.resolve("run.json"), StandardCharsets.UTF_8), json);
    return json.build();
  }

  /** The rows of a CSV file, without its header. */
  static List<String[]> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
  }

  /** No process of the run is alive, its shared-memory file is gone and its ports are closed. */
  static void nothingLeft(String runId, Struct runJson) throws Exception {
    List<String> alive =
        ProcessHandle.allProcesses()
            .filter(ProcessHandle::isAlive)
            .map(p -> p.info().commandLine().orElse(""))
            .filter(c -> c.contains("-Denergy.market.run=" + runId))
            .toList();
    assertEquals(List.of(), alive, "processes of run " + runId + " still alive");

    String shm =
        runJson
            .getFieldsOrThrow("weather")
            .getStructValue()
            .getFieldsOrThrow("shm_file")
            .getStringValue();
    assertTrue(shm.contains(runId), shm);
    assertFalse(Files.exists(Path.of(shm)), "shared-memory file left: " + shm);
    Path dir = Path.of(shm).getParent();
    try (var siblings = Files.list(dir)) {
      assertEquals(
          List.of(),
          siblings
              .filter(p -> p.getFileName().toString().startsWith(Path.of(shm).getFileName() + "."))
              .toList());
    }

    for (String server : List.of("market", "weather")) {
      String address =
          runJson
              .getFieldsOrThrow(server)
              .getStructValue()
              .getFieldsOrThrow("address")
              .getStringValue();
      int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
      assertTrue(port > 0, address);
      assertThrows(
          IOException.class,
          () -> {
            try (Socket socket = new Socket()) {
              socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            }
          },
          server + " port " + port + " still open");
    }
  }
}
