package org.loyaltyrules.rules.expression;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Set;

/**
 * The allowlist of functions, each with its fixed number of arguments. Nothing outside it can be
 * called. Immutable.
 */
final class Functions {
  /** Function name to its arity. */
  static final Map<String, Integer> ARITY = ImmutableMap.<String, Integer>builder()
      .put("min", 2).put("max", 2).put("abs", 1)
      .put("floor", 1).put("ceil", 1).put("round", 1)
      .put("year", 1).put("month", 1).put("day", 1).put("dayOfWeek", 1)
      .put("daysBetween", 2).put("date", 1)
      .put("inSegment", 1).put("hasTag", 1)
      .put("count", 1).put("sum", 2).put("any", 1).put("all", 1)
      .buildOrThrow();

  /** Words that name constructs the language does not have. */
  static final Set<String> RESERVED = Set.of("new", "class", "while", "for", "do", "if", "else",
      "import", "return", "this", "super", "null", "def", "function", "var", "foreach",
      "until", "with", "assert", "instanceof", "is", "contains", "in", "soundslike",
      "strsim", "empty", "nil");

  private Functions() {}

  /** The known name nearest to {@code name}, if one is close enough to be a likely typo. */
  static java.util.Optional<String> nearest(String name, java.util.Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(name, candidate);
      if (d < bestDistance || (d == bestDistance && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 3)
        ? java.util.Optional.of(best) : java.util.Optional.empty();
  }

  /** Levenshtein distance, bounded by the short lengths of names. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1),
            previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
