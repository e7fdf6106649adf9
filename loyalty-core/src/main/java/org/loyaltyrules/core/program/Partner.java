package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.internal.Checks;

/**
 * A business in a coalition program. Points a member earns with the partner are funded by it: it
 * owes the program operator {@link #fundingCost()} for each point it issues, and is owed it back
 * for each of those points a return takes back. Points a member spends with it (a reward it
 * offers, points paying an order placed with it, points transferred to its own program) are
 * honoured by it: the operator owes it {@link #reimbursement()} for each. A settlement statement
 * over the ledger's postings nets the two.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the partner's id, unique within the program
 * @param name its display name
 * @param fundingCost what the partner pays the operator per point it issues, in the program's
 *     currency (checked by the program); positive, and may be a fraction of a cent
 * @param reimbursement what the operator pays the partner per point it honours, in the program's
 *     currency; positive, and may be a fraction of a cent
 * @param transfers the terms on which members transfer points to the partner's own program;
 *     empty if it takes none
 */
public record Partner(PartnerId id, String name, Money fundingCost, Money reimbursement,
    Optional<TransferTerms> transfers) {
  /**
   * Validates the partner.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the name is blank,
   *     a rate is not positive, or the two rates are in different currencies
   */
  public Partner {
    Checks.present(id, "partner id");
    Checks.text(name, "partner " + id + ": name");
    Checks.present(fundingCost, "partner " + id + ": funding cost");
    Checks.present(reimbursement, "partner " + id + ": reimbursement");
    checkArgument(fundingCost.isPositive(), "partner %s: funding cost must be positive, was %s",
        id, fundingCost);
    checkArgument(reimbursement.isPositive(),
        "partner %s: reimbursement must be positive, was %s", id, reimbursement);
    checkArgument(fundingCost.currency().equals(reimbursement.currency()),
        "partner %s: funding cost %s and reimbursement %s must be in one currency", id,
        fundingCost, reimbursement);
    Checks.present(transfers, "partner " + id + ": transfers");
  }

  /**
   * Creates a partner that takes no transfers.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public Partner(PartnerId id, String name, Money fundingCost, Money reimbursement) {
    this(id, name, fundingCost, reimbursement, Optional.empty());
  }

  /**
   * Creates a partner that takes no transfers and settles issued and honoured points at one
   * value.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public Partner(PartnerId id, String name, Money pointValue) {
    this(id, name, pointValue, pointValue, Optional.empty());
  }

  /** Returns a copy that takes transfers on the given terms. */
  public Partner withTransfers(TransferTerms terms) {
    return new Partner(id, name, fundingCost, reimbursement,
        Optional.of(Checks.present(terms, "partner " + id + ": transfers")));
  }

  /**
   * Returns a partner that takes no transfers and settles issued and honoured points at one
   * value.
   */
  public static Partner of(String id, String name, Money pointValue) {
    return new Partner(PartnerId.of(id), name, pointValue);
  }

  /** Returns a partner that takes no transfers. */
  public static Partner of(String id, String name, Money fundingCost, Money reimbursement) {
    return new Partner(PartnerId.of(id), name, fundingCost, reimbursement);
  }
}
