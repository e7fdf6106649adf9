package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.internal.Checks;

/**
 * Something a program gives a member without charge when a condition is met: a completed stamp
 * card, a challenge, a birthday, a referral.
 *
 * <p>All implementations are immutable and thread-safe records.
 */
public sealed interface Grant {
  /** Returns a grant of a catalogue reward, free of its points cost. */
  static Grant reward(RewardId reward) {
    return new FreeReward(reward);
  }

  /** Returns a grant of points of a unit. */
  static Grant points(UnitId unit, long points) {
    return new Points(unit, points);
  }

  /** Returns a grant of a money voucher. */
  static Grant voucher(Money value) {
    return new Voucher(value);
  }

  /**
   * A catalogue reward, free of its points cost.
   *
   * @param reward the reward; must be in the program's catalogue (checked by the program)
   */
  record FreeReward(RewardId reward) implements Grant {
    /** Validates the grant; throws {@link IllegalArgumentException} if the reward is null. */
    public FreeReward {
      Checks.present(reward, "granted reward");
    }
  }

  /**
   * Points of a unit.
   *
   * @param unit the unit; must be the program's (checked by the program)
   * @param points how many; positive
   */
  record Points(UnitId unit, long points) implements Grant {
    /** Validates the grant; throws {@link IllegalArgumentException} naming a bad value. */
    public Points {
      Checks.present(unit, "granted unit");
      checkArgument(points > 0, "granted points must be positive, was %s", points);
    }
  }

  /**
   * A voucher of a money value.
   *
   * @param value its value, in the program's currency (checked by the program); positive
   */
  record Voucher(Money value) implements Grant {
    /** Validates the grant; throws {@link IllegalArgumentException} naming a bad value. */
    public Voucher {
      Checks.present(value, "voucher value");
      checkArgument(value.isPositive(), "voucher value must be positive, was %s", value);
    }
  }
}
