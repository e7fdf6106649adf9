package org.loyaltyrules.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.UnitId;

/** The small activities: fees, burn actions, adjustments and closure. */
class OtherActivitiesTest {
  private static final ActivityId A1 = ActivityId.of("a-1");
  private static final ActivityId P1 = ActivityId.of("p-1");
  private static final Instant AT = Instant.parse("2026-05-01T12:00:00Z");
  private static final PlanId PLAN = PlanId.of("prime");
  private static final UnitId STARS = UnitId.of("stars");

  @Test
  void membershipFeePayment() {
    MembershipFeePayment p = new MembershipFeePayment(A1, AT, PLAN, Money.of("139", "USD"));

    assertThat(p.plan()).isEqualTo(PLAN);
    assertThat(p.amount()).isEqualTo(Money.of("139.00", "USD"));
    assertThat(p).isEqualTo(new MembershipFeePayment(A1, AT, PLAN, Money.of("139.0", "USD")));
    assertThatThrownBy(() -> new MembershipFeePayment(A1, AT, PLAN, Money.of("0", "USD")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership fee payment a-1: amount must be positive, was USD 0.00");
    assertThatThrownBy(() -> new MembershipFeePayment(A1, AT, PLAN, Money.of("-5", "EUR")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership fee payment a-1: amount must be positive, was EUR -5.00");
    assertThatThrownBy(() -> new MembershipFeePayment(A1, AT, null, Money.of("5", "EUR")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership fee payment a-1: plan must not be null");
    assertThatThrownBy(() -> new MembershipFeePayment(A1, AT, PLAN, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership fee payment a-1: amount must not be null");
    assertThatThrownBy(() -> new MembershipFeePayment(null, AT, PLAN, Money.of("5", "EUR")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership fee payment: activity id must not be null");
  }

  @Test
  void membershipFeeRefund() {
    MembershipFeeRefund r = new MembershipFeeRefund(A1, AT, PLAN, Money.of("69.50", "USD"), P1);

    assertThat(r.payment()).isEqualTo(P1);
    assertThat(r.amount()).isEqualTo(Money.of("69.5", "USD"));
    assertThatThrownBy(() -> new MembershipFeeRefund(A1, AT, PLAN, Money.of("0", "USD"), P1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership fee refund a-1: amount must be positive, was USD 0.00");
    assertThatThrownBy(() -> new MembershipFeeRefund(A1, AT, PLAN, Money.of("1", "USD"), null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership fee refund a-1: payment must not be null");
    assertThatThrownBy(() -> new MembershipFeeRefund(A1, AT, PLAN, Money.of("1", "USD"), A1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership fee refund a-1: payment must be another activity,"
            + " was its own id a-1");
  }

  @Test
  void redeemReward() {
    RedeemReward r = new RedeemReward(A1, AT, RewardId.of("free-drink"), 2);

    assertThat(r.reward()).isEqualTo(RewardId.of("free-drink"));
    assertThat(r.quantity()).isEqualTo(2);
    assertThat(RedeemReward.of(A1, AT, RewardId.of("free-drink")).quantity()).isEqualTo(1);
    assertThatThrownBy(() -> new RedeemReward(A1, AT, RewardId.of("free-drink"), 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("redeem reward a-1: quantity must be positive, was 0");
    assertThatThrownBy(() -> new RedeemReward(A1, AT, null, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("redeem reward a-1: reward must not be null");
  }

  @Test
  void payWithPoints() {
    PayWithPoints p = new PayWithPoints(A1, AT, P1, STARS, 1_500);

    assertThat(p.purchase()).isEqualTo(P1);
    assertThat(p.unit()).isEqualTo(STARS);
    assertThat(p.points()).isEqualTo(1_500L);
    assertThatThrownBy(() -> new PayWithPoints(A1, AT, P1, STARS, 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("pay with points a-1: points must be positive, was 0");
    assertThatThrownBy(() -> new PayWithPoints(A1, AT, P1, STARS, -20))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("pay with points a-1: points must be positive, was -20");
    assertThatThrownBy(() -> new PayWithPoints(A1, AT, null, STARS, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("pay with points a-1: purchase must not be null");
    assertThatThrownBy(() -> new PayWithPoints(A1, AT, A1, STARS, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("pay with points a-1: purchase must be another activity, was its own id a-1");
    assertThatThrownBy(() -> new PayWithPoints(A1, AT, P1, null, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("pay with points a-1: unit must not be null");
  }

  @Test
  void donation() {
    Donation d = new Donation(A1, AT, CauseId.of("animal-fund"), STARS, 1_000);

    assertThat(d.cause()).isEqualTo(CauseId.of("animal-fund"));
    assertThat(d.points()).isEqualTo(1_000L);
    assertThatThrownBy(() -> new Donation(A1, AT, CauseId.of("animal-fund"), STARS, 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("donation a-1: points must be positive, was 0");
    assertThatThrownBy(() -> new Donation(A1, AT, null, STARS, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("donation a-1: cause must not be null");
  }

  @Test
  void pointsTransfer() {
    PointsTransfer t = new PointsTransfer(A1, AT, PartnerId.of("airline"), STARS, 5_000);

    assertThat(t.partner()).isEqualTo(PartnerId.of("airline"));
    assertThat(t.points()).isEqualTo(5_000L);
    assertThatThrownBy(() -> new PointsTransfer(A1, AT, PartnerId.of("airline"), STARS, -1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("points transfer a-1: points must be positive, was -1");
    assertThatThrownBy(() -> new PointsTransfer(A1, AT, null, STARS, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("points transfer a-1: partner must not be null");
  }

  @Test
  void adjustmentUpOrDownButNotZero() {
    Adjustment up = new Adjustment(A1, AT, STARS, 250, "goodwill: late delivery");
    Adjustment down = new Adjustment(A1, AT, STARS, -100, "duplicate credit");

    assertThat(up.points()).isEqualTo(250L);
    assertThat(up.isCredit()).isTrue();
    assertThat(down.points()).isEqualTo(-100L);
    assertThat(down.isCredit()).isFalse();
    assertThat(down.reason()).isEqualTo("duplicate credit");
    assertThatThrownBy(() -> new Adjustment(A1, AT, STARS, 0, "nothing"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("adjustment a-1: points must not be zero");
    assertThatThrownBy(() -> new Adjustment(A1, AT, STARS, Long.MIN_VALUE, "overflow"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("adjustment a-1: points must be between -1000000000000000 and "
            + "1000000000000000, was -9223372036854775808");
    assertThat(new Adjustment(A1, AT, STARS, -Adjustment.MAX_POINTS, "largest").points())
        .isEqualTo(-1_000_000_000_000_000L);
    assertThatThrownBy(() -> new Adjustment(A1, AT, STARS, 5, " "))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("adjustment a-1: reason must not be blank, was ' '");
    assertThatThrownBy(() -> new Adjustment(A1, AT, STARS, 5, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("adjustment a-1: reason must not be null");
    assertThatThrownBy(() -> new Adjustment(A1, AT, null, 5, "why"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("adjustment a-1: unit must not be null");
  }

  @Test
  void accountClosure() {
    AccountClosure c = new AccountClosure(A1, AT, "member request");

    assertThat(c.reason()).isEqualTo("member request");
    assertThatThrownBy(() -> new AccountClosure(A1, AT, ""))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("account closure a-1: reason must not be blank, was ''");
    assertThatThrownBy(() -> new AccountClosure(A1, null, "why"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("account closure a-1: occurredAt must not be null");
    assertThatThrownBy(() -> new AccountClosure(null, AT, "why"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("account closure: activity id must not be null");
  }

  @Test
  void aReferralCreditOrWithdrawalNamesTheFriendAndAnotherActivity() {
    assertThatThrownBy(() -> new ReferralCredit(A1, AT, null, P1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("referral credit a-1: referred must not be null");
    assertThatThrownBy(() -> new ReferralCredit(A1, AT, MemberId.of("ana"), A1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("referral credit a-1: purchase must be another activity, was its own id a-1");
    assertThatThrownBy(() -> new ReferralWithdrawal(A1, null, MemberId.of("ana"), P1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("referral withdrawal a-1: occurredAt must not be null");
    assertThatThrownBy(() -> new ReferralWithdrawal(null, AT, MemberId.of("ana"), P1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("referral withdrawal: activity id must not be null");
  }

  @Test
  void everyKindIsAnActivityWithItsIdAndInstant() {
    List<Activity> all = List.of(
        Purchase.builder(A1, AT)
            .line(PurchaseLine.of("l1", "X", "c", 1, Money.of("1", "USD"))).build(),
        Return.of(A1, AT, P1, List.of(ReturnLine.of("l1", 1))),
        new MembershipFeePayment(A1, AT, PLAN, Money.of("1", "USD")),
        new MembershipTrial(A1, AT, PLAN),
        new MembershipFeeRefund(A1, AT, PLAN, Money.of("1", "USD"), P1),
        EngagementEvent.of(A1, AT, EngagementType.BIRTHDAY_SHARED),
        RedeemReward.of(A1, AT, RewardId.of("r")),
        new PayWithPoints(A1, AT, P1, STARS, 1),
        new Donation(A1, AT, CauseId.of("c"), STARS, 1),
        new PointsTransfer(A1, AT, PartnerId.of("p"), STARS, 1),
        new Adjustment(A1, AT, STARS, 1, "r"),
        new AccountClosure(A1, AT, "r"),
        new ReferralCredit(A1, AT, MemberId.of("ana"), P1),
        new ReferralWithdrawal(A1, AT, MemberId.of("ana"), P1));

    assertThat(all).extracting(Activity::id).containsOnly(A1);
    assertThat(all).extracting(Activity::occurredAt).containsOnly(AT);
    assertThat(Activity.class.isSealed()).isTrue();
    assertThat(Activity.class.getPermittedSubclasses()).hasSize(14);
    assertThat(all).extracting(a -> a.getClass().getSimpleName()).doesNotHaveDuplicates();
  }

  @Test
  void nullInstantIsRejectedEverywhere() {
    assertThatThrownBy(() -> new RedeemReward(A1, null, RewardId.of("r"), 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("redeem reward a-1: occurredAt must not be null");
    assertThatThrownBy(() -> new Donation(A1, null, CauseId.of("c"), STARS, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("donation a-1: occurredAt must not be null");
    assertThatThrownBy(() -> new PointsTransfer(null, AT, PartnerId.of("p"), STARS, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("points transfer: activity id must not be null");
    assertThatThrownBy(() -> new MembershipFeeRefund(A1, null, PLAN, Money.of("1", "USD"), P1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership fee refund a-1: occurredAt must not be null");
  }
}
