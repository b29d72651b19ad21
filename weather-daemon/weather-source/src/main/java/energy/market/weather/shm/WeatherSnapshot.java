package energy.market.weather.shm;

/**
 * One consistent record of the weather file.
 *
 * @param sequence the seqlock sequence the record was read at (even)
 * @param day the day, or 0 when the daemon has not published a day yet
 * @param temperatureCelsius the day's temperature, degrees Celsius
 * @param publishedEpochMillis when the daemon wrote it, Unix epoch milliseconds
 * @param writerPid the process id of the daemon that owns the file
 * @param writerStartEpochMillis that process's start time, Unix epoch milliseconds (0 if unknown)
 */
public record WeatherSnapshot(
    long sequence,
    long day,
    double temperatureCelsius,
    long publishedEpochMillis,
    long writerPid,
    long writerStartEpochMillis) {

  /** True once the daemon has published a day. */
  public boolean hasDay() {
    return day > 0;
  }

  /** The process that wrote the file. */
  public WriterIdentity writer() {
    return new WriterIdentity(writerPid, writerStartEpochMillis);
  }
}
