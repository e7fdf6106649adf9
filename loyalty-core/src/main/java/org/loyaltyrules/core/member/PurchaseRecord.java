package org.loyaltyrules.core.member;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.internal.Checks;

/**
 * A purchase as the member's state remembers it: the purchase itself, how much of each line has
 * been returned, the returns that did so, and what the rules knew of the member when it was
 * decided. Returns and the points they take back are checked and re-evaluated against it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param purchase the purchase
 * @param returned the quantity returned so far, by line, kept without trailing zeros (so two
 *     returns of 0.5 and one of 1 record the same); lines never returned are absent
 * @param returns the returns applied to it, in order
 * @param context what the rules knew of the member when the purchase was decided
 * @param payments the points paid toward the purchase, in order
 */
public record PurchaseRecord(Purchase purchase, Map<LineId, BigDecimal> returned,
    List<ActivityId> returns, PurchaseContext context, List<PointsPaid> payments) {
  /**
   * Validates and copies the record.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, a returned line is
   *     not in the purchase, a returned quantity is not positive or exceeds what was bought, a
   *     return is named twice or is the purchase itself, or quantities and returns disagree on
   *     whether anything was returned
   */
  public PurchaseRecord {
    Checks.present(purchase, "purchase");
    Checks.present(context, "purchase " + purchase.id() + ": context");
    payments = Checks.list(payments, "purchase " + purchase.id() + ": payments");
    checkArgument(payments.stream().map(PointsPaid::payment).distinct().count()
        == payments.size(), "purchase %s: a payment is recorded twice in %s", purchase.id(),
        payments);
    returned = ImmutableMap.copyOf(Maps.transformValues(
        Checks.sortedMap(returned, "purchase " + purchase.id() + ": returned"),
        Checks::stripped));
    returns = Checks.list(returns, "purchase " + purchase.id() + ": returns");
    checkArgument(returns.stream().distinct().count() == returns.size(),
        "purchase %s: returns %s name a return twice", purchase.id(), returns);
    checkArgument(!returns.contains(purchase.id()),
        "purchase %s: returns must not name the purchase itself", purchase.id());
    for (Map.Entry<LineId, BigDecimal> e : returned.entrySet()) {
      PurchaseLine line = purchase.line(e.getKey()).orElse(null);
      checkArgument(line != null, "purchase %s: returned line %s is not in the purchase",
          purchase.id(), e.getKey());
      checkArgument(e.getValue().signum() > 0
              && e.getValue().compareTo(line.quantity()) <= 0,
          "purchase %s: returned quantity of line %s must be between 0 and %s, was %s",
          purchase.id(), e.getKey(), line.quantity().toPlainString(),
          e.getValue().toPlainString());
    }
    checkArgument(returned.isEmpty() == returns.isEmpty(),
        "purchase %s: returned quantities %s and returns %s must be both empty or both not",
        purchase.id(), returned, returns);
  }

  /**
   * Returns a record with an {@linkplain PurchaseContext#none() empty context}: for purchases
   * recorded by hand rather than decided by the rules.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public PurchaseRecord(Purchase purchase, Map<LineId, BigDecimal> returned,
      List<ActivityId> returns) {
    this(purchase, returned, returns, PurchaseContext.none(), List.of());
  }

  /** Returns a record of a purchase nothing of which was returned, with an empty context. */
  public static PurchaseRecord of(Purchase purchase) {
    return of(purchase, PurchaseContext.none());
  }

  /** Returns a record of a purchase nothing of which was returned, decided in a context. */
  public static PurchaseRecord of(Purchase purchase, PurchaseContext context) {
    return new PurchaseRecord(purchase, Map.of(), List.of(), context, List.of());
  }

  /** Returns a copy with a payment added or, if one with its id is recorded, replaced. */
  public PurchaseRecord withPayment(PointsPaid payment) {
    Checks.present(payment, "payment");
    List<PointsPaid> copy = new ArrayList<>(payments);
    copy.removeIf(p -> p.payment().equals(payment.payment()));
    copy.add(payment);
    copy.sort(Comparator.comparingInt(p -> indexOf(p.payment())));
    return new PurchaseRecord(purchase, returned, returns, context, copy);
  }

  private int indexOf(ActivityId payment) {
    for (int i = 0; i < payments.size(); i++) {
      if (payments.get(i).payment().equals(payment)) {
        return i;
      }
    }
    return payments.size();
  }

  /** Returns the quantity of a line returned so far; zero if none or no such line. */
  public BigDecimal returnedOf(LineId line) {
    return returned.getOrDefault(line, BigDecimal.ZERO);
  }

  /** Returns the quantity of a line still returnable; zero if none or no such line. */
  public BigDecimal returnableOf(LineId line) {
    return purchase.line(line).map(l -> l.quantity().subtract(returnedOf(line)))
        .orElse(BigDecimal.ZERO);
  }

  /** Returns true if every line was returned in full. */
  public boolean isFullyReturned() {
    return purchase.lines().stream().allMatch(l -> returnableOf(l.id()).signum() == 0);
  }
}
