package org.loyaltyrules.core.decision;

import static com.google.common.base.Preconditions.checkArgument;

import org.loyaltyrules.core.BudgetId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.internal.Checks;

/**
 * A change a decision makes to the {@link ProgramState}, the state that spans members. The host
 * applies the changes of each decision with {@link ProgramState#apply(java.util.List)}, in the
 * same transaction that stores the member.
 *
 * <p>All implementations are immutable and thread-safe records.
 */
public sealed interface ProgramStateChange {

  /**
   * Points spent from a campaign budget; negative when a return gives them back.
   *
   * @param budget the budget
   * @param points how many; not zero
   */
  record BudgetSpent(BudgetId budget, long points) implements ProgramStateChange {
    /** Validates the change; throws {@link IllegalArgumentException} naming a bad value. */
    public BudgetSpent {
      Checks.present(budget, "budget");
      checkArgument(points != 0, "budget %s: points spent must not be zero", budget);
    }
  }

  /**
   * Money accrued between the program and a coalition partner: positive when the program owes
   * the partner (the partner honoured points), negative when the partner owes the program (the
   * partner issued points).
   *
   * @param partner the partner
   * @param amount the amount; not zero
   */
  record SettlementAccrued(PartnerId partner, Money amount) implements ProgramStateChange {
    /** Validates the change; throws {@link IllegalArgumentException} naming a bad value. */
    public SettlementAccrued {
      Checks.present(partner, "partner");
      Checks.present(amount, "partner " + partner + ": settlement amount");
      checkArgument(!amount.isZero(), "partner %s: settlement amount must not be zero", partner);
    }
  }

  /**
   * Entries a member gained in a draw; negative when they are withdrawn.
   *
   * @param draw the draw
   * @param member the member
   * @param entries how many; not zero
   */
  record DrawEntered(DrawId draw, MemberId member, long entries) implements ProgramStateChange {
    /** Validates the change; throws {@link IllegalArgumentException} naming a bad value. */
    public DrawEntered {
      Checks.present(draw, "draw");
      Checks.present(member, "draw " + draw + ": member");
      checkArgument(entries != 0, "draw %s: entries of %s must not be zero", draw, member);
    }
  }

  /**
   * Prizes given away: by a run of a sweepstakes draw, or won in a play of an instant-win game,
   * whose stock they count against.
   *
   * @param draw the draw or game
   * @param prize the prize
   * @param prizes how many; positive
   */
  record PrizeAwarded(DrawId draw, PrizeId prize, long prizes) implements ProgramStateChange {
    /** Validates the change; throws {@link IllegalArgumentException} naming a bad value. */
    public PrizeAwarded {
      Checks.present(draw, "draw");
      Checks.present(prize, "draw " + draw + ": prize");
      checkArgument(prizes > 0, "draw %s: prizes %s awarded must be positive, was %s", draw,
          prize, prizes);
    }
  }

  /**
   * A run of a sweepstakes draw, the first change of its {@link DrawResult}: the draw's runs
   * become {@code run}. Entries earned before it were in its pool, so a return no longer
   * withdraws them; entries earned after it belong to the next run. Applying it to a state in
   * which the draw has not run exactly {@code run - 1} times is refused, so a result is applied
   * once, and only to the state it was drawn from.
   *
   * @param draw the draw
   * @param run which run of the draw it is, counted from 1; positive
   */
  record DrawRun(DrawId draw, long run) implements ProgramStateChange {
    /** Validates the change; throws {@link IllegalArgumentException} naming a bad value. */
    public DrawRun {
      Checks.present(draw, "draw");
      checkArgument(run > 0, "draw %s: run must be positive, was %s", draw, run);
    }
  }
}
