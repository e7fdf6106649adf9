package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.examples.programs.PetSmartTreats.CHARITY;
import static org.loyaltyrules.examples.programs.PetSmartTreats.FIVE_DOLLAR_REWARD;
import static org.loyaltyrules.examples.programs.PetSmartTreats.POINTS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.Donation;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.Account;
import org.loyaltyrules.core.ledger.InsufficientPointsException;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/** PetSmart Treats' published figures, decided by the library. */
class PetSmartTreatsTest {
  private static final CompiledProgram PETSMART = LoyaltyRules.compile(PetSmartTreats.program());
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);
  private static final LocalDate DAY = LocalDate.of(2026, 4, 11);

  private static Instant at(int hour) {
    return DAY.atTime(hour, 0).atZone(PetSmartTreats.ZONE).toInstant();
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(8));
  }

  private static Decision buy(Member member, String id, int hour, Channel channel,
      String price) {
    Purchase purchase = Purchase.builder(ActivityId.of(id), at(hour)).channel(channel)
        .line(PurchaseLine.of("l1", "dog-food-30lb", "food", 1, Money.of(price, "USD"))).build();
    return PETSMART.decide(STATE, member, purchase, at(hour), RANDOM);
  }

  /** A member who has earned 1,000 points with a $125.00 order. */
  private static Member withAThousandPoints() {
    Member m = buy(ana(), "p-1", 9, Channel.IN_STORE, "125.00").member();
    assertThat(m.available(POINTS)).isEqualTo(1000);
    return m;
  }

  @Test
  void aTwelveFiftyPurchaseEarnsOneHundredPointsInStoreOrOnline() {
    Decision inStore = buy(ana(), "p-1", 9, Channel.IN_STORE, "12.50");
    assertThat(inStore.member().available(POINTS)).isEqualTo(100);
    assertThat(inStore.effects(Effect.PointsEarned.class)).singleElement().satisfies(e -> {
      assertThat(e.points()).isEqualTo(100);
      assertThat(e.rule()).contains(PetSmartTreats.BASE_RATE);
    });
    assertThat(buy(ana(), "p-1", 9, Channel.ONLINE, "12.50").member().available(POINTS))
        .isEqualTo(100);
  }

  @Test
  void aThousandPointsRedeemAFiveDollarVoucher() {
    Decision d = PETSMART.decide(STATE, withAThousandPoints(), RedeemReward.of(
        ActivityId.of("r-1"), at(10), FIVE_DOLLAR_REWARD), at(10), RANDOM);

    assertThat(d.member().available(POINTS)).isZero();
    assertThat(d.effects(Effect.RewardRedeemed.class)).containsExactly(
        new Effect.RewardRedeemed(FIVE_DOLLAR_REWARD, 1, POINTS, 1000));
    assertThat(d.effects(Effect.VoucherIssued.class)).singleElement().satisfies(e -> {
      assertThat(e.voucher().value()).isEqualTo(Money.of("5.00", "USD"));
      assertThat(e.voucher().value().toString()).isEqualTo("USD 5.00");
      assertThat(e.voucher().status()).isEqualTo(VoucherStatus.ISSUED);
    });
    assertThat(d.member().vouchers().values()).singleElement()
        .satisfies(v -> assertThat(v.value()).isEqualTo(Money.of("5", "USD")));
  }

  @Test
  void nineHundredNinetyNinePointsAreNotEnough() {
    Member m = buy(ana(), "p-1", 9, Channel.IN_STORE, "124.99").member();
    assertThat(m.available(POINTS)).as("999.92 rounds down").isEqualTo(999);
    assertThatThrownBy(() -> PETSMART.decide(STATE, m, RedeemReward.of(ActivityId.of("r-1"),
            at(10), FIVE_DOLLAR_REWARD), at(10), RANDOM))
        .isInstanceOf(InsufficientPointsException.class)
        .hasMessage("insufficient points: requested 1000, available 999");
  }

  @Test
  void donatingAThousandPointsGivesTheCharityFiveDollars() {
    Decision d = PETSMART.decide(STATE, withAThousandPoints(), new Donation(ActivityId.of("d-1"),
        at(10), CHARITY, POINTS, 1000), at(10), RANDOM);

    assertThat(d.effects()).containsExactly(new Effect.DonationMade(CHARITY, POINTS, 1000,
        Money.of("5.00", "USD")));
    assertThat(d.effects(Effect.DonationMade.class).get(0).value().toString())
        .isEqualTo("USD 5.00");
    assertThat(d.member().available(POINTS)).isZero();
    assertThat(d.member().ledger().balance(Account.cause(CHARITY), POINTS)).isEqualTo(1000);
  }

  @Test
  void aDonationIsWorthWhatTheRewardWouldBe() {
    assertThat(PetSmartTreats.program().causes().get(CHARITY).valueOf(1000))
        .isEqualTo(PetSmartTreats.program().reward(FIVE_DOLLAR_REWARD).value().orElseThrow());
    Decision small = PETSMART.decide(STATE, withAThousandPoints(), new Donation(
        ActivityId.of("d-1"), at(10), CHARITY, POINTS, 250), at(10), RANDOM);
    assertThat(small.effects(Effect.DonationMade.class)).singleElement()
        .satisfies(e -> assertThat(e.value()).isEqualTo(Money.of("1.25", "USD")));
  }
}
