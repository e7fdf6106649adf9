package org.loyaltyrules.core.rule;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDateTime;
import org.loyaltyrules.core.internal.Checks;

/**
 * A window of local date-time in the program's time zone, from inclusive to until exclusive, so
 * "all day on 14 March" means the same whatever zone the server runs in.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the start, inclusive
 * @param until the end, exclusive; after {@code from}
 */
public record TimeWindow(LocalDateTime from, LocalDateTime until) {
  /** Validates the window; throws {@link IllegalArgumentException} naming a bad value. */
  public TimeWindow {
    Checks.present(from, "window from");
    Checks.present(until, "window until");
    checkArgument(until.isAfter(from), "window until %s must be after from %s", until, from);
  }

  /** Returns the window of whole days from {@code first} to {@code last}, both included. */
  public static TimeWindow days(java.time.LocalDate first, java.time.LocalDate last) {
    Checks.present(first, "first day");
    Checks.present(last, "last day");
    return new TimeWindow(first.atStartOfDay(), last.plusDays(1).atStartOfDay());
  }

  /**
   * Returns true if {@code at} is in the window.
   *
   * @throws IllegalArgumentException if it is null
   */
  public boolean contains(LocalDateTime at) {
    Checks.present(at, "local date-time");
    return !at.isBefore(from) && at.isBefore(until);
  }
}
