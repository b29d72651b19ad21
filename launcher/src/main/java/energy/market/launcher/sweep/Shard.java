package energy.market.launcher.sweep;

/**
 * Which part of a sweep one process runs: shard K of N takes runs K, K+N, K+2N... of the product,
 * so every shard gets a like share of every scenario and the split depends on nothing but K and N.
 *
 * @param k this shard, 1..n
 * @param n the number of shards
 */
public record Shard(int k, int n) {
  /** The whole sweep in one process. */
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (n < 1 || k < 1 || k > n) {
      throw new IllegalArgumentException(
          "--shard " + k + "/" + n + " is not allowed; use K/N with 1 <= K <= N");
    }
  }

  /**
   * @param text {@code K/N}
   * @throws IllegalArgumentException when it is not that
   */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2 || !parts[0].matches("\\d{1,6}") || !parts[1].matches("\\d{1,6}")) {
      throw new IllegalArgumentException(
          "--shard '" + text + "' is not K/N, for example 2/8 (the second of eight shards)");
    }
    return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  /** Whether the run at this 1-based index of the product is this shard's. */
  boolean contains(int index) {
    return (index - 1) % n == k - 1;
  }

  /** Whether this is the whole sweep. */
  boolean isAll() {
    return n == 1;
  }

  /** The name of this shard's summary file. */
  String fileName() {
    return isAll() ? SummaryCsv.FILE : "shard-" + k + "-of-" + n + ".csv";
  }
}
