package org.loyaltyrules.core.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.core.program.ProgramFixtures.INSIDER;
import static org.loyaltyrules.core.program.ProgramFixtures.ROUGE;
import static org.loyaltyrules.core.program.ProgramFixtures.TIER_POINTS;
import static org.loyaltyrules.core.program.ProgramFixtures.VIB;
import static org.loyaltyrules.core.program.ProgramFixtures.sephoraLadder;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.TierId;

class TierLadderTest {
  /** World of Hyatt: Member 0, Discoverist 10, Explorist 30, Globalist 60 nights a year. */
  private static final List<Tier> HYATT = List.of(
      Tier.of("member", "Member", 0),
      Tier.of("discoverist", "Discoverist", 10),
      Tier.of("explorist", "Explorist", 30),
      Tier.of("globalist", "Globalist", 60));

  @Test
  void sephoraLadderByAnnualSpend() {
    TierLadder ladder = sephoraLadder();

    assertThat(ladder.base().id()).isEqualTo(INSIDER);
    assertThat(ladder.tier(VIB).map(Tier::name)).contains("VIB");
    assertThat(ladder.tier(VIB).orElseThrow().threshold()).isEqualByComparingTo("350");
    assertThat(ladder.tier(TierId.of("platinum"))).isEmpty();
    assertThat(ladder.rank(INSIDER)).isZero();
    assertThat(ladder.rank(VIB)).isEqualTo(1);
    assertThat(ladder.rank(ROUGE)).isEqualTo(2);
    assertThat(ladder.rank(TierId.of("platinum"))).isEqualTo(-1);
  }

  @Test
  void hyattLadderByNightsAndVirginLadderByTierPoints() {
    TierLadder hyatt = TierLadder.of(TierMetric.NIGHTS, QualificationWindow.calendarYear(), HYATT);
    TierLadder virgin = TierLadder.onStatusPoints(TIER_POINTS,
        QualificationWindow.rollingMonths(12), List.of(Tier.of("red", "Red", 0),
            Tier.of("silver", "Silver", 400), Tier.of("gold", "Gold", 1000)));

    assertThat(hyatt.tiers()).extracting(t -> t.threshold().intValueExact())
        .containsExactly(0, 10, 30, 60);
    assertThat(hyatt.statusUnit()).isEmpty();
    assertThat(virgin.metric()).isEqualTo(TierMetric.STATUS_POINTS);
    assertThat(virgin.statusUnit()).contains(TIER_POINTS);
    assertThat(virgin.window()).isEqualTo(new QualificationWindow.RollingMonths(12));
  }

  @Test
  void baseThresholdMustBeZero() {
    assertThatThrownBy(() -> TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(),
            List.of(Tier.of("vib", "VIB", 350), Tier.of("rouge", "Rouge", 1000))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tiers[0].threshold: the base tier's threshold must be 0, was 350");
  }

  @Test
  void thresholdsMustIncreaseStrictlyNamingBothTiers() {
    assertThatThrownBy(() -> TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(),
            List.of(Tier.of("insider", "Insider", 0), Tier.of("vib", "VIB", 350),
                Tier.of("rouge", "Rouge", 300))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tiers[2].threshold: must be greater than 350 (tiers[1]), was 300");
    assertThatThrownBy(() -> TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(),
            List.of(Tier.of("insider", "Insider", 0),
                new Tier(VIB, "VIB", new BigDecimal("350"), BigDecimal.ONE, Set.of()),
                new Tier(ROUGE, "Rouge", new BigDecimal("350.00"), BigDecimal.ONE, Set.of()))))
        .as("an equal threshold at another scale is not greater")
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tiers[2].threshold: must be greater than 350 (tiers[1]), was 350.00");
  }

  @Test
  void tierIdsMustBeUnique() {
    assertThatThrownBy(() -> TierLadder.of(TierMetric.NIGHTS, QualificationWindow.calendarYear(),
            List.of(Tier.of("member", "Member", 0), Tier.of("member", "Member again", 10))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tiers[1].id: member is a duplicate");
  }

  @Test
  void statusUnitRequiredExactlyForStatusPoints() {
    assertThatThrownBy(() -> new TierLadder(TierMetric.STATUS_POINTS, Optional.empty(),
            QualificationWindow.calendarYear(), HYATT))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tiers: a status unit is required for metric STATUS_POINTS");
    assertThatThrownBy(() -> new TierLadder(TierMetric.SPEND, Optional.of(TIER_POINTS),
            QualificationWindow.calendarYear(), HYATT))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tiers: a status unit is not expected for metric SPEND");
    assertThatThrownBy(() -> TierLadder.onStatusPoints(null, QualificationWindow.lifetime(),
            HYATT))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("status unit must not be null");
  }

  @Test
  void aLadderNeedsTiersWithoutNulls() {
    assertThatThrownBy(() -> TierLadder.of(TierMetric.VISITS, QualificationWindow.lifetime(),
            List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tiers: at least one tier is required");
    assertThatThrownBy(() -> TierLadder.of(TierMetric.VISITS, QualificationWindow.lifetime(),
            Arrays.asList(Tier.of("member", "Member", 0), null)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tiers[1] must not be null");
    assertThatThrownBy(() -> TierLadder.of(null, QualificationWindow.lifetime(), HYATT))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tier metric must not be null");
  }

  @Test
  void tierValidationAndCopies() {
    Tier rouge = Tier.of("rouge", "Rouge", 1000)
        .withEarnMultiplier(new BigDecimal("1.5"))
        .withPerks(Set.of("free-shipping", "birthday-gift"));

    assertThat(rouge.earnMultiplier()).isEqualByComparingTo("1.5");
    assertThat(rouge.perks()).containsExactly("birthday-gift", "free-shipping");
    assertThat(Tier.of("insider", "Insider", 0).earnMultiplier()).isEqualTo(BigDecimal.ONE);
    assertThatThrownBy(() -> Tier.of("vib", "VIB", -1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tier vib: threshold must not be negative, was -1");
    assertThatThrownBy(() -> rouge.withEarnMultiplier(BigDecimal.ZERO))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tier rouge: earn multiplier must be at least 1, was 0");
    assertThatThrownBy(() -> rouge.withPerks(Set.of("free-shipping", " ")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tier rouge: perks entry must not be blank, was ' '");
    assertThatThrownBy(() -> Tier.of("vib", "", 350))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tier vib: name must not be blank, was ''");
  }

  @Test
  void qualificationWindows() {
    assertThat(QualificationWindow.rollingMonths(1))
        .isEqualTo(new QualificationWindow.RollingMonths(1));
    assertThat(QualificationWindow.rollingMonths(120))
        .isEqualTo(new QualificationWindow.RollingMonths(120));
    assertThat(QualificationWindow.membershipYear())
        .isEqualTo(new QualificationWindow.MembershipYear());
    assertThatThrownBy(() -> QualificationWindow.rollingMonths(0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rolling window must be 1 to 120 months, was 0");
    assertThatThrownBy(() -> QualificationWindow.rollingMonths(121))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 121");
  }

  @Test
  void reviewsAndWindowsAreCheckedWhereTheLadderIsBuilt() {
    List<Tier> tiers = List.of(Tier.of("member", "Member", 0), Tier.of("globalist",
        "Globalist", 60), Tier.of("lifetime", "Lifetime Globalist", 1000)
        .withWindow(QualificationWindow.lifetime()));
    TierLadder hyatt = TierLadder.of(TierMetric.NIGHTS, QualificationWindow.calendarYear(), tiers)
        .withDowngrade(TierDowngrade.ONE_STEP).withGrace(java.time.Period.ofMonths(2));

    assertThat(hyatt.windowOf(hyatt.tiers().get(2))).isEqualTo(QualificationWindow.lifetime());
    assertThat(hyatt.windowOf(hyatt.tiers().get(1))).isEqualTo(QualificationWindow.calendarYear());
    assertThat(hyatt.downgrade()).isEqualTo(TierDowngrade.ONE_STEP);
    assertThatThrownBy(() -> hyatt.withGrace(java.time.Period.ofMonths(12)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tiers.grace: must be shorter than the review period (a year), was P12M");
    assertThatThrownBy(() -> TierLadder.of(TierMetric.SPEND, QualificationWindow.rollingMonths(
            12), tiers).withGrace(java.time.Period.ofDays(28)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tiers.grace: must be shorter than the review period (a month), was P28D");
    assertThatThrownBy(() -> TierLadder.of(TierMetric.NIGHTS, QualificationWindow.calendarYear(),
            List.of(Tier.of("member", "Member", 0), Tier.of("gold", "Gold", 10)
                .withWindow(QualificationWindow.rollingMonths(12)))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tiers[1].window: only the lifetime window may differ from the ladder's, "
            + "was RollingMonths[months=12]");
    assertThatThrownBy(() -> TierLadder.of(TierMetric.EXPRESSION,
            QualificationWindow.calendarYear(), tiers))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tiers: a credit expression is required for metric EXPRESSION");
    assertThat(TierLadder.onExpression(new org.loyaltyrules.core.rule.Expression(
        "sum(line.amount)"), QualificationWindow.calendarYear(), tiers).credit()).isPresent();
  }
}
