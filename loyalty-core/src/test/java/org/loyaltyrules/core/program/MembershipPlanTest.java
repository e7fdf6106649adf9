package org.loyaltyrules.core.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.core.program.ProgramFixtures.usd;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.PlanId;

class MembershipPlanTest {
  @Test
  void amazonPrimeIsRecurring() {
    MembershipPlan prime = MembershipPlan.recurring("prime", "Amazon Prime", usd("139"),
        Period.ofYears(1), Set.of("free-two-day-shipping"));

    assertThat(prime.id()).isEqualTo(PlanId.of("prime"));
    assertThat(prime.fee().amount()).isEqualTo(new BigDecimal("139.00"));
    assertThat(prime.term()).contains(Period.ofYears(1));
    assertThat(prime.isLifetime()).isFalse();
    assertThat(prime.perks()).containsExactly("free-two-day-shipping");
    assertThat(prime.earnMultiplier()).isEqualTo(BigDecimal.ONE);
  }

  @Test
  void reiCoopIsLifetime() {
    MembershipPlan rei = MembershipPlan.lifetime("rei-coop", "REI Co-op", usd("20"),
        Set.of("member-sales", "annual-dividend"));

    assertThat(rei.term()).isEmpty();
    assertThat(rei.isLifetime()).isTrue();
    assertThat(rei.fee()).isEqualTo(usd("20.00"));
    assertThat(rei.perks()).containsExactly("annual-dividend", "member-sales");
  }

  @Test
  void badPartsAreRejectedNamingThem() {
    assertThatThrownBy(() -> MembershipPlan.recurring("prime", "Prime", usd("0"),
            Period.ofYears(1), Set.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("plan prime: fee must be positive, was USD 0.00");
    assertThatThrownBy(() -> MembershipPlan.recurring("prime", "Prime", usd("139"),
            Period.ZERO, Set.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("plan prime: term must be positive, was P0D");
    assertThatThrownBy(() -> MembershipPlan.recurring("prime", "Prime", usd("139"),
            Period.ofMonths(-1), Set.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("plan prime: term must be positive, was P-1M");
    assertThatThrownBy(() -> MembershipPlan.recurring("prime", "Prime", usd("139"), null,
            Set.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("plan prime: term must not be null");
    assertThatThrownBy(() -> new MembershipPlan(PlanId.of("card"), "Card", usd("95"),
            Optional.of(Period.ofYears(1)), Set.of(), BigDecimal.ZERO))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("plan card: earn multiplier must be at least 1, was 0");
    assertThatThrownBy(() -> MembershipPlan.lifetime("rei", "REI", usd("20"), Set.of(" ")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("plan rei: perks entry must not be blank, was ' '");
  }

  @Test
  void trialsGraceDiscountsAndDividendsAreCheckedNamingThePlan() {
    MembershipPlan prime = MembershipPlan.recurring("prime", "Prime", usd("139"),
        java.time.Period.ofYears(1), java.util.Set.of("free-shipping"));
    MembershipPlan rei = MembershipPlan.lifetime("rei", "REI Co-op", usd("20"),
        java.util.Set.of());

    assertThat(prime.withTrial(java.time.Period.ofDays(30)).withGrace(java.time.Period.ofDays(7))
        .grace()).isEqualTo(java.time.Period.ofDays(7));
    assertThat(rei.withDividend(Dividend.of(java.math.BigDecimal.TEN)).dividend()
        .orElseThrow().onReturn()).isEqualTo(Dividend.ReturnPolicy.KEEP);
    assertThatThrownBy(() -> rei.withGrace(java.time.Period.ofDays(7)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("plan rei: grace P7D given, but a lifetime membership never needs renewing");
    assertThatThrownBy(() -> prime.withGrace(java.time.Period.ofYears(1)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("plan prime: grace P1Y must be shorter than the term P1Y");
    assertThatThrownBy(() -> prime.withTrial(java.time.Period.ZERO))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("plan prime: trial must be positive, was P0D");
    assertThatThrownBy(() -> new MemberDiscount(java.math.BigDecimal.valueOf(101),
            org.loyaltyrules.core.rule.LineFilter.all()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member discount percent must be more than 0 and at most 100, was 101");
    assertThatThrownBy(() -> Dividend.of(java.math.BigDecimal.ZERO))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("dividend percent must be more than 0 and at most 100, was 0");
  }
}
