package energy.market.client;

import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The transport threads of this process: one group of Netty event loops (epoll where the platform
 * has it, as grpc-java would choose) that every channel and server of the process shares, and that
 * the process ends with {@link #shutdown} as it exits.
 *
 * <p>Why not grpc-java's own shared groups: they outlive their last channel or server by a second,
 * and on JDK 17 a JVM's exit waits up to 300 ms for every thread inside a native call, which an
 * idle event loop is (in {@code epoll_wait}). Each process of a run took that much longer to exit
 * after the last day; the launcher waits for the slowest.
 */
public final class EventLoops {
  private static EventLoopGroup group;

  private EventLoops() {}

  /** {@code builder} on this process's event loops. */
  public static NettyChannelBuilder on(NettyChannelBuilder builder) {
    return builder
        .eventLoopGroup(group())
        .channelType(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class);
  }

  /** {@code builder} on this process's event loops, for accepting and serving connections. */
  public static NettyServerBuilder on(NettyServerBuilder builder) {
    EventLoopGroup loops = group();
    return builder
        .bossEventLoopGroup(loops)
        .workerEventLoopGroup(loops)
        .channelType(
            Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class);
  }

  private static synchronized EventLoopGroup group() {
    if (group == null || group.isShuttingDown()) {
      // Daemon threads, as grpc-java's: they never keep a process alive by themselves. Zero threads
      // means Netty's default, twice the processors.
      ThreadFactory threads = new DefaultThreadFactory("transport", true);
      group =
          new MultiThreadIoEventLoopGroup(
              0,
              threads,
              Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }
    return group;
  }

  /**
   * Ends the event loops, closing whatever channel or server still uses them, and waits up to a
   * second for their threads to end. For the very end of a process: a channel or server made
   * afterwards gets new loops, but one made before stops working.
   */
  public static void shutdown() {
    EventLoopGroup ending;
    synchronized (EventLoops.class) {
      ending = group;
      group = null;
    }
    if (ending == null) {
      return;
    }
    try {
      ending.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
