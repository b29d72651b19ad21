package energy.market.server.grpc;

import com.google.protobuf.MessageLite;
import java.util.function.Function;

/**
 * Encodes feed items, keeping the last one's encoding: every subscriber of a feed is sent the same
 * item in turn, so the first pays for its encoding and the others reuse it. Safe from any thread.
 */
final class LastEncoded<T> implements Function<T, EncodedMessage> {
  private final Function<? super T, ? extends MessageLite> toProto;
  private volatile Entry<T> last;

  LastEncoded(Function<? super T, ? extends MessageLite> toProto) {
    this.toProto = toProto;
  }

  @Override
  public EncodedMessage apply(T item) {
    Entry<T> entry = last;
    if (entry != null && entry.item == item) {
      return entry.encoded;
    }
    // Two threads may both encode a new item; either result is right, and the loser's is garbage.
    EncodedMessage encoded = EncodedMessage.of(toProto.apply(item));
    last = new Entry<>(item, encoded);
    return encoded;
  }

  private record Entry<T>(T item, EncodedMessage encoded) {}
}
