package energy.market.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import energy.market.server.TestMarket;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What grpcurl does: list services through server reflection, resolve {@code
 * energy.market.v1.Market/StreamPrices} by name, build its descriptors from what the server sent,
 * call it with dynamic messages and decode a tick. Plus the health service.
 */
class ReflectionAndHealthTest {

  @Test
  void healthReportsServingForTheServerAndEachService() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 1)) {
      HealthGrpc.HealthBlockingStub health =
          HealthGrpc.newBlockingStub(market.channel).withDeadlineAfter(5, TimeUnit.SECONDS);
      for (String service :
          List.of(
              "",
              "energy.market.v1.Market",
              "energy.market.v1.GiftBroker",
              "energy.market.v1.Events")) {
        assertEquals(
            ServingStatus.SERVING,
            health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus(),
            service);
      }
    }
  }

  @Test
  void reflectionResolvesStreamPricesByNameAndATickDecodesFromItsDescriptor() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 3)) {
      market.startClock();
      market.engine.finished().get(10, TimeUnit.SECONDS);

      Reflection reflection = new Reflection(market);
      List<String> services = reflection.listServices();
      assertTrue(services.contains("energy.market.v1.Market"), services.toString());
      assertTrue(services.contains("grpc.health.v1.Health"), services.toString());

      FileDescriptor file = reflection.fileContainingSymbol("energy.market.v1.Market");
      ServiceDescriptor service = file.findServiceByName("Market");
      MethodDescriptor streamPrices = service.findMethodByName("StreamPrices");
      assertTrue(streamPrices.isServerStreaming());
      Descriptor requestType = streamPrices.getInputType();
      Descriptor tickType = streamPrices.getOutputType();
      assertEquals("energy.market.v1.PriceTick", tickType.getFullName());

      DynamicMessage request =
          DynamicMessage.newBuilder(requestType)
              .setField(requestType.findFieldByName("from_day"), 2L)
              .build();
      io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> method =
          io.grpc.MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
              .setType(MethodType.SERVER_STREAMING)
              .setFullMethodName("energy.market.v1.Market/StreamPrices")
              .setRequestMarshaller(new DynamicMarshaller(requestType))
              .setResponseMarshaller(new DynamicMarshaller(tickType))
              .build();
      BlockingQueue<DynamicMessage> ticks = new LinkedBlockingQueue<>();
      ClientCall<DynamicMessage, DynamicMessage> call =
          market.channel.newCall(
              method, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS));
      call.start(
          new ClientCall.Listener<>() {
            @Override
            public void onMessage(DynamicMessage message) {
              ticks.add(message);
              call.request(1);
            }
          },
          new Metadata());
      call.request(1);
      call.sendMessage(request);
      call.halfClose();

      DynamicMessage tick = ticks.poll(10, TimeUnit.SECONDS);
      call.cancel("done", null);
      assertEquals(2L, tick.getField(tickType.findFieldByName("day")));
      long price = (Long) tick.getField(tickType.findFieldByName("price_micro_eur_per_kwh"));
      assertEquals(market.engine.ticks().history().get(1).priceMicro(), price);
      assertTrue(tick.hasField(tickType.findFieldByName("closed_at")));
    }
  }

  /** A minimal reflection client, following files' dependencies as grpcurl does. */
  private static final class Reflection {
    private final TestMarket market;
    private final Map<String, FileDescriptorProto> protos = new HashMap<>();

    Reflection(TestMarket market) {
      this.market = market;
    }

    List<String> listServices() throws InterruptedException {
      ServerReflectionResponse response =
          ask(ServerReflectionRequest.newBuilder().setListServices("*").build());
      List<String> names = new ArrayList<>();
      for (ServiceResponse service : response.getListServicesResponse().getServiceList()) {
        names.add(service.getName());
      }
      return names;
    }

    FileDescriptor fileContainingSymbol(String symbol) throws Exception {
      ServerReflectionResponse response =
          ask(ServerReflectionRequest.newBuilder().setFileContainingSymbol(symbol).build());
      remember(response);
      FileDescriptorProto first =
          FileDescriptorProto.parseFrom(
              response.getFileDescriptorResponse().getFileDescriptorProto(0));
      return build(first.getName());
    }

    private FileDescriptor build(String name) throws Exception {
      if (!protos.containsKey(name)) {
        remember(ask(ServerReflectionRequest.newBuilder().setFileByFilename(name).build()));
      }
      FileDescriptorProto proto = protos.get(name);
      List<FileDescriptor> dependencies = new ArrayList<>();
      for (String dependency : proto.getDependencyList()) {
        dependencies.add(build(dependency));
      }
      return FileDescriptor.buildFrom(proto, dependencies.toArray(new FileDescriptor[0]));
    }

    private void remember(ServerReflectionResponse response) throws InvalidProtocolBufferException {
      for (ByteString bytes : response.getFileDescriptorResponse().getFileDescriptorProtoList()) {
        FileDescriptorProto proto = FileDescriptorProto.parseFrom(bytes);
        protos.put(proto.getName(), proto);
      }
    }

    private ServerReflectionResponse ask(ServerReflectionRequest request)
        throws InterruptedException {
      BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
      StreamObserver<ServerReflectionRequest> requests =
          ServerReflectionGrpc.newStub(market.channel)
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .serverReflectionInfo(
                  new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse value) {
                      answers.add(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                      answers.add(Status.fromThrowable(t));
                    }

                    @Override
                    public void onCompleted() {}
                  });
      requests.onNext(request);
      requests.onCompleted();
      Object answer = answers.poll(10, TimeUnit.SECONDS);
      if (!(answer instanceof ServerReflectionResponse response)) {
        throw new AssertionError("reflection failed: " + answer);
      }
      return response;
    }
  }

  /** Marshals dynamic messages of one type. */
  private static final class DynamicMarshaller implements Marshaller<DynamicMessage> {
    private final Descriptor type;

    DynamicMarshaller(Descriptor type) {
      this.type = type;
    }

    @Override
    public InputStream stream(DynamicMessage value) {
      return new ByteArrayInputStream(value.toByteArray());
    }

    @Override
    public DynamicMessage parse(InputStream stream) {
      try {
        return DynamicMessage.parseFrom(type, stream);
      } catch (IOException e) {
        throw new IllegalArgumentException(e);
      }
    }
  }
}
