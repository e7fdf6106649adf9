package org.loyaltyrules.core.ledger;

import java.time.Instant;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.UnitId;

/** A lot's changeable figures while a ledger operation works on it. */
final class WorkLot {
  final Lot original;
  final int index;
  long remaining;
  long consumed;
  long lapsed;
  long reversed;
  long writtenOff;
  boolean vested;
  Instant expiresAt;

  WorkLot(Lot lot, int index) {
    this.original = lot;
    this.index = index;
    this.remaining = lot.remaining();
    this.consumed = lot.consumed();
    this.lapsed = lot.lapsed();
    this.reversed = lot.reversed();
    this.writtenOff = lot.writtenOff();
    this.vested = lot.isVested();
    this.expiresAt = lot.expiresAt().orElse(null);
  }

  LotId id() {
    return original.id();
  }

  UnitId unit() {
    return original.unit();
  }

  /** Whether advancing to {@code t} vests this lot or expires points it still holds. */
  boolean dueBy(Instant t) {
    return !vested && !original.vestsAt().isAfter(t) || remaining > 0 && expiresBy(t);
  }

  boolean expiresBy(Instant t) {
    return expiresAt != null && !expiresAt.isAfter(t);
  }

  Lot toLot() {
    if (remaining == original.remaining() && consumed == original.consumed()
        && lapsed == original.lapsed() && reversed == original.reversed()
        && writtenOff == original.writtenOff() && vested == original.isVested()
        && java.util.Objects.equals(expiresAt, original.expiresAt().orElse(null))) {
      return original;
    }
    return original.toBuilder().remaining(remaining).consumed(consumed).lapsed(lapsed)
        .reversed(reversed).writtenOff(writtenOff).vested(vested).expiresAt(expiresAt).build();
  }
}
