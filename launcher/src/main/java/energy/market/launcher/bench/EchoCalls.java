package energy.market.launcher.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop unary echo callers, driven as {@code bench trades} drives trades: the transport
 * baseline's load.
 */
final class EchoCalls extends ClosedLoopCalls<BytesValue> {
  private final Channel channel;
  private final BytesValue request;

  /**
   * @param payloadBytes the size of each request (and answer), about a trade request's
   */
  EchoCalls(Channel channel, int payloadBytes) {
    this.channel = channel;
    this.request =
        BytesValue.newBuilder().setValue(ByteString.copyFrom(new byte[payloadBytes])).build();
  }

  @Override
  void call(StreamObserver<BytesValue> answer) {
    ClientCalls.asyncUnaryCall(
        channel.newCall(
            EchoService.ECHO, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS)),
        request,
        answer);
  }
}
