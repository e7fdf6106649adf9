package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.Cap;
import org.loyaltyrules.core.rule.CapScope;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.RuleSettings;

/**
 * The smallest cases of bugs {@link DecisionProperties} found, kept as regression tests: a late
 * activity of an earlier day must still meet that day's cap and once-a-day bonuses, and a
 * multiplier's rounded share must not make a return in parts take back more than a whole one.
 */
class DecisionRegressionTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final UnitId STARS = UnitId.of("stars");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));

  private static Instant at(int day, int hour, int minute) {
    return LocalDateTime.of(2026, 3, day, hour, minute).atZone(ZONE).toInstant();
  }

  private static Program.Builder program() {
    return Program.builder(ProgramId.of("p"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("stars", "Stars"));
  }

  private static Decision decide(CompiledProgram program, Member member, Activity activity,
      Instant at) {
    return program.decide(STATE, member, activity, at, new SplittableRandom(1));
  }

  private static Purchase order(String id, Instant at, String price) {
    return Purchase.builder(ActivityId.of(id), at)
        .line(PurchaseLine.of("l1", "sku", "drinks", 1, Money.of(price, "USD"))).build();
  }

  /**
   * BUG 1 (property a). A day's cap counter is dropped as soon as the member's state reaches the
   * next day ({@code CompiledProgram.tidy} via {@code Run.expiredCounters}), but activities of
   * that day may still arrive later, within the activity horizon ({@code decide} accepts an
   * activity that happened before the member's "as of"). A late purchase of the evening before
   * then finds no counter and earns the whole day's cap again.
   */
  @Test
  @DisplayName("regression: a purchase decided after midnight earns past yesterday's DAY cap")
  void aLatePurchaseOfYesterdayStillRespectsYesterdaysDayCap() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.Rate(RuleId.of("base"), RuleSettings.defaults()
            .caps(Cap.of(CapScope.DAY, 10)), STARS, BigDecimal.ONE, Money.of("1", "USD"),
            LineFilter.all()))
        .build());
    Member m = Member.enroll(MemberId.of("ana"), at(16, 8, 0));
    m = decide(compiled, m, order("p1", at(16, 20, 0), "10.00"), at(16, 20, 0)).member();
    assertThat(m.available(STARS)).as("the 16th's cap is reached").isEqualTo(10);
    m = decide(compiled, m, order("p2", at(17, 0, 30), "1.00"), at(17, 0, 30)).member();
    assertThat(m.available(STARS)).isEqualTo(11);

    // Happened on the 16th at 23:45, reaches the host at 00:45 on the 17th.
    Decision late = decide(compiled, m, order("p3", at(16, 23, 45), "10.00"), at(17, 0, 45));
    assertThat(late.member().available(STARS))
        .as("the 16th already earned its cap of 10; p3 must earn nothing (it earns 10 more)")
        .isEqualTo(11);
  }

  /** BUG 1 again, for a once-a-day event bonus: the same dropped counter. */
  @Test
  @DisplayName("regression: a check-in decided after midnight earns yesterday's once-a-day bonus twice")
  void aLateCheckInOfYesterdayDoesNotEarnYesterdaysBonusAgain() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.EventBonus(RuleId.of("check-in"), RuleSettings.defaults(), STARS,
            5, EngagementType.CHECK_IN, Map.of(), Frequency.ONCE_PER_DAY))
        .build());
    Member m = Member.enroll(MemberId.of("ana"), at(16, 8, 0));
    m = decide(compiled, m, EngagementEvent.of(ActivityId.of("c1"), at(16, 20, 0),
        EngagementType.CHECK_IN), at(16, 20, 0)).member();
    m = decide(compiled, m, EngagementEvent.of(ActivityId.of("c2"), at(17, 0, 30),
        EngagementType.CHECK_IN), at(17, 0, 30)).member();
    assertThat(m.available(STARS)).as("once on the 16th, once on the 17th").isEqualTo(10);

    Decision late = decide(compiled, m, EngagementEvent.of(ActivityId.of("c3"), at(16, 23, 45),
        EngagementType.CHECK_IN), at(17, 0, 45));
    assertThat(late.member().available(STARS))
        .as("the 16th's check-in bonus was already earned (it is earned a second time)")
        .isEqualTo(10);
  }

  /**
   * BUG 2 (property e). With multipliers applied before rounding and rounding per order, a
   * multiplier's share, floor(base + extra) - floor(base), is not monotone in what is left of the
   * order: returning a line the multiplier does not apply to can make it worth more. A return
   * takes back per lot {@code amount - reversed - min(reEvaluated, amount)} and never gives any
   * back ({@code Run.ret}), so an intermediate return that drops the multiplier's share to 0 takes
   * a point the final remainder would keep: returning in parts takes back more than returning
   * the same quantities at once.
   *
   * <p>1 star per $1, beans x2. Beans 2 x $0.50 and a latte at $0.80: base floor(1.80) = 1,
   * x2 floor(2.80) - 1 = 1. Returning a bean and the latte at once leaves $0.50 of beans: base 0,
   * x2 floor(1.00) - 0 = 1, so 1 star stays. Returning the bean first leaves $1.30 (x2 share
   * floor(1.80) - 1 = 0, its point taken back), then the latte ($0.50, share 1 again, but nothing
   * is given back): 0 stars stay.
   */
  @Test
  @DisplayName("regression: returning in parts takes back what returning whole does (multiplier "
      + "before rounding)")
  void returningInPartsTakesBackWhatReturningWholeTakesBack() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(EarnRule.Rate.of("base", STARS, 1, Money.of("1", "USD")))
        .earnRule(new EarnRule.Multiplier(RuleId.of("beans-x2"), RuleSettings.defaults(), STARS,
            BigDecimal.valueOf(2), LineFilter.categories("beans")))
        .build());
    Instant t = at(16, 9, 0);
    Purchase purchase = Purchase.builder(ActivityId.of("p1"), t)
        .line(PurchaseLine.of("beans", "beans-sku", "beans", 2, Money.of("0.50", "USD")))
        .line(PurchaseLine.of("latte", "latte-sku", "drinks", 1, Money.of("0.80", "USD")))
        .build();
    Member bought = decide(compiled, Member.enroll(MemberId.of("ana"), t), purchase, t).member();
    assertThat(bought.available(STARS)).isEqualTo(2);

    Member whole = decide(compiled, bought, Return.of(ActivityId.of("r"), t, purchase.id(),
        List.of(ReturnLine.of("beans", 1), ReturnLine.of("latte", 1))), t).member();
    assertThat(whole.available(STARS)).isEqualTo(1);

    Member first = decide(compiled, bought, Return.of(ActivityId.of("r1"), t, purchase.id(),
        List.of(ReturnLine.of("beans", 1))), t).member();
    Member parts = decide(compiled, first, Return.of(ActivityId.of("r2"), t, purchase.id(),
        List.of(ReturnLine.of("latte", 1))), t).member();
    assertThat(parts.available(STARS))
        .as("returning the bean, then the latte, must leave what returning both at once leaves")
        .isEqualTo(whole.available(STARS));
  }

  @Test
  @DisplayName("regression: a capped, multiplied rate gives back what an earlier return took")
  void aCappedMultipliedRateReturnedInPartsEndsWhereReturningWholeDoes() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.Rate(RuleId.of("base"), RuleSettings.defaults()
            .caps(Cap.of(CapScope.DAY, 1)), STARS, BigDecimal.valueOf(3), Money.of("1", "USD"),
            LineFilter.all()))
        .earnRule(new EarnRule.Multiplier(RuleId.of("beans-x2"), RuleSettings.defaults(), STARS,
            BigDecimal.valueOf(2), LineFilter.categories("beans")))
        .build());
    Instant t = at(16, 9, 0);
    Purchase purchase = Purchase.builder(ActivityId.of("p1"), t)
        .line(PurchaseLine.of("drink", "drink-sku", "drinks", 2, Money.of("0.11", "USD")))
        .line(PurchaseLine.of("beans", "beans-sku", "beans", 1, Money.of("0.56", "USD")))
        .build();
    Member bought = decide(compiled, Member.enroll(MemberId.of("ana"), t), purchase, t).member();
    // base floor(3 x 0.78) = 2, capped at 1 by the day; beans: floor(3 x (0.22 + 1.12)) - 2 = 2
    // on the base's 2, so 1 on the 1 the base was granted
    assertThat(bought.available(STARS)).isEqualTo(2);

    Member whole = decide(compiled, bought, Return.of(ActivityId.of("r"), t, purchase.id(),
        List.of(ReturnLine.of("drink", 2))), t).member();
    Member first = decide(compiled, bought, Return.of(ActivityId.of("r1"), t, purchase.id(),
        List.of(ReturnLine.of("drink", 1))), t).member();
    // base floor(3 x 0.67) = 2, keeps the 1 it was granted; beans floor(3 x 1.23) - 2 = 1
    assertThat(first.available(STARS)).as("base 1 (capped), beans 1").isEqualTo(2);
    Decision second = decide(compiled, first, Return.of(ActivityId.of("r2"), t, purchase.id(),
        List.of(ReturnLine.of("drink", 1))), t);
    // base 1; beans' share is 2 again, but the order never granted more than 2 in all
    assertThat(second.member().available(STARS)).isEqualTo(whole.available(STARS))
        .isEqualTo(2);
  }
  /**
   * BUG 3 (property a), met when multipliers began to multiply what a capped rate grants. At the
   * purchase the base rate's cap held it back, so the food multiplier's share was small; after a
   * return the base no longer reached its cap, and the multiplier's share on the rest of the
   * order was given back in full, past the multiplier's own cap per activity.
   */
  @Test
  @DisplayName("regression: a return gives a multiplier back no more than its cap per activity")
  void aReturnKeepsAMultiplierWithinItsOwnCapPerActivity() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnPolicy(org.loyaltyrules.core.rule.EarnPolicy.defaults()
            .withScope(org.loyaltyrules.core.rule.EarnPolicy.Scope.PER_LINE))
        .earnRule(new EarnRule.Rate(RuleId.of("base"), RuleSettings.defaults()
            .caps(Cap.of(CapScope.ACTIVITY, 255)), STARS, BigDecimal.valueOf(5),
            Money.of("1", "USD"), LineFilter.all()))
        .earnRule(new EarnRule.Multiplier(RuleId.of("food-x3"), RuleSettings.defaults()
            .caps(Cap.of(CapScope.ACTIVITY, 116)), STARS, BigDecimal.valueOf(3),
            LineFilter.categories("food")))
        .build());
    Instant t = at(16, 9, 0);
    Purchase purchase = Purchase.builder(ActivityId.of("p1"), t)
        .line(PurchaseLine.of("cup", "cup-sku", "drinks", 1, Money.of("0.01", "USD")))
        .line(PurchaseLine.of("food", "food-sku", "food", 2, Money.of("11.68", "USD")))
        .line(PurchaseLine.of("kettle", "kettle-sku", "drinks", 1, Money.of("90.33", "USD")))
        .build();
    Member bought = decide(compiled, Member.enroll(MemberId.of("ana"), t), purchase, t).member();
    // base: 0 + 116 + 451 = 567 per line, capped at 255; food-x3 on 255 / 567 of the food
    // line's 116.8: floor(350.4 x 255 / 567) - floor(116.8 x 255 / 567) = 157 - 52 = 105
    assertThat(bought.available(STARS)).isEqualTo(255 + 105);

    Decision returned = decide(compiled, bought, Return.of(ActivityId.of("r1"), t,
        purchase.id(), List.of(ReturnLine.of("kettle", 1))), t);
    Member rest = decide(compiled, Member.enroll(MemberId.of("ana"), t),
        Purchase.builder(ActivityId.of("p2"), t)
            .line(PurchaseLine.of("cup", "cup-sku", "drinks", 1, Money.of("0.01", "USD")))
            .line(PurchaseLine.of("food", "food-sku", "food", 2, Money.of("11.68", "USD")))
            .build(), t).member();
    // base 116, under its cap; food-x3 350 - 116 = 234, capped at 116
    assertThat(rest.available(STARS)).isEqualTo(116 + 116);
    assertThat(returned.member().available(STARS)).isEqualTo(rest.available(STARS));
    assertThat(returned.trace()).allSatisfy(e -> assertThat(e.granted()).isLessThanOrEqualTo(116));
  }
}
