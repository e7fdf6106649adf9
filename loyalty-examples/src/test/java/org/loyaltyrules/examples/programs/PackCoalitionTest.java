package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.loyaltyrules.examples.programs.PackCoalition.EXAM_DISCOUNT;
import static org.loyaltyrules.examples.programs.PackCoalition.GROOMER;
import static org.loyaltyrules.examples.programs.PackCoalition.KIBBLE;
import static org.loyaltyrules.examples.programs.PackCoalition.KIBBLE_BAG;
import static org.loyaltyrules.examples.programs.PackCoalition.NAIL_TRIM;
import static org.loyaltyrules.examples.programs.PackCoalition.PAWS;
import static org.loyaltyrules.examples.programs.PackCoalition.VET;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.Account;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.settlement.PartnerSettlement;
import org.loyaltyrules.core.settlement.PointFlows;
import org.loyaltyrules.core.settlement.SettlementStatement;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/**
 * The Pack's figures, decided by the library, and its monthly settlements worked out by hand.
 *
 * <p>The story (the same as {@code pack-coalition.scenario.yaml}): in March 2026 the member buys
 * $85.40 of dog food (a $60.00 large bag and $25.40 of treats: 854 paws, funded by the dog-food
 * maker), a $120.00 vet visit (600 paws, the vet's) and a $40.65 bath (325 paws, the groomer's),
 * then takes a nail trim at the groomer for 600 paws, which come out of the dog-food maker's
 * lot, earned first. In April she pays the vet $89.90 (449 paws), returns the large bag (the
 * rest of the order earns 254, so 600 paws go back: the 254 left in the dog-food maker's lot and
 * 346 of the vet's), buys a $64.00 groom (512 paws), and takes $10 off an exam at the vet for
 * 1,000 paws and a bag of kibble for 500.
 */
class PackCoalitionTest {
  private static final Program PROGRAM = PackCoalition.program();
  private static final CompiledProgram PACK = LoyaltyRules.compile(PROGRAM);
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);
  private static final YearMonth MARCH = YearMonth.of(2026, 3);
  private static final YearMonth APRIL = YearMonth.of(2026, 4);
  private static final Purchase FOOD = Purchase.builder(ActivityId.of("k-1"), at(3, 2, 10))
      .partner(KIBBLE)
      .line(PurchaseLine.of("l1", "large-bag", "food", 1, usd("60.00")))
      .line(PurchaseLine.of("l2", "treats", "food", 1, usd("25.40")))
      .build();

  private static Instant at(int month, int day, int hour) {
    return LocalDateTime.of(2026, month, day, hour, 0).atZone(PackCoalition.ZONE).toInstant();
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private static Purchase visit(PartnerId partner, String id, Instant at, String sku,
      String price) {
    return Purchase.builder(ActivityId.of(id), at).partner(partner)
        .line(PurchaseLine.of("l1", sku, "service", 1, usd(price))).build();
  }

  private static Decision decide(Member member, Activity activity) {
    Decision d = PACK.decide(STATE, member, activity, activity.occurredAt(), RANDOM);
    assertThat(d.isRefused()).as("%s refused: %s", activity.id(), d.errors()).isFalse();
    return d;
  }

  private static Member run(Member member, Activity... activities) {
    for (Activity a : activities) {
      member = decide(member, a).member();
    }
    return member;
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(3, 1, 9));
  }

  /** March: earns at all three partners, then a nail trim at the groomer. */
  private static Member march() {
    return run(ana(), FOOD,
        visit(VET, "v-1", at(3, 5, 11), "checkup", "120.00"),
        visit(GROOMER, "g-1", at(3, 9, 14), "bath", "40.65"),
        RedeemReward.of(ActivityId.of("r-1"), at(3, 20, 10), NAIL_TRIM));
  }

  /** April: a vet visit, the large bag returned, a groom, then two partners' rewards. */
  private static Member april() {
    return run(march(),
        visit(VET, "v-2", at(4, 3, 11), "exam", "89.90"),
        Return.ofWholeLines(ActivityId.of("k-1-back"), at(4, 7, 10), FOOD,
            List.of(LineId.of("l1"))),
        visit(GROOMER, "g-2", at(4, 12, 14), "groom", "64.00"),
        RedeemReward.of(ActivityId.of("r-2"), at(4, 20, 10), EXAM_DISCOUNT),
        RedeemReward.of(ActivityId.of("r-3"), at(4, 25, 10), KIBBLE_BAG));
  }

  private static SettlementStatement settle(Member member, YearMonth month) {
    return SettlementStatement.forMonth(PROGRAM, PAWS, month, member.ledger().postings());
  }

  private static PartnerSettlement line(SettlementStatement statement, PartnerId partner) {
    return statement.partner(partner).orElseThrow();
  }

  /** Every party's position, partners' and operator's, adds up to nothing. */
  private static void assertPositionsSumToZero(SettlementStatement statement) {
    Money sum = statement.operatorNet();
    for (PartnerSettlement p : statement.partners()) {
      sum = sum.plus(p.net());
    }
    assertThat(statement.causes()).isEmpty();
    assertThat(sum.isZero()).as("positions %s sum to %s", statement, sum).isTrue();
  }

  /**
   * What went out of a funder's points plus what is outstanding: from the start, equal to what
   * it issued.
   */
  private static long out(PointFlows f) {
    return f.redeemed() + f.donated() + f.transferred() + f.reversed() + f.expired()
        + f.forfeited() + f.adjusted() + f.outstanding();
  }

  @Test
  void threePartnersEachSettlingAtItsOwnRates() {
    assertThat(PROGRAM.partners().keySet()).containsExactly(KIBBLE, VET, GROOMER);
    assertThat(PROGRAM.partners().values()).extracting(Partner::fundingCost,
        Partner::reimbursement).containsExactly(
            tuple(usd("0.012"), usd("0.01")),
            tuple(usd("0.01"), usd("0.008")),
            tuple(usd("0.011"), usd("0.0125")));
    assertThat(PROGRAM.settlementRounding()).isEqualTo(RoundingMode.HALF_EVEN);
    assertThat(PROGRAM.units().keySet()).as("one unit, earned and spent everywhere")
        .containsExactly(PAWS);
    assertThat(PROGRAM.id().value()).isEqualTo("pack-coalition");
  }

  @Test
  void eachPartnerEarnsAtItsOwnRateAndFundsWhatItIssues() {
    Decision food = decide(ana(), FOOD);
    assertThat(food.effects(Effect.PointsEarned.class))
        .extracting(e -> e.rule().orElseThrow(), Effect.PointsEarned::points)
        .as("10 per $1 on $85.40").containsExactly(tuple(PackCoalition.KIBBLE_RATE, 854L));
    Decision checkup = decide(food.member(),
        visit(VET, "v-1", at(3, 5, 11), "checkup", "120.00"));
    assertThat(checkup.effects(Effect.PointsEarned.class))
        .extracting(e -> e.rule().orElseThrow(), Effect.PointsEarned::points)
        .as("5 per $1 on $120.00").containsExactly(tuple(PackCoalition.VET_RATE, 600L));
    Decision bath = decide(checkup.member(),
        visit(GROOMER, "g-1", at(3, 9, 14), "bath", "40.65"));
    assertThat(bath.effects(Effect.PointsEarned.class))
        .extracting(e -> e.rule().orElseThrow(), Effect.PointsEarned::points)
        .as("8 per $1 on $40.65 is 325.2, rounded down")
        .containsExactly(tuple(PackCoalition.GROOMER_RATE, 325L));
    assertThat(bath.member().available(PAWS)).isEqualTo(854 + 600 + 325);

    List<Posting> earnings = bath.member().ledger().postings().stream()
        .filter(p -> p.type() == PostingType.EARN).toList();
    assertThat(earnings).extracting(p -> p.funder().orElseThrow(), Posting::amount,
        Posting::from).containsExactly(
            tuple(KIBBLE, 854L, Account.partner(KIBBLE)),
            tuple(VET, 600L, Account.partner(VET)),
            tuple(GROOMER, 325L, Account.partner(GROOMER)));
  }

  @Test
  void aPurchaseWithNoPartnerEarnsNothing() {
    Purchase elsewhere = Purchase.builder(ActivityId.of("x-1"), at(3, 2, 10))
        .line(PurchaseLine.of("l1", "large-bag", "food", 1, usd("60.00"))).build();

    Decision d = decide(ana(), elsewhere);

    assertThat(d.effects(Effect.PointsEarned.class)).isEmpty();
    assertThat(d.member().available(PAWS)).isZero();
  }

  @Test
  void eachPartnerOffersItsOwnRewardAndHonoursThePointsSpentOnIt() {
    assertThat(PROGRAM.rewards().values()).extracting(r -> r.id(), Reward::cost, Reward::partner)
        .containsExactly(
            tuple(KIBBLE_BAG, 500L, Optional.of(KIBBLE)),
            tuple(EXAM_DISCOUNT, 1000L, Optional.of(VET)),
            tuple(NAIL_TRIM, 600L, Optional.of(GROOMER)));
    assertThat(PROGRAM.reward(EXAM_DISCOUNT).value()).contains(usd("10.00"));

    Member march = march();
    assertThat(march.available(PAWS)).isEqualTo(1779 - 600);
    List<Posting> redemptions = march.ledger().postings().stream()
        .filter(p -> p.type() == PostingType.REDEEM).toList();
    assertThat(redemptions).as("earned at the dog-food maker, spent at the groomer")
        .extracting(p -> p.funder().orElseThrow(), p -> p.honouredBy().orElseThrow(),
            Posting::amount)
        .containsExactly(tuple(KIBBLE, GROOMER, 600L));
  }

  @Test
  void marchSettlesEachPartnerAndRoundsTheGroomersHalfCentToEven() {
    SettlementStatement march = settle(march(), MARCH);

    PartnerSettlement kibble = line(march, KIBBLE);
    assertThat(kibble.fundedPoints()).isEqualTo(854);
    assertThat(kibble.fundingOwed()).isEqualTo(usd("10.248"));
    assertThat(kibble.honoured()).isZero();
    assertThat(kibble.net()).isEqualTo(usd("-10.25"));
    assertThat(kibble.funded()).isEqualTo(new PointFlows(0, 854, 600, 0, 0, 0, 0, 0, 0, 254));

    PartnerSettlement vet = line(march, VET);
    assertThat(vet.fundingOwed()).isEqualTo(usd("6.00"));
    assertThat(vet.net()).isEqualTo(usd("-6.00"));
    assertThat(vet.funded()).isEqualTo(new PointFlows(0, 600, 0, 0, 0, 0, 0, 0, 0, 600));

    PartnerSettlement groomer = line(march, GROOMER);
    assertThat(groomer.honoured()).isEqualTo(600);
    assertThat(groomer.reimbursementDue()).as("600 x 0.0125").isEqualTo(usd("7.50"));
    assertThat(groomer.fundingOwed()).as("325 x 0.011").isEqualTo(usd("3.575"));
    assertThat(groomer.exactNet()).isEqualTo(usd("3.925"));
    assertThat(groomer.net()).as("half-even: 3.925 to 3.92, not 3.93").isEqualTo(usd("3.92"));
    assertThat(groomer.operatorPays()).isTrue();
    assertThat(groomer.funded()).isEqualTo(new PointFlows(0, 325, 0, 0, 0, 0, 0, 0, 0, 325));

    assertThat(march.operatorNet()).as("10.25 + 6.00 in, 3.92 out").isEqualTo(usd("12.33"));
    assertThat(march.operatorFunded()).isEqualTo(PointFlows.NONE);
    assertPositionsSumToZero(march);
  }

  @Test
  void aReturnCreditsTheDogFoodMakerEvenWithTheVetsPoints() {
    Member march = march();
    Decision back = decide(run(march, visit(VET, "v-2", at(4, 3, 11), "exam", "89.90")),
        Return.ofWholeLines(ActivityId.of("k-1-back"), at(4, 7, 10), FOOD,
            List.of(LineId.of("l1"))));

    assertThat(back.effects(Effect.PointsReversed.class)).extracting(
        Effect.PointsReversed::points).as("$25.40 left earns 254 of the 854")
        .containsExactly(600L);
    List<Posting> reversals = back.postings().stream()
        .filter(p -> p.type() == PostingType.REVERSE).toList();
    assertThat(reversals).as("254 from its own lot, then 346 from the vet's next lot")
        .extracting(p -> p.funder().orElseThrow(), Posting::amount, Posting::to)
        .containsExactly(
            tuple(KIBBLE, 254L, Account.partner(KIBBLE)),
            tuple(VET, 346L, Account.partner(KIBBLE)));
    assertThat(back.member().available(PAWS)).isEqualTo(1179 + 449 - 600);
  }

  @Test
  void aprilSettlesTheReturnAndThreeRewardsAtOtherPartnersPoints() {
    Member april = april();
    assertThat(april.available(PAWS)).isEqualTo(1179 + 449 - 600 + 512 - 1000 - 500);
    SettlementStatement statement = settle(april, APRIL);

    PartnerSettlement kibble = line(statement, KIBBLE);
    assertThat(kibble.fundedPoints()).as("600 paws taken back").isEqualTo(-600);
    assertThat(kibble.fundingOwed()).isEqualTo(usd("-7.200"));
    assertThat(kibble.honoured()).isEqualTo(500);
    assertThat(kibble.reimbursementDue()).isEqualTo(usd("5.00"));
    assertThat(kibble.net()).as("5.00 + 7.20").isEqualTo(usd("12.20"));
    assertThat(kibble.funded()).isEqualTo(new PointFlows(254, 0, 0, 0, 0, 254, 0, 0, 0, 0));

    PartnerSettlement vet = line(statement, VET);
    assertThat(vet.fundedPoints()).isEqualTo(449);
    assertThat(vet.fundingOwed()).isEqualTo(usd("4.49"));
    assertThat(vet.honoured()).isEqualTo(1000);
    assertThat(vet.reimbursementDue()).isEqualTo(usd("8.00"));
    assertThat(vet.net()).isEqualTo(usd("3.51"));
    // 254 + 421 on the exam, 28 on the bag; 346 paid for the dog-food maker's return.
    assertThat(vet.funded()).isEqualTo(new PointFlows(600, 449, 703, 0, 0, 346, 0, 0, 0, 0));

    PartnerSettlement groomer = line(statement, GROOMER);
    assertThat(groomer.fundedPoints()).isEqualTo(512);
    assertThat(groomer.fundingOwed()).isEqualTo(usd("5.632"));
    assertThat(groomer.honoured()).isZero();
    assertThat(groomer.net()).isEqualTo(usd("-5.63"));
    // 325 on the exam, 472 on the bag.
    assertThat(groomer.funded()).isEqualTo(new PointFlows(325, 512, 797, 0, 0, 0, 0, 0, 0, 40));

    assertThat(statement.operatorNet()).as("5.63 in, 12.20 + 3.51 out")
        .isEqualTo(usd("-10.08"));
    assertThat(statement.operatorFunded()).isEqualTo(PointFlows.NONE);
    assertPositionsSumToZero(statement);
  }

  @Test
  void fromTheStartEveryPaidForPointIsSpentReversedOrOutstanding() {
    Member april = april();
    SettlementStatement march = settle(april, MARCH);
    SettlementStatement aprilStatement = settle(april, APRIL);
    SettlementStatement both = SettlementStatement.of(PROGRAM, PAWS,
        MARCH.atDay(1).atStartOfDay(PackCoalition.ZONE).toInstant(),
        APRIL.plusMonths(1).atDay(1).atStartOfDay(PackCoalition.ZONE).toInstant(),
        april.ledger().postings());
    assertThat(march).as("April's postings do not change March")
        .isEqualTo(settle(march(), MARCH));

    long outstanding = 0;
    for (PartnerId partner : List.of(KIBBLE, VET, GROOMER)) {
      PointFlows first = line(march, partner).funded();
      PointFlows second = line(aprilStatement, partner).funded();
      PointFlows whole = line(both, partner).funded();
      assertThat(first.opening()).isZero();
      assertThat(second.opening()).as("%s: April opens where March closed", partner)
          .isEqualTo(first.outstanding());
      assertThat(whole.opening()).isZero();
      assertThat(whole.issued()).as(partner.value()).isEqualTo(out(whole))
          .isEqualTo(first.issued() + second.issued());
      assertThat(whole.outstanding()).isEqualTo(second.outstanding());
      assertThat(line(both, partner).fundedPoints())
          .isEqualTo(line(march, partner).fundedPoints()
              + line(aprilStatement, partner).fundedPoints());
      outstanding += whole.outstanding();
    }
    assertThat(line(both, KIBBLE).funded())
        .isEqualTo(new PointFlows(0, 854, 600, 0, 0, 254, 0, 0, 0, 0));
    assertThat(line(both, VET).funded())
        .isEqualTo(new PointFlows(0, 1049, 703, 0, 0, 346, 0, 0, 0, 0));
    assertThat(line(both, GROOMER).funded())
        .isEqualTo(new PointFlows(0, 837, 797, 0, 0, 0, 0, 0, 0, 40));
    assertThat(outstanding).as("what the member holds").isEqualTo(april.available(PAWS))
        .isEqualTo(40);

    // Over both months the dog-food maker pays for the 254 paws its remaining $25.40 earned
    // (3.048) and is paid 5.00 for the bag; here the months' nets add up to the one net.
    assertThat(line(both, KIBBLE).net()).as("5.00 - 3.048").isEqualTo(usd("1.95"))
        .isEqualTo(line(march, KIBBLE).net().plus(line(aprilStatement, KIBBLE).net()));
    assertThat(line(both, VET).net()).as("8.00 - 10.49").isEqualTo(usd("-2.49"));
    assertThat(line(both, GROOMER).net()).as("7.50 - 9.207 = -1.707")
        .isEqualTo(usd("-1.71"));
    assertThat(both.operatorNet()).isEqualTo(usd("2.25"));
    assertPositionsSumToZero(both);
  }
}
