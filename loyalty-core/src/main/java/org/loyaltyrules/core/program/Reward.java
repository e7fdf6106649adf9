package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.internal.Checks;

/**
 * An entry of a program's reward catalogue: what it costs in points of a redeemable unit, what
 * it gives, and who may redeem it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the reward's id, unique within the program
 * @param name its display name, for example {@code "Handcrafted drink"}
 * @param unit the unit it is paid in; must be redeemable (checked by the program)
 * @param cost its price in points; positive
 * @param kind what it gives
 * @param value its money value; present exactly for the kinds that {@linkplain
 *     RewardKind#hasValue() have one}, and positive
 * @param percent the percentage off; present exactly for {@link RewardKind#PERCENT_DISCOUNT},
 *     more than 0 and at most 100
 * @param tiers the tiers whose members may redeem it; empty for everyone
 * @param partner the coalition partner that offers and honours it, which the points spent on it
 *     go to; empty for a reward of the program itself
 */
public record Reward(RewardId id, String name, UnitId unit, long cost, RewardKind kind,
    Optional<Money> value, Optional<BigDecimal> percent, Set<TierId> tiers,
    Optional<PartnerId> partner) {
  /**
   * Validates and copies the reward.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the name blank, the
   *     cost not positive, or the value missing, unexpected or not positive
   */
  public Reward {
    Checks.present(id, "reward id");
    Checks.text(name, "reward " + id + ": name");
    Checks.present(unit, "reward " + id + ": unit");
    checkArgument(cost > 0, "reward %s: cost must be positive, was %s", id, cost);
    Checks.present(kind, "reward " + id + ": kind");
    Checks.present(value, "reward " + id + ": value");
    checkArgument(value.isPresent() == kind.hasValue(), "reward %s: a value is %s for kind %s", id,
        value.isPresent() ? "not expected" : "required", kind);
    value.ifPresent(v -> checkArgument(v.isPositive(), "reward %s: value must be positive, was %s",
        id, v));
    Checks.present(percent, "reward " + id + ": percent");
    checkArgument(percent.isPresent() == (kind == RewardKind.PERCENT_DISCOUNT),
        "reward %s: a percent is %s for kind %s", id,
        percent.isPresent() ? "not expected" : "required", kind);
    percent.ifPresent(p -> checkArgument(p.signum() > 0 && p.compareTo(BigDecimal.valueOf(100))
        <= 0, "reward %s: percent must be more than 0 and at most 100, was %s", id,
        p.toPlainString()));
    tiers = Checks.set(tiers, "reward " + id + ": tiers");
    Checks.present(partner, "reward " + id + ": partner");
  }

  /**
   * Creates a reward of the program itself.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public Reward(RewardId id, String name, UnitId unit, long cost, RewardKind kind,
      Optional<Money> value, Optional<BigDecimal> percent, Set<TierId> tiers) {
    this(id, name, unit, cost, kind, value, percent, tiers, Optional.empty());
  }

  /** Returns a reward of a kind without a money value, open to every tier. */
  public static Reward of(String id, String name, UnitId unit, long cost, RewardKind kind) {
    return new Reward(RewardId.of(id), name, unit, cost, kind, Optional.empty(),
        Optional.empty(), Set.of());
  }

  /** Returns a reward of a kind with a money value, open to every tier. */
  public static Reward worth(String id, String name, UnitId unit, long cost, RewardKind kind,
      Money value) {
    return new Reward(RewardId.of(id), name, unit, cost, kind,
        Optional.of(Checks.present(value, "reward " + id + ": value")), Optional.empty(),
        Set.of());
  }

  /** Returns a percentage-off reward, open to every tier. */
  public static Reward percentOff(String id, String name, UnitId unit, long cost,
      BigDecimal percent) {
    return new Reward(RewardId.of(id), name, unit, cost, RewardKind.PERCENT_DISCOUNT,
        Optional.empty(), Optional.of(Checks.present(percent, "reward " + id + ": percent")),
        Set.of());
  }

  /** Returns a copy that only members of the given tiers may redeem. */
  public Reward onlyFor(Set<TierId> tiers) {
    return new Reward(id, name, unit, cost, kind, value, percent, tiers, partner);
  }

  /**
   * Returns a copy offered and honoured by a coalition partner (checked by the program).
   *
   * @throws IllegalArgumentException if the partner is null
   */
  public Reward offeredBy(PartnerId partner) {
    return new Reward(id, name, unit, cost, kind, value, percent, tiers,
        Optional.of(Checks.present(partner, "reward " + id + ": partner")));
  }

  /**
   * Returns true if a member holding {@code tier} (empty for none) may redeem the reward.
   *
   * @throws IllegalArgumentException if the optional is null
   */
  public boolean isOpenTo(Optional<TierId> tier) {
    Checks.present(tier, "reward " + id + ": tier");
    return tiers.isEmpty() || tier.filter(tiers::contains).isPresent();
  }
}
