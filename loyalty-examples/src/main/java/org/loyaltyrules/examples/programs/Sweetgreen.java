package org.loyaltyrules.examples.programs;

import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.Audience;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.RuleSettings;

/**
 * Sweetgreen Sweet Rewards, a money-based program: progress toward a money reward, and a
 * first-order offer (DOMAIN.md §3 and §6). Its figures, and where each comes from:
 *
 * <ul>
 *   <li><b>Every $35 spent gives $5 off</b> a meal (seed), the remainder carrying over to later
 *       orders (seed): rule {@value #FIVE_PER_35_ID}, a {@link EarnRule.SpendVoucher} issuing a
 *       USD 5 voucher per USD 35; $70 in one order gives two, $34.99 gives none and counts
 *       toward the next. The progress is the member's counter
 *       {@value #SPEND_PROGRESS}.
 *   <li>Each voucher is valid for <b>30 days</b> (stated choice).
 *   <li><b>$5 off the first online order</b> (seed): rule {@value #FIRST_ONLINE_ORDER_ID}, a
 *       {@link EarnRule.FirstPurchase} for the channel {@link Channel#ONLINE}, granting a USD 5
 *       voucher with no expiry; an in-store order neither earns it nor uses it up.
 *   <li>Prices in USD; dates in {@code America/Los_Angeles} (stated choice).
 * </ul>
 *
 * <p>Why a point unit: the program earns money, not points, but every {@link Program} needs at
 * least one point unit (the builder refuses a program without one). It declares a redeemable unit
 * {@value #POINTS_ID} that no rule grants and no reward costs, so members' balances stay zero.
 *
 * <p>Noted, not configured: no delivery fee for members (a price the host charges, not a reward).
 * Using a voucher at checkout is the host's to apply; the library issues, revokes (when a return
 * takes the spend back) and expires vouchers.
 */
public final class Sweetgreen {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("sweetgreen-sweet-rewards");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** The id of the unused point unit. */
  public static final String POINTS_ID = "points";
  /** The unused point unit every program must declare. */
  public static final UnitId POINTS = UnitId.of(POINTS_ID);
  /** The id of the spend voucher rule. */
  public static final String FIVE_PER_35_ID = "five-per-35";
  /** The spend voucher rule: $5 for every $35 spent (seed). */
  public static final RuleId FIVE_PER_35 = RuleId.of(FIVE_PER_35_ID);
  /** The member's progress counter toward the next $5 voucher. */
  public static final String SPEND_PROGRESS = "spend/" + FIVE_PER_35_ID;
  /** The spend that earns one voucher (seed). */
  public static final Money EVERY = Money.of("35", "USD");
  /** The value of each voucher (seed). */
  public static final Money VOUCHER_VALUE = Money.of("5", "USD");
  /** How long a spend voucher can be used (stated choice). */
  public static final Period VOUCHER_VALIDITY = Period.ofDays(30);
  /** The id of the first online order rule. */
  public static final String FIRST_ONLINE_ORDER_ID = "first-online-order";
  /** The first online order rule: a $5 voucher (seed). */
  public static final RuleId FIRST_ONLINE_ORDER = RuleId.of(FIRST_ONLINE_ORDER_ID);

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("Sweetgreen Sweet Rewards")
      .unit(PointUnit.redeemable(POINTS_ID, "Points"))
      .earnRule(new EarnRule.SpendVoucher(FIVE_PER_35, RuleSettings.defaults(), EVERY,
          VOUCHER_VALUE, Optional.of(VOUCHER_VALIDITY)))
      .earnRule(new EarnRule.FirstPurchase(FIRST_ONLINE_ORDER, RuleSettings.defaults()
          .audience(Audience.everyone().withChannels(Set.of(Channel.ONLINE))),
          Grant.voucher(VOUCHER_VALUE)))
      .build();

  private Sweetgreen() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }
}
