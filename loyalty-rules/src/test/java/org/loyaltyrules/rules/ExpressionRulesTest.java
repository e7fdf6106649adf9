package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.OfferId;
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
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.InvalidProgramException;
import org.loyaltyrules.core.program.Offer;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.EarnPolicy;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Expression;
import org.loyaltyrules.core.rule.OnError;
import org.loyaltyrules.core.rule.RuleSettings;

/**
 * Expressions where a program uses them: a rule's {@code when}, a points formula and an offer's
 * targeting, with the same order, caps, trace, returns and error handling as the built-in kinds.
 */
class ExpressionRulesTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final UnitId POINTS = UnitId.of("points");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("EUR"));
  /** Saturday 2 May 2026, 10:00 in Berlin. */
  private static final Instant SATURDAY = LocalDate.of(2026, 5, 2).atTime(10, 0).atZone(ZONE)
      .toInstant();
  private static final Instant TUESDAY = SATURDAY.minusSeconds(4 * 86_400);
  private static final String OUTDOOR_WEEKEND =
      "sum(line.quantity, line.category == 'outdoor') >= 3 && dayOfWeek(now.date) >= 6";

  private static Program.Builder program() {
    return Program.builder(ProgramId.of("outdoors"), Money.currency("EUR"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .earnRule(EarnRule.Rate.of("base", POINTS, 1, Money.of("1", "EUR")));
  }

  private static Purchase order(String id, Instant at, PurchaseLine... lines) {
    return Purchase.builder(ActivityId.of(id), at).lines(List.of(lines)).build();
  }

  private static PurchaseLine line(String id, String category, long quantity, String price) {
    return PurchaseLine.of(id, id, category, quantity, Money.of(price, "EUR"));
  }

  private static Member member(Instant at, String... segments) {
    Member m = Member.enroll(MemberId.of("ana"), at.minusSeconds(86_400));
    return m.withProfile(m.profile().withSegments(Set.of(segments)));
  }

  private static TraceEntry trace(Decision d, String rule) {
    return d.trace().stream().filter(t -> t.rule().equals(RuleId.of(rule))).findFirst()
        .orElseThrow(() -> new AssertionError("no trace for " + rule + ": " + d.trace()));
  }

  @Test
  void aWhenConditionLimitsABuiltInRule() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("outdoor-weekend"),
            RuleSettings.defaults().when(Expression.of(OUTDOOR_WEEKEND)), POINTS, 50,
            Money.of("1", "EUR")))
        .build());
    Decision saturday = compiled.decide(STATE, member(SATURDAY), order("p1", SATURDAY,
        line("tent", "outdoor", 2, "100.00"), line("stove", "outdoor", 1, "40.00"),
        line("mug", "kitchen", 4, "5.00")), SATURDAY, RANDOM);
    assertThat(saturday.member().available(POINTS)).isEqualTo(260 + 50);
    assertThat(trace(saturday, "outdoor-weekend").granted()).isEqualTo(50);

    Decision twoItems = compiled.decide(STATE, member(SATURDAY), order("p2", SATURDAY,
        line("tent", "outdoor", 2, "100.00"), line("mug", "kitchen", 4, "5.00")), SATURDAY,
        RANDOM);
    assertThat(twoItems.member().available(POINTS)).isEqualTo(220);
    assertThat(trace(twoItems, "outdoor-weekend").note())
        .isEqualTo("its condition does not hold");

    Decision tuesday = compiled.decide(STATE, member(TUESDAY), order("p3", TUESDAY,
        line("tent", "outdoor", 3, "100.00")), TUESDAY, RANDOM);
    assertThat(tuesday.member().available(POINTS)).isEqualTo(300);
  }

  @Test
  void aJavaConditionAndAWhenConditionMustBothHold() {
    org.loyaltyrules.rules.spi.Extensions morning = org.loyaltyrules.rules.spi.Extensions
        .builder().condition("morning", p -> ctx -> ctx.localTime().getHour() < 12).build();
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("early-outdoor"),
            RuleSettings.defaults().condition(org.loyaltyrules.core.rule.CustomCondition.of(
                "morning")).when(Expression.of("any(line.category == 'outdoor')")), POINTS, 7,
            Money.of("1", "EUR")))
        .build(), morning);
    Purchase tent = order("p1", SATURDAY, line("tent", "outdoor", 1, "10.00"));
    Purchase mug = order("p2", SATURDAY, line("mug", "kitchen", 1, "10.00"));
    Instant evening = SATURDAY.plusSeconds(10 * 3_600);
    Purchase lateTent = order("p3", evening, line("tent", "outdoor", 1, "10.00"));
    assertThat(compiled.decide(STATE, member(SATURDAY), tent, SATURDAY, RANDOM).member()
        .available(POINTS)).isEqualTo(17);
    assertThat(compiled.decide(STATE, member(SATURDAY), mug, SATURDAY, RANDOM).member()
        .available(POINTS)).isEqualTo(10);
    assertThat(compiled.decide(STATE, member(SATURDAY), lateTent, evening, RANDOM).member()
        .available(POINTS)).isEqualTo(10);
  }

  @Test
  void aFormulaEarnsItsRoundedValueAndAReturnTakesBackTheDifference() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.Formula(RuleId.of("students"), RuleSettings.defaults(), POINTS,
            Expression.of("inSegment('students') ? floor(order.total) * 2 + 50 : 0")))
        .build());
    Member student = member(SATURDAY, "students");
    Decision d = compiled.decide(STATE, student, order("p1", SATURDAY,
        line("tent", "outdoor", 1, "99.90"), line("mug", "kitchen", 2, "5.00")), SATURDAY,
        RANDOM);
    // base floor(109.90) = 109; formula floor(109.90) * 2 + 50 = 268
    assertThat(d.member().available(POINTS)).isEqualTo(109 + 268);
    assertThat(trace(d, "students").granted()).isEqualTo(268);
    assertThat(trace(d, "students").note()).isEqualTo("formula");

    Decision back = compiled.decide(STATE, d.member(), Return.of(ActivityId.of("r1"), SATURDAY,
        ActivityId.of("p1"), List.of(ReturnLine.of("tent", 1))), SATURDAY, RANDOM);
    // what remains earns base 10 and floor(10.00) * 2 + 50 = 70
    assertThat(back.member().available(POINTS)).isEqualTo(10 + 70);

    Decision other = compiled.decide(STATE, member(SATURDAY), order("p2", SATURDAY,
        line("tent", "outdoor", 1, "99.90")), SATURDAY, RANDOM);
    assertThat(other.member().available(POINTS)).isEqualTo(99);
    assertThat(trace(other, "students").note()).isEqualTo("granted nothing");
  }

  @Test
  void aFormulaIsRoundedAsTheProgramDeclares() {
    EarnRule third = EarnRule.Formula.of("third", POINTS, "order.total / 3");
    Purchase ten = order("p1", SATURDAY, line("mug", "kitchen", 1, "10.00"));
    long floor = LoyaltyRules.compile(program().earnRule(third).build())
        .decide(STATE, member(SATURDAY), ten, SATURDAY, RANDOM).member().available(POINTS);
    long up = LoyaltyRules.compile(program().earnRule(third)
            .earnPolicy(EarnPolicy.defaults().withMode(RoundingMode.CEILING)).build())
        .decide(STATE, member(SATURDAY), ten, SATURDAY, RANDOM).member().available(POINTS);
    assertThat(floor).isEqualTo(10 + 3);
    assertThat(up).isEqualTo(10 + 4);
  }

  @Test
  void anOfferTargetedByAnExpressionAppliesOnlyWhereItHolds() {
    Offer weekendOutdoor = new Offer(OfferId.of("weekend-outdoor"), "Outdoor weekend",
        LocalDate.of(2026, 4, 1).atStartOfDay(), LocalDate.of(2026, 6, 1).atStartOfDay(),
        Set.of(), Set.of(), POINTS, BigDecimal.valueOf(2), 25)
        .when(Expression.of("any(line.category == 'outdoor') && dayOfWeek(now.date) >= 6"));
    CompiledProgram compiled = LoyaltyRules.compile(program().offer(weekendOutdoor).build());
    Decision hit = compiled.decide(STATE, member(SATURDAY), order("p1", SATURDAY,
        line("tent", "outdoor", 1, "100.00")), SATURDAY, RANDOM);
    assertThat(hit.member().available(POINTS)).isEqualTo(100 + 100 + 25);
    Decision miss = compiled.decide(STATE, member(SATURDAY), order("p2", SATURDAY,
        line("mug", "kitchen", 1, "100.00")), SATURDAY, RANDOM);
    assertThat(miss.member().available(POINTS)).isEqualTo(100);
    assertThat(trace(miss, "offer:weekend-outdoor").note())
        .isEqualTo("its condition does not hold");
  }

  @Test
  void aDivisionByZeroIsSkippedOrRefusesTheDecisionAsDeclared() {
    String perItem = "order.total / order.tax";
    Member m = member(SATURDAY);
    Purchase noTax = order("p1", SATURDAY, line("mug", "kitchen", 1, "10.00"));

    Decision skipped = LoyaltyRules.compile(program()
            .earnRule(EarnRule.Formula.of("per-tax", POINTS, perItem)).build())
        .decide(STATE, m, noTax, SATURDAY, RANDOM);
    assertThat(skipped.isRefused()).isFalse();
    assertThat(skipped.member().available(POINTS)).isEqualTo(10);
    assertThat(skipped.errors()).singleElement().satisfies(e -> {
      assertThat(e.consequence()).isEqualTo(DecisionError.Consequence.RULE_SKIPPED);
      assertThat(e.rule()).contains(RuleId.of("per-tax"));
      assertThat(e.message()).isEqualTo("rule per-tax: division by zero at line 1, column 13");
    });
    assertThat(trace(skipped, "per-tax").note())
        .isEqualTo("could not be evaluated: division by zero at line 1, column 13");

    Decision refused = LoyaltyRules.compile(program()
            .earnRule(new EarnRule.Formula(RuleId.of("per-tax"), RuleSettings.defaults()
                .onError(OnError.REFUSE_DECISION), POINTS, Expression.of(perItem))).build())
        .decide(STATE, m, noTax, SATURDAY, RANDOM);
    assertThat(refused.isRefused()).isTrue();
    assertThat(refused.member()).isEqualTo(m);
    assertThat(refused.postings()).isEmpty();
    assertThat(refused.errors()).singleElement().satisfies(e -> assertThat(e.consequence())
        .isEqualTo(DecisionError.Consequence.DECISION_REFUSED));

    Decision inCondition = LoyaltyRules.compile(program()
            .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("odd"), RuleSettings.defaults()
                .when(Expression.of("order.total % order.tax == 0")), POINTS, 5,
                Money.of("1", "EUR"))).build())
        .decide(STATE, m, noTax, SATURDAY, RANDOM);
    assertThat(inCondition.errors()).singleElement().satisfies(e -> assertThat(e.message())
        .isEqualTo("rule odd: condition: division by zero at line 1, column 13"));
  }

  @Test
  void aFormulaOutOfRangeIsAnErrorNotAWrongNumber() {
    Member m = member(SATURDAY);
    Purchase ten = order("p1", SATURDAY, line("mug", "kitchen", 1, "10.00"));
    Decision huge = LoyaltyRules.compile(program()
            .earnRule(EarnRule.Formula.of("huge", POINTS, "order.total * 100000000000000000"))
            .build())
        .decide(STATE, m, ten, SATURDAY, RANDOM);
    assertThat(huge.member().available(POINTS)).isEqualTo(10);
    assertThat(huge.errors()).singleElement().satisfies(e -> assertThat(e.message())
        .isEqualTo("rule huge: the formula's value 1000000000000000000.00 overflows the "
            + "ledger's ceiling of 1000000000000000 points"));
    Decision negative = LoyaltyRules.compile(program()
            .earnRule(EarnRule.Formula.of("minus", POINTS, "50 - order.total * 6")).build())
        .decide(STATE, m, ten, SATURDAY, RANDOM);
    assertThat(negative.errors()).singleElement().satisfies(e -> assertThat(e.message())
        .isEqualTo("rule minus: the formula gave negative points: -10.00"));
  }

  @Test
  void everyExpressionMistakeIsAProblemWithItsPathAndPosition() {
    Program broken = program()
        .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("typo"), RuleSettings.defaults()
            .when(Expression.of("order.totl > 10")), POINTS, 5, Money.of("1", "EUR")))
        .earnRule(EarnRule.Formula.of("not-a-number", POINTS, "order.total > 10"))
        .earnRule(EarnRule.Formula.of("attack", POINTS, "Runtime.getRuntime().exec('id')"))
        .offer(Offer.multiplier("spring", "Spring", LocalDate.of(2026, 4, 1).atStartOfDay(),
            LocalDate.of(2026, 5, 1).atStartOfDay(), POINTS, BigDecimal.valueOf(2))
            .when(Expression.of("order.total = 0")))
        .build();
    assertThatThrownBy(() -> LoyaltyRules.compile(broken))
        .isInstanceOf(InvalidProgramException.class)
        .satisfies(e -> assertThat(((InvalidProgramException) e).problems()).containsExactly(
            new Problem("earnRules[1].settings.when", "line 1, column 1: unknown name "
                + "'order.totl'; did you mean 'order.total'?"),
            new Problem("earnRules[2].points", "line 1, column 1: a formula must be a number, "
                + "but this expression is a boolean"),
            new Problem("earnRules[3].points", "line 1, column 9: 'getRuntime(...)': method "
                + "calls are not allowed; only the functions [min, max, abs, floor, ceil, "
                + "round, date, year, month, day, dayOfWeek, daysBetween, inSegment, hasPlan, "
                + "attribute, hasTag, count, sum, any, all] can be called"),
            new Problem("offers[0].when", "line 1, column 13: '=' is not an operator of "
                + "the language (assignment is not allowed; compare with '==')")));
  }

  /** The attacks the language exists to refuse, refused when the program is compiled. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      Runtime.getRuntime().exec("id")           | 1 | 9
      System.exit(0)                            | 1 | 8
      new java.io.File("/").list()              | 1 | 1
      order.getClass().getClassLoader()         | 1 | 7
      Thread.sleep(10000)                       | 1 | 8
      while (true) {}                           | 1 | 1
      order.total = 0                           | 1 | 13
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' ~= '(.*a){20}' | 1 | 35
      order.class                               | 1 | 1
      T(java.lang.Runtime).exec('id')           | 1 | 1
      """)
  void theListedAttacksNeverReachAProgram(String text, int line, int column) {
    Program attacked = program()
        .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("attack"), RuleSettings.defaults()
            .when(Expression.of(text)), POINTS, 5, Money.of("1", "EUR")))
        .build();
    assertThatThrownBy(() -> LoyaltyRules.compile(attacked))
        .isInstanceOf(InvalidProgramException.class)
        .satisfies(e -> assertThat(((InvalidProgramException) e).problems()).singleElement()
            .satisfies(p -> {
              assertThat(p.path()).isEqualTo("earnRules[1].settings.when");
              assertThat(p.message()).startsWith("line " + line + ", column " + column + ": ");
            }));
  }

  @Test
  void aWhenConditionOnARuleThatIsNotAboutPurchasesIsAProblem() {
    Program program = program()
        .earnRule(new EarnRule.EventBonus(RuleId.of("check-in"), RuleSettings.defaults()
            .when(Expression.of("order.total > 1")), POINTS, 5,
            org.loyaltyrules.core.activity.EngagementType.CHECK_IN, java.util.Map.of(),
            org.loyaltyrules.core.rule.Frequency.EVERY_TIME))
        .build();
    assertThatThrownBy(() -> LoyaltyRules.compile(program))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("earnRules[1].settings.when: a condition applies only to rules "
            + "that earn points on purchases, not to EventBonus");
  }
}
