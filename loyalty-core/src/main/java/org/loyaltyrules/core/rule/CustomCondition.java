package org.loyaltyrules.core.rule;

import java.util.Map;
import org.loyaltyrules.core.internal.Checks;

/**
 * A condition written in Java, named by the kind it is registered under when the program is
 * compiled, with the parameters the program states for it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the name the condition is registered under
 * @param parameters its parameters; sorted by name
 */
public record CustomCondition(String kind, Map<String, String> parameters) {
  /** Validates the reference; throws {@link IllegalArgumentException} naming a bad value. */
  public CustomCondition {
    Checks.text(kind, "condition kind");
    parameters = Checks.sortedMap(parameters, "condition " + kind + ": parameters");
  }

  /** Returns a reference to the condition registered under {@code kind}, with no parameters. */
  public static CustomCondition of(String kind) {
    return new CustomCondition(kind, Map.of());
  }
}
