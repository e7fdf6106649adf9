package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.internal.Checks;

/**
 * A prize of a sweepstakes {@link Draw}: what each run of the draw gives away, and how many of
 * it. A prize such as a trip is delivered by the host; one with a {@link Grant} (points or a
 * voucher) is described by it, so the host can credit it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the prize's id, unique within its draw
 * @param name its display name, such as {@code "A weekend in Lisbon"}
 * @param quantity how many of it each run of the draw awards; positive
 * @param grant what winning it gives in the program, if anything
 */
public record Prize(PrizeId id, String name, long quantity, Optional<Grant> grant) {
  /**
   * Validates the prize.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the name is blank
   *     or the quantity is not positive
   */
  public Prize {
    Checks.present(id, "prize id");
    Checks.text(name, "prize " + id + ": name");
    checkArgument(quantity > 0, "prize %s: quantity must be positive, was %s", id, quantity);
    Checks.present(grant, "prize " + id + ": grant");
  }

  /** Returns a prize the host delivers, with no grant in the program. */
  public static Prize of(String id, String name, long quantity) {
    return new Prize(PrizeId.of(id), name, quantity, Optional.empty());
  }
}
