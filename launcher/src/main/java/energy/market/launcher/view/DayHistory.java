package energy.market.launcher.view;

import energy.market.launcher.model.DayRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The last few closed days, by day number; thread-safe, bounded. */
public final class DayHistory {
  private final int capacity;
  private final NavigableMap<Long, DayRecord> days = new TreeMap<>();

  /**
   * @param capacity how many of the latest days to keep
   */
  public DayHistory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Adds a day (a repeated day replaces the earlier copy) and forgets the oldest beyond capacity.
   */
  public synchronized void add(DayRecord day) {
    days.put(day.day(), day);
    while (days.size() > capacity) {
      days.pollFirstEntry();
    }
  }

  /** The kept days, oldest first. */
  public synchronized List<DayRecord> days() {
    return new ArrayList<>(days.values());
  }

  /** The latest day, or null before the first. */
  public synchronized DayRecord latest() {
    return days.isEmpty() ? null : days.lastEntry().getValue();
  }
}
