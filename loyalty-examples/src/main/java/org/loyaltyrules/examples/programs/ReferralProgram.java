package org.loyaltyrules.examples.programs;

import java.time.Period;
import java.time.ZoneId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.CalendarPeriod;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.ReferralTerms;
import org.loyaltyrules.core.rule.EarnRule;

/**
 * A two-sided referral program, "give $10, get $10" (DOMAIN.md §2: seeds 000 and 001 reward the
 * existing customer each time someone they referred becomes a customer, seed 001 when the
 * referred person buys). Its figures, and where each comes from:
 *
 * <ul>
 *   <li><b>The referrer is rewarded when the friend buys</b> (seeds 000, 001).
 *   <li><b>The friend gets a $10 voucher</b> on their first purchase of <b>at least $50</b>
 *       (choice), at the prices paid, without tax or shipping; announced to the host as a
 *       referral that qualified (rule {@value #FRIEND_RULE_ID} in the trace).
 *   <li><b>The referrer gets a $10 voucher</b> for each friend whose purchase qualified (choice),
 *       when the host reports it as a referral credit (rule {@value #REFERRER_RULE_ID}), for at
 *       most <b>5 rewarded referrals per calendar year</b> (choice); each friend counts once, and
 *       nobody is credited for referring themselves.
 *   <li><b>Both rewards are taken back</b> if the friend returns that purchase <b>within 30
 *       days</b> so that it falls below $50 (choice): the friend's voucher is revoked if unused,
 *       and the host reports a referral withdrawal that revokes the referrer's, freeing its place
 *       under the limit. A later return keeps both.
 *   <li><b>1 point per $1</b> on every purchase (choice), so the program is an ordinary points
 *       program that also rewards referrals.
 *   <li>Prices in USD; dates in {@code America/Los_Angeles} (stated choice).
 * </ul>
 *
 * <p>Each side is decided on its own member: the friend's purchase announces
 * {@code ReferralQualified} naming the referrer, and the host then decides a
 * {@code ReferralCredit} on the referrer; a return announcing {@code ReferralWithdrawn} is
 * carried over as a {@code ReferralWithdrawal}.
 */
public final class ReferralProgram {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("referral-program");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** The one unit: points, redeemable. */
  public static final UnitId POINTS = UnitId.of("points");
  /** The id of the base rate rule. */
  public static final String BASE_RATE_ID = "base";
  /** The base rate rule: 1 point per $1 (choice). */
  public static final RuleId BASE_RATE = RuleId.of(BASE_RATE_ID);
  /** The rule id the friend's reward has in a decision's trace. */
  public static final String FRIEND_RULE_ID = "referral:friend";
  /** The rule the friend's reward is traced to. */
  public static final RuleId FRIEND_RULE = RuleId.of(FRIEND_RULE_ID);
  /** The rule id the referrer's reward has in a decision's trace. */
  public static final String REFERRER_RULE_ID = "referral:referrer";
  /** The rule the referrer's reward is traced to. */
  public static final RuleId REFERRER_RULE = RuleId.of(REFERRER_RULE_ID);
  /** The friend's voucher (choice). */
  public static final Money FRIEND_VOUCHER = Money.of("10.00", "USD");
  /** The referrer's voucher (choice). */
  public static final Money REFERRER_VOUCHER = Money.of("10.00", "USD");
  /** The least spend of the friend's first purchase that qualifies (choice). */
  public static final Money MINIMUM_SPEND = Money.of("50.00", "USD");
  /** The most rewarded referrals per referrer in a calendar year (choice). */
  public static final int REFERRALS_PER_YEAR = 5;
  /** How long after the purchase a return takes both rewards back (choice). */
  public static final Period RETURN_WINDOW = Period.ofDays(30);

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("Give $10, get $10")
      .unit(PointUnit.redeemable(POINTS.value(), "Points"))
      .earnRule(EarnRule.Rate.of(BASE_RATE_ID, POINTS, 1, Money.of("1", "USD")))
      .referral(ReferralTerms.of(Grant.voucher(FRIEND_VOUCHER), Grant.voucher(REFERRER_VOUCHER),
              MINIMUM_SPEND, RETURN_WINDOW)
          .withLimit(ReferralTerms.Limit.per(REFERRALS_PER_YEAR, CalendarPeriod.YEAR)))
      .build();

  private ReferralProgram() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }
}
