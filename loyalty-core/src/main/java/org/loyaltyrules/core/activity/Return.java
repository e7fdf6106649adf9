package org.loyaltyrules.core.activity;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LineId;

/**
 * A return of whole lines, or part of a line's quantity, of an earlier {@link Purchase}. The
 * program takes back what the returned part earned.
 *
 * <p>A return has at least one line and names each purchase line at most once. Whether the lines
 * and quantities exist in the purchase is checked against the purchase itself: by
 * {@link #ofWholeLines} here, and by the member's purchase history when the return is decided.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id the host assigned to the return
 * @param occurredAt when the return was made
 * @param purchase the id of the original purchase; not the return's own id
 * @param lines what is returned; an immutable, non-empty list
 */
public record Return(ActivityId id, Instant occurredAt, ActivityId purchase,
    List<ReturnLine> lines) implements Activity {
  private static final String KIND = "return";

  /**
   * Validates the return and copies the lines.
   *
   * @throws IllegalArgumentException naming the return and the bad value if any argument or line
   *     is null, the purchase is the return's own id, there are no lines, or a purchase line is
   *     named twice (naming the line and both indexes)
   */
  public Return {
    Checks.id(id, KIND);
    Checks.notNull(occurredAt, KIND, id, "occurredAt");
    Checks.other(purchase, id, KIND, "purchase");
    Checks.notNull(lines, KIND, id, "lines");
    checkArgument(!lines.isEmpty(), "%s %s: must return at least one line", KIND, id);
    Map<LineId, Integer> indexes = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      ReturnLine line = lines.get(i);
      checkArgument(line != null, "%s %s: lines[%s] must not be null", KIND, id, i);
      Integer first = indexes.putIfAbsent(line.line(), i);
      if (first != null) {
        throw new IllegalArgumentException(KIND + " " + id + ": lines[" + i + "] line "
            + line.line() + " is a duplicate of lines[" + first + "]");
      }
    }
    lines = ImmutableList.copyOf(lines);
  }

  /**
   * Returns a return; the same as the constructor.
   *
   * @throws IllegalArgumentException as the constructor does
   */
  public static Return of(ActivityId id, Instant at, ActivityId purchase, List<ReturnLine> lines) {
    return new Return(id, at, purchase, lines);
  }

  /**
   * Returns a return of the full quantity of the given lines of a purchase.
   *
   * @param id the activity id of the return
   * @param at when the return was made
   * @param purchase the original purchase
   * @param lines the ids of the lines returned whole, each at most once
   * @throws UnknownLineException if the purchase has no line with one of the ids
   * @throws IllegalArgumentException as the constructor does, or if the purchase is null
   */
  public static Return ofWholeLines(ActivityId id, Instant at, Purchase purchase,
      List<LineId> lines) {
    Checks.id(id, KIND);
    Checks.notNull(purchase, KIND, id, "purchase");
    Checks.notNull(lines, KIND, id, "lines");
    ImmutableList.Builder<ReturnLine> returned =
        ImmutableList.builderWithExpectedSize(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      LineId line = lines.get(i);
      checkArgument(line != null, "%s %s: lines[%s] must not be null", KIND, id, i);
      PurchaseLine bought = purchase.line(line)
          .orElseThrow(() -> new UnknownLineException(purchase.id(), line, KIND + " " + id));
      returned.add(new ReturnLine(line, bought.quantity()));
    }
    return new Return(id, at, purchase.id(), returned.build());
  }
}
