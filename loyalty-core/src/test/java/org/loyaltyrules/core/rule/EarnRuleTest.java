package org.loyaltyrules.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.program.InvalidProgramException;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.program.Program;

class EarnRuleTest {
  private static final UnitId STARS = UnitId.of("stars");
  private static final Money ONE_DOLLAR = Money.of("1", "USD");

  @Test
  void aRateIsPointsPerMoney() {
    EarnRule.Rate rate = EarnRule.Rate.of("base", STARS, 2, ONE_DOLLAR);
    assertThat(rate.points()).isEqualByComparingTo("2");
    assertThat(rate.per()).isEqualTo(ONE_DOLLAR);
    assertThat(rate.lines().matchesAll()).isTrue();
    assertThat(rate.settings()).isEqualTo(RuleSettings.defaults());
    assertThatThrownBy(() -> EarnRule.Rate.of("base", STARS, 0, ONE_DOLLAR))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule base: points must be positive, was 0");
    assertThatThrownBy(() -> EarnRule.Rate.of("base", STARS, 2, Money.of("0", "USD")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule base: per must be positive, was USD 0.00");
  }

  @Test
  void kindsRejectValuesThatGrantNothing() {
    RuleId id = RuleId.of("r");
    RuleSettings s = RuleSettings.defaults();
    assertThatThrownBy(() -> new EarnRule.Multiplier(id, s, STARS, BigDecimal.ONE,
            LineFilter.all()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule r: factor must be more than 1, was 1");
    assertThatThrownBy(() -> new EarnRule.EventBonus(id, s, STARS, -5,
            EngagementType.REVIEW, Map.of(), Frequency.ONCE_EVER))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule r: points must be positive, was -5");
    assertThatThrownBy(() -> new EarnRule.Cashback(id, s, new BigDecimal("101"),
            Optional.empty()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule r: percent must be at most 100, was 101");
    assertThatThrownBy(() -> new EarnRule.SpendVoucher(id, s, Money.of("35", "USD"),
            Money.of("5", "USD"), Optional.of(java.time.Period.ZERO)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule r: validity must be positive, was P0D");
    assertThatThrownBy(() -> new EarnRule.Rate(null, s, STARS, BigDecimal.ONE, ONE_DOLLAR,
            LineFilter.all()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule id must not be null");
  }

  @Test
  void settingsOrderStackingCapsAndWindow() {
    RuleSettings s = RuleSettings.defaults().order(2, 10).stacking(Stacking.EXCLUSIVE)
        .caps(Cap.of(CapScope.ACTIVITY, 500), Cap.of(CapScope.DAY, 1000))
        .window(TimeWindow.days(LocalDate.of(2026, 3, 14), LocalDate.of(2026, 3, 14)));

    assertThat(s.group()).isEqualTo(2);
    assertThat(s.priority()).isEqualTo(10);
    assertThat(s.caps()).extracting(Cap::scope).containsExactly(CapScope.ACTIVITY, CapScope.DAY);
    TimeWindow day = s.window().orElseThrow();
    assertThat(day.contains(LocalDateTime.of(2026, 3, 14, 0, 0))).isTrue();
    assertThat(day.contains(LocalDateTime.of(2026, 3, 14, 23, 59, 59))).isTrue();
    assertThat(day.contains(LocalDateTime.of(2026, 3, 15, 0, 0))).isFalse();
    assertThatThrownBy(() -> RuleSettings.defaults().caps(Cap.of(CapScope.DAY, 1),
            Cap.of(CapScope.DAY, 2)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("caps: two caps per DAY");
    assertThatThrownBy(() -> RuleSettings.defaults().order(-1, 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule group must not be negative, was -1");
    assertThatThrownBy(() -> Cap.of(CapScope.MEMBER, 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("cap per MEMBER must be positive, was 0");
  }

  @Test
  void audienceAndLineFilterMatch() {
    Audience students = Audience.everyone().withSegments(Set.of("students"))
        .withChannels(Set.of(Channel.ONLINE));
    assertThat(students.includes(Set.of("students"), Optional.empty(), Map.of(),
        Optional.of(Channel.ONLINE))).isTrue();
    assertThat(students.includes(Set.of("students"), Optional.empty(), Map.of(),
        Optional.of(Channel.IN_STORE))).isFalse();
    assertThat(students.includes(Set.of(), Optional.empty(), Map.of(),
        Optional.of(Channel.ONLINE))).isFalse();
    Audience gold = Audience.everyone().withTiers(Set.of(TierId.of("gold")));
    assertThat(gold.includes(Set.of(), Optional.of(TierId.of("gold")), Map.of(),
        Optional.empty())).isTrue();
    assertThat(gold.includes(Set.of(), Optional.empty(), Map.of(), Optional.empty())).isFalse();

    PurchaseLine beans = PurchaseLine.of("l1", "house-beans", "beans", 1, ONE_DOLLAR)
        .withTags(Set.of("eco"));
    assertThat(LineFilter.categories("beans").matches(beans)).isTrue();
    assertThat(LineFilter.skus("latte").matches(beans)).isFalse();
    assertThat(new LineFilter(Set.of(), Set.of(), Set.of("eco")).matches(beans)).isTrue();
    assertThat(LineFilter.all().matches(beans)).isTrue();
  }

  @Test
  void earnPolicyDefaultsAndRounding() {
    EarnPolicy defaults = EarnPolicy.defaults();
    assertThat(defaults.mode()).isEqualTo(RoundingMode.FLOOR);
    assertThat(defaults.scope()).isEqualTo(EarnPolicy.Scope.PER_ORDER);
    assertThat(defaults.multipliers()).isEqualTo(EarnPolicy.MultiplierTiming.BEFORE_ROUNDING);
    assertThat(defaults.taxEarns() || defaults.shippingEarns() || defaults.pointsPaidEarns())
        .isFalse();
    assertThatThrownBy(() -> defaults.withMode(RoundingMode.UNNECESSARY))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rounding mode must say how to round, was UNNECESSARY");
  }

  @Test
  void theProgramChecksItsRules() {
    Program.Builder builder = Program.builder(ProgramId.of("p"), Money.currency("USD"),
            ZoneId.of("America/New_York"))
        .unit(PointUnit.redeemable("stars", "Stars"))
        .earnRule(EarnRule.Rate.of("base", STARS, 2, ONE_DOLLAR))
        .earnRule(EarnRule.Rate.of("base", UnitId.of("miles"), 1, Money.of("1", "EUR")))
        .earnRule(new EarnRule.FirstPurchase(RuleId.of("first"), RuleSettings.defaults()
            .audience(Audience.everyone().withTiers(Set.of(TierId.of("gold")))),
            org.loyaltyrules.core.program.Grant.points(STARS, 50)));

    assertThatThrownBy(builder::build)
        .isExactlyInstanceOf(InvalidProgramException.class)
        .satisfies(e -> assertThat(((InvalidProgramException) e).problems())
            .extracting(Problem::path).containsExactly("earnRules[1].id",
                "earnRules[1].unit", "earnRules[1].per",
                "earnRules[2].settings.audience.tiers[0]"));
    Program ok = Program.builder(ProgramId.of("p"), Money.currency("USD"),
            ZoneId.of("America/New_York"))
        .unit(PointUnit.redeemable("stars", "Stars"))
        .earnRule(EarnRule.Rate.of("base", STARS, 2, ONE_DOLLAR)).build();
    assertThat(ok.earnRules()).extracting(EarnRule::id).containsExactly(RuleId.of("base"));
    assertThat(ok.earnPolicy()).isEqualTo(EarnPolicy.defaults());
    assertThat(List.copyOf(ok.earnRules())).hasSize(1);
  }
}
