package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.examples.programs.ReferralProgram.POINTS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.ReferralCredit;
import org.loyaltyrules.core.activity.ReferralWithdrawal;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.CalendarPeriod;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.ReferralTerms;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/**
 * "Give $10, get $10", decided by the library on both sides. Bo referred Ana. Each side is
 * decided on its own member; {@link #carry} plays the host, turning the news Ana's decisions
 * announce into the activities decided on Bo.
 */
class ReferralProgramTest {
  private static final CompiledProgram REFERRALS =
      LoyaltyRules.compile(ReferralProgram.program());
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final MemberId ANA = MemberId.of("ana");
  private static final MemberId BO = MemberId.of("bo");

  private static Instant at(int year, int month, int day) {
    return LocalDateTime.of(year, month, day, 12, 0).atZone(ReferralProgram.ZONE).toInstant();
  }

  private static Instant at(int month, int day) {
    return at(2026, month, day);
  }

  /** Ana, whom Bo referred. */
  private static Member ana() {
    return Member.enroll(ANA, at(3, 1)).withReferrer(BO);
  }

  private static Member bo() {
    return Member.enroll(BO, at(1, 5));
  }

  /** A $40 shirt and two $10 pairs of socks: $60. */
  private static Purchase shirtAndSocks(String id, Instant when) {
    return Purchase.builder(ActivityId.of(id), when)
        .line(PurchaseLine.of("shirt", "shirt", "apparel", 1, Money.of("40.00", "USD")))
        .line(PurchaseLine.of("socks", "socks", "apparel", 2, Money.of("10.00", "USD")))
        .build();
  }

  private static Purchase spend(String id, Instant when, String amount) {
    return Purchase.builder(ActivityId.of(id), when)
        .line(PurchaseLine.of("l1", "gift", "goods", 1, Money.of(amount, "USD"))).build();
  }

  private static Return giveBack(String id, Instant when, String purchase, String line,
      long quantity) {
    return Return.of(ActivityId.of(id), when, ActivityId.of(purchase),
        List.of(ReturnLine.of(line, quantity)));
  }

  private static Decision decide(Member member, Activity activity) {
    Decision d = REFERRALS.decide(STATE, member, activity, activity.occurredAt(), RANDOM);
    assertThat(d.isRefused()).as("%s refused: %s", activity.id(), d.errors()).isFalse();
    assertThat(d.errors()).isEmpty();
    return d;
  }

  /**
   * The host's part: decides on the referrer what a friend's decision announced — a credit for
   * a qualified referral, a withdrawal for a withdrawn one — with ids derived from the friend's
   * activity, so that a retried message is a replay.
   */
  private static Member carry(Decision friend, Activity friendActivity, Member referrer) {
    List<Activity> news = new ArrayList<>();
    for (Effect.ReferralQualified q : friend.effects(Effect.ReferralQualified.class)) {
      assertThat(q.referrer()).isEqualTo(referrer.id());
      news.add(new ReferralCredit(ActivityId.of("credit-" + q.purchase()),
          friendActivity.occurredAt(), friend.member().id(), q.purchase()));
    }
    for (Effect.ReferralWithdrawn w : friend.effects(Effect.ReferralWithdrawn.class)) {
      assertThat(w.referrer()).isEqualTo(referrer.id());
      news.add(new ReferralWithdrawal(ActivityId.of("withdraw-" + friendActivity.id()),
          friendActivity.occurredAt(), friend.member().id(), w.purchase()));
    }
    for (Activity a : news) {
      referrer = decide(referrer, a).member();
    }
    return referrer;
  }

  private static ReferralCredit credit(String friend, Instant when) {
    return new ReferralCredit(ActivityId.of("credit-p-" + friend), when, MemberId.of(friend),
        ActivityId.of("p-" + friend));
  }

  private static List<String> notes(Decision d, String rule) {
    return d.trace().stream().filter(t -> t.rule().value().equals(rule)).map(TraceEntry::note)
        .toList();
  }

  private static List<VoucherStatus> statuses(Member m) {
    return m.vouchers().values().stream().map(Voucher::status).toList();
  }

  @Test
  void theTermsAreAsPublished() {
    ReferralTerms terms = ReferralProgram.program().referral().orElseThrow();
    assertThat(terms.friend()).isEqualTo(Grant.voucher(Money.of("10.00", "USD")));
    assertThat(terms.referrer()).isEqualTo(Grant.voucher(Money.of("10.00", "USD")));
    assertThat(terms.minimumSpend()).isEqualTo(Money.of("50.00", "USD"));
    assertThat(terms.lines()).isEqualTo(LineFilter.all());
    assertThat(terms.limit()).contains(ReferralTerms.Limit.per(5, CalendarPeriod.YEAR));
    assertThat(terms.returnWindow()).isEqualTo(Period.ofDays(30));
  }

  @Test
  void theFriendsFirstFiftyDollarPurchaseGivesTheirVoucherAndTheHostCreditsTheReferrer() {
    Decision small = decide(ana(), spend("p-0", at(3, 2), "30.00"));
    assertThat(small.member().available(POINTS)).isEqualTo(30);
    assertThat(small.member().vouchers()).isEmpty();
    assertThat(small.effects(Effect.ReferralQualified.class)).isEmpty();
    assertThat(notes(small, ReferralProgram.FRIEND_RULE_ID)).containsExactly(
        "qualifying spend USD 30.00 is below the referral minimum of USD 50.00");

    Purchase first = shirtAndSocks("p-1", at(3, 3));
    Decision bought = decide(small.member(), first);
    assertThat(bought.member().available(POINTS)).as("1 point per $1").isEqualTo(30 + 60);
    assertThat(bought.member().vouchers().values()).singleElement().satisfies(v -> {
      assertThat(v.value()).isEqualTo(Money.of("10.00", "USD"));
      assertThat(v.status()).isEqualTo(VoucherStatus.ISSUED);
    });
    assertThat(bought.effects(Effect.ReferralQualified.class)).containsExactly(
        new Effect.ReferralQualified(BO, ActivityId.of("p-1")));

    // The host carries the news to Bo, who gets his $10 voucher.
    Decision credited = decide(bo(), new ReferralCredit(ActivityId.of("credit-p-1"),
        first.occurredAt(), ANA, first.id()));
    assertThat(credited.effects(Effect.VoucherIssued.class)).singleElement().satisfies(e -> {
      assertThat(e.voucher().value()).isEqualTo(Money.of("10.00", "USD"));
      assertThat(e.voucher().id().value()).isEqualTo("credit-p-1/referral:referrer/1");
    });
    assertThat(credited.trace()).singleElement().satisfies(t -> {
      assertThat(t.rule()).isEqualTo(ReferralProgram.REFERRER_RULE);
      assertThat(t.matched()).isTrue();
      assertThat(t.note()).isEqualTo("referral of ana, purchase p-1");
    });
    assertThat(carry(bought, first, bo()).vouchers()).hasSize(1);

    // Ana's next purchase earns its points only: a friend qualifies once.
    Decision again = decide(bought.member(), spend("p-2", at(3, 4), "80.00"));
    assertThat(again.member().available(POINTS)).isEqualTo(90 + 80);
    assertThat(again.member().vouchers()).hasSize(1);
    assertThat(again.effects(Effect.ReferralQualified.class)).isEmpty();
  }

  @Test
  void atMostFiveRewardedReferralsACalendarYear() {
    Member bo = bo();
    List<String> friends = List.of("ana", "cy", "dee", "eve", "fay");
    for (int i = 0; i < friends.size(); i++) {
      bo = decide(bo, credit(friends.get(i), at(3, 3 + i))).member();
    }
    assertThat(bo.vouchers().values()).hasSize(5).allSatisfy(v -> {
      assertThat(v.value()).isEqualTo(Money.of("10.00", "USD"));
      assertThat(v.status()).isEqualTo(VoucherStatus.ISSUED);
    });

    Decision sixth = decide(bo, credit("gus", at(6, 1)));
    assertThat(sixth.effects()).isEmpty();
    assertThat(sixth.member().vouchers()).hasSize(5);
    assertThat(notes(sixth, ReferralProgram.REFERRER_RULE_ID)).containsExactly(
        "the limit of 5 rewarded referrals per year is reached; the referral of gus is not "
            + "rewarded");

    // A new calendar year starts a new count.
    Decision nextYear = decide(sixth.member(), credit("hal", at(2027, 1, 4)));
    assertThat(nextYear.effects(Effect.VoucherIssued.class)).hasSize(1);
    assertThat(nextYear.member().vouchers()).hasSize(6);
  }

  @Test
  void nobodyIsRewardedForReferringThemselves() {
    assertThatThrownBy(() -> Member.enroll(BO, at(3, 1)).withReferrer(BO))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member bo cannot be their own referrer");
    assertThatThrownBy(() -> REFERRALS.decide(STATE, bo(), credit("bo", at(3, 3)), at(3, 3),
            RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("referral credit credit-p-bo: member bo cannot be credited for referring "
            + "themselves");
  }

  @Test
  void aReturnWithinThirtyDaysThatLeavesLessThanFiftyDollarsTakesBothVouchersBack() {
    Purchase first = shirtAndSocks("p-1", at(3, 3));
    Decision bought = decide(ana(), first);
    Member bo = carry(bought, first, bo());
    assertThat(statuses(bo)).containsExactly(VoucherStatus.ISSUED);

    // One pair of socks back: $50 left, still at the minimum, so the referral stands.
    Return sock = giveBack("r-1", at(3, 10), "p-1", "socks", 1);
    Decision oneSock = decide(bought.member(), sock);
    assertThat(oneSock.member().available(POINTS)).isEqualTo(50);
    assertThat(statuses(oneSock.member())).containsExactly(VoucherStatus.ISSUED);
    assertThat(oneSock.effects(Effect.ReferralWithdrawn.class)).isEmpty();
    bo = carry(oneSock, sock, bo);
    assertThat(statuses(bo)).containsExactly(VoucherStatus.ISSUED);

    // The shirt back on 1 April, day 29: $10 left. Both vouchers are revoked.
    Return shirt = giveBack("r-2", at(4, 1), "p-1", "shirt", 1);
    Decision noShirt = decide(oneSock.member(), shirt);
    assertThat(noShirt.member().available(POINTS)).isEqualTo(10);
    assertThat(statuses(noShirt.member())).containsExactly(VoucherStatus.REVOKED);
    assertThat(noShirt.effects(Effect.ReferralWithdrawn.class)).containsExactly(
        new Effect.ReferralWithdrawn(BO, ActivityId.of("p-1")));
    Decision withdrawn = decide(bo, new ReferralWithdrawal(ActivityId.of("withdraw-r-2"),
        shirt.occurredAt(), ANA, first.id()));
    assertThat(withdrawn.effects(Effect.VoucherRevoked.class)).singleElement().satisfies(e ->
        assertThat(e.voucher().value()).isEqualTo(Money.of("10.00", "USD")));
    assertThat(statuses(withdrawn.member())).containsExactly(VoucherStatus.REVOKED);
    assertThat(statuses(carry(noShirt, shirt, bo))).containsExactly(VoucherStatus.REVOKED);

    // Buying again does not qualify Ana a second time.
    Decision again = decide(noShirt.member(), spend("p-2", at(4, 2), "90.00"));
    assertThat(again.effects(Effect.ReferralQualified.class)).isEmpty();
    assertThat(statuses(again.member())).containsExactly(VoucherStatus.REVOKED);
  }

  @Test
  void aReturnAfterThirtyDaysKeepsBothVouchers() {
    Purchase first = shirtAndSocks("p-1", at(3, 3));
    Decision bought = decide(ana(), first);
    Member bo = carry(bought, first, bo());

    // Thirty days after noon on 3 March is noon on 2 April; the shirt comes back on 3 April.
    Return shirt = giveBack("r-1", at(4, 3), "p-1", "shirt", 1);
    Decision late = decide(bought.member(), shirt);
    assertThat(late.member().available(POINTS)).as("the shirt's 40 points go").isEqualTo(20);
    assertThat(statuses(late.member())).containsExactly(VoucherStatus.ISSUED);
    assertThat(late.effects(Effect.ReferralWithdrawn.class)).isEmpty();
    assertThat(notes(late, ReferralProgram.FRIEND_RULE_ID)).containsExactly("return r-1 came "
        + "after the referral's return window of P30D closed; the referral stands");
    // Nothing for the host to carry: Bo keeps his voucher.
    assertThat(statuses(carry(late, shirt, bo))).containsExactly(VoucherStatus.ISSUED);
  }

  @Test
  void aWithdrawnReferralFreesItsPlaceUnderTheLimit() {
    Member bo = bo();
    for (String friend : List.of("ana", "cy", "dee", "eve", "fay")) {
      bo = decide(bo, credit(friend, at(3, 3))).member();
    }
    bo = decide(bo, new ReferralWithdrawal(ActivityId.of("withdraw-r-2"), at(4, 1), ANA,
        ActivityId.of("p-ana"))).member();
    assertThat(statuses(bo)).containsOnlyOnce(VoucherStatus.REVOKED);
    Decision gus = decide(bo, credit("gus", at(4, 2)));
    assertThat(gus.effects(Effect.VoucherIssued.class)).hasSize(1);
    assertThat(gus.member().vouchers().values()).filteredOn(v -> v.status()
        == VoucherStatus.ISSUED).hasSize(5);
    assertThat(gus.member().vouchers()).hasSize(6);
  }
}
