package energy.market.client;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The credentials a call presents to the market, in its metadata: one {@code authorization} header
 * whose scheme says who calls ({@code Home <secret>}, {@code Operator <token>} or {@code
 * Registration <token>}). Attached to a stub with {@code withCallCredentials}, so no message body
 * ever carries a secret (except Register, which is how a home's secret becomes known).
 */
public final class MarketCredentials extends CallCredentials {
  /** The header every credential travels in. */
  public static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  /** Who a credential speaks for. */
  public enum Scheme {
    /** A home, by the secret it registered with: its calls and its own account. */
    HOME("Home"),
    /** The operator (the daemons): weather, events, daemon sessions, every account. */
    OPERATOR("Operator"),
    /** Whoever may register homes at a market that runs {@code --registration token}. */
    REGISTRATION("Registration");

    private static final Scheme[] SCHEMES = values();

    private final String word;
    private final String lowered;

    Scheme(String word) {
      this.word = word;
      this.lowered = word.toLowerCase(Locale.ROOT);
    }

    /** The scheme as it is written in the header. */
    public String word() {
      return word;
    }

    /** The scheme written {@code word}, in any case. */
    public static Optional<Scheme> of(String word) {
      // Read on every call: the word is lowered once, and each scheme's only once for all calls.
      String lowered = word.toLowerCase(Locale.ROOT);
      for (Scheme scheme : SCHEMES) {
        if (scheme.lowered.equals(lowered)) {
          return Optional.of(scheme);
        }
      }
      return Optional.empty();
    }
  }

  private final String headerValue;

  private MarketCredentials(Scheme scheme, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(scheme.word() + " credential is empty");
    }
    this.headerValue = scheme.word() + " " + value.trim();
  }

  /** A home's credentials: the secret it registered with (shared by every home of its process). */
  public static MarketCredentials home(String secret) {
    return new MarketCredentials(Scheme.HOME, secret);
  }

  /** The operator's credentials: the market's operator token. */
  public static MarketCredentials operator(String token) {
    return new MarketCredentials(Scheme.OPERATOR, token);
  }

  /** The registration token of a market that runs {@code --registration token}. */
  public static MarketCredentials registration(String token) {
    return new MarketCredentials(Scheme.REGISTRATION, token);
  }

  /** The header's value, for example {@code Home 3f9a...}. */
  public String headerValue() {
    return headerValue;
  }

  @Override
  public void applyRequestMetadata(
      RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, headerValue());
    applier.apply(headers);
  }
}
