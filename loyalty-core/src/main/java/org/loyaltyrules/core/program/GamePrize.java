package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.util.Optional;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.internal.Checks;

/**
 * A prize of an {@link InstantWinGame}: the declared probability that one play wins it, and the
 * stock of it the game may give away in all. Once the stock is given away the prize can no
 * longer be won.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the prize's id, unique within its game
 * @param name its display name
 * @param odds the probability that one play wins it: more than 0 and at most 1, such as
 *     {@code 0.2} for one play in five
 * @param stock how many of it the game may give away in all; positive
 * @param grant what winning it gives in the program (points, a voucher or a reward), if
 *     anything; a prize without one is delivered by the host
 */
public record GamePrize(PrizeId id, String name, BigDecimal odds, long stock,
    Optional<Grant> grant) {
  /**
   * Validates the prize.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the name is blank,
   *     the odds are not more than 0 and at most 1, or the stock is not positive
   */
  public GamePrize {
    Checks.present(id, "prize id");
    Checks.text(name, "prize " + id + ": name");
    Checks.present(odds, "prize " + id + ": odds");
    checkArgument(odds.signum() > 0 && odds.compareTo(BigDecimal.ONE) <= 0,
        "prize %s: odds must be more than 0 and at most 1, was %s", id, odds.toPlainString());
    checkArgument(stock > 0, "prize %s: stock must be positive, was %s", id, stock);
    Checks.present(grant, "prize " + id + ": grant");
  }
}
