package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.internal.Checks;

/**
 * A business in a coalition program. Points a member earns with the partner are funded by it, and
 * points spent with it are honoured by it; both are settled at {@link #pointValue()}, so the
 * money owed between partners can be computed from the postings.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the partner's id, unique within the program
 * @param name its display name
 * @param pointValue what one point is settled at, in the program's currency (checked by the
 *     program); positive, and may be a fraction of a cent
 * @param transfers the terms on which members transfer points to the partner's own program;
 *     empty if it takes none
 */
public record Partner(PartnerId id, String name, Money pointValue,
    Optional<TransferTerms> transfers) {
  /**
   * Validates the partner.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the name is blank
   *     or the point value is not positive
   */
  public Partner {
    Checks.present(id, "partner id");
    Checks.text(name, "partner " + id + ": name");
    Checks.present(pointValue, "partner " + id + ": point value");
    checkArgument(pointValue.isPositive(), "partner %s: point value must be positive, was %s", id,
        pointValue);
    Checks.present(transfers, "partner " + id + ": transfers");
  }

  /**
   * Creates a partner that takes no transfers.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public Partner(PartnerId id, String name, Money pointValue) {
    this(id, name, pointValue, Optional.empty());
  }

  /** Returns a copy that takes transfers on the given terms. */
  public Partner withTransfers(TransferTerms terms) {
    return new Partner(id, name, pointValue,
        Optional.of(Checks.present(terms, "partner " + id + ": transfers")));
  }

  /** Returns a partner. */
  public static Partner of(String id, String name, Money pointValue) {
    return new Partner(PartnerId.of(id), name, pointValue);
  }
}
