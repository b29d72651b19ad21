package energy.market.launcher.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.client.Channels;
import energy.market.client.ClientTls;
import energy.market.client.ServerTls;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Channels and servers over TLS and mutual TLS: real Netty servers on 127.0.0.1, real handshakes,
 * certificates from {@link ThrowawayCa}.
 */
class TlsTransportTest {
  @TempDir static Path dir;

  private static ThrowawayCa.TlsFiles ours;
  private static ThrowawayCa.TlsFiles theirs;

  private final List<Server> servers = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();

  @BeforeAll
  static void makeCertificates() throws IOException {
    ours = ThrowawayCa.write(dir.resolve("ours"));
    theirs = ThrowawayCa.write(dir.resolve("theirs"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    for (Server server : servers) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void keysAreReadableByTheirOwnerOnly() throws IOException {
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(ours.serverKey())));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(ours.clientKey())));
  }

  @Test
  void clientTrustingTheCaIsServedOverTls() throws IOException {
    int port = serve(ServerTls.of(ours.serverCert(), ours.serverKey(), null));

    assertEquals(ServingStatus.SERVING, check(port, ClientTls.trusting(ours.ca(), null, null)));
  }

  @Test
  void clientCanNameTheServerByHostName() throws IOException {
    int port = serve(ServerTls.of(ours.serverCert(), ours.serverKey(), null));

    assertEquals(
        ServingStatus.SERVING,
        check("localhost:" + port, ClientTls.trusting(ours.ca(), null, null)));
  }

  @Test
  void clientTrustingAnotherCaRefusesTheServer() throws IOException {
    int port = serve(ServerTls.of(ours.serverCert(), ours.serverKey(), null));

    assertUnavailable(port, ClientTls.trusting(theirs.ca(), null, null));
  }

  @Test
  void plaintextClientIsRefusedByTlsServer() throws IOException {
    int port = serve(ServerTls.of(ours.serverCert(), ours.serverKey(), null));

    assertUnavailable(port, ClientTls.PLAINTEXT);
  }

  @Test
  void tlsClientIsRefusedByPlaintextServer() throws IOException {
    int port = serve(ServerTls.PLAINTEXT);

    assertUnavailable(port, ClientTls.trusting(ours.ca(), null, null));
  }

  @Test
  void mutualTlsServesClientWithCertificateFromItsCa() throws IOException {
    int port = serve(ServerTls.of(ours.serverCert(), ours.serverKey(), ours.ca()));

    assertEquals(
        ServingStatus.SERVING,
        check(port, ClientTls.trusting(ours.ca(), ours.clientCert(), ours.clientKey())));
  }

  @Test
  void mutualTlsRefusesClientWithoutCertificate() throws IOException {
    int port = serve(ServerTls.of(ours.serverCert(), ours.serverKey(), ours.ca()));

    assertUnavailable(port, ClientTls.trusting(ours.ca(), null, null));
  }

  @Test
  void mutualTlsRefusesClientCertificateFromAnotherCa() throws IOException {
    int port = serve(ServerTls.of(ours.serverCert(), ours.serverKey(), ours.ca()));

    assertUnavailable(port, ClientTls.trusting(ours.ca(), theirs.clientCert(), theirs.clientKey()));
  }

  @Test
  void missingFileIsOneLineNamingIt() {
    Path missing = dir.resolve("nowhere.pem");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ClientTls.trusting(missing, null, null));

    assertEquals("TLS file " + missing + " does not exist", e.getMessage());
  }

  @Test
  void certificateThatIsNotPemIsRefused() throws IOException {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ClientTls.trusting(garbage, null, null));

    assertTrue(e.getMessage().contains("is not a PEM certificate"), e.getMessage());
  }

  @Test
  void traditionalKeyIsRefusedWithTheCommandThatConvertsIt() throws IOException {
    Path traditional =
        Files.writeString(
            dir.resolve("rsa-key.pem"),
            "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ServerTls.of(ours.serverCert(), traditional, null));

    assertTrue(e.getMessage().contains("openssl pkcs8 -topk8"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void certificateGivenAsKeyIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ServerTls.of(ours.serverCert(), ours.serverCert(), null));

    assertTrue(e.getMessage().contains("is not a PEM private key"), e.getMessage());
  }

  private int serve(ServerTls tls) throws IOException {
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), tls.credentials())
            .addService(new HealthStatusManager().getHealthService())
            .build()
            .start();
    servers.add(server);
    return server.getPort();
  }

  private ServingStatus check(int port, ClientTls tls) {
    return check("127.0.0.1:" + port, tls);
  }

  private ServingStatus check(String target, ClientTls tls) {
    ManagedChannel channel = Channels.open(target, tls);
    channels.add(channel);
    return HealthGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .check(HealthCheckRequest.getDefaultInstance())
        .getStatus();
  }

  private void assertUnavailable(int port, ClientTls tls) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> check(port, tls));
    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.getStatus().toString());
  }
}
