package energy.market.home;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which model draws the homes' daily energy. */
public enum HomeModel {
  /** The course project's: production and consumption drawn from flat ranges every day. */
  COURSE,
  /** Production follows the season and the sky, consumption a household's yearly profile. */
  SEASONAL;

  /** The name used on the command line and in config files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the allowed models
   */
  public static HomeModel parse(String text) {
    for (HomeModel model : values()) {
      if (model.label().equals(text.trim())) {
        return model;
      }
    }
    throw new IllegalArgumentException(
        "--home-model '"
            + text
            + "' is not a model; use one of "
            + Arrays.stream(values()).map(HomeModel::label).collect(Collectors.joining(", ")));
  }
}
