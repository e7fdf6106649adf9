package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.examples.programs.TomsPassport.CLEAN_WATER;
import static org.loyaltyrules.examples.programs.TomsPassport.GIVING_FUND;
import static org.loyaltyrules.examples.programs.TomsPassport.POINTS;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.activity.Donation;
import org.loyaltyrules.core.activity.PayWithPoints;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.Account;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.Cause;
import org.loyaltyrules.core.program.PointsPayment;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/** TOMS Passport Rewards' published figures, decided by the library. */
class TomsPassportTest {
  private static final CompiledProgram TOMS = LoyaltyRules.compile(TomsPassport.program());
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);
  private static final LocalDate DAY = LocalDate.of(2026, 4, 22);

  private static Instant at(int hour) {
    return DAY.atTime(hour, 0).atZone(TomsPassport.ZONE).toInstant();
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(8));
  }

  private static PurchaseLine shoes(String id, String price) {
    return PurchaseLine.of(id, "alpargata", "shoes", 1, Money.of(price, "USD"));
  }

  private static PurchaseLine eco(String id, String price) {
    return PurchaseLine.of(id, "earthwise-sneaker", "shoes", 1, Money.of(price, "USD"))
        .withTags(Set.of(TomsPassport.ECO_TAG));
  }

  private static Decision buy(Member member, String id, int hour, PurchaseLine... lines) {
    Purchase purchase = Purchase.builder(ActivityId.of(id), at(hour)).lines(List.of(lines))
        .build();
    return TOMS.decide(STATE, member, purchase, at(hour), RANDOM);
  }

  private static Decision donate(Member member, String id, int hour, CauseId cause,
      long points) {
    return TOMS.decide(STATE, member, new Donation(ActivityId.of(id), at(hour), cause, POINTS,
        points), at(hour), RANDOM);
  }

  /** A member who has earned 600 points with a $600.00 order, id p-1. */
  private static Member withSixHundredPoints() {
    Member m = buy(ana(), "p-1", 9, shoes("l1", "600.00")).member();
    assertThat(m.available(POINTS)).isEqualTo(600);
    return m;
  }

  @Test
  void freeToJoinAndAPointPerDollarRoundedDown() {
    assertThat(TomsPassport.program().plans()).as("no fee to join").isEmpty();
    Decision d = buy(ana(), "p-1", 9, shoes("l1", "40.99"));
    assertThat(d.member().available(POINTS)).isEqualTo(40);
    assertThat(d.effects(Effect.PointsEarned.class)).singleElement().satisfies(e -> {
      assertThat(e.points()).isEqualTo(40);
      assertThat(e.rule()).contains(TomsPassport.BASE_RATE);
    });
  }

  @Test
  void anEcoLineEarnsDoubleAndTheRestOfTheOrderTheBaseRate() {
    Decision ecoOnly = buy(ana(), "p-1", 9, eco("l1", "40.00"));
    assertThat(ecoOnly.member().available(POINTS)).isEqualTo(80);
    assertThat(ecoOnly.effects(Effect.PointsEarned.class))
        .extracting(e -> e.rule().orElseThrow(), Effect.PointsEarned::points).containsExactly(
            org.assertj.core.groups.Tuple.tuple(TomsPassport.BASE_RATE, 40L),
            org.assertj.core.groups.Tuple.tuple(TomsPassport.ECO_DOUBLE, 40L));

    Decision mixed = buy(ana(), "p-1", 9, shoes("l1", "60.00"), eco("l2", "40.00"));
    assertThat(mixed.member().available(POINTS)).as("60 + 2 x 40").isEqualTo(140);

    Decision plain = buy(ana(), "p-1", 9, shoes("l1", "40.00"));
    assertThat(plain.member().available(POINTS)).as("no eco line, no double").isEqualTo(40);
  }

  @Test
  void fiveHundredPointsDonatedGiveTheGivingFundFiveDollars() {
    Decision d = donate(withSixHundredPoints(), "d-1", 10, GIVING_FUND, 500);

    assertThat(d.effects()).containsExactly(new Effect.DonationMade(GIVING_FUND, POINTS, 500,
        Money.of("5.00", "USD")));
    assertThat(d.effects(Effect.DonationMade.class).get(0).value().toString())
        .isEqualTo("USD 5.00");
    assertThat(d.member().available(POINTS)).as("the 500 points leave the balance")
        .isEqualTo(100);
    assertThat(d.member().ledger().balance(Account.cause(GIVING_FUND), POINTS)).isEqualTo(500);
    assertThat(d.member().ledger().balance(Account.cause(CLEAN_WATER), POINTS)).isZero();
  }

  @Test
  void fiveHundredPointsPayFiveDollarsOfAnOrderTheSameAsTheyGiveACause() {
    Decision paid = TOMS.decide(STATE, withSixHundredPoints(), new PayWithPoints(
        ActivityId.of("pp-1"), at(10), ActivityId.of("p-1"), POINTS, 500), at(10), RANDOM);

    assertThat(paid.effects(Effect.PaidWithPoints.class)).containsExactly(
        new Effect.PaidWithPoints(ActivityId.of("p-1"), POINTS, 500, Money.of("5.00", "USD")));
    assertThat(paid.effects(Effect.PaidWithPoints.class).get(0).value().toString())
        .isEqualTo("USD 5.00");
    // the $5 paid with points earns nothing: the order earns on $595, so 5 of the 600 go back
    assertThat(paid.effects(Effect.PointsReversed.class)).extracting(Effect.PointsReversed::points)
        .containsExactly(5L);
    assertThat(paid.member().available(POINTS)).isEqualTo(600 - 500 - 5);

    // one-to-one: a point is worth $0.01 at checkout and to either cause
    PointsPayment payment = TomsPassport.program().pointsPayment().orElseThrow();
    assertThat(payment.pointsPerStep()).isEqualTo(100);
    assertThat(payment.valuePerStep()).isEqualTo(Money.of("1.00", "USD"));
    for (Cause cause : TomsPassport.program().causes().values()) {
      assertThat(cause.valueOf(500)).as(cause.name()).isEqualTo(payment.valueOf(500))
          .isEqualTo(Money.of("5.00", "USD"));
      assertThat(cause.pointValue()).isEqualTo(Money.of("0.01", "USD"));
    }
  }

  @Test
  void aDonationBelowTheMinimumOrNotAWholeNumberOfStepsIsRefused() {
    Member m = withSixHundredPoints();
    assertThatThrownBy(() -> donate(m, "d-1", 10, GIVING_FUND, 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("donation d-1: cause giving-fund accepts at least 100 points in steps of "
            + "100, was 50; the nearest valid amount is 100");
    assertThatThrownBy(() -> donate(m, "d-2", 10, CLEAN_WATER, 250))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("donation d-2: cause clean-water accepts at least 100 points in steps of "
            + "100, was 250; the nearest valid amounts are 200 and 300");

    Decision smallest = donate(m, "d-3", 10, GIVING_FUND, 100);
    assertThat(smallest.effects()).containsExactly(new Effect.DonationMade(GIVING_FUND, POINTS,
        100, Money.of("1.00", "USD")));
    assertThat(smallest.member().available(POINTS)).isEqualTo(500);
  }

  @Test
  void theMemberChoosesWhichCauseToGiveTo() {
    Decision water = donate(withSixHundredPoints(), "d-1", 10, CLEAN_WATER, 300);
    assertThat(water.effects()).containsExactly(new Effect.DonationMade(CLEAN_WATER, POINTS,
        300, Money.of("3.00", "USD")));
    Decision fund = donate(water.member(), "d-2", 11, GIVING_FUND, 200);
    assertThat(fund.effects()).containsExactly(new Effect.DonationMade(GIVING_FUND, POINTS,
        200, Money.of("2.00", "USD")));

    Member after = fund.member();
    assertThat(after.available(POINTS)).isEqualTo(100);
    assertThat(after.ledger().balance(Account.cause(CLEAN_WATER), POINTS)).isEqualTo(300);
    assertThat(after.ledger().balance(Account.cause(GIVING_FUND), POINTS)).isEqualTo(200);
    assertThat(TomsPassport.program().causes().keySet())
        .containsExactly(GIVING_FUND, CLEAN_WATER);
  }

  @Test
  void anUnknownCauseIsRefused() {
    Member m = withSixHundredPoints();
    assertThatThrownBy(() -> donate(m, "d-1", 10, CauseId.of("oceans"), 100))
        .isInstanceOf(UnknownReferenceException.class)
        .hasMessage("unknown cause 'oceans' in program toms-passport (it has [giving-fund, "
            + "clean-water])");
    assertThat(m.available(POINTS)).isEqualTo(600);
  }

  @Test
  void threeTiersBySpendInTheCalendarYear() {
    TierLadder ladder = TomsPassport.program().tiers().orElseThrow();
    assertThat(ladder.metric()).isEqualTo(TierMetric.SPEND);
    assertThat(ladder.window()).isEqualTo(QualificationWindow.calendarYear());
    assertThat(ladder.tiers()).extracting(Tier::id).containsExactly(TomsPassport.TRAVELER,
        TomsPassport.ADVENTURER, TomsPassport.EXPLORER);
    assertThat(ladder.tiers()).extracting(t -> t.threshold().longValueExact())
        .containsExactly(0L, 150L, 500L);
    assertThat(ladder.tiers()).extracting(Tier::earnMultiplier)
        .allSatisfy(f -> assertThat(f).isEqualByComparingTo(BigDecimal.ONE));
  }

  @Test
  void tiersMoveUpAsSoonAsTheYearsSpendReachesThem() {
    Decision first = buy(ana(), "p-1", 9, shoes("l1", "149.99"));
    assertThat(first.member().tierId()).contains(TomsPassport.TRAVELER);
    assertThat(first.effects(Effect.TierChanged.class)).containsExactly(
        new Effect.TierChanged(Optional.empty(), TomsPassport.TRAVELER));

    Decision second = buy(first.member(), "p-2", 10, shoes("l1", "0.01"));
    assertThat(second.member().tierId()).as("$150.00 in 2026")
        .contains(TomsPassport.ADVENTURER);
    assertThat(second.effects(Effect.TierChanged.class)).containsExactly(
        new Effect.TierChanged(Optional.of(TomsPassport.TRAVELER), TomsPassport.ADVENTURER));

    Decision third = buy(second.member(), "p-3", 11, eco("l1", "349.99"));
    assertThat(third.member().tierId()).as("$499.99: tiers count money, not points")
        .contains(TomsPassport.ADVENTURER);
    assertThat(third.member().available(POINTS)).as("149 + 0 + 2 x 349.99, rounded down")
        .isEqualTo(149 + 699);

    Decision fourth = buy(third.member(), "p-4", 12, shoes("l1", "0.01"));
    assertThat(fourth.member().tierId()).as("$500.00 in 2026").contains(TomsPassport.EXPLORER);
    assertThat(fourth.effects(Effect.TierChanged.class)).containsExactly(
        new Effect.TierChanged(Optional.of(TomsPassport.ADVENTURER), TomsPassport.EXPLORER));
    assertThat(TOMS.tierProgress(STATE, fourth.member(), at(12)).credit())
        .isEqualByComparingTo("500.00");
  }

  @Test
  void ruleIdsAreAsDocumented() {
    assertThat(TomsPassport.program().earnRules()).extracting(r -> r.id())
        .containsExactly(TomsPassport.BASE_RATE, TomsPassport.ECO_DOUBLE);
    assertThat(TomsPassport.program().id().value()).isEqualTo("toms-passport");
  }
}
