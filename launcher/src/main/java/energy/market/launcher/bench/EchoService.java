package energy.market.launcher.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transport baseline's service: a unary echo, and a stream of ticks that every subscriber
 * receives at once. Nothing but the transport's own work: no validation, no domain, no disk (unless
 * the echo is a {@link DurableEcho}). Its methods are described by hand (protobuf's own {@link
 * BytesValue}), so the contract stays the market's alone.
 */
final class EchoService {
  static final String SERVICE = "energy.market.bench.Echo";

  /** Answers each request with itself. */
  static final MethodDescriptor<BytesValue, BytesValue> ECHO =
      method("Echo", MethodDescriptor.MethodType.UNARY);

  /** Streams every tick the server broadcasts, until the client cancels. */
  static final MethodDescriptor<BytesValue, BytesValue> TICKS =
      method("Ticks", MethodDescriptor.MethodType.SERVER_STREAMING);

  /** A tick's bytes: its send time (epoch seconds and nanoseconds), then padding. */
  static final int TIME_BYTES = Long.BYTES + Integer.BYTES;

  private final Set<ServerCallStreamObserver<BytesValue>> subscribers =
      ConcurrentHashMap.newKeySet();
  private final DurableEcho durable;

  /**
   * @param durable what answers the echo once each request is on disk; null to answer at once
   */
  EchoService(DurableEcho durable) {
    this.durable = durable;
  }

  ServerServiceDefinition definition() {
    return ServerServiceDefinition.builder(SERVICE)
        .addMethod(
            ECHO, ServerCalls.asyncUnaryCall(durable == null ? EchoService::echo : durable::echo))
        .addMethod(TICKS, ServerCalls.asyncServerStreamingCall(this::subscribe))
        .build();
  }

  /** Sends one tick, stamped now and {@code bytes} long, to every subscriber; one thread only. */
  void broadcast(int bytes) {
    BytesValue tick = BytesValue.newBuilder().setValue(stamped(Instant.now(), bytes)).build();
    for (ServerCallStreamObserver<BytesValue> subscriber : subscribers) {
      if (subscriber.isCancelled()) {
        subscribers.remove(subscriber);
      } else {
        subscriber.onNext(tick);
      }
    }
  }

  int subscribers() {
    return subscribers.size();
  }

  private static void echo(BytesValue request, StreamObserver<BytesValue> response) {
    response.onNext(request);
    response.onCompleted();
  }

  private void subscribe(BytesValue request, StreamObserver<BytesValue> response) {
    ServerCallStreamObserver<BytesValue> subscriber =
        (ServerCallStreamObserver<BytesValue>) response;
    // With a cancel handler, a tick sent to a stream just cancelled is dropped, not thrown.
    subscriber.setOnCancelHandler(() -> subscribers.remove(subscriber));
    subscribers.add(subscriber);
  }

  static ByteString stamped(Instant time, int bytes) {
    ByteBuffer buffer = ByteBuffer.allocate(Math.max(TIME_BYTES, bytes));
    buffer.putLong(time.getEpochSecond()).putInt(time.getNano());
    return ByteString.copyFrom(buffer.array());
  }

  /** The send time of a tick made by {@link #stamped}. */
  static Instant stampOf(ByteString tick) {
    ByteBuffer buffer = tick.asReadOnlyByteBuffer();
    return Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
  }

  private static MethodDescriptor<BytesValue, BytesValue> method(
      String name, MethodDescriptor.MethodType type) {
    return MethodDescriptor.<BytesValue, BytesValue>newBuilder()
        .setType(type)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
        .setRequestMarshaller(ProtoUtils.marshaller(BytesValue.getDefaultInstance()))
        .setResponseMarshaller(ProtoUtils.marshaller(BytesValue.getDefaultInstance()))
        .build();
  }
}
