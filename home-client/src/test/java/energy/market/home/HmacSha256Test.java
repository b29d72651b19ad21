package energy.market.home;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The homes' HMAC-SHA256 gives what RFC 4231 and the JDK's own {@code Mac} give. */
class HmacSha256Test {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void matchesRfc4231TestCase2() {
    byte[] mac =
        HmacSha256.of(
            "Jefe".getBytes(StandardCharsets.US_ASCII),
            "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HEX.formatHex(mac));
  }

  @Test
  void matchesRfc4231TestCase6WhoseKeyIsLongerThanABlock() {
    byte[] key = new byte[131];
    Arrays.fill(key, (byte) 0xaa);
    byte[] mac =
        HmacSha256.of(
            key,
            "Test Using Larger Than Block-Size Key - Hash Key First"
                .getBytes(StandardCharsets.US_ASCII));
    assertEquals(
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54", HEX.formatHex(mac));
  }

  @Test
  void matchesTheJdksMacForKeysAndMessagesOfManyLengths() throws Exception {
    Random random = new Random(42);
    Mac jdk = Mac.getInstance("HmacSHA256");
    for (int keyLength : new int[] {1, 32, 63, 64, 65, 200}) {
      for (int messageLength : new int[] {0, 1, 55, 64, 1000}) {
        byte[] key = new byte[keyLength];
        byte[] message = new byte[messageLength];
        random.nextBytes(key);
        random.nextBytes(message);
        jdk.init(new SecretKeySpec(key, "HmacSHA256"));
        assertArrayEquals(
            jdk.doFinal(message),
            HmacSha256.of(key, message),
            "key " + keyLength + " bytes, message " + messageLength);
      }
    }
  }
}
