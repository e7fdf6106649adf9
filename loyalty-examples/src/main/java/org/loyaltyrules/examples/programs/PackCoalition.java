package org.loyaltyrules.examples.programs;

import java.math.BigDecimal;
import java.time.ZoneId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.RuleSettings;

/**
 * The Pack, the seeds' coalition of a dog-food maker, a vet and a groomer: complementary
 * businesses sharing one program, where a member earns and spends at any partner (DOMAIN.md §2).
 * Its figures, and where each comes from:
 *
 * <ul>
 *   <li><b>Three partners</b> (seed): a dog-food maker ({@value #KIBBLE_ID}), a vet
 *       ({@value #VET_ID}) and a groomer ({@value #GROOMER_ID}); their names are descriptive
 *       (choice).
 *   <li><b>One point unit</b>, paws, earned and spent at every partner (seed: members earn and
 *       burn at any partner; one unit a choice).
 *   <li><b>Points only for spending at a partner</b> (seed 000: the member must spend at
 *       participating establishments to earn): each rate applies only to lines bought from its
 *       partner, so a purchase made with no partner earns nothing.
 *   <li><b>Each partner its own rate</b> (choice): <b>10 paws per $1</b> at the dog-food maker
 *       (rule {@value #KIBBLE_RATE_ID}), <b>5 per $1</b> at the vet (rule {@value #VET_RATE_ID}),
 *       <b>8 per $1</b> at the groomer (rule {@value #GROOMER_RATE_ID}); rounded down once per
 *       order (the library's default).
 *   <li><b>Each partner its own benefit to choose from</b> (seed 000), offered and honoured by
 *       that partner, costs a choice: a <b>free bag of kibble for 500 paws</b> (reward
 *       {@value #KIBBLE_BAG_ID}, the dog-food maker), <b>$10 off a vet exam for 1,000 paws</b>
 *       (reward {@value #EXAM_DISCOUNT_ID}, the vet), a <b>free nail trim for 600 paws</b>
 *       (reward {@value #NAIL_TRIM_ID}, the groomer).
 *   <li><b>Settlement</b> (choice), per paw: the dog-food maker pays the operator
 *       <b>$0.012</b> for each paw it issues and is paid <b>$0.01</b> for each it honours; the
 *       vet <b>$0.01</b> and <b>$0.008</b>; the groomer <b>$0.011</b> and <b>$0.0125</b>. A
 *       return gives the partner that funded the points back its cost for each paw taken back.
 *       Settled each calendar month (choice), every net rounded once to the cent, half-even (the
 *       library's default).
 *   <li>Prices in USD; dates in {@code America/Los_Angeles} (stated choice).
 * </ul>
 *
 * <p>Noted, not configured: the seed's co-branded deals (it gives no terms; a co-branded card
 * would be a multiplier limited to that payment instrument), and tiers (the seed names none).
 */
public final class PackCoalition {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("pack-coalition");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** The id of the one unit. */
  public static final String PAWS_ID = "paws";
  /** The one unit: paws, redeemable at every partner. */
  public static final UnitId PAWS = UnitId.of(PAWS_ID);

  /** The id of the dog-food maker. */
  public static final String KIBBLE_ID = "kibble";
  /** The dog-food maker (seed). */
  public static final PartnerId KIBBLE = PartnerId.of(KIBBLE_ID);
  /** The id of the vet. */
  public static final String VET_ID = "vet";
  /** The vet (seed). */
  public static final PartnerId VET = PartnerId.of(VET_ID);
  /** The id of the groomer. */
  public static final String GROOMER_ID = "groomer";
  /** The groomer (seed). */
  public static final PartnerId GROOMER = PartnerId.of(GROOMER_ID);

  /** What the dog-food maker pays per paw it issues (choice). */
  public static final Money KIBBLE_FUNDING_COST = Money.of("0.012", "USD");
  /** What the dog-food maker is paid per paw it honours (choice). */
  public static final Money KIBBLE_REIMBURSEMENT = Money.of("0.01", "USD");
  /** What the vet pays per paw it issues (choice). */
  public static final Money VET_FUNDING_COST = Money.of("0.01", "USD");
  /** What the vet is paid per paw it honours (choice). */
  public static final Money VET_REIMBURSEMENT = Money.of("0.008", "USD");
  /** What the groomer pays per paw it issues (choice). */
  public static final Money GROOMER_FUNDING_COST = Money.of("0.011", "USD");
  /** What the groomer is paid per paw it honours (choice). */
  public static final Money GROOMER_REIMBURSEMENT = Money.of("0.0125", "USD");

  /** The id of the dog-food maker's rate. */
  public static final String KIBBLE_RATE_ID = "kibble-rate";
  /** 10 paws per $1 on lines bought from the dog-food maker (choice). */
  public static final RuleId KIBBLE_RATE = RuleId.of(KIBBLE_RATE_ID);
  /** Paws per $1 at the dog-food maker (choice). */
  public static final long KIBBLE_PAWS_PER_DOLLAR = 10;
  /** The id of the vet's rate. */
  public static final String VET_RATE_ID = "vet-rate";
  /** 5 paws per $1 on lines bought from the vet (choice). */
  public static final RuleId VET_RATE = RuleId.of(VET_RATE_ID);
  /** Paws per $1 at the vet (choice). */
  public static final long VET_PAWS_PER_DOLLAR = 5;
  /** The id of the groomer's rate. */
  public static final String GROOMER_RATE_ID = "groomer-rate";
  /** 8 paws per $1 on lines bought from the groomer (choice). */
  public static final RuleId GROOMER_RATE = RuleId.of(GROOMER_RATE_ID);
  /** Paws per $1 at the groomer (choice). */
  public static final long GROOMER_PAWS_PER_DOLLAR = 8;

  /** The id of the dog-food maker's reward. */
  public static final String KIBBLE_BAG_ID = "kibble-bag";
  /** A free bag of kibble, offered and honoured by the dog-food maker (seed; cost a choice). */
  public static final RewardId KIBBLE_BAG = RewardId.of(KIBBLE_BAG_ID);
  /** What the bag of kibble costs in paws (choice). */
  public static final long KIBBLE_BAG_COST = 500;
  /** The id of the vet's reward. */
  public static final String EXAM_DISCOUNT_ID = "exam-discount";
  /** $10 off a vet exam, offered and honoured by the vet (seed; figures a choice). */
  public static final RewardId EXAM_DISCOUNT = RewardId.of(EXAM_DISCOUNT_ID);
  /** What $10 off an exam costs in paws (choice). */
  public static final long EXAM_DISCOUNT_COST = 1000;
  /** What the exam discount takes off (choice). */
  public static final Money EXAM_DISCOUNT_VALUE = Money.of("10", "USD");
  /** The id of the groomer's reward. */
  public static final String NAIL_TRIM_ID = "nail-trim";
  /** A free nail trim, offered and honoured by the groomer (seed; cost a choice). */
  public static final RewardId NAIL_TRIM = RewardId.of(NAIL_TRIM_ID);
  /** What the nail trim costs in paws (choice). */
  public static final long NAIL_TRIM_COST = 600;

  private static final Money DOLLAR = Money.of("1", "USD");

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("The Pack")
      .unit(PointUnit.redeemable(PAWS_ID, "Paws"))
      .earnRule(rate(KIBBLE_RATE, KIBBLE_PAWS_PER_DOLLAR, KIBBLE))
      .earnRule(rate(VET_RATE, VET_PAWS_PER_DOLLAR, VET))
      .earnRule(rate(GROOMER_RATE, GROOMER_PAWS_PER_DOLLAR, GROOMER))
      .reward(Reward.of(KIBBLE_BAG_ID, "Free bag of kibble", PAWS, KIBBLE_BAG_COST,
          RewardKind.FREE_ITEM).offeredBy(KIBBLE))
      .reward(Reward.worth(EXAM_DISCOUNT_ID, "$10 off a vet exam", PAWS, EXAM_DISCOUNT_COST,
          RewardKind.DISCOUNT, EXAM_DISCOUNT_VALUE).offeredBy(VET))
      .reward(Reward.of(NAIL_TRIM_ID, "Free nail trim", PAWS, NAIL_TRIM_COST,
          RewardKind.FREE_ITEM).offeredBy(GROOMER))
      .partner(new Partner(KIBBLE, "Kibble Co (dog-food maker)", KIBBLE_FUNDING_COST,
          KIBBLE_REIMBURSEMENT))
      .partner(new Partner(VET, "City Vet", VET_FUNDING_COST, VET_REIMBURSEMENT))
      .partner(new Partner(GROOMER, "Groom Room (groomer)", GROOMER_FUNDING_COST,
          GROOMER_REIMBURSEMENT))
      .build();

  private PackCoalition() {}

  private static EarnRule rate(RuleId id, long pawsPerDollar, PartnerId partner) {
    return new EarnRule.Rate(id, RuleSettings.defaults(), PAWS, BigDecimal.valueOf(pawsPerDollar),
        DOLLAR, LineFilter.partners(partner));
  }

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }
}
