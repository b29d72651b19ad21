package energy.market.server.engine;

/**
 * What became of one home of a registration of many: registered (or resumed), or refused with the
 * failure a registration of that home alone would have given.
 *
 * @param registered the home, when it is registered; else null
 * @param refusal why it is not; else null
 */
public record RegistrationOutcome(RegisteredHome registered, RuntimeException refusal) {
  public RegistrationOutcome {
    if ((registered == null) == (refusal == null)) {
      throw new IllegalArgumentException("an outcome is either a registration or a refusal");
    }
  }

  static RegistrationOutcome registered(RegisteredHome home) {
    return new RegistrationOutcome(home, null);
  }

  /** A refusal. */
  public static RegistrationOutcome refused(RuntimeException refusal) {
    return new RegistrationOutcome(null, refusal);
  }
}
