package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.DecisionError;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.InvalidProgramException;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.Cap;
import org.loyaltyrules.core.rule.CapScope;
import org.loyaltyrules.core.rule.CustomCondition;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.OnError;
import org.loyaltyrules.core.rule.RuleSettings;
import org.loyaltyrules.rules.spi.Extensions;

class ExtensionsTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final UnitId POINTS = UnitId.of("points");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("EUR"));
  private static final Instant AT = LocalDate.of(2026, 5, 2).atTime(10, 0).atZone(ZONE)
      .toInstant();

  /** Points per item in the outdoor category; a weekend-only condition. */
  private static final Extensions EXTENSIONS = Extensions.builder()
      .rule("per-outdoor-item", params -> {
        long each = Long.parseLong(params.getOrDefault("points", "0"));
        if (each <= 0) {
          throw new IllegalArgumentException("points must be positive, was " + each);
        }
        return ctx -> ctx.purchase().lines().stream()
            .filter(l -> l.category().equals("outdoor"))
            .map(ctx::quantity)
            .reduce(BigDecimal.ZERO, BigDecimal::add).longValueExact() * each;
      })
      .rule("broken", params -> ctx -> 10 / (ctx.purchase().lines().size() - 1))
      .condition("weekend", params -> ctx -> ctx.localTime().getDayOfWeek().getValue() >= 6)
      .build();

  private static Program program(EarnRule rule) {
    return Program.builder(ProgramId.of("outdoors"), Money.currency("EUR"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .earnRule(EarnRule.Rate.of("base", POINTS, 1, Money.of("1", "EUR")))
        .earnRule(rule)
        .build();
  }

  private static EarnRule custom(String kind, RuleSettings settings, Map<String, String> params) {
    return new EarnRule.Custom(RuleId.of(kind), settings, POINTS, kind, params);
  }

  private static Purchase order(PurchaseLine... lines) {
    return Purchase.builder(ActivityId.of("p-1"), AT).lines(List.of(lines)).build();
  }

  private static PurchaseLine line(String id, String category, long quantity) {
    return PurchaseLine.of(id, id, category, quantity, Money.of("10", "EUR"));
  }

  @Test
  void aJavaRuleEarnsWithTheSameCapsAndTraceAsTheBuiltIns() {
    CompiledProgram compiled = LoyaltyRules.compile(program(custom("per-outdoor-item",
        RuleSettings.defaults().caps(Cap.of(CapScope.ACTIVITY, 100)), Map.of("points", "25"))),
        EXTENSIONS);
    Member m = Member.enroll(MemberId.of("ana"), AT);
    Decision d = compiled.decide(STATE, m, order(line("tent", "outdoor", 3),
        line("mug", "kitchen", 1), line("stove", "outdoor", 2)), AT, RANDOM);
    // base 60; 5 outdoor items x 25 = 125, capped at 100
    assertThat(d.member().available(POINTS)).isEqualTo(160);
    assertThat(d.trace()).filteredOn(t -> t.rule().equals(RuleId.of("per-outdoor-item")))
        .singleElement().satisfies(t -> {
          assertThat(t.granted()).isEqualTo(100);
          assertThat(t.lostToCap()).isEqualTo(25);
        });

    Decision ret = compiled.decide(STATE, d.member(), Return.of(ActivityId.of("r-1"), AT,
        ActivityId.of("p-1"), List.of(ReturnLine.of("tent", 3))), AT, RANDOM);
    assertThat(ret.member().available(POINTS)).as("30 base and 50 of the capped 100 back")
        .isEqualTo(160 - 30 - 50);
  }

  @Test
  void aJavaConditionLimitsABuiltInRule() {
    CompiledProgram compiled = LoyaltyRules.compile(program(new EarnRule.MinimumSpendBonus(
        RuleId.of("weekend-bonus"), RuleSettings.defaults().condition(CustomCondition.of(
            "weekend")), POINTS, 50, Money.of("20", "EUR"))), EXTENSIONS);
    Member m = Member.enroll(MemberId.of("ana"), AT.minusSeconds(3 * 86400));
    Decision saturday = compiled.decide(STATE, m, order(line("tent", "outdoor", 2)), AT, RANDOM);
    assertThat(saturday.member().available(POINTS)).isEqualTo(20 + 50);
    Instant tuesday = AT.minusSeconds(4 * 86400);
    Member early = Member.enroll(MemberId.of("bo"), tuesday);
    Decision weekday = compiled.decide(STATE, early, Purchase.builder(ActivityId.of("p-2"),
        tuesday).line(line("tent", "outdoor", 2)).build(), tuesday, RANDOM);
    assertThat(weekday.member().available(POINTS)).isEqualTo(20);
    assertThat(weekday.trace()).filteredOn(t -> t.rule().equals(RuleId.of("weekend-bonus")))
        .singleElement().satisfies(t -> assertThat(t.note())
            .isEqualTo("its condition does not hold"));
  }

  @Test
  void aFailingRuleIsSkippedOrRefusesTheDecisionAsDeclaredNeverASilentZero() {
    Member m = Member.enroll(MemberId.of("ana"), AT);
    Purchase one = order(line("tent", "outdoor", 1));

    Decision skipped = LoyaltyRules.compile(program(custom("broken", RuleSettings.defaults(),
        Map.of())), EXTENSIONS).decide(STATE, m, one, AT, RANDOM);
    assertThat(skipped.isRefused()).isFalse();
    assertThat(skipped.member().available(POINTS)).as("the base rate still earns").isEqualTo(10);
    assertThat(skipped.errors()).singleElement().satisfies(e -> {
      assertThat(e.consequence()).isEqualTo(DecisionError.Consequence.RULE_SKIPPED);
      assertThat(e.message()).isEqualTo("rule broken: ArithmeticException: / by zero");
    });

    Decision refused = LoyaltyRules.compile(program(custom("broken", RuleSettings.defaults()
        .onError(OnError.REFUSE_DECISION), Map.of())), EXTENSIONS).decide(STATE, m, one, AT,
        RANDOM);
    assertThat(refused.isRefused()).isTrue();
    assertThat(refused.member()).isEqualTo(m);
    assertThat(refused.postings()).isEmpty();
    assertThat(refused.effects()).isEmpty();
  }

  @Test
  void unknownKindsAndRejectedParametersAreProblemsAtCompileTime() {
    assertThatThrownBy(() -> LoyaltyRules.compile(program(custom("per-outdoor-item",
            RuleSettings.defaults(), Map.of("points", "-1"))), EXTENSIONS))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("earnRules[1].parameters: extension 'per-outdoor-item' rejects "
            + "{points=-1}: points must be positive, was -1");
    assertThatThrownBy(() -> LoyaltyRules.compile(program(custom("teleport",
            RuleSettings.defaults(), Map.of())), EXTENSIONS))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("earnRules[1].kind: no extension is registered as 'teleport'");
    assertThatThrownBy(() -> Extensions.builder().rule("x", p -> c -> 1).rule("x", p -> c -> 2))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("kind x is already registered");
  }
}
