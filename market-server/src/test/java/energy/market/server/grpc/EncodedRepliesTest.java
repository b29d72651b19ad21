package energy.market.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.PriceTick;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EncodedRepliesTest {
  private static final PriceTick TICK =
      PriceTick.newBuilder().setDay(7).setPriceMicroEurPerKwh(250_000).setHomes(3).build();

  @Test
  void anEncodedMessageGoesOnTheWireAsTheMessagesOwnBytes() throws Exception {
    EncodedMessage encoded = EncodedMessage.of(TICK);
    InputStream stream = EncodedMessage.MARSHALLER.stream(encoded);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    assertEquals(TICK.getSerializedSize(), stream.available());
    assertEquals(TICK.getSerializedSize(), ((Drainable) stream).drainTo(wire));
    assertEquals(TICK, PriceTick.parseFrom(wire.toByteArray()));
  }

  @Test
  void eachSendGetsItsOwnStreamThatTheGuardPassesThroughWithoutACopy() throws Exception {
    EncodedMessage encoded = EncodedMessage.of(TICK);
    InputStream first = EncodedMessage.MARSHALLER.stream(encoded);
    InputStream second = EncodedMessage.MARSHALLER.stream(encoded);
    first.readAllBytes();
    // Known length and mark support are what let gRPC and the InboundGuard skip their copies.
    assertTrue(second instanceof KnownLength);
    assertTrue(second.markSupported());
    assertEquals(TICK, PriceTick.parseFrom(second));
  }

  @Test
  void theLastItemIsEncodedOnceForEverySubscriber() {
    List<Long> encodedDays = new ArrayList<>();
    LastEncoded<Long> encoder =
        new LastEncoded<>(
            day -> {
              encodedDays.add(day);
              return PriceTick.newBuilder().setDay(day).build();
            });
    Long day1 = 1L;
    Long day2 = 2L;
    EncodedMessage first = encoder.apply(day1);
    assertSame(first, encoder.apply(day1));
    encoder.apply(day2);
    encoder.apply(day2);
    encoder.apply(day1);
    assertEquals(List.of(1L, 2L, 1L), encodedDays);
  }

  @Test
  void rebindingTheFeedKeepsEveryMethodAndTheSchemaForReflection() {
    ServerServiceDefinition generated = MarketGrpc.bindService(new MarketGrpc.AsyncService() {});
    ServerServiceDefinition rebound =
        FeedStreams.encodedReplies(
            generated, MarketGrpc.getStreamPricesMethod(), (request, observer) -> {});
    ServiceDescriptor descriptor = rebound.getServiceDescriptor();
    assertEquals(MarketGrpc.SERVICE_NAME, descriptor.getName());
    assertSame(
        MarketGrpc.getServiceDescriptor().getSchemaDescriptor(), descriptor.getSchemaDescriptor());
    assertEquals(
        names(MarketGrpc.getServiceDescriptor().getMethods()), names(descriptor.getMethods()));
    MethodDescriptor<?, ?> feed =
        rebound
            .getMethod(MarketGrpc.getStreamPricesMethod().getFullMethodName())
            .getMethodDescriptor();
    assertSame(EncodedMessage.MARSHALLER, feed.getResponseMarshaller());
    assertEquals(MethodDescriptor.MethodType.SERVER_STREAMING, feed.getType());
    assertSame(
        generated.getMethod(MarketGrpc.getTradeMethod().getFullMethodName()),
        rebound.getMethod(MarketGrpc.getTradeMethod().getFullMethodName()));
  }

  private static List<String> names(java.util.Collection<MethodDescriptor<?, ?>> methods) {
    return methods.stream()
        .map(MethodDescriptor::getFullMethodName)
        .sorted()
        .collect(Collectors.toList());
  }
}
