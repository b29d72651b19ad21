package energy.market.server.grpc;

import com.google.protobuf.MessageLite;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A reply serialized once and sent as is on many calls: a feed item goes to every subscriber, so it
 * is encoded once rather than once a subscriber.
 */
final class EncodedMessage {
  /** Sends the bytes as they are; parses a reply into its bytes (the server never parses one). */
  static final MethodDescriptor.Marshaller<EncodedMessage> MARSHALLER =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(EncodedMessage value) {
          return new Stream(value.bytes);
        }

        @Override
        public EncodedMessage parse(InputStream stream) {
          try {
            return new EncodedMessage(stream.readAllBytes());
          } catch (IOException e) {
            throw new IllegalStateException("cannot read a reply: " + e.getMessage(), e);
          }
        }
      };

  private final byte[] bytes;

  private EncodedMessage(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The message's wire bytes. */
  static EncodedMessage of(MessageLite message) {
    return new EncodedMessage(message.toByteArray());
  }

  /** The size of the message on the wire, in bytes. */
  int size() {
    return bytes.length;
  }

  /**
   * One send's view of the shared bytes. Its known length and {@link Drainable} let gRPC's framer
   * write it with one copy into the transport's buffer, and its mark support lets the {@link
   * InboundGuard}'s stream-typed service pass it through instead of buffering a copy of it.
   */
  private static final class Stream extends ByteArrayInputStream implements KnownLength, Drainable {
    Stream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int drainTo(OutputStream target) throws IOException {
      int length = count - pos;
      target.write(buf, pos, length);
      pos = count;
      return length;
    }
  }
}
