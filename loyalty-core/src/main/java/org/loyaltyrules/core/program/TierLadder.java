package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.internal.Checks;

/**
 * A program's ordered tiers, the metric that decides between them and the window it is counted
 * over. The first tier is the base every member holds; each later tier needs a strictly higher
 * threshold.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metric what is counted
 * @param statusUnit the unit whose points earned count when the metric is
 *     {@link TierMetric#STATUS_POINTS} — typically a status-only unit such as tier points, but a
 *     redeemable unit may be counted too (points earned, never the balance); empty otherwise
 * @param window the window the metric is counted over
 * @param tiers the tiers, lowest first; the first has threshold zero
 */
public record TierLadder(TierMetric metric, Optional<UnitId> statusUnit,
    QualificationWindow window, List<Tier> tiers) {
  /**
   * Validates and copies the ladder.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the status unit is
   *     missing or not expected for the metric, there are no tiers, a tier id repeats, the first
   *     threshold is not zero, or thresholds do not increase strictly
   */
  public TierLadder {
    Checks.present(metric, "tier metric");
    Checks.present(statusUnit, "tier status unit");
    checkArgument(statusUnit.isPresent() == (metric == TierMetric.STATUS_POINTS),
        "tiers: a status unit is %s for metric %s", statusUnit.isPresent() ? "not expected"
            : "required", metric);
    Checks.present(window, "tier window");
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
    }
  }

  /** Returns a ladder on a metric other than status points. */
  public static TierLadder of(TierMetric metric, QualificationWindow window, List<Tier> tiers) {
    return new TierLadder(metric, Optional.empty(), window, tiers);
  }

  /** Returns a ladder on the points earned of a status unit. */
  public static TierLadder onStatusPoints(UnitId unit, QualificationWindow window,
      List<Tier> tiers) {
    return new TierLadder(TierMetric.STATUS_POINTS, Optional.of(Checks.present(unit, "status unit")),
        window, tiers);
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
}
