package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.CurrencyMismatchException;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.activity.AccountClosure;
import org.loyaltyrules.core.activity.Adjustment;
import org.loyaltyrules.core.activity.Donation;
import org.loyaltyrules.core.activity.MembershipFeePayment;
import org.loyaltyrules.core.activity.PayWithPoints;
import org.loyaltyrules.core.activity.PointsTransfer;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.Account;
import org.loyaltyrules.core.ledger.InstantBeforeStateException;
import org.loyaltyrules.core.ledger.InsufficientPointsException;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.TierStatus;
import org.loyaltyrules.core.program.Cause;
import org.loyaltyrules.core.program.ExpiryPolicy;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.InvalidProgramException;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TransferTerms;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.RuleSettings;

class CompiledProgramTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final UnitId STARS = UnitId.of("stars");
  private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");

  private static final Program PROGRAM = Program.builder(ProgramId.of("toms"),
          Money.currency("USD"), ZONE)
      .unit(PointUnit.redeemable("stars", "Stars")
          .withExpiry(ExpiryPolicy.afterPeriod(Period.ofMonths(6))))
      .tiers(TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(), List.of(
          Tier.of("base", "Base", 0), Tier.of("gold", "Gold", 500))))
      .reward(Reward.of("drink", "Handcrafted drink", STARS, 200, RewardKind.FREE_ITEM))
      .reward(Reward.of("lounge", "Lounge pass", STARS, 100, RewardKind.EVENT_ACCESS)
          .onlyFor(Set.of(TierId.of("gold"))))
      .cause(new Cause(CauseId.of("giving-fund"), "Giving fund", Money.of("0.01", "USD"), 100,
          50))
      .partner(Partner.of("airline", "Airline", Money.of("0.012", "USD"))
          .withTransfers(new TransferTerms("miles", 5, 2, 400, 100)))
      .partner(Partner.of("bank", "Bank", Money.of("0.01", "USD")))
      .build();
  private static final CompiledProgram COMPILED = LoyaltyRules.compile(PROGRAM);
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));

  private static Instant day(int n) {
    return T0.plus(java.time.Duration.ofDays(n));
  }

  /** A member credited with {@code stars} by a customer-service adjustment on day 0. */
  private static Member memberWith(long stars) {
    Member ana = Member.enroll(MemberId.of("ana"), T0);
    return COMPILED.decide(STATE, ana, new Adjustment(ActivityId.of("welcome"), T0, STARS, stars,
        "opening balance"), T0, RANDOM).member();
  }

  @Test
  void redeemingARewardSpendsItsCostAndSaysSo() {
    Member ana = memberWith(250);
    Decision d = COMPILED.decide(STATE, ana, RedeemReward.of(ActivityId.of("r-1"), day(1),
        RewardId.of("drink")), day(1), RANDOM);

    assertThat(d.member().available(STARS)).isEqualTo(50);
    assertThat(d.effects()).containsExactly(new Effect.RewardRedeemed(RewardId.of("drink"), 1,
        STARS, 200));
    assertThat(d.postings()).singleElement().satisfies(p -> {
      assertThat(p.type()).isEqualTo(PostingType.REDEEM);
      assertThat(p.amount()).isEqualTo(200);
    });
    assertThat(d.member().asOf()).isEqualTo(day(1));
    assertThat(d.isRefused()).isFalse();
    assertThat(ana.available(STARS)).as("the input is unchanged").isEqualTo(250);
  }

  @Test
  void aVoucherRewardPutsTheVoucherInTheMembersState() {
    Program petsmart = Program.builder(ProgramId.of("petsmart"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .reward(Reward.worth("five-dollars", "$5 reward", UnitId.of("points"), 1000,
            RewardKind.VOUCHER, Money.of("5", "USD")))
        .build();
    CompiledProgram compiled = LoyaltyRules.compile(petsmart);
    Member m = Member.enroll(MemberId.of("ana"), T0);
    m = compiled.decide(STATE, m, new Adjustment(ActivityId.of("a"), T0, UnitId.of("points"),
        2000, "opening"), T0, RANDOM).member();
    Decision d = compiled.decide(STATE, m, new RedeemReward(ActivityId.of("r-1"), day(1),
        RewardId.of("five-dollars"), 2), day(1), RANDOM);
    assertThat(d.member().available(UnitId.of("points"))).isZero();
    assertThat(d.member().vouchers().values()).hasSize(2)
        .allSatisfy(v -> assertThat(v.value()).isEqualTo(Money.of("5", "USD")));
    assertThat(d.effects(Effect.VoucherIssued.class)).hasSize(2);
  }

  @Test
  void anInsufficientBalanceIsRefusedAndChangesNothing() {
    Member ana = memberWith(150);
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana, RedeemReward.of(ActivityId.of("r-1"),
            day(1), RewardId.of("drink")), day(1), RANDOM))
        .isInstanceOf(InsufficientPointsException.class)
        .hasMessage("insufficient stars: requested 200, available 150");
    assertThat(ana.available(STARS)).isEqualTo(150);
  }

  @Test
  void anUnknownOrTierOnlyRewardIsRefusedNamingIt() {
    Member ana = memberWith(500);
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana, RedeemReward.of(ActivityId.of("r-1"),
            day(1), RewardId.of("free-car")), day(1), RANDOM))
        .isInstanceOf(UnknownReferenceException.class)
        .hasMessageContaining("unknown reward 'free-car'");
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana, RedeemReward.of(ActivityId.of("r-1"),
            day(1), RewardId.of("lounge")), day(1), RANDOM))
        .isInstanceOf(RewardNotAvailableException.class)
        .hasMessage("reward lounge is only for tiers [gold]; the member holds tier base");
    Member gold = ana.withTier(TierStatus.of(TierId.of("gold"), T0));
    assertThat(COMPILED.decide(STATE, gold, RedeemReward.of(ActivityId.of("r-1"), day(1),
        RewardId.of("lounge")), day(1), RANDOM).member().available(STARS)).isEqualTo(400);
  }

  @Test
  void aDonationGivesTheCauseItsMoneyValueWithinItsMinimumAndStep() {
    Member ana = memberWith(1000);
    Decision d = COMPILED.decide(STATE, ana, new Donation(ActivityId.of("d-1"), day(1),
        CauseId.of("giving-fund"), STARS, 500), day(1), RANDOM);

    assertThat(d.effects()).containsExactly(new Effect.DonationMade(CauseId.of("giving-fund"),
        STARS, 500, Money.of("5.00", "USD")));
    assertThat(d.member().ledger().balance(Account.cause(CauseId.of("giving-fund")), STARS))
        .isEqualTo(500);
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana, new Donation(ActivityId.of("d-2"),
            day(1), CauseId.of("giving-fund"), STARS, 120), day(1), RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("donation d-2: cause giving-fund accepts at least 100 points in steps of 50, "
            + "was 120; the nearest valid amounts are 100 and 150");
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana, new Donation(ActivityId.of("d-3"),
            day(1), CauseId.of("whales"), STARS, 100), day(1), RANDOM))
        .isInstanceOf(UnknownReferenceException.class)
        .hasMessageContaining("unknown cause 'whales'");
  }

  @Test
  void transfersGoToKnownPartnersOnly() {
    Member ana = memberWith(1000);
    Decision d = COMPILED.decide(STATE, ana, new PointsTransfer(ActivityId.of("t-1"), day(1),
        PartnerId.of("airline"), STARS, 400), day(1), RANDOM);
    assertThat(d.member().ledger().balance(Account.partner(PartnerId.of("airline")), STARS))
        .isEqualTo(400);
    assertThat(d.effects()).containsExactly(new Effect.PointsTransferred(
        PartnerId.of("airline"), STARS, 400, "miles", 160));
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana, new PointsTransfer(
            ActivityId.of("t-2"), day(1), PartnerId.of("airline"), STARS, 450), day(1), RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("points transfer t-2: 450 points is not a valid amount for partner airline "
            + "(at least 400, in steps of 100); the nearest valid amounts are 400 and 500");
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana, new PointsTransfer(
            ActivityId.of("t-2"), day(1), PartnerId.of("airline"), STARS, 399), day(1), RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("the nearest valid amount is 400");
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana, new PointsTransfer(
            ActivityId.of("t-2"), day(1), PartnerId.of("bank"), STARS, 400), day(1), RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("points transfer t-2: partner bank takes no transfers");
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana, new PointsTransfer(
            ActivityId.of("t-2"), day(1), PartnerId.of("hotel"), STARS, 400), day(1), RANDOM))
        .isInstanceOf(UnknownReferenceException.class)
        .hasMessageContaining("unknown partner 'hotel'");
  }

  @Test
  void aReplayAppliesOnlyThePassageOfTime() {
    Member ana = memberWith(250);
    RedeemReward redeem = RedeemReward.of(ActivityId.of("r-1"), day(1), RewardId.of("drink"));
    Member after = COMPILED.decide(STATE, ana, redeem, day(1), RANDOM).member();

    Decision again = COMPILED.decide(STATE, after, redeem, day(2), RANDOM);
    assertThat(again.replay()).isTrue();
    assertThat(again.effects()).isEmpty();
    assertThat(again.postings()).isEmpty();
    assertThat(again.member().available(STARS)).isEqualTo(50);
    assertThat(again.member()).isEqualTo(COMPILED.advance(STATE, after, day(2)).member());
  }

  @Test
  void advanceExpiresLotsAndReportsIt() {
    Member ana = memberWith(250);
    Instant autumn = day(200);
    Decision d = COMPILED.advance(STATE, ana, autumn);

    assertThat(d.member().available(STARS)).isZero();
    assertThat(d.effects()).singleElement().isInstanceOfSatisfying(Effect.PointsExpired.class,
        e -> {
          assertThat(e.points()).isEqualTo(250);
          assertThat(e.at()).isEqualTo(T0.atZone(ZONE).plusMonths(6).toInstant());
        });
    assertThat(d.activity()).isEmpty();
    assertThat(COMPILED.advance(STATE, COMPILED.advance(STATE, ana, day(100)).member(), autumn)
        .member()).as("advancing in steps equals advancing at once").isEqualTo(d.member());
    assertThat(COMPILED.decide(STATE, ana, new Adjustment(ActivityId.of("a-2"), autumn, STARS,
        10, "late goodwill"), autumn, RANDOM).member().available(STARS))
        .as("decide applies the expiry first").isEqualTo(10);
  }

  @Test
  void closingTheAccountForfeitsTheBalance() {
    Member ana = memberWith(250);
    Decision d = COMPILED.decide(STATE, ana, new AccountClosure(ActivityId.of("c-1"), day(1),
        "member asked"), day(1), RANDOM);
    assertThat(d.member().isClosed()).isTrue();
    assertThat(d.member().available(STARS)).isZero();
    assertThat(d.member().ledger().balance(Account.breakage(), STARS)).isEqualTo(250);
    assertThat(d.effects()).containsExactly(new Effect.AccountClosed("member asked"));
  }

  @Test
  void badInputIsRefusedNamingIt() {
    Member ana = memberWith(250);
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana, RedeemReward.of(ActivityId.of("r-1"),
            T0.minusSeconds(60), RewardId.of("drink")), T0.minusSeconds(1), RANDOM))
        .isInstanceOf(InstantBeforeStateException.class);
    assertThatThrownBy(() -> COMPILED.decide(ProgramState.initial(Money.currency("EUR")), ana,
            RedeemReward.of(ActivityId.of("r-1"), day(1), RewardId.of("drink")), day(1), RANDOM))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessage("program state of toms: currency must be USD, was EUR");
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana, null, day(1), RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("activity must not be null");
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana, new MembershipFeePayment(
            ActivityId.of("fee-1"), day(1), PlanId.of("prime"), Money.of("139", "USD")), day(1),
        RANDOM))
        .isInstanceOf(UnknownReferenceException.class)
        .hasMessageContaining("unknown plan 'prime'");
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana, new PayWithPoints(ActivityId.of("pp-1"),
            day(1), ActivityId.of("p-1"), STARS, 100), day(1), RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("pay-with-points pp-1: program toms does not let members pay with points");
    Purchase euros = Purchase.builder(ActivityId.of("p-2"), day(1))
        .line(PurchaseLine.of("l1", "shoes", "footwear", 1, Money.of("60", "EUR"))).build();
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana, euros, day(1), RANDOM))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessage("purchase p-2: currency must be USD, was EUR");
  }

  @Test
  void compilingRefusesRulesThisVersionCannotDecide() {
    Program withRules = Program.builder(ProgramId.of("starbucks"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("stars", "Stars"))
        .earnRule(EarnRule.Rate.of("base", STARS, 2, Money.of("1", "USD")))
        .reward(Reward.of("drink", "Handcrafted drink", STARS, 200, RewardKind.FREE_ITEM))
        .earnRule(new EarnRule.FirstPurchase(RuleId.of("first-drink"), RuleSettings.defaults(),
            Grant.reward(RewardId.of("drink"))))
        .build();
    assertThatThrownBy(() -> LoyaltyRules.compile(withRules))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("earnRules[1].grant: a first-purchase grant of FreeReward is not "
            + "decided by this version");
    assertThatThrownBy(() -> LoyaltyRules.compile(null))
        .isExactlyInstanceOf(IllegalArgumentException.class);
  }
}
