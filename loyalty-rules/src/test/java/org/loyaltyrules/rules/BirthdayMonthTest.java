package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.MemberProfile;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.Audience;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Expression;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.RuleSettings;
import org.loyaltyrules.rules.config.ProgramFile;
import org.loyaltyrules.rules.config.ProgramFiles;
import org.loyaltyrules.rules.config.StateJson;

/** A rule can apply only in the member's birthday month, read in the program's zone. */
class BirthdayMonthTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final UnitId POINTS = UnitId.of("points");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  /** 1 April 2026, 01:00 in Tokyo; still 31 March in UTC. */
  private static final Instant APRIL_IN_TOKYO = Instant.parse("2026-03-31T16:00:00Z");
  /** 31 March 2026, 23:00 in Tokyo. */
  private static final Instant MARCH_IN_TOKYO = Instant.parse("2026-03-31T14:00:00Z");

  private static Program program(RuleSettings birthday) {
    return Program.builder(ProgramId.of("shop"), Money.currency("USD"), TOKYO)
        .unit(PointUnit.redeemable("points", "Points"))
        .earnRule(EarnRule.Rate.of("base", POINTS, 1, Money.of("1.00", "USD")))
        .earnRule(new EarnRule.Multiplier(RuleId.of("birthday-double"), birthday, POINTS,
            BigDecimal.valueOf(2), LineFilter.all()))
        .build();
  }

  private static final RuleSettings IN_BIRTHDAY_MONTH = RuleSettings.defaults()
      .audience(Audience.everyone().withBirthdayMonth(true));

  private static Member member(Optional<LocalDate> birthday) {
    Member m = Member.enroll(MemberId.of("ana"), Instant.parse("2026-01-01T00:00:00Z"));
    return m.withProfile(new MemberProfile(birthday, Set.of(), Map.of()));
  }

  private static Member bornInApril() {
    return member(Optional.of(LocalDate.of(1990, 4, 10)));
  }

  private static Purchase purchase(String id, Instant at) {
    return Purchase.builder(ActivityId.of(id), at)
        .lines(List.of(PurchaseLine.of("l1", "CAKE", "food", 2, Money.of("10.00", "USD"))))
        .build();
  }

  private static TraceEntry traceOf(Decision d, String rule) {
    return d.trace().stream().filter(t -> t.rule().value().equals(rule)).findFirst()
        .orElseThrow();
  }

  @Test
  void aRuleEarnsOnlyInTheBirthdayMonthOfTheProgramsZone() {
    CompiledProgram program = LoyaltyRules.compile(program(IN_BIRTHDAY_MONTH));
    Decision april = program.decide(STATE, bornInApril(), purchase("p-1", APRIL_IN_TOKYO),
        APRIL_IN_TOKYO, RANDOM);
    assertThat(traceOf(april, "birthday-double").granted()).isEqualTo(20);
    assertThat(april.member().available(POINTS)).isEqualTo(40);

    Decision march = program.decide(STATE, bornInApril(), purchase("p-1", MARCH_IN_TOKYO),
        MARCH_IN_TOKYO, RANDOM);
    assertThat(traceOf(march, "birthday-double"))
        .isEqualTo(TraceEntry.notMatched(RuleId.of("birthday-double"),
            "not the member's birthday month"));
    assertThat(march.member().available(POINTS)).isEqualTo(20);
  }

  @Test
  void aMemberWhoSharedNoBirthdayIsOutside() {
    CompiledProgram program = LoyaltyRules.compile(program(IN_BIRTHDAY_MONTH));
    Decision d = program.decide(STATE, member(Optional.empty()),
        purchase("p-1", APRIL_IN_TOKYO), APRIL_IN_TOKYO, RANDOM);
    assertThat(traceOf(d, "birthday-double").matched()).isFalse();
    assertThat(d.member().available(POINTS)).isEqualTo(20);
    assertThat(MemberProfile.empty().isBirthdayMonth(LocalDate.of(2026, 4, 1))).isFalse();
  }

  @Test
  void theAudienceFlagAndTheExpressionFieldAgree() {
    CompiledProgram byAudience = LoyaltyRules.compile(program(IN_BIRTHDAY_MONTH));
    CompiledProgram byExpression = LoyaltyRules.compile(program(RuleSettings.defaults()
        .when(Expression.of("member.birthdayMonth"))));
    for (Instant at : List.of(APRIL_IN_TOKYO, MARCH_IN_TOKYO)) {
      for (Member m : List.of(bornInApril(), member(Optional.empty()))) {
        Purchase p = purchase("p-1", at);
        assertThat(byExpression.decide(STATE, m, p, at, RANDOM).postings())
            .as("%s, %s", at, m.profile())
            .isEqualTo(byAudience.decide(STATE, m, p, at, RANDOM).postings());
      }
    }
  }

  @Test
  void aReturnAfterTheMonthTakesBackWhatTheBirthdayMonthGave() {
    CompiledProgram program = LoyaltyRules.compile(program(IN_BIRTHDAY_MONTH));
    Decision bought = program.decide(STATE, bornInApril(), purchase("p-1", APRIL_IN_TOKYO),
        APRIL_IN_TOKYO, RANDOM);
    assertThat(bought.member().purchases().toString()).isNotEmpty();
    Member restored = StateJson.readMember(StateJson.write(bought.member()));
    assertThat(restored).as("the purchase's context keeps the birthday month")
        .isEqualTo(bought.member());
    assertThat(StateJson.write(bought.member())).contains("\"birthdayMonth\":true");

    Instant may = Instant.parse("2026-05-05T03:00:00Z");
    Decision returned = program.decide(STATE, restored, Return.of(ActivityId.of("r-1"), may,
        ActivityId.of("p-1"), List.of(ReturnLine.of("l1", 1))), may, RANDOM);
    assertThat(returned.member().available(POINTS)).as("half of 40").isEqualTo(20);
  }

  @Test
  void programFilesReadAndWriteTheFlag() {
    String text = """
        format: loyalty-program/1
        id: shop
        name: Shop
        currency: USD
        zone: Asia/Tokyo
        units:
          - id: points
            name: Points
        earnRules:
          - id: base
            kind: rate
            unit: points
            points: 1
            per: 1.00
          - id: birthday-double
            kind: multiplier
            unit: points
            factor: 2
            audience:
              birthdayMonth: true
        """;
    ProgramFile file = ProgramFiles.read(text, ProgramFiles.Syntax.of("shop.yaml"));
    assertThat(file.problems()).isEmpty();
    Audience audience = file.program().earnRules().get(1).settings().audience();
    assertThat(audience.birthdayMonth()).isTrue();
    assertThat(audience.withBirthdayMonth(false)).isEqualTo(Audience.everyone());

    String written = ProgramFiles.write(file.program(), ProgramFiles.Syntax.of("shop.yaml"));
    assertThat(written).contains("birthdayMonth: true");
    assertThat(ProgramFiles.read(written, ProgramFiles.Syntax.of("shop.yaml")).program())
        .isEqualTo(file.program());

    ProgramFile bad = ProgramFiles.read(text.replace("birthdayMonth: true",
        "birthdayMonth: sometimes"), ProgramFiles.Syntax.of("shop.yaml"));
    assertThat(bad.isValid()).isFalse();
    assertThat(bad.errors()).anySatisfy(p -> assertThat(p.toString())
        .contains("earnRules[1].audience.birthdayMonth"));
  }

  @Test
  void anAudienceOutsideTheBirthdayMonthExcludesEveryone() {
    Audience audience = Audience.everyone().withBirthdayMonth(true);
    assertThat(audience.includes(Set.of(), Optional.empty(), Map.of(), Optional.empty(),
        Optional.empty(), true)).isTrue();
    assertThat(audience.includes(Set.of(), Optional.empty(), Map.of(), Optional.empty(),
        Optional.empty(), false)).isFalse();
    assertThat(audience.includes(Set.of(), Optional.empty(), Map.of(), Optional.empty()))
        .isFalse();
    assertThat(Audience.everyone().includes(Set.of(), Optional.empty(), Map.of(),
        Optional.empty(), Optional.empty(), false)).isTrue();
  }
}
