package energy.market.launcher.config;

/** A config file that cannot be used; the message is one line naming the file and the key. */
public final class ConfigException extends IllegalArgumentException {
  public ConfigException(String message) {
    super(message);
  }
}
