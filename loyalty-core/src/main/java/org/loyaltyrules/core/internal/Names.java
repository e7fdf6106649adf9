package org.loyaltyrules.core.internal;

import java.util.Collection;
import java.util.Optional;

/**
 * Internal: finds the known name nearest to a mistyped one, for "did you mean" in messages. Not
 * an API; may change in any release. Stateless and thread-safe.
 */
public final class Names {
  private Names() {}

  /**
   * Returns the known name nearest to {@code name}, if one is close enough to be a likely typo:
   * at most a third of its length away (and at least 2), in Levenshtein distance; ties go to
   * the first in alphabetical order.
   */
  public static Optional<String> nearest(String name, Collection<String> known) {
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
        ? Optional.of(best) : Optional.empty();
  }

  /** Returns the Levenshtein distance between two names. */
  public static int distance(String a, String b) {
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
