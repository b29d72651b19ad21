package energy.market.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The homes' key: made once, owner only, one secret shared by every home of its directory, and
 * refused when unsafe.
 */
class HomeSecretsTest {
  @TempDir Path dir;

  @Test
  void theFirstUseMakesAnOwnerOnlyKeyInAnOwnerOnlyDirectory() throws Exception {
    Path state = dir.resolve("state").resolve("energy-market");
    HomeSecrets secrets = HomeSecrets.open(state);
    assertTrue(secrets.created());
    Path key = state.resolve(HomeSecrets.KEY_FILE);
    assertEquals(key, secrets.keyFile());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
    String text = Files.readString(key, StandardCharsets.US_ASCII);
    assertTrue(text.matches("[0-9a-f]{64}\n"), text);
    try (Stream<Path> files = Files.list(state)) {
      assertEquals(List.of(key), files.toList(), "no candidate left behind");
    }
  }

  @Test
  void theSecretIsTheHmacOfItsPurposeUnderTheKeyNotTheKeyItself() throws Exception {
    HomeSecrets secrets = HomeSecrets.open(dir);
    String keyText = Files.readString(secrets.keyFile(), StandardCharsets.US_ASCII).strip();
    byte[] key = HexFormat.of().parseHex(keyText);
    assertEquals(
        Hashing.hmacSha256(key).hashString(HomeSecrets.PURPOSE, StandardCharsets.UTF_8).toString(),
        secrets.secret());
    assertTrue(secrets.secret().matches("[0-9a-f]{64}"));
    assertNotEquals(keyText, secrets.secret(), "the key itself never leaves the directory");
  }

  @Test
  void theSameDirectoryGivesTheSameSecretAndAnotherOneAnother() {
    HomeSecrets first = HomeSecrets.open(dir.resolve("a"));
    HomeSecrets again = HomeSecrets.open(dir.resolve("a"));
    assertFalse(again.created(), "the key is reused, not replaced");
    assertEquals(first.secret(), again.secret());
    assertNotEquals(first.secret(), HomeSecrets.open(dir.resolve("b")).secret());
  }

  @Test
  void twoProcessesStartingAtOnceEndWithOneKey() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        Path state = dir.resolve("race-" + round);
        CountDownLatch start = new CountDownLatch(1);
        Callable<HomeSecrets> open =
            () -> {
              start.await();
              return HomeSecrets.open(state);
            };
        Future<HomeSecrets> one = threads.submit(open);
        Future<HomeSecrets> two = threads.submit(open);
        start.countDown();
        HomeSecrets a = one.get(10, TimeUnit.SECONDS);
        HomeSecrets b = two.get(10, TimeUnit.SECONDS);
        assertEquals(a.secret(), b.secret(), "round " + round);
        assertTrue(a.created() ^ b.created(), "exactly one made the key, round " + round);
        try (Stream<Path> files = Files.list(state)) {
          assertEquals(1, files.count(), "only the key file, round " + round);
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aKeyFileOthersCanReadIsRefusedSayingHowToFixIt() throws Exception {
    Path key = HomeSecrets.open(dir).keyFile();
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    UnusableKeyFileException refused =
        assertThrows(UnusableKeyFileException.class, () -> HomeSecrets.open(dir));
    assertEquals(
        "key file "
            + key
            + " is open to others (permissions rw-r--r--); it must be readable by its owner only:"
            + " chmod 600 "
            + key,
        refused.getMessage());
  }

  @Test
  void aDamagedKeyFileIsOneLineNamingItAndIsLeftAsItIs() throws Exception {
    Path key = HomeSecrets.open(dir).keyFile();
    for (String damaged : new String[] {"", "abc\n", "z".repeat(64), "a".repeat(65) + "\n"}) {
      Files.writeString(key, damaged, StandardCharsets.ISO_8859_1);
      UnusableKeyFileException refused =
          assertThrows(UnusableKeyFileException.class, () -> HomeSecrets.open(dir));
      assertTrue(refused.getMessage().startsWith("key file " + key + " is damaged"), damaged);
      assertEquals(1, refused.getMessage().lines().count());
      assertEquals(damaged, Files.readString(key, StandardCharsets.ISO_8859_1), "untouched");
    }
  }

  @Test
  void anUnreadableKeyFileIsOneLineNamingIt() throws Exception {
    Path key = HomeSecrets.open(dir).keyFile();
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("-w-------"));
    assumeFalse(Files.isReadable(key), "root reads any file, so only another user sees this");
    UnusableKeyFileException refused =
        assertThrows(UnusableKeyFileException.class, () -> HomeSecrets.open(dir));
    assertEquals("cannot read key file " + key + ": permission denied", refused.getMessage());
  }
}
