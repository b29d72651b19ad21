package energy.market.external;

/** What became of one attempt to report an event to the market. */
public sealed interface ReportOutcome {

  /**
   * The market has the event (perhaps from an earlier attempt); it leaves the outbox.
   *
   * @param detail what the market made of it, for people
   */
  record Acknowledged(String detail) implements ReportOutcome {}

  /**
   * The market could not be reached or did not answer in time; the event stays first in line.
   *
   * @param reason why, for people
   */
  record Retry(String reason) implements ReportOutcome {}

  /**
   * The market refused the event for good (bad token, malformed event); retrying cannot help, so
   * the event is dropped.
   *
   * @param reason why, for people
   */
  record Rejected(String reason) implements ReportOutcome {}
}
