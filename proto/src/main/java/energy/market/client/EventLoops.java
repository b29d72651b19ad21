package energy.market.client;

import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The transport threads of this process: one group of Netty event loops (epoll where the platform
 * has it, as grpc-java would choose) that every channel (but a load generator's, see {@link
 * Channels#openDirect}) and server of the process shares, and that the process ends with {@link
 * #shutdown} as it exits.
 *
 * <p>Why not grpc-java's own shared groups: they outlive their last channel or server by a second,
 * and on JDK 17 a JVM's exit waits up to 300 ms for every thread inside a native call, which an
 * idle event loop is (in {@code epoll_wait}). Each process of a run took that much longer to exit
 * after the last day; the launcher waits for the slowest.
 */
public final class EventLoops {
  private static EventLoopGroup workers;

  /** A server's listening sockets accept on a loop of their own, as on grpc-java's groups. */
  private static EventLoopGroup acceptors;

  private EventLoops() {}

  /** {@code builder} on this process's event loops. */
  public static NettyChannelBuilder on(NettyChannelBuilder builder) {
    return builder
        .eventLoopGroup(workers())
        .channelType(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class);
  }

  /** {@code builder} on this process's event loops, for accepting and serving connections. */
  public static NettyServerBuilder on(NettyServerBuilder builder) {
    return builder
        .bossEventLoopGroup(acceptors())
        .workerEventLoopGroup(workers())
        .channelType(
            Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class);
  }

  private static synchronized EventLoopGroup workers() {
    if (workers == null) {
      // Zero threads means Netty's default, as grpc-java's: its eventLoopThreads system property
      // (the launcher gives small processes one), else twice the processors.
      workers = newGroup(0, "transport");
    }
    return workers;
  }

  private static synchronized EventLoopGroup acceptors() {
    if (acceptors == null) {
      acceptors = newGroup(1, "transport-accept");
    }
    return acceptors;
  }

  /**
   * The same loops grpc-java makes for its own groups, so that only their lifetime differs: Netty
   * 4.2 deprecates these classes in favour of its general I/O loop group.
   */
  @SuppressWarnings("deprecation")
  private static EventLoopGroup newGroup(int threads, String name) {
    // Daemon threads, as grpc-java's: they never keep a process alive by themselves.
    ThreadFactory factory = new DefaultThreadFactory(name, true);
    return Epoll.isAvailable()
        ? new io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup(threads, factory)
        : new io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup(threads, factory);
  }

  /**
   * Ends the event loops, closing whatever channel or server still uses them, and waits up to a
   * second for their threads to end. For the very end of a process: a channel or server made
   * afterwards gets new loops, but one made before stops working.
   */
  public static void shutdown() {
    List<EventLoopGroup> ending = new ArrayList<>();
    synchronized (EventLoops.class) {
      Stream.of(acceptors, workers).filter(Objects::nonNull).forEach(ending::add);
      acceptors = null;
      workers = null;
    }
    for (EventLoopGroup group : ending) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
    try {
      for (EventLoopGroup group : ending) {
        group.terminationFuture().await(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
