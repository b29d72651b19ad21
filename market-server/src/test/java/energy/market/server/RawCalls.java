package energy.market.server;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Unary calls whose request is given as encoded bytes, for tests that send what a generated stub
 * cannot: bytes that are no message, or messages far past the market's size limits, encoded once
 * and sent many times. Shared by the market's own tests and the end-to-end tests of the launcher.
 */
public final class RawCalls {
  private RawCalls() {}

  /**
   * Sends {@code request} as the one request of {@code method} (as {@code "Market/Register"}, in
   * the {@code energy.market.v1} package) and returns the encoded response.
   *
   * @throws io.grpc.StatusRuntimeException when the call ends with any status but OK
   */
  public static byte[] unary(Channel channel, String method, byte[] request, Duration deadline) {
    MethodDescriptor<byte[], byte[]> descriptor =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("energy.market.v1." + method)
            .setRequestMarshaller(BYTES)
            .setResponseMarshaller(BYTES)
            .build();
    return ClientCalls.blockingUnaryCall(
        channel,
        descriptor,
        CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS),
        request);
  }

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
}
