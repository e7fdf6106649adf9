package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
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
import org.loyaltyrules.core.UnitId;
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
import org.loyaltyrules.core.program.InvalidProgramException;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.ReferralTerms;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.LineFilter;

/**
 * Two-sided referrals, "give $10, get 1,000 points": the friend's first purchase of at least
 * $50 gives the friend a $10 voucher and tells the host to credit the referrer, who gets 1,000
 * points for at most two referrals a calendar year; a return within 30 days that leaves the
 * purchase below $50 takes both back. Every purchase also earns 1 point per $1.
 */
class ReferralsTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final UnitId POINTS = UnitId.of("points");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final MemberId ANA = MemberId.of("ana");
  private static final MemberId BO = MemberId.of("bo");
  private static final ReferralTerms TERMS = ReferralTerms.of(
          Grant.voucher(Money.of("10", "USD")), Grant.points(POINTS, 1000),
          Money.of("50", "USD"), Period.ofDays(30))
      .withLimit(ReferralTerms.Limit.per(2, CalendarPeriod.YEAR));

  private static CompiledProgram program(ReferralTerms terms) {
    Program.Builder b = Program.builder(ProgramId.of("friends"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .earnRule(EarnRule.Rate.of("base", POINTS, 1, Money.of("1", "USD")));
    if (terms != null) {
      b.referral(terms);
    }
    return LoyaltyRules.compile(b.build());
  }

  private static final CompiledProgram COMPILED = program(TERMS);

  private static Instant at(int year, int month, int day) {
    return LocalDateTime.of(year, month, day, 12, 0).atZone(ZONE).toInstant();
  }

  private static Instant at(int month, int day) {
    return at(2026, month, day);
  }

  /** A purchase of a $40 shirt and two $10 socks: $60. */
  private static Purchase shirtAndSocks(String id, Instant when) {
    return Purchase.builder(ActivityId.of(id), when)
        .line(PurchaseLine.of("shirt", "shirt", "apparel", 1, Money.of("40", "USD")))
        .line(PurchaseLine.of("socks", "socks", "apparel", 2, Money.of("10", "USD"))).build();
  }

  private static Purchase spend(String id, Instant when, String amount) {
    return Purchase.builder(ActivityId.of(id), when)
        .line(PurchaseLine.of("l1", "sku", "goods", 1, Money.of(amount, "USD"))).build();
  }

  private static Return giveBack(String id, Instant when, String purchase, String line,
      long quantity) {
    return Return.of(ActivityId.of(id), when, ActivityId.of(purchase),
        List.of(ReturnLine.of(line, quantity)));
  }

  private static Member ana() {
    return Member.enroll(ANA, at(3, 1)).withReferrer(BO);
  }

  private static Member bo() {
    return Member.enroll(BO, at(1, 5));
  }

  private static Decision decide(CompiledProgram compiled, Member member, Activity activity) {
    Decision d = compiled.decide(STATE, member, activity, activity.occurredAt(), RANDOM);
    assertThat(d.isRefused()).as("%s refused: %s", activity.id(), d.errors()).isFalse();
    assertThat(d.errors()).isEmpty();
    return d;
  }

  private static Member run(CompiledProgram compiled, Member member, Activity... activities) {
    for (Activity a : activities) {
      member = decide(compiled, member, a).member();
    }
    return member;
  }

  private static List<String> notes(Decision d, String rule) {
    return d.trace().stream().filter(t -> t.rule().value().equals(rule)).map(TraceEntry::note)
        .toList();
  }

  private static List<VoucherStatus> statuses(Member m) {
    return m.vouchers().values().stream().map(Voucher::status).toList();
  }

  // -- the friend's side ------------------------------------------------------------------------

  @Test
  void theFirstPurchaseOfAtLeastTheMinimumGivesTheFriendsVoucherAndNamesTheReferrer() {
    Decision small = decide(COMPILED, ana(), spend("p-0", at(3, 2), "30.00"));
    assertThat(small.member().available(POINTS)).isEqualTo(30);
    assertThat(small.member().vouchers()).isEmpty();
    assertThat(small.effects(Effect.ReferralQualified.class)).isEmpty();
    assertThat(notes(small, "referral:friend")).containsExactly(
        "qualifying spend USD 30.00 is below the referral minimum of USD 50.00");

    Decision first = decide(COMPILED, small.member(), shirtAndSocks("p-1", at(3, 3)));
    assertThat(first.member().available(POINTS)).isEqualTo(30 + 60);
    assertThat(first.member().vouchers().values()).singleElement().satisfies(v -> {
      assertThat(v.value()).isEqualTo(Money.of("10", "USD"));
      assertThat(v.status()).isEqualTo(VoucherStatus.ISSUED);
      assertThat(v.source()).isEqualTo(ActivityId.of("p-1"));
    });
    assertThat(first.effects(Effect.ReferralQualified.class)).containsExactly(
        new Effect.ReferralQualified(BO, ActivityId.of("p-1")));
    assertThat(notes(first, "referral:friend")).containsExactly("first qualifying purchase of "
        + "the referral by bo: spend USD 60.00, at least USD 50.00");

    Decision second = decide(COMPILED, first.member(), spend("p-2", at(3, 4), "80.00"));
    assertThat(second.member().available(POINTS)).isEqualTo(30 + 60 + 80);
    assertThat(second.member().vouchers()).hasSize(1);
    assertThat(second.effects(Effect.ReferralQualified.class)).isEmpty();
    assertThat(notes(second, "referral:friend")).containsExactly(
        "the referral by bo already qualified with an earlier purchase");
  }

  @Test
  void onlyTheLinesTheTermsNameCountTowardTheMinimum() {
    CompiledProgram apparelOnly = program(TERMS.withLines(LineFilter.skus("shirt")));
    Decision d = decide(apparelOnly, ana(), shirtAndSocks("p-1", at(3, 3)));
    assertThat(d.effects(Effect.ReferralQualified.class)).isEmpty();
    assertThat(notes(d, "referral:friend")).containsExactly(
        "qualifying spend USD 40.00 is below the referral minimum of USD 50.00");
  }

  @Test
  void aMemberNobodyReferredOrAProgramWithoutReferralsGivesNothingExtra() {
    Decision unreferred = decide(COMPILED, Member.enroll(ANA, at(3, 1)),
        shirtAndSocks("p-1", at(3, 3)));
    assertThat(unreferred.member().vouchers()).isEmpty();
    assertThat(unreferred.effects(Effect.ReferralQualified.class)).isEmpty();
    assertThat(notes(unreferred, "referral:friend")).isEmpty();

    Decision noTerms = decide(program(null), ana(), shirtAndSocks("p-1", at(3, 3)));
    assertThat(noTerms.member().vouchers()).isEmpty();
    assertThat(noTerms.effects(Effect.ReferralQualified.class)).isEmpty();
  }

  @Test
  void aReturnWithinTheWindowThatLeavesThePurchaseBelowTheMinimumTakesTheRewardBack() {
    Member bought = run(COMPILED, ana(), shirtAndSocks("p-1", at(3, 3)));
    // One sock back: $50 left, still at the minimum, so the referral stands.
    Decision sock = decide(COMPILED, bought, giveBack("r-1", at(3, 10), "p-1", "socks", 1));
    assertThat(sock.member().available(POINTS)).isEqualTo(50);
    assertThat(statuses(sock.member())).containsExactly(VoucherStatus.ISSUED);
    assertThat(sock.effects(Effect.ReferralWithdrawn.class)).isEmpty();
    assertThat(notes(sock, "referral:friend")).containsExactly("return r-1: the rest of "
        + "purchase p-1, spend USD 50.00, still qualifies; the referral stands");

    // The shirt back on day 29: $10 left.
    Decision shirt = decide(COMPILED, sock.member(),
        giveBack("r-2", at(4, 1), "p-1", "shirt", 1));
    assertThat(shirt.member().available(POINTS)).isEqualTo(10);
    assertThat(statuses(shirt.member())).containsExactly(VoucherStatus.REVOKED);
    assertThat(shirt.effects(Effect.VoucherRevoked.class)).hasSize(1);
    assertThat(shirt.effects(Effect.ReferralWithdrawn.class)).containsExactly(
        new Effect.ReferralWithdrawn(BO, ActivityId.of("p-1")));
    assertThat(notes(shirt, "referral:friend")).singleElement().asString().startsWith(
        "return r-2 within the referral's return window of P30D leaves purchase p-1 below the "
            + "minimum: takes back voucher p-1/referral:friend/1 of USD 10.00");

    // Returning the last sock, or buying again, brings nothing back: the referral is spent.
    Decision last = decide(COMPILED, shirt.member(),
        giveBack("r-3", at(4, 1), "p-1", "socks", 1));
    assertThat(last.effects(Effect.ReferralWithdrawn.class)).isEmpty();
    Decision again = decide(COMPILED, last.member(), spend("p-2", at(4, 2), "90.00"));
    assertThat(again.effects(Effect.ReferralQualified.class)).isEmpty();
    assertThat(again.member().vouchers()).hasSize(1);
  }

  @Test
  void aReturnAfterTheWindowKeepsTheRewards() {
    Member bought = run(COMPILED, ana(), shirtAndSocks("p-1", at(3, 3)));
    // 30 days after 3 March at noon is 2 April at noon; the shirt comes back a day later.
    Decision late = decide(COMPILED, bought, giveBack("r-1", at(4, 3), "p-1", "shirt", 1));
    assertThat(late.member().available(POINTS)).isEqualTo(20);
    assertThat(statuses(late.member())).containsExactly(VoucherStatus.ISSUED);
    assertThat(late.effects(Effect.ReferralWithdrawn.class)).isEmpty();
    assertThat(notes(late, "referral:friend")).containsExactly("return r-1 came after the "
        + "referral's return window of P30D closed; the referral stands");

    Decision onTheDay = decide(COMPILED, bought, giveBack("r-1", at(4, 2), "p-1", "shirt", 1));
    assertThat(onTheDay.effects(Effect.ReferralWithdrawn.class)).hasSize(1);
  }

  @Test
  void aVoucherAlreadyUsedIsKeptButTheReferrerStillLosesTheReward() {
    Member bought = run(COMPILED, ana(), shirtAndSocks("p-1", at(3, 3)));
    Voucher used = bought.vouchers().values().iterator().next()
        .withStatus(VoucherStatus.APPLIED);
    Decision d = decide(COMPILED, bought.withVoucher(used),
        giveBack("r-1", at(3, 10), "p-1", "shirt", 1));
    assertThat(statuses(d.member())).containsExactly(VoucherStatus.APPLIED);
    assertThat(d.effects(Effect.VoucherRevoked.class)).isEmpty();
    assertThat(d.effects(Effect.ReferralWithdrawn.class)).hasSize(1);
    assertThat(notes(d, "referral:friend")).singleElement().asString().endsWith(
        "takes back nothing; voucher p-1/referral:friend/1 of USD 10.00 was already applied and "
            + "is kept");
  }

  @Test
  void friendsPointsStayApartFromWhatTheRestOfTheOrderEarns() {
    CompiledProgram points = program(ReferralTerms.of(Grant.points(POINTS, 500),
        Grant.points(POINTS, 1000), Money.of("50", "USD"), Period.ofDays(30)));
    Decision bought = decide(points, ana(), shirtAndSocks("p-1", at(3, 3)));
    assertThat(bought.member().available(POINTS)).isEqualTo(60 + 500);
    // A sock back re-evaluates the order: 10 base points go, the referral's 500 stay.
    Decision sock = decide(points, bought.member(),
        giveBack("r-1", at(3, 10), "p-1", "socks", 1));
    assertThat(sock.member().available(POINTS)).isEqualTo(50 + 500);
    assertThat(sock.effects(Effect.PointsReversed.class)).containsExactly(
        new Effect.PointsReversed(POINTS, 10, ActivityId.of("p-1")));
    Decision shirt = decide(points, sock.member(), giveBack("r-2", at(3, 11), "p-1", "shirt", 1));
    assertThat(shirt.member().available(POINTS)).isEqualTo(10);
    assertThat(shirt.effects(Effect.PointsReversed.class)).containsExactlyInAnyOrder(
        new Effect.PointsReversed(POINTS, 40, ActivityId.of("p-1")),
        new Effect.PointsReversed(POINTS, 500, ActivityId.of("p-1")));
  }

  @Test
  void aMemberCannotBeTheirOwnReferrer() {
    assertThatThrownBy(() -> Member.enroll(BO, at(3, 1)).withReferrer(BO))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member bo cannot be their own referrer");
  }

  // -- the referrer's side ----------------------------------------------------------------------

  private static ReferralCredit credit(String id, Instant when, String friend) {
    return new ReferralCredit(ActivityId.of(id), when, MemberId.of(friend),
        ActivityId.of("p-" + friend));
  }

  private static ReferralWithdrawal withdrawal(String id, Instant when, String friend) {
    return new ReferralWithdrawal(ActivityId.of(id), when, MemberId.of(friend),
        ActivityId.of("p-" + friend));
  }

  @Test
  void eachCreditGivesTheReferrerTheirRewardUntilTheYearsLimit() {
    Decision first = decide(COMPILED, bo(), credit("c-1", at(3, 3), "ana"));
    assertThat(first.member().available(POINTS)).isEqualTo(1000);
    assertThat(first.trace()).singleElement().satisfies(t -> {
      assertThat(t.rule().value()).isEqualTo("referral:referrer");
      assertThat(t.granted()).isEqualTo(1000);
      assertThat(t.note()).isEqualTo("referral of ana, purchase p-ana");
    });
    Member two = run(COMPILED, first.member(), credit("c-2", at(4, 1), "cy"));
    assertThat(two.available(POINTS)).isEqualTo(2000);

    Decision third = decide(COMPILED, two, credit("c-3", at(5, 1), "dee"));
    assertThat(third.member().available(POINTS)).isEqualTo(2000);
    assertThat(third.errors()).isEmpty();
    assertThat(third.trace()).singleElement().satisfies(t -> {
      assertThat(t.matched()).isFalse();
      assertThat(t.note()).isEqualTo("the limit of 2 rewarded referrals per year is reached; "
          + "the referral of dee is not rewarded");
    });

    // A new calendar year starts a new count.
    Decision nextYear = decide(COMPILED, third.member(), credit("c-4", at(2027, 1, 5), "eve"));
    assertThat(nextYear.member().available(POINTS)).isEqualTo(3000);
  }

  @Test
  void aLifetimeLimitNeverRestarts() {
    CompiledProgram once = program(TERMS.withLimit(ReferralTerms.Limit.ever(1)));
    Member m = run(once, bo(), credit("c-1", at(3, 3), "ana"),
        credit("c-2", at(2027, 3, 3), "cy"));
    assertThat(m.available(POINTS)).isEqualTo(1000);
  }

  @Test
  void eachFriendCountsOnceAndAReplayIsANoOp() {
    Member once = run(COMPILED, bo(), credit("c-1", at(3, 3), "ana"));
    Decision replay = COMPILED.decide(STATE, once, credit("c-1", at(3, 3), "ana"), at(3, 4),
        RANDOM);
    assertThat(replay.replay()).isTrue();
    assertThat(replay.member().available(POINTS)).isEqualTo(1000);

    Decision again = decide(COMPILED, once, credit("c-9", at(3, 5), "ana"));
    assertThat(again.member().available(POINTS)).isEqualTo(1000);
    assertThat(again.trace()).extracting(TraceEntry::note).containsExactly(
        "the referral of ana was already credited; each friend counts once");
  }

  @Test
  void creditingAMemberForReferringThemselvesIsRefusedNamingThem() {
    assertThatThrownBy(() -> COMPILED.decide(STATE, bo(), credit("c-1", at(3, 3), "bo"),
            at(3, 3), RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("referral credit c-1: member bo cannot be credited for referring themselves");
    assertThatThrownBy(() -> COMPILED.decide(STATE, bo(), withdrawal("w-1", at(3, 3), "bo"),
            at(3, 3), RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("referral withdrawal w-1: member bo cannot have referred themselves");
    assertThatThrownBy(() -> program(null).decide(STATE, bo(), credit("c-1", at(3, 3), "ana"),
            at(3, 3), RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("referral credit c-1: program friends does not reward referrals");
  }

  @Test
  void aWithdrawalTakesBackExactlyWhatItsCreditGaveAndFreesItsPlace() {
    Member two = run(COMPILED, bo(), credit("c-1", at(3, 3), "ana"),
        credit("c-2", at(3, 4), "cy"));
    Decision w = decide(COMPILED, two, withdrawal("w-1", at(3, 20), "cy"));
    assertThat(w.member().available(POINTS)).isEqualTo(1000);
    assertThat(w.effects(Effect.PointsReversed.class)).containsExactly(
        new Effect.PointsReversed(POINTS, 1000, ActivityId.of("c-2")));
    assertThat(w.trace()).extracting(TraceEntry::note).containsExactly("withdrawal w-1 of the "
        + "referral of cy: takes back 1000 points");

    // The place is free again, and cy is not rewarded a second time.
    Member freed = run(COMPILED, w.member(), credit("c-3", at(3, 21), "dee"));
    assertThat(freed.available(POINTS)).isEqualTo(2000);
    Decision cyAgain = decide(COMPILED, freed, credit("c-4", at(3, 22), "cy"));
    assertThat(cyAgain.member().available(POINTS)).isEqualTo(2000);
    assertThat(cyAgain.trace()).extracting(TraceEntry::note).containsExactly(
        "the referral of cy was withdrawn; it is not rewarded again");
    Decision twice = decide(COMPILED, freed, withdrawal("w-2", at(3, 22), "cy"));
    assertThat(twice.member().available(POINTS)).isEqualTo(2000);
    assertThat(twice.trace()).extracting(TraceEntry::note).containsExactly(
        "the referral of cy was already withdrawn");
  }

  @Test
  void withdrawingAReferralTheLimitLeftUnrewardedTakesNothing() {
    Member three = run(COMPILED, bo(), credit("c-1", at(3, 3), "ana"),
        credit("c-2", at(3, 4), "cy"), credit("c-3", at(3, 5), "dee"));
    Decision w = decide(COMPILED, three, withdrawal("w-1", at(3, 20), "dee"));
    assertThat(w.member().available(POINTS)).isEqualTo(2000);
    assertThat(w.effects()).isEmpty();
    assertThat(w.trace()).extracting(TraceEntry::note).containsExactly(
        "the referral of dee was not rewarded, so nothing is taken back");
    // The two rewarded referrals still fill the year.
    Decision eve = decide(COMPILED, w.member(), credit("c-4", at(3, 21), "eve"));
    assertThat(eve.member().available(POINTS)).isEqualTo(2000);
  }

  @Test
  void aWithdrawalThatArrivesBeforeItsCreditMakesTheCreditGiveNothing() {
    Decision early = decide(COMPILED, bo(), withdrawal("w-1", at(3, 3), "ana"));
    assertThat(early.trace()).extracting(TraceEntry::note).containsExactly("no credit for the "
        + "referral of ana to take back; a later credit for ana gives nothing");
    Decision late = decide(COMPILED, early.member(), credit("c-1", at(3, 4), "ana"));
    assertThat(late.member().available(POINTS)).isZero();
  }

  @Test
  void aReferrersVoucherIsRevokedIfUnusedAndAFreeRewardIsKept() {
    CompiledProgram vouchers = program(ReferralTerms.of(Grant.voucher(Money.of("10", "USD")),
        Grant.voucher(Money.of("15", "USD")), Money.of("50", "USD"), Period.ofDays(30)));
    Member two = run(vouchers, bo(), credit("c-1", at(3, 3), "ana"),
        credit("c-2", at(3, 4), "cy"));
    assertThat(two.vouchers().keySet()).extracting(Object::toString).containsExactly(
        "c-1/referral:referrer/1", "c-2/referral:referrer/2");
    Decision w = decide(vouchers, two, withdrawal("w-1", at(3, 20), "cy"));
    assertThat(statuses(w.member())).containsExactly(VoucherStatus.ISSUED,
        VoucherStatus.REVOKED);
    assertThat(w.effects(Effect.VoucherRevoked.class)).singleElement().satisfies(
        e -> assertThat(e.voucher().value()).isEqualTo(Money.of("15", "USD")));
  }

  @Test
  void aWithdrawalAfterTheReferrerSpentThePointsFollowsTheShortfallPolicy() {
    Member credited = run(COMPILED, bo(), credit("c-1", at(3, 3), "ana"));
    Member spent = run(COMPILED, credited, new org.loyaltyrules.core.activity.Adjustment(
        ActivityId.of("a-1"), at(3, 5), POINTS, -600, "spent elsewhere"));
    Decision w = decide(COMPILED, spent, withdrawal("w-1", at(3, 20), "ana"));
    assertThat(w.member().available(POINTS)).isZero();
    assertThat(w.effects(Effect.PointsShortfall.class)).singleElement().satisfies(
        s -> assertThat(s.points()).isEqualTo(600));
  }

  // -- the program ------------------------------------------------------------------------------

  @Test
  void theProgramChecksTheReferralTermsAgainstItsParts() {
    ReferralTerms bad = new ReferralTerms(Grant.points(UnitId.of("stars"), 100),
        Grant.voucher(Money.of("10", "EUR")), Money.of("50", "EUR"), LineFilter.all(),
        Optional.empty(), Period.ofYears(2));
    assertThatThrownBy(() -> Program.builder(ProgramId.of("friends"), Money.currency("USD"), ZONE)
            .unit(PointUnit.redeemable("points", "Points")).referral(bad).build())
        .isInstanceOfSatisfying(InvalidProgramException.class, e -> assertThat(e.problems())
            .extracting(Object::toString).containsExactly(
                "referral.friend.unit: unknown unit 'stars'; the program's units are [points]",
                "referral.referrer.value: currency must be USD, was EUR (EUR 10.00)",
                "referral.minimumSpend: currency must be USD, was EUR (EUR 50.00)",
                "referral.returnWindow: return window P2Y is longer than the activity horizon "
                    + "of 400 days, so a return inside the window could no longer be matched "
                    + "to its purchase"));
    assertThatThrownBy(() -> ReferralTerms.Limit.ever(0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("referral limit must be at least 1, was 0");
    assertThatThrownBy(() -> ReferralTerms.of(Grant.voucher(Money.of("10", "USD")),
            Grant.voucher(Money.of("10", "USD")), Money.of("-1", "USD"), Period.ofDays(30)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("referral minimum spend must not be negative, was USD -1.00");
  }
}
