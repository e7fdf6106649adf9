package org.loyaltyrules.core.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.UnitId;

/**
 * A reversal of a lot's earning that could not take all its points from the lot itself, still
 * open to settlement by points an order's return gives back. It records what the reversal did in
 * place of taking the lot's own points: the points it {@linkplain #writtenOff() wrote off} (under
 * {@link org.loyaltyrules.core.program.ShortfallPolicy#STOP_AT_ZERO} and
 * {@link org.loyaltyrules.core.program.ShortfallPolicy#TAKE_FROM_PENDING}), and the points it
 * {@linkplain #takenFromLots() took from the member's other lots}, available or pending.
 *
 * <p>Had the reversal happened after a restoration of points spent before it, it would have taken
 * those points instead: from its own lot first, then from available points, then (under
 * {@code TAKE_FROM_PENDING}) from pending ones. So when {@link LedgerTransaction#restoreSpending}
 * gives back points spent before the reversal, they settle it, oldest open reversal first. Points
 * given back to any lot that is available and not expired go to the reversed lot's funder in
 * place of the write-off, and in place of the pending points taken, which go back to their lots.
 * Points given back to the reversed lot itself (even if it has expired) do so too, and also take
 * the place of the available points taken from other lots, which go back to them. Whether a
 * reversal or a restoration at one instant is applied first therefore does not change the
 * member's balances or those of the other accounts. What an
 * {@link org.loyaltyrules.core.program.ShortfallPolicy#ALLOW_NEGATIVE} reversal could not take at
 * all is not part of it: that is a negative balance, which any points given back settle first,
 * even those given back to an expired lot, so for such a unit the order can matter then.
 *
 * <p>Immutable and thread-safe.
 *
 * @param unit the unit
 * @param lot the lot whose earning was reversed
 * @param after the number of postings the ledger held when the reversal happened: only points
 *     spent by postings up to that sequence number settle it; not negative
 * @param writtenOff the points written off and not yet settled; not negative
 * @param takenFromLots the points taken from the member's other lots in place of this lot's and
 *     not yet given back, by lot, in the order taken
 */
public record OpenReversal(UnitId unit, LotId lot, long after, long writtenOff,
    Map<LotId, Long> takenFromLots) {
  /**
   * Validates and copies the parts.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, a count is negative,
   *     an amount taken is not positive or names the reversed lot itself, or nothing is open
   */
  public OpenReversal {
    checkArgument(unit != null, "open reversal: unit must not be null");
    checkArgument(lot != null, "open reversal: lot must not be null");
    checkArgument(after >= 0, "open reversal of %s: after must not be negative, was %s", lot,
        after);
    checkArgument(writtenOff >= 0 && writtenOff <= Ledger.MAX_POINTS,
        "open reversal of %s: written-off points must be between 0 and %s, was %s", lot,
        Ledger.MAX_POINTS, writtenOff);
    checkArgument(takenFromLots != null,
        "open reversal of %s: points taken from lots must not be null", lot);
    takenFromLots.forEach((from, points) -> {
      checkArgument(from != null, "open reversal of %s: a lot taken from is null", lot);
      checkArgument(!from.equals(lot), "open reversal of %s: cannot have taken from itself", lot);
      checkArgument(points != null && points > 0 && points <= Ledger.MAX_POINTS,
          "open reversal of %s: points taken from %s must be between 1 and %s, was %s", lot,
          from, Ledger.MAX_POINTS, points);
    });
    checkArgument(writtenOff > 0 || !takenFromLots.isEmpty(),
        "open reversal of %s: nothing written off or taken from lots", lot);
    takenFromLots = ImmutableMap.copyOf(takenFromLots);
  }
}
