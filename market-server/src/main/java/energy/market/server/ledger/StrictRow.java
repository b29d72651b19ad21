package energy.market.server.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The rows of one ledger query, read strictly. SQLite keeps whatever a cell is given, and the JDBC
 * driver reads text in a number column as 0; a market resuming from such a ledger would go on with
 * silently wrong books. Here a value of the wrong type, or one its parser refuses, is an {@link
 * UnreadableValueException} naming the table, the row (by the query's first column) and the column.
 */
final class StrictRow {
  private static final int SHOWN_CHARACTERS = 40;

  private final ResultSet row;
  private final String table;

  /**
   * @param row the query's result; its first column identifies a row in messages
   * @param table the table the query reads, for messages
   */
  StrictRow(ResultSet row, String table) {
    this.row = row;
    this.table = table;
  }

  /** Moves to the next row; false after the last. */
  boolean next() throws SQLException {
    return row.next();
  }

  /** An INTEGER cell. */
  long integer(int column) throws SQLException {
    Object value = row.getObject(column);
    if (value instanceof Long || value instanceof Integer) {
      return ((Number) value).longValue();
    }
    throw unreadable(column, value, "an integer");
  }

  /** An INTEGER cell that fits an int. */
  int int32(int column) throws SQLException {
    long value = integer(column);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw unreadable(column, value, "an integer of 32 bits");
    }
    return (int) value;
  }

  /** A REAL cell (an integer is a real too). */
  double real(int column) throws SQLException {
    Object value = row.getObject(column);
    if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
      return number.doubleValue();
    }
    throw unreadable(column, value, "a number");
  }

  /** A TEXT cell, never null. */
  String text(int column) throws SQLException {
    Object value = row.getObject(column);
    if (value instanceof String text) {
      return text;
    }
    throw unreadable(column, value, "text");
  }

  /** A TEXT cell that may be NULL. */
  String textOrNull(int column) throws SQLException {
    return row.getObject(column) == null ? null : text(column);
  }

  /** A BLOB cell. */
  byte[] blob(int column) throws SQLException {
    Object value = row.getObject(column);
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    throw unreadable(column, value, "a blob");
  }

  /**
   * A TEXT cell read by {@code parser}.
   *
   * @param what what the parser expects, for messages ("a policy", "an ISO-8601 time")
   */
  <T> T parsed(int column, String what, Function<String, T> parser) throws SQLException {
    String text = text(column);
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      throw unreadable(column, text, what);
    }
  }

  private UnreadableValueException unreadable(int column, Object value, String expected)
      throws SQLException {
    String name = row.getMetaData().getColumnName(column);
    String key = row.getMetaData().getColumnName(1);
    return new UnreadableValueException(
        "table "
            + table
            + ", row with "
            + key
            + " = "
            + shown(row.getObject(1))
            + ", column "
            + name
            + ": "
            + shown(value)
            + " is not "
            + expected);
  }

  private static String shown(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof byte[] bytes) {
      return "a blob of " + bytes.length + " bytes";
    }
    if (value instanceof String text) {
      String cut =
          text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + "..." : text;
      return "'" + cut.replaceAll("\\s+", " ") + "'";
    }
    return value.toString();
  }
}
