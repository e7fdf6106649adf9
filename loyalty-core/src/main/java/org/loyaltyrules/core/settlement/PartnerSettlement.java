package org.loyaltyrules.core.settlement;

import static com.google.common.base.Preconditions.checkArgument;

import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.internal.Checks;

/**
 * One coalition partner's lines of a {@link SettlementStatement}.
 *
 * <p>The partner owes the operator its funding cost for every point it issued, less the points
 * returns took back and plus those repaid ({@link #fundingOwed()}); the operator owes the partner
 * its reimbursement for every point it honoured ({@link #reimbursementDue()}). Both are exact.
 * {@link #net()} is their difference rounded once, to the currency's minor unit under the
 * program's settlement rounding: positive when the operator pays the partner, negative when the
 * partner pays the operator.
 *
 * <p>Immutable and thread-safe.
 *
 * @param partner the partner
 * @param funded where the points the partner funded went
 * @param fundedPoints the points the partner's funding is charged on: issued, less reversed to
 *     it, plus repaid by it; may be negative when a period took back more than it issued
 * @param honoured the points members spent with the partner (rewards it offers, orders placed
 *     with it, transfers to its program), less those given back
 * @param fundingOwed what the partner owes the operator for {@code fundedPoints}, exact
 * @param reimbursementDue what the operator owes the partner for {@code honoured}, exact
 * @param net {@code reimbursementDue - fundingOwed}, rounded
 */
public record PartnerSettlement(PartnerId partner, PointFlows funded, long fundedPoints,
    long honoured, Money fundingOwed, Money reimbursementDue, Money net) {
  /**
   * Validates the lines.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or the amounts are
   *     in different currencies
   */
  public PartnerSettlement {
    Checks.present(partner, "settlement partner");
    Checks.present(funded, "partner " + partner + ": funded points");
    Checks.present(fundingOwed, "partner " + partner + ": funding owed");
    Checks.present(reimbursementDue, "partner " + partner + ": reimbursement due");
    Checks.present(net, "partner " + partner + ": net");
    checkArgument(fundingOwed.currency().equals(reimbursementDue.currency())
            && net.currency().equals(fundingOwed.currency()),
        "partner %s: funding owed %s, reimbursement due %s and net %s must be in one currency",
        partner, fundingOwed, reimbursementDue, net);
  }

  /** Returns the unrounded net, {@code reimbursementDue - fundingOwed}. */
  public Money exactNet() {
    return reimbursementDue.minus(fundingOwed);
  }

  /** Returns true if the operator pays the partner. */
  public boolean operatorPays() {
    return net.isPositive();
  }
}
