package energy.market.server.ledger;

import energy.market.server.day.Declaration;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The open day's declarations as one value: 8 big-endian int64 per home (home id, produced,
 * consumed, offered, claimed, given, received, returned). They only serve a restart within the day,
 * so one value per day beats a row per home (thousands of inserts and deletes every day).
 */
final class PackedDeclarations {
  private static final int LONGS = 8;
  private static final int BYTES = LONGS * Long.BYTES;

  private PackedDeclarations() {}

  static byte[] pack(List<Declaration> homes) {
    ByteBuffer buffer = ByteBuffer.allocate(homes.size() * BYTES);
    for (Declaration home : homes) {
      buffer
          .putLong(home.homeId())
          .putLong(home.producedWh())
          .putLong(home.consumedWh())
          .putLong(home.offeredWh())
          .putLong(home.claimedWh())
          .putLong(home.givenWh())
          .putLong(home.receivedWh())
          .putLong(home.returnedWh());
    }
    return buffer.array();
  }

  /**
   * @throws IllegalArgumentException when the value is not {@code homes} packed declarations
   */
  static List<Declaration> unpack(byte[] packed, int homes) {
    if (packed == null || packed.length != homes * BYTES) {
      throw new IllegalArgumentException(
          "the open day's declarations are "
              + (packed == null ? "missing" : packed.length + " bytes")
              + ", not "
              + homes
              + " homes of "
              + BYTES
              + " bytes");
    }
    ByteBuffer buffer = ByteBuffer.wrap(packed);
    List<Declaration> declarations = new ArrayList<>(homes);
    for (int i = 0; i < homes; i++) {
      declarations.add(
          new Declaration(
              buffer.getLong(),
              buffer.getLong(),
              buffer.getLong(),
              buffer.getLong(),
              buffer.getLong(),
              buffer.getLong(),
              buffer.getLong(),
              buffer.getLong()));
    }
    return declarations;
  }
}
