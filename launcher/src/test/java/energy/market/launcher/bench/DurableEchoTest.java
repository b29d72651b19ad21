package energy.market.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import energy.market.testing.Await;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableEchoTest {
  @TempDir Path dir;

  @Test
  void eachAnswerComesAfterAForceAndEveryRequestIsInTheFile() throws Exception {
    Path log = dir.resolve("echo.log");
    int calls = 200;
    String name = InProcessServerBuilder.generateName();
    try (DurableEcho durable = new DurableEcho(log)) {
      assertEquals(DurableEcho.RING_BYTES, Files.size(log), "the ring is allocated at start");
      Server server =
          InProcessServerBuilder.forName(name)
              .directExecutor()
              .addService(new EchoService(durable).definition())
              .build()
              .start();
      ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
      try {
        List<CompletableFuture<String>> answers = new ArrayList<>();
        List<Long> forcesAtAnswer = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
          CompletableFuture<String> answer = new CompletableFuture<>();
          answers.add(answer);
          BytesValue request =
              BytesValue.newBuilder()
                  .setValue(ByteString.copyFromUtf8(String.format("request-%05d;", i)))
                  .build();
          ClientCalls.asyncUnaryCall(
              channel.newCall(EchoService.ECHO, io.grpc.CallOptions.DEFAULT),
              request,
              new StreamObserver<>() {
                @Override
                public void onNext(BytesValue value) {
                  synchronized (forcesAtAnswer) {
                    forcesAtAnswer.add(durable.forces());
                  }
                  answer.complete(value.getValue().toStringUtf8());
                }

                @Override
                public void onError(Throwable t) {
                  answer.completeExceptionally(t);
                }

                @Override
                public void onCompleted() {}
              });
        }
        for (int i = 0; i < calls; i++) {
          assertEquals(
              String.format("request-%05d;", i),
              answers.get(i).get(Await.LONG.toSeconds(), TimeUnit.SECONDS));
        }
        assertTrue(forcesAtAnswer.stream().allMatch(forces -> forces > 0), "forced before any");
      } finally {
        channel.shutdownNow();
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      }
    }
    String written = Files.readString(log, StandardCharsets.ISO_8859_1);
    for (int i = 0; i < calls; i++) {
      assertTrue(written.contains(String.format("request-%05d;", i)), "request " + i + " kept");
    }
  }
}
