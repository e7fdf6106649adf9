package org.loyaltyrules.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.member.MembershipStatus;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.Cause;

class EffectTest {
  private static final UnitId STARS = UnitId.of("stars");
  private static final UnitId POINTS = UnitId.of("points");
  private static final ActivityId P1 = ActivityId.of("p-1");
  private static final Instant AT = Instant.parse("2026-03-14T19:00:00Z");

  @Test
  void pointsEffectsNeedPositivePoints() {
    Effect.PointsEarned pending = new Effect.PointsEarned(STARS, 25, Optional.empty(),
        LotId.of("lot-1"), Optional.of(AT.plusSeconds(86_400)));

    assertThat(pending.pendingUntil()).contains(Instant.parse("2026-03-15T19:00:00Z"));
    assertThatThrownBy(() -> new Effect.PointsEarned(STARS, 0, Optional.empty(),
            LotId.of("lot-1"), Optional.empty()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("points earned must be positive, was 0");
    assertThatThrownBy(() -> new Effect.PointsReversed(STARS, -25, P1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("points reversed must be positive, was -25");
    assertThatThrownBy(() -> new Effect.PointsRestored(STARS, 0, P1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("points restored must be positive, was 0");
    assertThatThrownBy(() -> new Effect.PointsExpired(STARS, -1, AT))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("points expired must be positive, was -1");
    assertThatThrownBy(() -> new Effect.PointsEarned(STARS, 25, Optional.empty(), null,
            Optional.empty()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("lot must not be null");
  }

  @Test
  void rewardRedeemed() {
    RewardId drink = RewardId.of("handcrafted-drink");

    assertThat(new Effect.RewardRedeemed(drink, 1, STARS, 200).points()).isEqualTo(200);
    assertThat(new Effect.RewardRedeemed(drink, 1, STARS, 0).points())
        .as("granted free by a stamp card").isZero();
    assertThatThrownBy(() -> new Effect.RewardRedeemed(drink, 0, STARS, 200))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("reward handcrafted-drink: quantity must be positive, was 0");
    assertThatThrownBy(() -> new Effect.RewardRedeemed(drink, 1, STARS, -200))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("reward handcrafted-drink: points must not be negative, was -200");
  }

  @Test
  void donationCarriesTheExactMoneyTheCauseReceives() {
    Cause toms = Cause.of("toms-giving-fund", "TOMS giving fund", Money.of("0.01", "USD"));
    Effect.DonationMade donation = new Effect.DonationMade(toms.id(), POINTS, 500,
        toms.valueOf(500));

    assertThat(donation.value()).isEqualTo(Money.of("5.00", "USD"));
    assertThat(donation.cause()).isEqualTo(CauseId.of("toms-giving-fund"));
    assertThatThrownBy(() -> new Effect.DonationMade(toms.id(), POINTS, 0, Money.of("0",
            "USD")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("points donated must be positive, was 0");
    assertThatThrownBy(() -> new Effect.PaidWithPoints(P1, POINTS, 0, Money.of("0", "USD")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("points paid must be positive, was 0");
    assertThatThrownBy(() -> new Effect.PaidWithPoints(P1, POINTS, 100, Money.of("0", "USD")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("value of 100 points paid must be positive, was USD 0.00");
    assertThatThrownBy(() -> new Effect.DonationMade(toms.id(), POINTS, 500, Money.of("-5",
            "USD")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("value of 500 points donated must be positive, was USD -5.00");
    assertThat(new Effect.PaidWithPoints(P1, POINTS, 100, Money.of("5", "USD")).value())
        .as("Odacité: 100 points = $5 off").isEqualTo(Money.of("5.00", "USD"));
  }

  @Test
  void tierChangedMustChange() {
    Effect.TierChanged first = new Effect.TierChanged(Optional.empty(), TierId.of("insider"));
    Effect.TierChanged up = new Effect.TierChanged(Optional.of(TierId.of("insider")),
        TierId.of("vib"));

    assertThat(first.from()).isEmpty();
    assertThat(up.to()).isEqualTo(TierId.of("vib"));
    assertThatThrownBy(() -> new Effect.TierChanged(Optional.of(TierId.of("vib")),
            TierId.of("vib")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tier change from vib to itself");
    assertThatThrownBy(() -> new Effect.TierChanged(Optional.empty(), null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("to tier must not be null");
  }

  @Test
  void membershipVoucherPerkAndClosure() {
    Voucher fiveOff = new Voucher(VoucherId.of("v-1"), Money.of("5", "USD"), AT,
        Optional.empty(), P1, VoucherStatus.ISSUED);

    assertThat(new Effect.VoucherIssued(fiveOff).voucher()).isEqualTo(fiveOff);
    assertThat(new Effect.MembershipChanged(PlanId.of("prime"), MembershipStatus.ACTIVE,
        Optional.of(Instant.parse("2027-03-14T19:00:00Z"))).status())
        .isEqualTo(MembershipStatus.ACTIVE);
    assertThatThrownBy(() -> new Effect.MembershipChanged(PlanId.of("prime"), null,
            Optional.empty()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("plan prime: status must not be null");
    assertThatThrownBy(() -> new Effect.VoucherIssued(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("voucher must not be null");
    assertThatThrownBy(() -> new Effect.PerkGranted(" ", "tier gold"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("perk must not be blank, was ' '");
    assertThatThrownBy(() -> new Effect.PerkGranted("free-shipping", ""))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("perk free-shipping: source must not be blank, was ''");
    assertThatThrownBy(() -> new Effect.AccountClosed("\n"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("closure reason must not be blank, was '\n'");
  }
}
