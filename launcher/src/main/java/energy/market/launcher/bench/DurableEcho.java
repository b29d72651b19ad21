package energy.market.launcher.bench;

import com.google.protobuf.BytesValue;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable transport baseline's echo: each answer is sent only once its request's bytes are
 * written to a file and forced to disk, all the requests waiting at the time sharing one write and
 * one force, as the market's ledger commits the trades waiting for it. The file is a ring written
 * over in place, its blocks allocated once at start, so that a force writes the data and not the
 * file's growth: about the least a durable answer costs on this disk, with no SQL and no thread
 * handing the answers over.
 */
final class DurableEcho implements AutoCloseable {
  /** The ring's size: about ten seconds of 100-byte requests at 30,000 a second. */
  static final int RING_BYTES = 32 << 20;

  private record Pending(BytesValue request, StreamObserver<BytesValue> response) {}

  private final FileChannel file;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
  private final AtomicLong forces = new AtomicLong();
  private final Thread writer;
  private volatile boolean closed;
  private long position;

  /** Allocates the ring in {@code path} (created or overwritten) and starts the writer. */
  DurableEcho(Path path) throws IOException {
    file =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
    for (long at = 0; at < RING_BYTES; at += zeros.capacity()) {
      zeros.clear();
      while (zeros.hasRemaining()) {
        file.write(zeros, at + zeros.position());
      }
    }
    file.force(true);
    writer = new Thread(this::run, "durable-echo");
    writer.setDaemon(true);
    writer.start();
  }

  /** Answers {@code request} with itself once it is on disk. */
  void echo(BytesValue request, StreamObserver<BytesValue> response) {
    queue.add(new Pending(request, response));
  }

  /** Forces made so far: each one made durable every request waiting before it. */
  long forces() {
    return forces.get();
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
      } catch (InterruptedException e) {
        continue; // only close() ends the loop, once the queue is empty
      }
      queue.drainTo(batch);
      try {
        keep(batch);
        for (Pending pending : batch) {
          pending.response().onNext(pending.request());
          pending.response().onCompleted();
        }
      } catch (IOException e) {
        for (Pending pending : batch) {
          pending
              .response()
              .onError(
                  Status.INTERNAL
                      .withDescription("the echo's file failed: " + e.getMessage())
                      .asRuntimeException());
        }
      }
      batch.clear();
    }
  }

  /** Writes every request of {@code batch} to the ring, then forces it to disk once. */
  private void keep(List<Pending> batch) throws IOException {
    buffer.clear();
    for (Pending pending : batch) {
      ByteBuffer bytes = pending.request().getValue().asReadOnlyByteBuffer();
      if (bytes.remaining() > buffer.remaining()) {
        writeOut(buffer.flip());
        buffer.clear();
      }
      if (bytes.remaining() > buffer.remaining()) {
        writeOut(bytes);
      } else {
        buffer.put(bytes);
      }
    }
    writeOut(buffer.flip());
    file.force(false);
    forces.incrementAndGet();
  }

  private void writeOut(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      if (position == RING_BYTES) {
        position = 0;
      }
      ByteBuffer chunk = bytes.slice();
      chunk.limit((int) Math.min(chunk.remaining(), RING_BYTES - position));
      int written = file.write(chunk, position);
      position += written;
      bytes.position(bytes.position() + written);
    }
  }

  /**
   * Answers what is queued, then stops the writer and closes the file. The writer is not
   * interrupted: an interrupt during its write or force would close the file under it; it sees
   * {@code closed} within one poll.
   */
  @Override
  public void close() throws IOException {
    closed = true;
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    file.close();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
