package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.RuleSettings;

class VoucherRulesTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final LocalDate DAY = LocalDate.of(2026, 4, 6);

  private static final CompiledProgram SPEND = LoyaltyRules.compile(program()
      .earnRule(new EarnRule.SpendVoucher(RuleId.of("five-per-35"), RuleSettings.defaults(),
          usd("35"), usd("5"), Optional.of(Period.ofDays(30))))
      .build());
  private static final CompiledProgram CASHBACK = LoyaltyRules.compile(program()
      .earnRule(new EarnRule.Cashback(RuleId.of("cashback"), RuleSettings.defaults(),
          new BigDecimal("3"), Optional.empty()))
      .build());

  private static Program.Builder program() {
    return Program.builder(ProgramId.of("greens"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"));
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private static Instant at(int hour) {
    return DAY.atTime(hour, 0).atZone(ZONE).toInstant();
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(8));
  }

  private static Decision buy(CompiledProgram program, Member member, String id, int hour,
      String... prices) {
    Purchase.Builder b = Purchase.builder(ActivityId.of(id), at(hour));
    for (int i = 0; i < prices.length; i++) {
      b.line(PurchaseLine.of("l" + (i + 1), "bowl", "food", 1, usd(prices[i])));
    }
    return program.decide(STATE, member, b.build(), at(hour), RANDOM);
  }

  private static List<Voucher> issued(Member member) {
    return member.vouchers().values().stream()
        .filter(v -> v.status() == VoucherStatus.ISSUED).toList();
  }

  @Test
  void seventyDollarsInOneOrderGiveTwoVouchersAndThirtyFourNinetyNineNone() {
    Decision seventy = buy(SPEND, ana(), "p-1", 9, "70.00");
    assertThat(issued(seventy.member())).hasSize(2)
        .allSatisfy(v -> assertThat(v.value()).isEqualTo(usd("5")));
    assertThat(seventy.effects(Effect.VoucherIssued.class)).hasSize(2);
    assertThat(seventy.member().progress("spend/five-per-35")).isEqualByComparingTo("0");

    Decision under = buy(SPEND, ana(), "p-1", 9, "34.99");
    assertThat(issued(under.member())).isEmpty();
    assertThat(under.member().progress("spend/five-per-35")).isEqualByComparingTo("34.99");
  }

  @Test
  void theRemainderCarriesOverToTheNextOrder() {
    Member after = buy(SPEND, ana(), "p-1", 9, "34.99").member();
    Decision second = buy(SPEND, after, "p-2", 10, "0.02");
    assertThat(issued(second.member())).singleElement().satisfies(v -> {
      assertThat(v.value()).isEqualTo(usd("5"));
      assertThat(v.source()).isEqualTo(ActivityId.of("p-2"));
      assertThat(v.expiresAt()).contains(DAY.plusDays(30).atTime(10, 0).atZone(ZONE)
          .toInstant());
    });
    assertThat(second.member().progress("spend/five-per-35")).isEqualByComparingTo("0.01");
  }

  @Test
  void aReturnRevokesTheVouchersItsSpendNoLongerEarns() {
    Member bought = buy(SPEND, ana(), "p-1", 9, "40.00", "30.00").member();
    assertThat(issued(bought)).hasSize(2);

    Decision ret = SPEND.decide(STATE, bought, Return.of(ActivityId.of("r-1"), at(11),
        ActivityId.of("p-1"), List.of(ReturnLine.of("l2", 1))), at(11), RANDOM);
    assertThat(issued(ret.member())).hasSize(1);
    assertThat(ret.effects(Effect.VoucherRevoked.class)).hasSize(1);
    assertThat(ret.member().progress("spend/five-per-35")).isEqualByComparingTo("5");
  }

  @Test
  void cashbackIsAPercentageAsAVoucherReducedOnReturn() {
    Decision bought = buy(CASHBACK, ana(), "p-1", 9, "19.99", "10.00");
    assertThat(issued(bought.member())).singleElement().satisfies(v ->
        assertThat(v.value()).as("3% of 29.99 is 0.8997, rounded down").isEqualTo(usd("0.89")));

    Decision ret = CASHBACK.decide(STATE, bought.member(), Return.of(ActivityId.of("r-1"),
        at(11), ActivityId.of("p-1"), List.of(ReturnLine.of("l1", 1))), at(11), RANDOM);
    assertThat(issued(ret.member())).singleElement().satisfies(v ->
        assertThat(v.value()).isEqualTo(usd("0.30")));
    assertThat(ret.member().vouchers().values()).extracting(Voucher::status)
        .containsExactly(VoucherStatus.REVOKED, VoucherStatus.ISSUED);
  }

  @Test
  void aFirstOnlineOrderVoucherOnceAndBackIfTheOrderIsReturned() {
    CompiledProgram firstOnline = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.FirstPurchase(RuleId.of("first-online"), RuleSettings.defaults()
            .audience(org.loyaltyrules.core.rule.Audience.everyone()
                .withChannels(java.util.Set.of(org.loyaltyrules.core.activity.Channel.ONLINE))),
            org.loyaltyrules.core.program.Grant.voucher(usd("5"))))
        .build());
    Purchase inStore = Purchase.builder(ActivityId.of("p-1"), at(9))
        .line(PurchaseLine.of("l1", "bowl", "food", 1, usd("12"))).build();
    Member m = firstOnline.decide(STATE, ana(), inStore, at(9), RANDOM).member();
    assertThat(issued(m)).as("not online").isEmpty();
    Purchase online = Purchase.builder(ActivityId.of("p-2"), at(10))
        .channel(org.loyaltyrules.core.activity.Channel.ONLINE)
        .line(PurchaseLine.of("l1", "bowl", "food", 1, usd("12"))).build();
    m = firstOnline.decide(STATE, m, online, at(10), RANDOM).member();
    assertThat(issued(m)).singleElement().satisfies(v -> assertThat(v.value())
        .isEqualTo(usd("5")));
    Purchase again = Purchase.builder(ActivityId.of("p-3"), at(11))
        .channel(org.loyaltyrules.core.activity.Channel.ONLINE)
        .line(PurchaseLine.of("l1", "bowl", "food", 1, usd("12"))).build();
    m = firstOnline.decide(STATE, m, again, at(11), RANDOM).member();
    assertThat(issued(m)).as("only the first").hasSize(1);
    Decision ret = firstOnline.decide(STATE, m, Return.of(ActivityId.of("r-1"), at(12),
        ActivityId.of("p-2"), List.of(ReturnLine.of("l1", 1))), at(12), RANDOM);
    assertThat(issued(ret.member())).isEmpty();
  }

  @Test
  void vouchersExpireWhenTimePasses() {
    Member bought = buy(SPEND, ana(), "p-1", 9, "35.00").member();
    Decision later = SPEND.advance(STATE, bought, at(9).plus(java.time.Duration.ofDays(31)));
    assertThat(issued(later.member())).isEmpty();
    assertThat(later.effects(Effect.VoucherExpired.class)).singleElement()
        .satisfies(e -> assertThat(e.voucher().status()).isEqualTo(VoucherStatus.EXPIRED));
  }

  @Test
  void returningSpendThatCarriedIntoALaterVoucherRevokesThatVoucher() {
    CompiledProgram tenForFive = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.SpendVoucher(RuleId.of("five-per-10"), RuleSettings.defaults(),
            usd("10"), usd("5"), Optional.empty()))
        .build());
    Member m = buy(tenForFive, ana(), "p-a", 9, "8.00").member();
    m = buy(tenForFive, m, "p-b", 10, "8.00").member();
    assertThat(issued(m)).singleElement().satisfies(v ->
        assertThat(v.source()).isEqualTo(ActivityId.of("p-b")));
    assertThat(m.progress("spend/five-per-10")).isEqualByComparingTo("6");

    Decision ret = tenForFive.decide(STATE, m, Return.of(ActivityId.of("r-a"), at(11),
        ActivityId.of("p-a"), List.of(ReturnLine.of("l1", 1))), at(11), RANDOM);
    assertThat(issued(ret.member())).as("8 spent is not enough for a voucher").isEmpty();
    assertThat(ret.member().progress("spend/five-per-10")).isEqualByComparingTo("8");
  }
}
