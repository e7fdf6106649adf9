package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.loyaltyrules.examples.programs.Starbucks.DOUBLE_STAR_DAY;
import static org.loyaltyrules.examples.programs.Starbucks.HANDCRAFTED_DRINK;
import static org.loyaltyrules.examples.programs.Starbucks.STARS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.ledger.InsufficientPointsException;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/** Starbucks Rewards' published figures, decided by the library. */
class StarbucksTest {
  private static final CompiledProgram STARBUCKS = LoyaltyRules.compile(Starbucks.program());
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);
  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 16);

  private static Instant at(LocalDateTime local) {
    return local.atZone(Starbucks.ZONE).toInstant();
  }

  private static Instant at(LocalDate day, int hour) {
    return at(day.atTime(hour, 0));
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(LocalDate.of(2026, 3, 1), 8));
  }

  private static Decision buy(Member member, String id, Instant at, String price) {
    Purchase purchase = Purchase.builder(ActivityId.of(id), at)
        .line(PurchaseLine.of("l1", "latte", "drinks", 1, Money.of(price, "USD"))).build();
    return STARBUCKS.decide(STATE, member, purchase, at, RANDOM);
  }

  private static Decision redeemDrink(Member member, String id, Instant at) {
    return STARBUCKS.decide(STATE, member, RedeemReward.of(ActivityId.of(id), at,
        HANDCRAFTED_DRINK), at, RANDOM);
  }

  @Test
  void aTwelveFiftyPurchaseEarnsTwentyFiveStars() {
    Decision d = buy(ana(), "p-1", at(MONDAY, 9), "12.50");

    assertThat(d.member().available(STARS)).isEqualTo(25);
    assertThat(d.effects()).singleElement().isInstanceOfSatisfying(Effect.PointsEarned.class,
        e -> {
          assertThat(e.unit()).isEqualTo(STARS);
          assertThat(e.points()).isEqualTo(25);
          assertThat(e.rule()).contains(Starbucks.BASE_RATE);
        });
  }

  @Test
  void theSamePurchaseEarnsFiftyOnADoubleStarDay() {
    Decision d = buy(ana(), "p-1", at(DOUBLE_STAR_DAY, 9), "12.50");

    assertThat(d.member().available(STARS)).isEqualTo(50);
    assertThat(d.trace()).extracting(TraceEntry::rule, TraceEntry::granted).containsExactly(
        tuple(Starbucks.BASE_RATE, 25L), tuple(Starbucks.DOUBLE_STAR_DAY_RULE, 25L));
  }

  @Test
  void theDoubleStarDayIsTheWholeDayInTheProgramsZoneAndNoMore() {
    // 23:30 in Los Angeles is already the 19th in UTC and in the tests' own zone, Kiritimati.
    assertThat(buy(ana(), "p-1", at(DOUBLE_STAR_DAY.atTime(23, 30)), "12.50").member()
        .available(STARS)).isEqualTo(50);
    assertThat(buy(ana(), "p-1", at(DOUBLE_STAR_DAY.atStartOfDay()), "12.50").member()
        .available(STARS)).isEqualTo(50);
    assertThat(buy(ana(), "p-1", at(DOUBLE_STAR_DAY.plusDays(1).atStartOfDay()), "12.50")
        .member().available(STARS)).isEqualTo(25);
    assertThat(buy(ana(), "p-1", at(DOUBLE_STAR_DAY.atStartOfDay().minusMinutes(1)), "12.50")
        .member().available(STARS)).isEqualTo(25);
  }

  @Test
  void twoHundredStarsRedeemAHandcraftedDrink() {
    Member rich = buy(ana(), "p-1", at(MONDAY, 9), "100.00").member();
    assertThat(rich.available(STARS)).isEqualTo(200);

    Decision d = redeemDrink(rich, "r-1", at(MONDAY, 10));
    assertThat(d.effects()).containsExactly(new Effect.RewardRedeemed(HANDCRAFTED_DRINK, 1, STARS,
        200));
    assertThat(d.member().available(STARS)).isEqualTo(rich.available(STARS) - 200).isZero();
  }

  @Test
  void oneHundredNinetyNineStarsAreRefusedAndNothingChanges() {
    Member short1 = buy(ana(), "p-1", at(MONDAY, 9), "99.50").member();
    assertThat(short1.available(STARS)).isEqualTo(199);

    assertThatThrownBy(() -> redeemDrink(short1, "r-1", at(MONDAY, 10)))
        .isInstanceOf(InsufficientPointsException.class)
        .hasMessage("insufficient stars: requested 200, available 199");
    assertThat(short1.available(STARS)).isEqualTo(199);
  }

  @Test
  void theBirthdayDrinkArrivesOnceOnTheBirthday() {
    Member ana = ana();
    ana = ana.withProfile(ana.profile().withBirthday(LocalDate.of(1991, 7, 4)));
    LocalDate birthday = LocalDate.of(2026, 7, 4);

    Decision before = STARBUCKS.advance(STATE, ana, at(birthday.minusDays(1).atTime(23, 59)));
    assertThat(before.effects()).isEmpty();

    Decision on = STARBUCKS.advance(STATE, before.member(), at(birthday.atStartOfDay()));
    assertThat(on.effects()).containsExactly(new Effect.RewardRedeemed(HANDCRAFTED_DRINK, 1,
        STARS, 0));
    assertThat(on.member().available(STARS)).as("free: no stars spent").isZero();

    Decision laterThatDay = buy(on.member(), "p-1", at(birthday, 15), "12.50");
    assertThat(laterThatDay.effects(Effect.RewardRedeemed.class)).as("once").isEmpty();
    assertThat(laterThatDay.member().available(STARS)).isEqualTo(25);
    assertThat(STARBUCKS.advance(STATE, laterThatDay.member(), at(LocalDate.of(2026, 12, 31), 23))
        .effects()).as("once a year").isEmpty();
  }

  @Test
  void aPurchaseOnTheBirthdayBringsTheDrinkWithoutAnAdvance() {
    Member ana = ana();
    ana = ana.withProfile(ana.profile().withBirthday(LocalDate.of(1991, 7, 4)));

    Decision d = buy(ana, "p-1", at(LocalDate.of(2026, 7, 4), 9), "12.50");
    assertThat(d.effects(Effect.RewardRedeemed.class)).containsExactly(
        new Effect.RewardRedeemed(HANDCRAFTED_DRINK, 1, STARS, 0));
    assertThat(d.member().available(STARS)).isEqualTo(25);
  }
}
