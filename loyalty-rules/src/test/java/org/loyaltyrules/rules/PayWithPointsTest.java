package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.activity.Adjustment;
import org.loyaltyrules.core.activity.PayWithPoints;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.InsufficientPointsException;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.PointsPayment;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.EarnPolicy;
import org.loyaltyrules.core.rule.EarnRule;

class PayWithPointsTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final UnitId POINTS = UnitId.of("points");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final LocalDate DAY = LocalDate.of(2026, 5, 4);

  private static Program.Builder odacite() {
    return Program.builder(ProgramId.of("odacite"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .earnRule(EarnRule.Rate.of("base", POINTS, 1, Money.of("1", "USD")))
        .pointsPayment(new PointsPayment(POINTS, 100, Money.of("5", "USD"),
            new BigDecimal("0.5")));
  }

  private static Instant at(int hour) {
    return DAY.atTime(hour, 0).atZone(ZONE).toInstant();
  }

  /** A member with 500 points who bought two $20.00 serums (40 points). */
  private static Member bought(CompiledProgram program) {
    Member m = Member.enroll(MemberId.of("ana"), at(8));
    m = program.decide(STATE, m, new Adjustment(ActivityId.of("opening"), at(8), POINTS, 500,
        "opening balance"), at(8), RANDOM).member();
    Purchase order = Purchase.builder(ActivityId.of("p-1"), at(9))
        .line(PurchaseLine.of("l1", "serum", "skincare", 2, Money.of("20.00", "USD"))).build();
    return program.decide(STATE, m, order, at(9), RANDOM).member();
  }

  private static Decision pay(CompiledProgram program, Member m, String id, long points) {
    return program.decide(STATE, m, new PayWithPoints(ActivityId.of(id), at(9), ActivityId.of(
        "p-1"), POINTS, points), at(9), RANDOM);
  }

  @Test
  void aHundredPointsAreFiveDollarsOffAndThePaidPartDoesNotEarn() {
    CompiledProgram program = LoyaltyRules.compile(odacite().build());
    Member m = bought(program);
    assertThat(m.available(POINTS)).isEqualTo(540);

    Decision d = pay(program, m, "pp-1", 200);
    assertThat(d.effects()).contains(new Effect.PaidWithPoints(ActivityId.of("p-1"), POINTS, 200,
        Money.of("10.00", "USD")));
    // 200 spent, and the $10 paid with points no longer earns: 40 - 30 = 10 taken back
    assertThat(d.member().available(POINTS)).isEqualTo(540 - 200 - 10);
    assertThat(d.effects()).contains(new Effect.PointsReversed(POINTS, 10, ActivityId.of("p-1")));
  }

  @Test
  void whenThePaidPartEarnsNothingIsTakenBack() {
    CompiledProgram program = LoyaltyRules.compile(odacite().earnPolicy(EarnPolicy.defaults()
        .withEarningParts(false, false, true)).build());
    Decision d = pay(program, bought(program), "pp-1", 200);
    assertThat(d.member().available(POINTS)).isEqualTo(340);
  }

  @Test
  void stepsShareUnitAndBalanceAreChecked() {
    CompiledProgram program = LoyaltyRules.compile(odacite().build());
    Member m = bought(program);
    assertThatThrownBy(() -> pay(program, m, "pp-1", 150))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("pay-with-points pp-1: 150 points is not a whole number of 100-point steps");
    assertThatThrownBy(() -> pay(program, m, "pp-1", 500))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("pay-with-points pp-1: USD 25.00 more would pay USD 25.00 of purchase p-1, "
            + "above the most points may pay, USD 20.00 (0.5 of USD 40.00)");
    Member paid = pay(program, m, "pp-1", 400).member();
    assertThatThrownBy(() -> pay(program, paid, "pp-2", 100))
        .as("the share counts what was paid before")
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("USD 5.00 more would pay USD 25.00");
    assertThatThrownBy(() -> program.decide(STATE, m, new PayWithPoints(ActivityId.of("pp-3"),
            at(9), ActivityId.of("p-404"), POINTS, 100), at(9), RANDOM))
        .isInstanceOf(UnknownReferenceException.class)
        .hasMessageContaining("unknown purchase 'p-404'");
    Member poor = Member.enroll(MemberId.of("bo"), at(8));
    Member poorBought = program.decide(STATE, poor, Purchase.builder(ActivityId.of("p-1"), at(9))
        .line(PurchaseLine.of("l1", "serum", "skincare", 2, Money.of("20.00", "USD"))).build(),
        at(9), RANDOM).member();
    assertThatThrownBy(() -> pay(program, poorBought, "pp-1", 100))
        .isInstanceOf(InsufficientPointsException.class);
  }

  @Test
  void aReturnGivesBackPaidPointsInProportionToTheReturnedValue() {
    CompiledProgram program = LoyaltyRules.compile(odacite().build());
    Member paid = pay(program, bought(program), "pp-1", 200).member();
    assertThat(paid.available(POINTS)).isEqualTo(330);

    Decision half = program.decide(STATE, paid, Return.of(ActivityId.of("r-1"), at(10),
        ActivityId.of("p-1"), List.of(ReturnLine.of("l1", 1))), at(10), RANDOM);
    // half the order back: 100 of the 200 paid points restored; $20 left, $5 of it paid with
    // points, so 15 points earned of the 30 kept: 15 taken back
    assertThat(half.effects()).contains(new Effect.PointsRestored(POINTS, 100,
        ActivityId.of("pp-1")));
    assertThat(half.member().available(POINTS)).isEqualTo(330 + 100 - 15);

    Decision all = program.decide(STATE, half.member(), Return.of(ActivityId.of("r-2"), at(10),
        ActivityId.of("p-1"), List.of(ReturnLine.of("l1", 1))), at(10), RANDOM);
    assertThat(all.member().available(POINTS)).as("back to the opening balance").isEqualTo(500);
  }

  @Test
  void pointsPaidAfterAPartialReturnComeBackInProportionToWhatTheyPaidFor() {
    CompiledProgram program = LoyaltyRules.compile(odacite().pointsPayment(new PointsPayment(
        POINTS, 100, Money.of("5", "USD"), BigDecimal.ONE)).build());
    Member m = Member.enroll(MemberId.of("ana"), at(8));
    m = program.decide(STATE, m, new Adjustment(ActivityId.of("opening"), at(8), POINTS, 1000,
        "opening balance"), at(8), RANDOM).member();
    Purchase order = Purchase.builder(ActivityId.of("p-1"), at(9))
        .line(PurchaseLine.of("a", "a", "x", 1, Money.of("50", "USD")))
        .line(PurchaseLine.of("b", "b", "x", 1, Money.of("25", "USD")))
        .line(PurchaseLine.of("c", "c", "x", 1, Money.of("25", "USD"))).build();
    m = program.decide(STATE, m, order, at(9), RANDOM).member();
    m = program.decide(STATE, m, Return.of(ActivityId.of("r-a"), at(9), ActivityId.of("p-1"),
        List.of(ReturnLine.of("a", 1))), at(9), RANDOM).member();
    m = program.decide(STATE, m, new PayWithPoints(ActivityId.of("pp-1"), at(9),
        ActivityId.of("p-1"), POINTS, 500), at(9), RANDOM).member();
    Decision d = program.decide(STATE, m, Return.of(ActivityId.of("r-b"), at(10),
        ActivityId.of("p-1"), List.of(ReturnLine.of("b", 1))), at(10), RANDOM);
    assertThat(d.effects()).as("b is half of the USD 50 the points paid toward")
        .contains(new Effect.PointsRestored(POINTS, 250, ActivityId.of("pp-1")));
  }
}
