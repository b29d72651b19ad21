package energy.market.weather.shm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The layout of the weather's shared-memory file: 64 bytes, little-endian, every field at its
 * natural alignment.
 *
 * <pre>
 * offset size type    field
 *      0    4 bytes   magic: ASCII "EMWT" (0x54574D45 as a little-endian int)
 *      4    4 int32   layout version: 1
 *      8    8 int64   sequence: even when the record is stable, odd while the writer updates it
 *     16    8 int64   day (0 until the daemon published its first day)
 *     24    8 float64 temperature, degrees Celsius (IEEE 754 bits)
 *     32    8 int64   published at, Unix epoch milliseconds
 *     40    8 int64   writer's process id
 *     48    8 int64   writer's process start time, Unix epoch milliseconds (0 if unknown)
 *     56    4 uint32  CRC-32C of bytes 16..55
 *     60    4 -       reserved, zero
 * </pre>
 *
 * <p>The sequence is a seqlock: the writer makes it odd, writes the fields, then makes it even
 * again (a release store). A reader reads the sequence (acquire), copies bytes 16..59, reads the
 * sequence again, and keeps the copy only when both reads were the same even number; the checksum
 * lets anyone verify a record independently. Readers in other languages follow the same steps.
 */
public final class WeatherFile {
  /** The first four bytes, ASCII "EMWT", read as a little-endian int. */
  public static final int MAGIC = 0x54574D45;

  /** The layout version this code writes and reads. */
  public static final int VERSION = 1;

  /** The file's size, bytes. */
  public static final int SIZE = 64;

  /** The byte order of every field. */
  public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

  /** The file name used when no path is given. */
  public static final String DEFAULT_FILE_NAME = "energy-market-weather";

  static final int OFFSET_MAGIC = 0;
  static final int OFFSET_VERSION = 4;
  static final int OFFSET_SEQUENCE = 8;
  static final int OFFSET_DAY = 16;
  static final int OFFSET_TEMPERATURE = 24;
  static final int OFFSET_PUBLISHED_MILLIS = 32;
  static final int OFFSET_WRITER_PID = 40;
  static final int OFFSET_WRITER_START_MILLIS = 48;
  static final int OFFSET_CHECKSUM = 56;

  /** The bytes covered by the checksum: day through writer start time. */
  static final int CHECKED_FROM = OFFSET_DAY;

  static final int CHECKED_LENGTH = OFFSET_CHECKSUM - OFFSET_DAY;

  /** The bytes a reader copies inside the seqlock: the checked fields plus the checksum. */
  static final int RECORD_LENGTH = CHECKED_LENGTH + 4;

  // Atomic, ordered access to the mapped file; offsets are byte offsets into the buffer.
  static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ORDER);
  static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ORDER);

  private WeatherFile() {}

  /**
   * The default path: {@value #DEFAULT_FILE_NAME} in {@code /dev/shm} where that directory exists
   * (memory, never disk), else in {@code java.io.tmpdir}.
   */
  public static Path defaultPath() {
    Path shm = Path.of("/dev/shm");
    Path dir =
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? shm
            : Path.of(System.getProperty("java.io.tmpdir"));
    return dir.resolve(DEFAULT_FILE_NAME);
  }

  /**
   * The 64 bytes of a file holding the given record, with its checksum; the daemon starts its file
   * from such an image, and tests build good and damaged files with it.
   */
  public static byte[] encode(WeatherSnapshot record) {
    ByteBuffer buffer = ByteBuffer.allocate(SIZE).order(ORDER);
    buffer.putInt(OFFSET_MAGIC, MAGIC);
    buffer.putInt(OFFSET_VERSION, VERSION);
    buffer.putLong(OFFSET_SEQUENCE, record.sequence());
    putRecord(buffer, OFFSET_DAY, record);
    buffer.putInt(OFFSET_CHECKSUM, checksum(buffer.array(), OFFSET_DAY));
    return buffer.array();
  }

  /** Writes day..writer start time of a record at {@code offset} of a buffer in {@link #ORDER}. */
  static void putRecord(ByteBuffer buffer, int offset, WeatherSnapshot record) {
    buffer.putLong(offset, record.day());
    buffer.putLong(offset + 8, Double.doubleToRawLongBits(record.temperatureCelsius()));
    buffer.putLong(offset + 16, record.publishedEpochMillis());
    buffer.putLong(offset + 24, record.writerPid());
    buffer.putLong(offset + 32, record.writerStartEpochMillis());
  }

  /** CRC-32C of the {@link #CHECKED_LENGTH} checked bytes starting at {@code from}. */
  static int checksum(byte[] bytes, int from) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, from, CHECKED_LENGTH);
    return (int) crc.getValue();
  }
}
