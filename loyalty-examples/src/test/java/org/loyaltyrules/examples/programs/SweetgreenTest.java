package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loyaltyrules.examples.programs.Sweetgreen.SPEND_PROGRESS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/** Sweetgreen Sweet Rewards' published figures, decided by the library. */
class SweetgreenTest {
  private static final CompiledProgram SWEETGREEN = LoyaltyRules.compile(Sweetgreen.program());
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);
  private static final LocalDate DAY = LocalDate.of(2026, 4, 6);
  private static final Money FIVE = Money.of("5.00", "USD");

  private static Instant at(int hour) {
    return DAY.atTime(hour, 0).atZone(Sweetgreen.ZONE).toInstant();
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(8));
  }

  private static Decision buy(Member member, String id, int hour, Channel channel,
      String price) {
    Purchase purchase = Purchase.builder(ActivityId.of(id), at(hour)).channel(channel)
        .line(PurchaseLine.of("l1", "harvest-bowl", "bowls", 1, Money.of(price, "USD"))).build();
    return SWEETGREEN.decide(STATE, member, purchase, at(hour), RANDOM);
  }

  private static Decision buyInStore(Member member, String id, int hour, String price) {
    return buy(member, id, hour, Channel.IN_STORE, price);
  }

  private static List<Voucher> issued(Member member) {
    return member.vouchers().values().stream()
        .filter(v -> v.status() == VoucherStatus.ISSUED).toList();
  }

  @Test
  void seventyDollarsInOneOrderGiveTwoFiveDollarVouchers() {
    Decision d = buyInStore(ana(), "p-1", 12, "70.00");

    assertThat(d.effects(Effect.VoucherIssued.class)).hasSize(2)
        .allSatisfy(e -> assertThat(e.voucher().value()).isEqualTo(FIVE));
    assertThat(issued(d.member())).hasSize(2).allSatisfy(v -> {
      assertThat(v.value()).isEqualTo(FIVE);
      assertThat(v.source()).isEqualTo(ActivityId.of("p-1"));
      assertThat(v.expiresAt()).as("valid 30 days").contains(DAY.plusDays(30).atTime(12, 0)
          .atZone(Sweetgreen.ZONE).toInstant());
    });
    assertThat(d.member().progress(SPEND_PROGRESS)).isEqualByComparingTo("0");
  }

  @Test
  void thirtyFourNinetyNineGivesNone() {
    Decision d = buyInStore(ana(), "p-1", 12, "34.99");

    assertThat(d.effects(Effect.VoucherIssued.class)).isEmpty();
    assertThat(issued(d.member())).isEmpty();
    assertThat(d.member().progress(SPEND_PROGRESS)).isEqualByComparingTo("34.99");
  }

  @Test
  void thirtyFourNinetyNineAndThenTwoCentsGiveOneVoucherOnTheSecondOrder() {
    Member first = buyInStore(ana(), "p-1", 12, "34.99").member();
    Decision second = buyInStore(first, "p-2", 18, "0.02");

    assertThat(second.effects(Effect.VoucherIssued.class)).singleElement().satisfies(e -> {
      assertThat(e.voucher().value()).isEqualTo(FIVE);
      assertThat(e.voucher().source()).isEqualTo(ActivityId.of("p-2"));
    });
    assertThat(issued(second.member())).hasSize(1);
    assertThat(second.member().progress(SPEND_PROGRESS)).as("one cent carries over")
        .isEqualByComparingTo("0.01");
  }

  @Test
  void theFirstOnlineOrderGetsAFiveDollarVoucherAndAnInStoreOneDoesNot() {
    Decision inStore = buyInStore(ana(), "p-1", 12, "10.00");
    assertThat(inStore.effects(Effect.VoucherIssued.class)).as("in store").isEmpty();
    assertThat(inStore.trace()).filteredOn(t -> t.rule().equals(Sweetgreen.FIRST_ONLINE_ORDER))
        .singleElement().satisfies(t -> assertThat(t.matched()).isFalse());

    Decision online = buy(inStore.member(), "p-2", 13, Channel.ONLINE, "10.00");
    assertThat(online.effects(Effect.VoucherIssued.class)).singleElement().satisfies(e -> {
      assertThat(e.voucher().value()).isEqualTo(FIVE);
      assertThat(e.voucher().source()).isEqualTo(ActivityId.of("p-2"));
    });

    Decision secondOnline = buy(online.member(), "p-3", 14, Channel.ONLINE, "10.00");
    assertThat(secondOnline.effects(Effect.VoucherIssued.class)).as("only the first").isEmpty();
    assertThat(issued(secondOnline.member())).hasSize(1);
    assertThat(secondOnline.member().progress(SPEND_PROGRESS))
        .as("$30 spent, no spend voucher yet").isEqualByComparingTo("30");
  }

  @Test
  void aFirstOnlineOrderOfSeventyDollarsGetsAllThreeVouchers() {
    Decision d = buy(ana(), "p-1", 12, Channel.ONLINE, "70.00");
    assertThat(d.effects(Effect.VoucherIssued.class)).hasSize(3);
    assertThat(issued(d.member())).extracting(Voucher::value).containsOnly(FIVE);
  }

  @Test
  void theUnitEveryProgramNeedsStaysUnused() {
    Member m = buy(ana(), "p-1", 12, Channel.ONLINE, "70.00").member();
    assertThat(m.available(Sweetgreen.POINTS)).isZero();
    assertThat(m.ledger().postings()).isEmpty();
  }
}
