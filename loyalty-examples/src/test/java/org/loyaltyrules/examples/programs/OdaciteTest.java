package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.examples.programs.Odacite.NETWORK;
import static org.loyaltyrules.examples.programs.Odacite.POINTS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.PayWithPoints;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.ledger.InsufficientPointsException;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/** Odacité Rewards' published figures, decided by the library. */
class OdaciteTest {
  private static final CompiledProgram ODACITE = LoyaltyRules.compile(Odacite.program());
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);
  private static final LocalDate DAY = LocalDate.of(2026, 5, 4);

  private static Instant at(int hour) {
    return DAY.atTime(hour, 0).atZone(Odacite.ZONE).toInstant();
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(8));
  }

  private static Decision buy(Member member, String id, int hour, String price) {
    Purchase purchase = Purchase.builder(ActivityId.of(id), at(hour))
        .line(PurchaseLine.of("l1", "serum", "skincare", 1, Money.of(price, "USD"))).build();
    return ODACITE.decide(STATE, member, purchase, at(hour), RANDOM);
  }

  private static Decision event(Member member, String id, int hour, EngagementType type,
      String network) {
    EngagementEvent event = EngagementEvent.of(ActivityId.of(id), at(hour), type);
    if (network != null) {
      event = event.withAttribute(NETWORK, network);
    }
    return ODACITE.decide(STATE, member, event, at(hour), RANDOM);
  }

  private static Decision pay(Member member, String id, int hour, String purchase, long points) {
    return ODACITE.decide(STATE, member, new PayWithPoints(ActivityId.of(id), at(hour),
        ActivityId.of(purchase), POINTS, points), at(hour), RANDOM);
  }

  private static Purchase basket(String id, int hour, PurchaseLine... lines) {
    return Purchase.builder(ActivityId.of(id), at(hour)).lines(List.of(lines)).build();
  }

  private static TraceEntry bonusTrace(Decision d) {
    return d.trace().stream().filter(t -> t.rule().equals(Odacite.NEW_PRODUCT_BONUS))
        .findFirst().orElseThrow();
  }

  @Test
  void aHundredDollarOrderWithANewProductEarnsFiftyBonusPoints() {
    PurchaseLine serum = PurchaseLine.of("l1", "serum", "skincare", 1, Money.of("70.00", "USD"));
    PurchaseLine oil = PurchaseLine.of("l2", "oil", "skincare", 1, Money.of("50.00", "USD"))
        .withTags(java.util.Set.of(Odacite.NEW_TAG));
    Decision d = ODACITE.decide(STATE, ana(), basket("p-1", 9, serum, oil), at(9), RANDOM);
    assertThat(d.member().available(POINTS)).isEqualTo(120 + 50);
    assertThat(bonusTrace(d).granted()).isEqualTo(50);

    Decision noNew = ODACITE.decide(STATE, ana(), basket("p-2", 9, serum,
        PurchaseLine.of("l2", "toner", "skincare", 1, Money.of("50.00", "USD"))), at(9), RANDOM);
    assertThat(noNew.member().available(POINTS)).isEqualTo(120);
    assertThat(bonusTrace(noNew).note()).isEqualTo("its condition does not hold");

    Decision small = ODACITE.decide(STATE, ana(), basket("p-3", 9, oil), at(9), RANDOM);
    assertThat(small.member().available(POINTS)).isEqualTo(50);
    assertThat(bonusTrace(small).note()).isEqualTo("earning amount 50 is below the minimum 100");

    Decision returned = ODACITE.decide(STATE, d.member(), org.loyaltyrules.core.activity.Return
        .of(ActivityId.of("r-1"), at(10), ActivityId.of("p-1"), List.of(
            org.loyaltyrules.core.activity.ReturnLine.of("l2", 1))), at(10), RANDOM);
    assertThat(returned.member().available(POINTS)).as("70 for the serum; the bonus is gone")
        .isEqualTo(70);
  }

  @Test
  void fortyDollarsEarnFortyPoints() {
    Decision d = buy(ana(), "p-1", 9, "40.00");
    assertThat(d.member().available(POINTS)).isEqualTo(40);
    assertThat(d.effects(Effect.PointsEarned.class)).singleElement()
        .satisfies(e -> assertThat(e.rule()).contains(Odacite.BASE_RATE));
  }

  @Test
  void eachEngagementBonusOnceEver() {
    Member m = ana();
    Decision account = event(m, "e-1", 9, EngagementType.ACCOUNT_CREATED, null);
    assertThat(account.member().available(POINTS)).isEqualTo(100);
    Decision birthday = event(account.member(), "e-2", 9, EngagementType.BIRTHDAY_SHARED, null);
    assertThat(birthday.member().available(POINTS)).isEqualTo(200);
    Decision instagram = event(birthday.member(), "e-3", 10, EngagementType.SOCIAL_FOLLOW,
        "instagram");
    assertThat(instagram.member().available(POINTS)).isEqualTo(250);
    Decision facebook = event(instagram.member(), "e-4", 10, EngagementType.SOCIAL_SHARE,
        "facebook");
    assertThat(facebook.member().available(POINTS)).isEqualTo(300);
    assertThat(List.of(account, birthday, instagram, facebook)).extracting(d -> d.trace().get(0))
        .extracting(TraceEntry::rule, TraceEntry::granted).containsExactly(
            org.assertj.core.groups.Tuple.tuple(Odacite.ACCOUNT_CREATED, 100L),
            org.assertj.core.groups.Tuple.tuple(Odacite.BIRTHDAY_SHARED, 100L),
            org.assertj.core.groups.Tuple.tuple(Odacite.INSTAGRAM_FOLLOW, 50L),
            org.assertj.core.groups.Tuple.tuple(Odacite.FACEBOOK_SHARE, 50L));
    m = facebook.member();

    Decision secondFollow = event(m, "e-5", 11, EngagementType.SOCIAL_FOLLOW, "instagram");
    assertThat(secondFollow.member().available(POINTS)).as("nothing more").isEqualTo(300);
    assertThat(secondFollow.effects()).isEmpty();
    assertThat(secondFollow.trace()).singleElement().satisfies(t -> {
      assertThat(t.rule()).isEqualTo(Odacite.INSTAGRAM_FOLLOW);
      assertThat(t.matched()).isFalse();
      assertThat(t.note()).isEqualTo("already earned once ever");
    });
    // once ever means ever: not next year either
    Instant nextYear = LocalDate.of(2027, 5, 4).atTime(9, 0).atZone(Odacite.ZONE).toInstant();
    for (EngagementType type : List.of(EngagementType.ACCOUNT_CREATED,
        EngagementType.BIRTHDAY_SHARED)) {
      Decision again = ODACITE.decide(STATE, m, EngagementEvent.of(ActivityId.of("again-"
          + type), nextYear, type), nextYear, RANDOM);
      assertThat(again.member().available(POINTS)).as("%s again", type).isEqualTo(300);
      assertThat(again.trace()).singleElement().satisfies(t ->
          assertThat(t.note()).isEqualTo("already earned once ever"));
    }
    Decision secondShare = event(m, "e-6", 11, EngagementType.SOCIAL_SHARE, "facebook");
    assertThat(secondShare.member().available(POINTS)).isEqualTo(300);
  }

  @Test
  void onlyTheNamedNetworksEarn() {
    Decision tiktok = event(ana(), "e-1", 9, EngagementType.SOCIAL_FOLLOW, "tiktok");
    assertThat(tiktok.member().available(POINTS)).isZero();
    Decision facebookFollow = event(ana(), "e-1", 9, EngagementType.SOCIAL_FOLLOW, "facebook");
    assertThat(facebookFollow.member().available(POINTS)).as("a follow, not a share").isZero();
    Decision instagramShare = event(ana(), "e-1", 9, EngagementType.SOCIAL_SHARE, "instagram");
    assertThat(instagramShare.member().available(POINTS)).isZero();
  }

  @Test
  void aHundredPointsPayFiveDollarsOffAtCheckoutAndThePaidPartDoesNotEarn() {
    Member m = event(ana(), "e-1", 8, EngagementType.ACCOUNT_CREATED, null).member();
    Decision bought = buy(m, "p-1", 9, "40.00");
    assertThat(bought.member().available(POINTS)).isEqualTo(100 + 40);

    Decision paid = pay(bought.member(), "pp-1", 9, "p-1", 100);
    assertThat(paid.effects()).contains(new Effect.PaidWithPoints(ActivityId.of("p-1"), POINTS,
        100, Money.of("5.00", "USD")));
    assertThat(paid.effects(Effect.PaidWithPoints.class).get(0).value().toString())
        .isEqualTo("USD 5.00");
    // the $5 paid with points earns nothing: the order earns on $35, so 5 of the 40 go back
    assertThat(paid.effects()).contains(new Effect.PointsReversed(POINTS, 5,
        ActivityId.of("p-1")));
    assertThat(paid.member().available(POINTS)).isEqualTo(140 - 100 - 5);
  }

  @Test
  void pointsPayInWholeStepsOfAHundredAndNeverMoreThanTheBalance() {
    Member m = event(ana(), "e-1", 8, EngagementType.ACCOUNT_CREATED, null).member();
    Member bought = buy(m, "p-1", 9, "40.00").member();
    assertThatThrownBy(() -> pay(bought, "pp-1", 9, "p-1", 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pay-with-points pp-1: 50 points is not a whole number of 100-point steps");
    assertThatThrownBy(() -> pay(bought, "pp-1", 9, "p-1", 200))
        .isInstanceOf(InsufficientPointsException.class);
    assertThat(bought.available(POINTS)).isEqualTo(140);
  }

  @Test
  void threeTiersBySpendInTheCalendarYear() {
    TierLadder ladder = Odacite.program().tiers().orElseThrow();
    assertThat(ladder.metric()).isEqualTo(TierMetric.SPEND);
    assertThat(ladder.window())
        .isEqualTo(org.loyaltyrules.core.program.QualificationWindow.calendarYear());
    assertThat(ladder.tiers()).extracting(Tier::id)
        .containsExactly(Odacite.ROSE, Odacite.GOLD, Odacite.DIAMOND);
    assertThat(ladder.tiers()).extracting(t -> t.threshold().longValueExact())
        .containsExactly(0L, 500L, 1000L);
  }

  @Test
  void fiveHundredDollarsInAYearMovesAMemberToGoldAtOnce() {
    CompiledProgram odacite = LoyaltyRules.compile(Odacite.program());
    Instant at = LocalDateTime.of(2026, 5, 6, 9, 0).atZone(Odacite.ZONE).toInstant();
    Member dee = Member.enroll(MemberId.of("dee"), at);
    Purchase order = Purchase.builder(ActivityId.of("o-1"), at)
        .line(PurchaseLine.of("l1", "serum", "skincare", 1, Money.of("500.00", "USD"))).build();

    Decision d = odacite.decide(ProgramState.initial(Money.currency("USD")), dee, order, at,
        RandomGenerator.of("L64X128MixRandom"));

    assertThat(d.member().tierId()).contains(Odacite.GOLD);
    assertThat(d.effects()).contains(new Effect.TierChanged(Optional.of(Odacite.ROSE),
        Odacite.GOLD));
  }

  @Test
  void ruleIdsAreAsDocumented() {
    assertThat(Odacite.program().earnRules()).extracting(r -> r.id()).containsExactly(
        Odacite.BASE_RATE, Odacite.NEW_PRODUCT_BONUS, Odacite.ACCOUNT_CREATED, Odacite.BIRTHDAY_SHARED,
        Odacite.INSTAGRAM_FOLLOW, Odacite.FACEBOOK_SHARE);
    assertThat(Odacite.ACCOUNT_CREATED).isEqualTo(RuleId.of("account-created"));
  }
}
