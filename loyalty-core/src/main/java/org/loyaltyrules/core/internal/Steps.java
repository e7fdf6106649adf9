package org.loyaltyrules.core.internal;

import java.util.List;

/**
 * Amounts that must be a minimum plus whole steps — donations to a cause, transfers to a
 * partner — and the valid amounts nearest to one that is not. Internal; not part of the API.
 *
 * <p>Stateless and thread-safe.
 */
public final class Steps {
  private Steps() {}

  /** Returns true if {@code amount} is at least {@code minimum} and exceeds it by whole steps. */
  public static boolean accepts(long amount, long minimum, long step) {
    return amount >= minimum && (amount - minimum) % step == 0;
  }

  /**
   * Returns the valid amounts nearest to {@code amount}: the one below (if any) and the one
   * above; one amount if {@code amount} is at most the minimum or valid itself.
   */
  public static List<Long> nearest(long amount, long minimum, long step) {
    if (amount <= minimum) {
      return List.of(minimum);
    }
    long below = amount - (amount - minimum) % step;
    if (below == amount) {
      return List.of(amount);
    }
    return below > Long.MAX_VALUE - step ? List.of(below) : List.of(below, below + step);
  }

  /** Describes {@link #nearest}: "the nearest valid amount is 100" or "… amounts are 5 and 6". */
  public static String describeNearest(long amount, long minimum, long step) {
    List<Long> near = nearest(amount, minimum, step);
    return near.size() == 1 ? "the nearest valid amount is " + near.get(0)
        : "the nearest valid amounts are " + near.get(0) + " and " + near.get(1);
  }
}
