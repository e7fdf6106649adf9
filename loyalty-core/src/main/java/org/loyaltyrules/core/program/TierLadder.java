package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.rule.Expression;

/**
 * A program's ordered tiers, the metric that decides between them, the window it is counted
 * over, and how status is reviewed.
 *
 * <p>The first tier is the base every member holds; each later tier needs a strictly higher
 * threshold. A member moves up as soon as the credit in the current window reaches a higher
 * tier. A member moves down only at a <em>review</em>: when the window's period closes (each
 * January 1 for the calendar year and lifetime windows, each enrollment anniversary for the
 * membership year, each first of the month for a rolling window), plus the grace period. A
 * review keeps the tier if the credit of the period that closed, or of the period running, still
 * reaches it, and otherwise lowers it one step or straight to the tier earned.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metric what is counted
 * @param statusUnit the unit whose points earned count when the metric is
 *     {@link TierMetric#STATUS_POINTS} — typically a status-only unit such as tier points, but a
 *     redeemable unit may be counted too (points earned, never the balance); empty otherwise
 * @param credit the expression giving a purchase's credit when the metric is
 *     {@link TierMetric#EXPRESSION}; empty otherwise
 * @param window the window the metric is counted over
 * @param downgrade how far a review that finds too little credit lowers the tier
 * @param grace how long after a period closes its review waits; {@link Period#ZERO} for none;
 *     shorter than the review period
 * @param tiers the tiers, lowest first; the first has threshold zero
 */
public record TierLadder(TierMetric metric, Optional<UnitId> statusUnit,
    Optional<Expression> credit, QualificationWindow window, TierDowngrade downgrade,
    Period grace, List<Tier> tiers) {
  /**
   * Validates and copies the ladder.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the status unit or
   *     the credit expression is missing or not expected for the metric, the grace period is
   *     negative or not shorter than the review period, there are no tiers, a tier id repeats,
   *     the first threshold is not zero, thresholds do not increase strictly, or a tier has a
   *     window of its own other than the lifetime window
   */
  public TierLadder {
    Checks.present(metric, "tier metric");
    Checks.present(statusUnit, "tier status unit");
    checkArgument(statusUnit.isPresent() == (metric == TierMetric.STATUS_POINTS),
        "tiers: a status unit is %s for metric %s", statusUnit.isPresent() ? "not expected"
            : "required", metric);
    Checks.present(credit, "tier credit expression");
    checkArgument(credit.isPresent() == (metric == TierMetric.EXPRESSION),
        "tiers: a credit expression is %s for metric %s", credit.isPresent() ? "not expected"
            : "required", metric);
    Checks.present(window, "tier window");
    Checks.present(downgrade, "tier downgrade");
    Checks.present(grace, "tier grace period");
    checkArgument(!grace.isNegative(), "tiers.grace: must not be negative, was %s", grace);
    boolean monthly = window instanceof QualificationWindow.RollingMonths;
    checkArgument(monthly ? grace.toTotalMonths() == 0 && grace.getDays() < 28
            : grace.toTotalMonths() * 31 + grace.getDays() < 365,
        "tiers.grace: must be shorter than the review period (a %s), was %s",
        monthly ? "month" : "year", grace);
    tiers = Checks.list(tiers, "tiers");
    checkArgument(!tiers.isEmpty(), "tiers: at least one tier is required");
    checkArgument(tiers.get(0).threshold().signum() == 0,
        "tiers[0].threshold: the base tier's threshold must be 0, was %s",
        tiers.get(0).threshold().toPlainString());
    Set<TierId> ids = new HashSet<>();
    for (int i = 0; i < tiers.size(); i++) {
      Tier tier = tiers.get(i);
      checkArgument(ids.add(tier.id()), "tiers[%s].id: %s is a duplicate", i, tier.id());
      if (i > 0) {
        Tier below = tiers.get(i - 1);
        checkArgument(tier.threshold().compareTo(below.threshold()) > 0,
            "tiers[%s].threshold: must be greater than %s (tiers[%s]), was %s", i,
            below.threshold().toPlainString(), i - 1, tier.threshold().toPlainString());
      }
      checkArgument(tier.window().isEmpty()
              || tier.window().get() instanceof QualificationWindow.Lifetime,
          "tiers[%s].window: only the lifetime window may differ from the ladder's, was %s", i,
          tier.window().orElse(null));
      checkArgument(i > 0 || tier.window().isEmpty(),
          "tiers[0].window: the base tier needs no window");
    }
  }

  /**
   * Creates a ladder reviewed straight to the tier earned, with no grace period and no credit
   * expression.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public TierLadder(TierMetric metric, Optional<UnitId> statusUnit, QualificationWindow window,
      List<Tier> tiers) {
    this(metric, statusUnit, Optional.empty(), window, TierDowngrade.TO_EARNED, Period.ZERO,
        tiers);
  }

  /** Returns a ladder on a metric other than status points or an expression. */
  public static TierLadder of(TierMetric metric, QualificationWindow window, List<Tier> tiers) {
    return new TierLadder(metric, Optional.empty(), window, tiers);
  }

  /** Returns a ladder on the points earned of a status unit. */
  public static TierLadder onStatusPoints(UnitId unit, QualificationWindow window,
      List<Tier> tiers) {
    return new TierLadder(TierMetric.STATUS_POINTS, Optional.of(Checks.present(unit, "status unit")),
        window, tiers);
  }

  /** Returns a ladder on the credit an expression gives each purchase. */
  public static TierLadder onExpression(Expression credit, QualificationWindow window,
      List<Tier> tiers) {
    return new TierLadder(TierMetric.EXPRESSION, Optional.empty(),
        Optional.of(Checks.present(credit, "tier credit expression")), window,
        TierDowngrade.TO_EARNED, Period.ZERO, tiers);
  }

  /** Returns a copy that lowers a tier as the given rule says. */
  public TierLadder withDowngrade(TierDowngrade downgrade) {
    return new TierLadder(metric, statusUnit, credit, window, downgrade, grace, tiers);
  }

  /** Returns a copy whose reviews wait the given grace period after each period closes. */
  public TierLadder withGrace(Period grace) {
    return new TierLadder(metric, statusUnit, credit, window, downgrade, grace, tiers);
  }

  /** Returns the base tier, which every member holds. */
  public Tier base() {
    return tiers.get(0);
  }

  /** Returns the tier with the given id, if the ladder has it. */
  public Optional<Tier> tier(TierId id) {
    return tiers.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** Returns the position of a tier in the ladder, 0 for the base, or -1 if it has no such tier. */
  public int rank(TierId id) {
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** Returns the window a tier's threshold is counted over: its own, or the ladder's. */
  public QualificationWindow windowOf(Tier tier) {
    return tier.window().orElse(window);
  }
}
