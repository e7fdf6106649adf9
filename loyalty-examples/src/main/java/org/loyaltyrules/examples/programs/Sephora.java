package org.loyaltyrules.examples.programs;

import java.time.ZoneId;
import java.util.List;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierDowngrade;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.rule.EarnRule;

/**
 * Sephora Beauty Insider, a points program with tiers by money spent (DOMAIN.md §3 and §6). Its
 * figures, and where each comes from:
 *
 * <ul>
 *   <li><b>1 point per $1</b> spent, rounded down once per order (seed): rule
 *       {@value #BASE_RATE_ID}, in the redeemable unit {@value #POINTS_ID}.
 *   <li><b>3 tiers by money spent in the calendar year</b> (public): Insider from $0, VIB from
 *       <b>$350</b>, Rouge from <b>$1,000</b>. Spend is the goods of each order net of returns
 *       (tax and shipping do not count, the library's default).
 *   <li>A member moves up <b>as soon as</b> the year's spend reaches a tier: $349.99 leaves the
 *       member an Insider, another $0.01 the same year makes them VIB on that purchase.
 *   <li>A tier earned in a year <b>holds through the next year</b>; each January 1 the tier is
 *       reviewed and, if neither the year that closed nor the year beginning reaches it, lowered
 *       <b>to the tier earned</b> (stated choice), with no grace period (stated choice). A return
 *       takes its spend back at once, but the tier held stays until the review: the spend left
 *       then decides the next year's tier.
 *   <li>Prices in USD; dates in {@code America/Los_Angeles} (stated choice).
 * </ul>
 *
 * <p>Noted, not configured: the tiers' benefits (birthday gifts, free shipping, Rouge events) and
 * the redemption catalogue (the seed says points are redeemed for products at checkout but gives
 * no figure; DOMAIN.md §6 names none), so the program declares no rewards. The points are
 * redeemable all the same.
 */
public final class Sephora {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("sephora-beauty-insider");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** The id of the one unit. */
  public static final String POINTS_ID = "points";
  /** The one unit: points, redeemable. */
  public static final UnitId POINTS = UnitId.of(POINTS_ID);
  /** The id of the base rate rule. */
  public static final String BASE_RATE_ID = "base";
  /** The base rate rule: 1 point per $1 (seed). */
  public static final RuleId BASE_RATE = RuleId.of(BASE_RATE_ID);
  /** The base tier, from $0 spent in the calendar year (public). */
  public static final TierId INSIDER = TierId.of("insider");
  /** The middle tier, from $350 spent in the calendar year (public). */
  public static final TierId VIB = TierId.of("vib");
  /** The top tier, from $1,000 spent in the calendar year (public). */
  public static final TierId ROUGE = TierId.of("rouge");
  /** The spend in a calendar year that reaches VIB (public), in dollars. */
  public static final long VIB_SPEND = 350;
  /** The spend in a calendar year that reaches Rouge (public), in dollars. */
  public static final long ROUGE_SPEND = 1000;

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("Sephora Beauty Insider")
      .unit(PointUnit.redeemable(POINTS_ID, "Points"))
      .earnRule(EarnRule.Rate.of(BASE_RATE_ID, POINTS, 1, Money.of("1", "USD")))
      .tiers(TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(), List.of(
              Tier.of(INSIDER.value(), "Insider", 0),
              Tier.of(VIB.value(), "VIB", VIB_SPEND),
              Tier.of(ROUGE.value(), "Rouge", ROUGE_SPEND)))
          .withDowngrade(TierDowngrade.TO_EARNED))
      .build();

  private Sephora() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }
}
