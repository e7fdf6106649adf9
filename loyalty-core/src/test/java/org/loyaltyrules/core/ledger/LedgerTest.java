package org.loyaltyrules.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.core.ledger.LedgerFixtures.MEMBER;
import static org.loyaltyrules.core.ledger.LedgerFixtures.MILES;
import static org.loyaltyrules.core.ledger.LedgerFixtures.POINTS;
import static org.loyaltyrules.core.ledger.LedgerFixtures.POLICY;
import static org.loyaltyrules.core.ledger.LedgerFixtures.STARS;
import static org.loyaltyrules.core.ledger.LedgerFixtures.START;
import static org.loyaltyrules.core.ledger.LedgerFixtures.TIER;
import static org.loyaltyrules.core.ledger.LedgerFixtures.id;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.ShortfallPolicy;

class LedgerTest {
  private static final Account AVAILABLE = Account.memberAvailable(MEMBER);
  private static final Account PENDING = Account.memberPending(MEMBER);

  private final Ledger empty = Ledger.open(MEMBER, START);

  private static Instant day(int n) {
    return START.plus(Duration.ofDays(n));
  }

  /** The same wall-clock time n calendar days later in the program's zone (DST-aware). */
  private static Instant calendarDay(int n) {
    return START.atZone(LedgerFixtures.ZONE).plusDays(n).toInstant();
  }

  private static Ledger earn(Ledger ledger, String activity, Instant at, UnitId unit, long points) {
    LedgerTransaction tx = ledger.begin(POLICY, id(activity), at, at);
    tx.earn(unit, points, Attribution.rule(RuleId.of("base")));
    return tx.commit().ledger();
  }

  private static Ledger apply(Ledger ledger, String activity, Instant at,
      Consumer<LedgerTransaction> operations) {
    LedgerTransaction tx = ledger.begin(POLICY, id(activity), at, at);
    operations.accept(tx);
    return tx.commit().ledger();
  }

  private static Map<Account, Long> nonZero(Map<Account, Long> balances) {
    Map<Account, Long> result = new TreeMap<>(balances);
    result.values().removeIf(b -> b == 0);
    return result;
  }

  private static Ledger copy(Ledger ledger, Instant asOf, List<Lot> lots, List<Posting> postings,
      Map<ActivityId, Instant> recent) {
    return Ledger.restore(MEMBER, asOf, lots, postings, ledger.deficits(), ledger.openReversals(),
        recent, ledger.isClosed());
  }

  @Test
  void earnedPointsArePendingUntilTheyVestThenAvailable() {
    LedgerTransaction tx = empty.begin(POLICY, id("p-1"), START, START);
    LotId lot = tx.earn(POINTS, 25, Attribution.rule(RuleId.of("base"))
        .withLines(List.of(LineId.of("l1"))));
    LedgerResult result = tx.commit();
    Ledger ledger = result.ledger();

    assertThat(lot).isEqualTo(LotId.of("lot-1"));
    assertThat(ledger.pending(POINTS)).isEqualTo(25);
    assertThat(ledger.available(POINTS)).isZero();
    assertThat(result.postings()).singleElement().satisfies(p -> {
      assertThat(p.type()).isEqualTo(PostingType.EARN);
      assertThat(p.from()).isEqualTo(Account.issuance());
      assertThat(p.to()).isEqualTo(PENDING);
      assertThat(p.amount()).isEqualTo(25);
      assertThat(p.rule()).contains(RuleId.of("base"));
      assertThat(p.activity()).contains(id("p-1"));
    });
    Lot earned = ledger.lot(lot).orElseThrow();
    assertThat(earned.vestsAt()).isEqualTo(day(3));
    assertThat(earned.expiresAt()).as("30 calendar days across the DST change")
        .contains(calendarDay(30)).isNotEqualTo(java.util.Optional.of(day(30)));
    assertThat(earned.lines()).containsExactly(LineId.of("l1"));

    LedgerResult vested = ledger.advance(day(3), POLICY);
    assertThat(vested.ledger().available(POINTS)).isEqualTo(25);
    assertThat(vested.ledger().pending(POINTS)).isZero();
    assertThat(vested.postings()).singleElement().satisfies(p -> {
      assertThat(p.type()).isEqualTo(PostingType.VEST);
      assertThat(p.at()).isEqualTo(day(3));
    });
    assertThat(ledger.pending(POINTS)).as("the original ledger is unchanged").isEqualTo(25);
  }

  @Test
  void spendingConsumesTheEarliestExpiringLotFirst() {
    Ledger ledger = earn(empty, "p-1", START, POINTS, 100);
    ledger = earn(ledger, "p-2", day(5), POINTS, 50);
    ledger = ledger.advance(day(10), POLICY).ledger();
    assertThat(ledger.available(POINTS)).isEqualTo(150);

    LedgerTransaction tx = ledger.begin(POLICY, id("r-1"), day(10), day(10));
    tx.redeem(POINTS, 120, Attribution.none());
    LedgerResult result = tx.commit();

    assertThat(result.postings()).extracting(Posting::lot, Posting::amount).containsExactly(
        org.assertj.core.groups.Tuple.tuple(java.util.Optional.of(LotId.of("lot-1")), 100L),
        org.assertj.core.groups.Tuple.tuple(java.util.Optional.of(LotId.of("lot-2")), 20L));
    assertThat(result.ledger().available(POINTS)).isEqualTo(30);
    assertThat(result.ledger().lot(LotId.of("lot-2")).orElseThrow().remaining()).isEqualTo(30);
  }

  @Test
  void expiryMovesTheRemainderToBreakage() {
    Ledger ledger = earn(empty, "p-1", START, POINTS, 100);
    ledger = ledger.advance(day(4), POLICY).ledger();
    LedgerTransaction tx = ledger.begin(POLICY, id("r-1"), day(4), day(4));
    tx.redeem(POINTS, 40, Attribution.none());
    ledger = tx.commit().ledger();

    LedgerResult expired = ledger.advance(day(31), POLICY);
    assertThat(expired.ledger().available(POINTS)).isZero();
    assertThat(expired.ledger().balance(Account.breakage(), POINTS)).isEqualTo(60);
    assertThat(expired.postings()).singleElement().satisfies(p -> {
      assertThat(p.type()).isEqualTo(PostingType.EXPIRE);
      assertThat(p.at()).isEqualTo(calendarDay(30));
      assertThat(p.amount()).isEqualTo(60);
    });
    Lot lot = expired.ledger().lots().get(0);
    assertThat(lot.consumed()).isEqualTo(40);
    assertThat(lot.lapsed()).isEqualTo(60);
  }

  @Test
  void insufficientBalanceIsRefusedAndChangesNothing() {
    Ledger ledger = earn(empty, "p-1", START, MILES, 70);
    LedgerTransaction tx = ledger.begin(POLICY, id("r-1"), day(1), day(1));
    assertThatThrownBy(() -> tx.redeem(MILES, 71, Attribution.none()))
        .isInstanceOfSatisfying(InsufficientPointsException.class, e -> {
          assertThat(e.available()).isEqualTo(70);
          assertThat(e.requested()).isEqualTo(71);
          assertThat(e.unit()).isEqualTo(MILES);
          assertThat(e).hasMessage("insufficient miles: requested 71, available 70");
        });
    LedgerResult result = tx.commit();
    assertThat(result.postings()).isEmpty();
    assertThat(result.ledger().available(MILES)).isEqualTo(70);
  }

  @Test
  void statusPointsCannotBeSpent() {
    Ledger ledger = earn(empty, "f-1", START, TIER, 400);
    LedgerTransaction tx = ledger.begin(POLICY, id("r-1"), day(1), day(1));
    assertThatThrownBy(() -> tx.redeem(TIER, 10, Attribution.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activity r-1: unit tier-points is status-only and cannot be spent");
  }

  @Test
  void reversingAnUntouchedLotRestoresEveryBalance() {
    Ledger before = earn(empty, "p-1", START, POINTS, 80).advance(day(4), POLICY).ledger();
    Ledger earned = earn(before, "p-2", day(4), POINTS, 30);
    LedgerTransaction tx = earned.begin(POLICY, id("ret-1"), day(4), day(4));
    tx.reverseEarning(LotId.of("lot-2"), 30);
    Ledger after = tx.commit().ledger();

    assertThat(after.balances(POINTS)).isEqualTo(before.balances(POINTS));
    assertThat(after.lot(LotId.of("lot-2")).orElseThrow().reversed()).isEqualTo(30);
  }

  @Test
  void reversingSpentPointsTakesThemFromOtherLotsThenStopsAtZero() {
    Ledger ledger = earn(empty, "p-1", START, POINTS, 100);
    ledger = earn(ledger, "p-2", day(1), POINTS, 20).advance(day(5), POLICY).ledger();
    LedgerTransaction spend = ledger.begin(POLICY, id("r-1"), day(5), day(5));
    spend.redeem(POINTS, 110, Attribution.none());
    ledger = spend.commit().ledger();
    assertThat(ledger.available(POINTS)).isEqualTo(10);

    LedgerTransaction ret = ledger.begin(POLICY, id("ret-1"), day(6), day(6));
    ret.reverseEarning(LotId.of("lot-1"), 100);
    LedgerResult result = ret.commit();

    assertThat(result.ledger().available(POINTS)).isZero();
    assertThat(result.shortfalls()).containsExactly(
        new Shortfall(POINTS, LotId.of("lot-1"), 90, org.loyaltyrules.core.program.ShortfallPolicy.STOP_AT_ZERO));
  }

  @Test
  void allowNegativePolicyLetsTheBalanceGoNegativeAndLaterEarningsSettleIt() {
    Ledger ledger = earn(empty, "p-1", START, MILES, 100);
    LedgerTransaction spend = ledger.begin(POLICY, id("r-1"), day(1), day(1));
    spend.redeem(MILES, 100, Attribution.none());
    ledger = spend.commit().ledger();
    LedgerTransaction ret = ledger.begin(POLICY, id("ret-1"), day(2), day(2));
    ret.reverseEarning(LotId.of("lot-1"), 100);
    LedgerResult result = ret.commit();
    ledger = result.ledger();

    assertThat(ledger.available(MILES)).isEqualTo(-100);
    assertThat(ledger.balance(AVAILABLE, MILES)).isEqualTo(-100);
    assertThat(result.shortfalls()).singleElement()
        .satisfies(s -> assertThat(s.leftNegativeBalance()).isTrue());

    ledger = earn(ledger, "p-2", day(3), MILES, 130);
    assertThat(ledger.available(MILES)).isEqualTo(30);
    assertThat(ledger.deficits()).isEmpty();
    assertThat(ledger.lot(LotId.of("lot-2")).orElseThrow().remaining()).isEqualTo(30);
  }

  @Test
  void takeFromPendingPolicyTakesPendingPoints() {
    Ledger ledger = earn(empty, "p-1", START, STARS, 50).advance(day(2), POLICY).ledger();
    LedgerTransaction spend = ledger.begin(POLICY, id("r-1"), day(2), day(2));
    spend.redeem(STARS, 50, Attribution.none());
    ledger = earn(spend.commit().ledger(), "p-2", day(2), STARS, 40);
    assertThat(ledger.pending(STARS)).isEqualTo(40);

    LedgerTransaction ret = ledger.begin(POLICY, id("ret-1"), day(2), day(2));
    ret.reverseEarning(LotId.of("lot-1"), 50);
    LedgerResult result = ret.commit();

    assertThat(result.ledger().pending(STARS)).isZero();
    assertThat(result.shortfalls()).singleElement().satisfies(s -> assertThat(s.points()).isEqualTo(10));
  }

  @Test
  void restoringASpendingGivesPointsBackToTheLotsTheyCameFrom() {
    Ledger ledger = earn(empty, "p-1", START, MILES, 60);
    ledger = earn(ledger, "p-2", day(40), MILES, 60);
    LedgerTransaction spend = ledger.begin(POLICY, id("pay-1"), day(41), day(41));
    spend.redeem(MILES, 90, Attribution.none().withPartner(PartnerId.of("hertz")));
    Ledger spent = spend.commit().ledger();
    assertThat(spent.balance(Account.partner(PartnerId.of("hertz")), MILES)).isEqualTo(90);

    LedgerTransaction ret = spent.begin(POLICY, id("ret-1"), day(42), day(42));
    ret.restoreSpending(id("pay-1"), MILES, 45);
    Ledger half = ret.commit().ledger();
    assertThat(half.lot(LotId.of("lot-2")).orElseThrow().remaining()).isEqualTo(30 + 30);
    assertThat(half.lot(LotId.of("lot-1")).orElseThrow().remaining()).isEqualTo(15);

    LedgerTransaction rest = half.begin(POLICY, id("ret-2"), day(42), day(42));
    assertThatThrownBy(() -> rest.restoreSpending(id("pay-1"), MILES, 46))
        .isInstanceOfSatisfying(ReversalExceedsException.class,
            e -> assertThat(e.reversible()).isEqualTo(45));
    rest.restoreSpending(id("pay-1"), MILES, 45);
    Ledger whole = rest.commit().ledger();
    assertThat(whole.available(MILES)).isEqualTo(120);
    assertThat(whole.balance(Account.partner(PartnerId.of("hertz")), MILES)).isZero();
  }

  @Test
  void donationsGoToTheCauseAndTransfersToThePartner() {
    Ledger ledger = earn(empty, "p-1", START, MILES, 500);
    LedgerTransaction tx = ledger.begin(POLICY, id("d-1"), day(1), day(1));
    tx.donate(MILES, 200, CauseId.of("giving-fund"), Attribution.none());
    tx.transfer(MILES, 250, PartnerId.of("airline"), Attribution.none());
    ledger = tx.commit().ledger();

    assertThat(ledger.balance(Account.cause(CauseId.of("giving-fund")), MILES)).isEqualTo(200);
    assertThat(ledger.balance(Account.partner(PartnerId.of("airline")), MILES)).isEqualTo(250);
    assertThat(ledger.available(MILES)).isEqualTo(50);
  }

  @Test
  void adjustmentsCarryTheirReason() {
    LedgerTransaction tx = empty.begin(POLICY, id("cs-1"), START, START);
    tx.adjust(POINTS, 75, "missing points for order 1234");
    Ledger ledger = tx.commit().ledger();
    assertThat(ledger.available(POINTS)).as("adjustments are available at once").isEqualTo(75);
    assertThat(ledger.postings()).singleElement().satisfies(p -> {
      assertThat(p.type()).isEqualTo(PostingType.ADJUST);
      assertThat(p.reason()).contains("missing points for order 1234");
    });

    LedgerTransaction down = ledger.begin(POLICY, id("cs-2"), day(1), day(1));
    down.adjust(POINTS, -25, "goodwill reversed");
    assertThat(down.commit().ledger().available(POINTS)).isEqualTo(50);

    LedgerTransaction blank = ledger.begin(POLICY, id("cs-3"), day(1), day(1));
    assertThatThrownBy(() -> blank.adjust(POINTS, 5, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("reason must not be blank, was ' '");
  }

  @Test
  void closureForfeitsEverythingToBreakageAndRefusesLaterActivities() {
    Ledger ledger = earn(empty, "p-1", START, POINTS, 40);
    ledger = earn(ledger, "p-2", day(5), MILES, 10);
    LedgerTransaction tx = ledger.begin(POLICY, id("close-1"), day(5), day(5));
    tx.close("member asked");
    Ledger closed = tx.commit().ledger();

    assertThat(closed.isClosed()).isTrue();
    assertThat(closed.available(POINTS) + closed.pending(POINTS)).isZero();
    assertThat(closed.balance(Account.breakage(), POINTS)).isEqualTo(40);
    assertThat(closed.balance(Account.breakage(), MILES)).isEqualTo(10);
    assertThatThrownBy(() -> closed.begin(POLICY, id("p-3"), day(6), day(6)))
        .isInstanceOf(AccountClosedException.class)
        .hasMessage("account of member m-1 is closed; activity p-3 refused");
  }

  @Test
  void aRepeatedActivityIsAReplayAndChangesNothing() {
    Ledger ledger = earn(empty, "p-1", START, MILES, 100);
    LedgerTransaction again = ledger.begin(POLICY, id("p-1"), START, day(1));
    assertThat(again.isReplay()).isTrue();
    assertThatThrownBy(() -> again.earn(MILES, 100, Attribution.none()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("activity p-1 was already applied; a replay accepts no operations");
    LedgerResult result = again.commit();
    assertThat(result.replay()).isTrue();
    assertThat(result.ledger()).isEqualTo(ledger.advance(day(1), POLICY).ledger());
  }

  @Test
  void anActivityOlderThanTheHorizonIsRefused() {
    Ledger ledger = empty.advance(day(200), POLICY).ledger();
    assertThatThrownBy(() -> ledger.begin(POLICY, id("late"), day(10), day(200)))
        .isInstanceOfSatisfying(ActivityOutsideHorizonException.class, e -> {
          assertThat(e.activity()).isEqualTo(id("late"));
          assertThat(e.horizonStart()).isEqualTo(day(80));
          assertThat(e).hasMessage("activity late happened at 2026-03-11T15:00:00Z, before the "
              + "activity horizon starting 2026-05-20T15:00:00Z");
        });
  }

  @Test
  void timeOnlyMovesForward() {
    Ledger ledger = empty.advance(day(2), POLICY).ledger();
    assertThatThrownBy(() -> ledger.advance(day(1), POLICY))
        .isInstanceOfSatisfying(InstantBeforeStateException.class,
            e -> assertThat(e).hasMessage("instant 2026-03-02T15:00:00Z is before the state's "
                + "as-of instant 2026-03-03T15:00:00Z"));
    assertThatThrownBy(() -> ledger.begin(POLICY, id("p"), day(1), day(1)))
        .isInstanceOf(InstantBeforeStateException.class);
    assertThatThrownBy(() -> ledger.begin(POLICY, id("p"), day(3), day(2)))
        .isInstanceOf(ActivityAfterInstantException.class)
        .hasMessageContaining("activity p happened at 2026-03-04T15:00:00Z, after the instant");
  }

  @Test
  void anUnknownUnitOrLotIsNamed() {
    LedgerTransaction tx = empty.begin(POLICY, id("p-1"), START, START);
    assertThatThrownBy(() -> tx.earn(UnitId.of("gems"), 5, Attribution.none()))
        .isInstanceOf(UnknownReferenceException.class)
        .hasMessageStartingWith("unknown unit 'gems' in the program's units");
    assertThatThrownBy(() -> tx.reverseEarning(LotId.of("lot-9"), 5))
        .isInstanceOf(UnknownReferenceException.class)
        .hasMessage("unknown lot 'lot-9' in the ledger of member m-1");
    assertThatThrownBy(() -> tx.earn(POINTS, 0, Attribution.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activity p-1: points to earn must be positive, was 0");
  }

  @Test
  void partnerFundedEarningsComeFromThePartnerAccount() {
    LedgerTransaction tx = empty.begin(POLICY, id("stay-1"), START, START);
    tx.earn(MILES, 500, Attribution.none().withPartner(PartnerId.of("hyatt")));
    Ledger ledger = tx.commit().ledger();
    assertThat(ledger.balance(Account.partner(PartnerId.of("hyatt")), MILES)).isEqualTo(-500);
    assertThat(ledger.lots().get(0).fundedBy()).isEqualTo(Account.partner(PartnerId.of("hyatt")));
  }

  @Test
  void inactivityExpiryIsExtendedByAnyActivity() {
    Ledger ledger = earn(empty, "p-1", START, STARS, 10);
    assertThat(ledger.lots().get(0).expiresAt()).contains(calendarDay(20));
    ledger = earn(ledger, "p-2", day(15), POINTS, 1);
    Instant extended = day(15).atZone(LedgerFixtures.ZONE).plusDays(20).toInstant();
    assertThat(ledger.lots().get(0).expiresAt()).contains(extended);
    assertThat(ledger.advance(extended.minusSeconds(1), POLICY).ledger().available(STARS))
        .isEqualTo(10);
    assertThat(ledger.advance(extended, POLICY).ledger().available(STARS)).isZero();
  }

  @Test
  void anActivityIdIsForgottenOnceItHappenedBeforeTheHorizonOfTheInstantItIsAppliedAt() {
    Ledger ledger = earn(empty, "p-1", START, MILES, 100);
    LedgerTransaction again = ledger.begin(POLICY, id("p-1"), day(125), day(125));
    assertThat(again.isReplay()).as("p-1 happened before the horizon starting day 5").isFalse();
    assertThat(ledger.advance(day(125), POLICY).ledger().hasApplied(id("p-1"))).isFalse();
    again.earn(MILES, 10, Attribution.none());
    assertThat(again.commit().ledger().recentActivities()).containsOnlyKeys(id("p-1"));
  }

  @Test
  void pointsRestoredToALotThatExpiredForInactivityExpireAgainAtOnce() {
    Ledger ledger = earn(empty, "p-1", START, STARS, 50);
    LedgerTransaction spend = ledger.begin(POLICY, id("r-1"), day(2), day(2));
    spend.redeem(STARS, 20, Attribution.none());
    ledger = spend.commit().ledger().advance(day(30), POLICY).ledger();
    assertThat(ledger.balance(Account.breakage(), STARS)).as("expired after day 22").isEqualTo(30);

    LedgerTransaction ret = ledger.begin(POLICY, id("ret-1"), day(30), day(30));
    ret.restoreSpending(id("r-1"), STARS, 20);
    Ledger restored = ret.commit().ledger();
    assertThat(restored.available(STARS)).isZero();
    assertThat(restored.balance(Account.breakage(), STARS)).isEqualTo(50);
  }

  @Test
  void pointsRestoredToAnEmptyLotOfAnActiveMemberDoNotExpire() {
    Ledger ledger = earn(empty, "p-1", START, STARS, 50);
    LedgerTransaction spend = ledger.begin(POLICY, id("r-1"), day(2), day(2));
    spend.redeem(STARS, 50, Attribution.none());
    ledger = earn(spend.commit().ledger(), "p-2", day(15), POINTS, 1);

    LedgerTransaction ret = ledger.begin(POLICY, id("ret-1"), day(30), day(30));
    ret.restoreSpending(id("r-1"), STARS, 50);
    Ledger restored = ret.commit().ledger();
    assertThat(restored.available(STARS)).as("the activity on day 15 kept the clock going")
        .isEqualTo(50);
    assertThat(restored.lots().get(0).expiresAt())
        .contains(day(30).atZone(LedgerFixtures.ZONE).plusDays(20).toInstant());
  }

  @Test
  void aLateReportedEarningAlreadyPastItsExpiryExpiresAtOnceAndCannotBeSpent() {
    LedgerTransaction tx = empty.begin(POLICY, id("p-late"), START, day(40));
    tx.earn(POINTS, 25, Attribution.rule(RuleId.of("base")));
    assertThat(tx.available(POINTS)).as("expired on day 30, reported on day 40").isZero();
    assertThatThrownBy(() -> tx.redeem(POINTS, 1, Attribution.none()))
        .isInstanceOf(InsufficientPointsException.class);
    LedgerResult result = tx.commit();

    assertThat(result.postings()).extracting(Posting::type)
        .containsExactly(PostingType.EARN, PostingType.EXPIRE);
    assertThat(result.ledger().balance(Account.breakage(), POINTS)).isEqualTo(25);
    assertThat(result.ledger().available(POINTS)).isZero();
  }

  @Test
  void restoreRebuildsAStoredLedgerAndRejectsAnInconsistentOne() {
    Ledger ledger = earn(empty, "p-1", START, MILES, 100);
    Ledger copy = Ledger.restore(MEMBER, ledger.asOf(), ledger.lots(), ledger.postings(),
        ledger.deficits(), ledger.recentActivities(), false);
    assertThat(copy).isEqualTo(ledger);

    Lot tampered = ledger.lots().get(0).toBuilder().remaining(90).consumed(10).build();
    assertThatThrownBy(() -> Ledger.restore(MEMBER, ledger.asOf(), List.of(tampered),
        ledger.postings(), ledger.deficits(), ledger.recentActivities(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger of m-1: available miles from postings is 100 but lots and deficit "
            + "give 90");
  }

  // --- 1. No overflow: a ceiling on what a unit's lots may earn --------------------------------

  @Test
  void earningLongMaxValueIsRefusedInsteadOfWrappingTheBalance() {
    LedgerTransaction tx = empty.begin(POLICY, id("p-1"), START, START);
    assertThatThrownBy(() -> tx.earn(MILES, Long.MAX_VALUE, Attribution.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activity p-1: cannot add 9223372036854775807 miles: the points ever earned "
            + "into lots of miles would exceed the ceiling of 1000000000000000 "
            + "(Ledger.MAX_POINTS); 0 are earned already");
    tx.earn(MILES, 1, Attribution.none());
    Ledger ledger = tx.commit().ledger();
    assertThat(ledger.available(MILES)).isEqualTo(1);
  }

  @Test
  void earningUpToTheCeilingWorksAndBeyondItIsRefusedAndChangesNothing() {
    Ledger full = earn(empty, "p-1", START, MILES, Ledger.MAX_POINTS - 1);
    full = apply(full, "cs-1", START, tx -> tx.adjust(MILES, 1, "goodwill"));
    assertThat(full.available(MILES)).isEqualTo(Ledger.MAX_POINTS);

    Ledger ledger = full;
    LedgerTransaction tx = ledger.begin(POLICY, id("p-2"), day(1), day(1));
    assertThatThrownBy(() -> tx.earn(MILES, 1, Attribution.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activity p-2: cannot add 1 miles: the points ever earned into lots of miles "
            + "would exceed the ceiling of 1000000000000000 (Ledger.MAX_POINTS); "
            + "1000000000000000 are earned already");
    assertThatThrownBy(() -> tx.adjust(MILES, 7, "goodwill"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot add 7 miles");
    tx.redeem(MILES, Ledger.MAX_POINTS, Attribution.none());
    assertThatThrownBy(() -> tx.earn(MILES, 1, Attribution.none()))
        .as("spent points still count as earned").isInstanceOf(IllegalArgumentException.class);
    tx.earn(POINTS, Ledger.MAX_POINTS, Attribution.none());
    LedgerResult result = tx.commit();
    assertThat(result.ledger().available(MILES)).isZero();
    assertThat(result.ledger().lots()).hasSize(3);
    assertThat(result.ledger().balance(Account.issuance(), MILES)).isZero();
    assertThatThrownBy(() -> ledger.begin(POLICY, id("cs-2"), day(1), day(1))
        .adjust(MILES, Long.MIN_VALUE, "typo")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLotsCountsMustFitItsAmountWithoutOverflowing() {
    Lot.Builder overflowing = Lot.builder(LotId.of("lot-1"), MILES, 5, START, START, id("p-1"),
        Account.issuance()).remaining(Long.MAX_VALUE).consumed(Long.MAX_VALUE).lapsed(2)
        .reversed(5);
    assertThatThrownBy(overflowing::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lot lot-1: remaining must be between 0 and 5, was 9223372036854775807");
    assertThatThrownBy(() -> Lot.builder(LotId.of("lot-1"), MILES, 5, START, START, id("p-1"),
            Account.issuance()).remaining(0).consumed(5).lapsed(6).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lot lot-1: lapsed must be between 0 and 5, was 6");
    assertThatThrownBy(() -> Lot.builder(LotId.of("lot-1"), MILES, 5, START, START, id("p-1"),
            Account.issuance()).remaining(0).consumed(5).lapsed(5).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be between");
    assertThatThrownBy(() -> Lot.builder(LotId.of("lot-1"), MILES, Ledger.MAX_POINTS + 1, START,
            START, id("p-1"), Account.issuance()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lot lot-1: amount must be between 1 and 1000000000000000, was "
            + "1000000000000001");
  }

  @Test
  void restoreRejectsLotsThatEarnMoreThanTheCeiling() {
    long big = Ledger.MAX_POINTS / 2 + 1;
    Ledger ledger = earn(earn(empty, "p-1", START, MILES, big), "p-2", START, POINTS, big);
    Lot second = Lot.builder(LotId.of("lot-2"), MILES, big, START, START, id("p-2"),
        Account.issuance()).vested(true)
        .expiresAt(ledger.lots().get(0).expiresAt().orElseThrow()).build();
    List<Posting> postings = List.of(ledger.postings().get(0),
        Posting.builder(2, START, MILES, Account.issuance(), AVAILABLE, big, PostingType.EARN)
            .activity(id("p-2")).lot(LotId.of("lot-2")).build());
    assertThatThrownBy(() -> copy(ledger, START, List.of(ledger.lots().get(0), second), postings,
        ledger.recentActivities()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger of m-1: the lots of miles earn more than the ceiling of "
            + "1000000000000000 points (lot lot-2 brings 500000000000001 more to "
            + "500000000000001)");
  }

  // --- 2. Returns give the same balances in any order ------------------------------------------

  /**
   * The reviewer's case: the points of purchase A paid for order B; A is returned (nothing is
   * left to take back, so the reversal writes the points off), then B (its points come back).
   * Before the fix the member kept B's 100 points, although both were returned.
   */
  @Test
  void returningAPurchaseAndThenTheOrderItsPointsPaidForEndsWhereTheOtherOrderDoes() {
    for (UnitId unit : List.of(POINTS, STARS)) {
      Ledger ledger = earn(empty, "buy-a", START, unit, 100).advance(day(4), POLICY).ledger();
      ledger = apply(ledger, "order-b", day(4), tx -> tx.redeem(unit, 100, Attribution.none()));
      LotId lotA = ledger.lots().get(0).id();
      Consumer<LedgerTransaction> returnA = tx -> tx.reverseEarning(lotA, 100);
      Consumer<LedgerTransaction> returnB = tx -> tx.restoreSpending(id("order-b"), unit, 100);

      Ledger aThenB = apply(apply(ledger, "return-a", day(5), returnA), "return-b", day(5),
          returnB);
      Ledger bThenA = apply(apply(ledger, "return-b", day(5), returnB), "return-a", day(5),
          returnA);

      assertThat(aThenB.available(unit)).as("%s: A then B", unit).isZero();
      assertThat(bThenA.available(unit)).as("%s: B then A", unit).isZero();
      assertThat(nonZero(aThenB.balances(unit))).as("%s: balances", unit)
          .isEqualTo(nonZero(bThenA.balances(unit))).isEmpty();
    }
  }

  @Test
  void aWriteOffIsRecordedOnTheLotAndSettledByTheRestoration() {
    Ledger ledger = earn(empty, "buy-a", START, POINTS, 100).advance(day(4), POLICY).ledger();
    ledger = apply(ledger, "order-b", day(4), tx -> tx.redeem(POINTS, 100, Attribution.none()));
    LedgerTransaction ret = ledger.begin(POLICY, id("return-a"), day(5), day(5));
    ret.reverseEarning(LotId.of("lot-1"), 100);
    LedgerResult returned = ret.commit();
    assertThat(returned.shortfalls()).containsExactly(
        new Shortfall(POINTS, LotId.of("lot-1"), 100, ShortfallPolicy.STOP_AT_ZERO));
    Lot written = returned.ledger().lot(LotId.of("lot-1")).orElseThrow();
    assertThat(written.writtenOff()).isEqualTo(100);
    assertThat(written.recovered()).isZero();
    assertThat(returned.ledger().openReversals()).containsExactly(new OpenReversal(POINTS,
        LotId.of("lot-1"), 3, 100, Map.of()));
    assertThat(Ledger.restore(MEMBER, returned.ledger().asOf(), returned.ledger().lots(),
        returned.ledger().postings(), returned.ledger().deficits(),
        returned.ledger().openReversals(), returned.ledger().recentActivities(), false))
        .as("restored with its open reversal").isEqualTo(returned.ledger());

    LedgerTransaction back = returned.ledger().begin(POLICY, id("return-b"), day(5), day(5));
    back.restoreSpending(id("order-b"), POINTS, 100);
    LedgerResult result = back.commit();
    assertThat(result.postings()).extracting(Posting::type, Posting::from, Posting::to,
            Posting::amount, Posting::reversalOf)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PostingType.RESTORE, Account.issuance(),
                AVAILABLE, 100L, java.util.Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(PostingType.REVERSE, AVAILABLE,
                Account.issuance(), 100L, java.util.Optional.of(LotId.of("lot-1"))));
    Lot settled = result.ledger().lot(LotId.of("lot-1")).orElseThrow();
    assertThat(settled.writtenOff()).isZero();
    assertThat(settled.recovered()).isEqualTo(100);
    assertThat(result.ledger().openReversals()).isEmpty();
    assertThat(result.ledger().available(POINTS)).isZero();
  }

  @Test
  void pendingPointsTakenByAReversalGoBackToTheirLotWhenTheSpendingIsRestored() {
    Ledger ledger = earn(empty, "buy-a", START, STARS, 100).advance(day(2), POLICY).ledger();
    ledger = apply(ledger, "order-b", day(2), tx -> tx.redeem(STARS, 100, Attribution.none()));
    ledger = earn(ledger, "buy-c", day(2), STARS, 50);
    Consumer<LedgerTransaction> returnA = tx -> tx.reverseEarning(LotId.of("lot-1"), 100);
    Consumer<LedgerTransaction> returnB = tx -> tx.restoreSpending(id("order-b"), STARS, 100);

    Ledger a = apply(ledger, "return-a", day(2), returnA);
    assertThat(a.pending(STARS)).as("50 taken from purchase C's pending points").isZero();
    Ledger aThenB = apply(a, "return-b", day(2), returnB);
    Ledger bThenA = apply(apply(ledger, "return-b", day(2), returnB), "return-a", day(2),
        returnA);

    assertThat(aThenB.available(STARS)).isZero();
    assertThat(aThenB.pending(STARS)).as("C's points are pending again").isEqualTo(50);
    assertThat(bThenA.pending(STARS)).isEqualTo(50);
    assertThat(nonZero(aThenB.balances(STARS))).isEqualTo(nonZero(bThenA.balances(STARS)));
    assertThat(aThenB.postingsFor(id("return-b"))).extracting(Posting::type)
        .contains(PostingType.REPAY);
    assertThat(aThenB.lot(LotId.of("lot-2")).orElseThrow().remaining()).isEqualTo(50);
  }

  @Test
  void pointsGivenBackToAnotherLotSettleTheWriteOffToo() {
    Ledger ledger = earn(empty, "buy-l", START, POINTS, 100);
    ledger = earn(ledger, "buy-y", day(1), POINTS, 100).advance(day(5), POLICY).ledger();
    ledger = apply(ledger, "order-c", day(5), tx -> tx.redeem(POINTS, 60, Attribution.none()));
    ledger = apply(ledger, "order-b", day(5), tx -> tx.redeem(POINTS, 100, Attribution.none()));
    Consumer<LedgerTransaction> returnL = tx -> tx.reverseEarning(LotId.of("lot-1"), 100);
    Consumer<LedgerTransaction> returnB = tx -> tx.restoreSpending(id("order-b"), POINTS, 100);

    Ledger lThenB = apply(apply(ledger, "return-l", day(6), returnL), "return-b", day(6),
        returnB);
    Ledger bThenL = apply(apply(ledger, "return-b", day(6), returnB), "return-l", day(6),
        returnL);

    assertThat(bThenL.available(POINTS)).isEqualTo(40);
    assertThat(lThenB.available(POINTS)).isEqualTo(40);
    assertThat(nonZero(lThenB.balances(POINTS))).isEqualTo(nonZero(bThenL.balances(POINTS)));
  }

  @Test
  void aSpendingMadeAfterAWriteOffAndRestoredLeavesTheWriteOffAlone() {
    Ledger ledger = earn(empty, "buy-a", START, POINTS, 100).advance(day(4), POLICY).ledger();
    ledger = apply(ledger, "order-b", day(4), tx -> tx.redeem(POINTS, 100, Attribution.none()));
    ledger = apply(ledger, "return-a", day(4), tx -> tx.reverseEarning(LotId.of("lot-1"), 100));
    ledger = earn(ledger, "buy-c", day(4), POINTS, 50).advance(day(8), POLICY).ledger();
    Ledger before = ledger;
    ledger = apply(ledger, "order-d", day(8), tx -> tx.redeem(POINTS, 50, Attribution.none()));
    ledger = apply(ledger, "return-d", day(8),
        tx -> tx.restoreSpending(id("order-d"), POINTS, 50));

    assertThat(ledger.available(POINTS)).as("the member's later points are theirs").isEqualTo(50);
    assertThat(nonZero(ledger.balances(POINTS))).isEqualTo(nonZero(before.balances(POINTS)));
    assertThat(ledger.lot(LotId.of("lot-1")).orElseThrow().writtenOff()).isEqualTo(100);
  }

  // --- 3. Lot ids stay unique after restore ----------------------------------------------------

  @Test
  void aLedgerRestoredWithOtherLotIdsNeverRepeatsOne() {
    Lot lot2 = Lot.builder(LotId.of("lot-2"), MILES, 100, START, START, id("p-1"),
        Account.issuance()).vested(true).expiresAt(day(60)).build();
    Posting earned = Posting.builder(1, START, MILES, Account.issuance(), AVAILABLE, 100,
        PostingType.EARN).activity(id("p-1")).lot(LotId.of("lot-2")).build();
    Ledger restored = Ledger.restore(MEMBER, START, List.of(lot2), List.of(earned), Map.of(),
        Map.of(id("p-1"), START), false);

    Ledger ledger = earn(restored, "p-2", day(1), MILES, 10);
    assertThat(ledger.lots()).extracting(Lot::id)
        .containsExactly(LotId.of("lot-2"), LotId.of("lot-3"));

    Lot gift = Lot.builder(LotId.of("gift-7"), MILES, 5, START, START, id("p-1"),
        Account.issuance()).vested(true).expiresAt(day(60)).build();
    Lot lot9 = Lot.builder(LotId.of("lot-9"), MILES, 5, START, START, id("p-1"),
        Account.issuance()).vested(true).expiresAt(day(60)).build();
    Ledger mixed = Ledger.restore(MEMBER, START, List.of(gift, lot9), List.of(
        Posting.builder(1, START, MILES, Account.issuance(), AVAILABLE, 5, PostingType.EARN)
            .lot(LotId.of("gift-7")).build(),
        Posting.builder(2, START, MILES, Account.issuance(), AVAILABLE, 5, PostingType.EARN)
            .lot(LotId.of("lot-9")).build()), Map.of(), Map.of(), false);
    assertThat(earn(mixed, "p-3", START, MILES, 1).lots()).extracting(Lot::id)
        .containsExactly(LotId.of("gift-7"), LotId.of("lot-9"), LotId.of("lot-10"));
  }

  // --- 4. A program that drops a unit -----------------------------------------------------------

  @Test
  void aProgramThatNoLongerDefinesAUnitStillCommitsAndThatUnitsLotsKeepTheirExpiry() {
    Ledger ledger = earn(empty, "p-1", START, STARS, 10);
    Instant expiry = ledger.lots().get(0).expiresAt().orElseThrow();
    LedgerPolicy withoutStars = LedgerPolicy.of(LedgerFixtures.ZONE, POLICY.activityHorizon(),
        POLICY.units().values().stream().filter(u -> !u.id().equals(STARS)).toList());

    LedgerTransaction tx = ledger.begin(withoutStars, id("p-2"), day(5), day(5));
    tx.earn(POINTS, 5, Attribution.none());
    Ledger after = tx.commit().ledger();
    assertThat(after.lots().get(0).expiresAt()).as("not extended by p-2").contains(expiry);
    assertThat(after.available(STARS)).isEqualTo(10);
    assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class)
        .hasMessage("transaction of activity p-2 was already committed");

    LedgerTransaction ret = after.begin(withoutStars, id("ret-1"), day(6), day(6));
    assertThatThrownBy(() -> ret.reverseEarning(LotId.of("lot-1"), 5))
        .isInstanceOf(UnknownReferenceException.class)
        .hasMessageStartingWith("unknown unit 'stars'");
    assertThat(ret.commit().ledger()).as("the refused reversal changed nothing")
        .isEqualTo(after.begin(withoutStars, id("ret-1"), day(6), day(6)).commit().ledger());
  }

  // --- 5. Ledger.restore checks more ------------------------------------------------------------

  @Test
  void restoreRejectsPostingsAndActivitiesOfAnotherMemberOrFromTheFuture() {
    Ledger ledger = earn(empty, "p-1", START, MILES, 100).advance(day(5), POLICY).ledger();
    Posting original = ledger.postings().get(0);
    Posting otherMember = Posting.builder(1, START, MILES, Account.issuance(),
        Account.memberAvailable(org.loyaltyrules.core.MemberId.of("m-2")), 100, PostingType.EARN)
        .activity(id("p-1")).lot(LotId.of("lot-1")).build();
    assertThatThrownBy(() -> copy(ledger, day(5), ledger.lots(), List.of(otherMember),
        ledger.recentActivities()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger of m-1: posting #1 touches another member's account "
            + "MEMBER_AVAILABLE:m-2");
    Posting future = Posting.builder(1, day(6), MILES, Account.issuance(), AVAILABLE, 100,
        PostingType.EARN).activity(id("p-1")).lot(LotId.of("lot-1")).build();
    assertThatThrownBy(() -> copy(ledger, day(5), ledger.lots(), List.of(future),
        ledger.recentActivities()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger of m-1: posting #1 is at 2026-03-07T15:00:00Z, after the ledger's "
            + "as-of instant 2026-03-06T15:00:00Z");
    assertThatThrownBy(() -> copy(ledger, day(5), ledger.lots(), List.of(original),
        Map.of(id("p-1"), day(6))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger of m-1: recent activity p-1 happened at 2026-03-07T15:00:00Z, after "
            + "the ledger's as-of instant 2026-03-06T15:00:00Z");
  }

  @Test
  void restoreRejectsLotsWhoseVestingOrExpiryDisagreesWithTheInstant() {
    Ledger pending = earn(empty, "p-1", START, POINTS, 100);
    Lot vestedTooEarly = pending.lots().get(0).toBuilder().vested(true).build();
    assertThatThrownBy(() -> copy(pending, START, List.of(vestedTooEarly), pending.postings(),
        pending.recentActivities()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger of m-1: lot lot-1 is vested but vests at 2026-03-04T15:00:00Z and "
            + "the ledger is as of 2026-03-01T15:00:00Z");
    assertThatThrownBy(() -> copy(pending, day(4), pending.lots(), pending.postings(),
        pending.recentActivities()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lot lot-1 is not vested but vests at");

    Ledger miles = earn(empty, "p-1", START, MILES, 100);
    Instant expiry = miles.lots().get(0).expiresAt().orElseThrow();
    assertThatThrownBy(() -> copy(miles, expiry, miles.lots(), miles.postings(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger of m-1: lot lot-1 holds 100 points but expired at " + expiry
            + ", by the ledger's as-of instant " + expiry);
    assertThatThrownBy(() -> miles.lots().get(0).toBuilder().expiresAt(START.minusSeconds(1))
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lot lot-1: expires-at 2026-03-01T14:59:59Z is before earned-at "
            + "2026-03-01T15:00:00Z");
  }

  // --- 6. Null arguments are named ---------------------------------------------------------------

  @Test
  void nullArgumentsAreRefusedByName() {
    Ledger ledger = earn(empty, "p-1", START, MILES, 100);
    assertThatThrownBy(() -> ledger.postingsFor(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activity id must not be null");
    assertThatThrownBy(() -> ledger.hasApplied(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activity id must not be null");
    assertThatThrownBy(() -> ledger.available(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit must not be null");
    assertThatThrownBy(() -> ledger.pending(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit must not be null");
    assertThatThrownBy(() -> ledger.balance(null, MILES))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("account must not be null");
    assertThatThrownBy(() -> ledger.balance(AVAILABLE, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unit must not be null");
    assertThatThrownBy(() -> ledger.balances(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit must not be null");
    assertThatThrownBy(() -> ledger.lot(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lot id must not be null");
    LedgerTransaction tx = ledger.begin(POLICY, id("p-2"), START, START);
    assertThatThrownBy(() -> tx.available(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit must not be null");
    assertThatThrownBy(() -> tx.earn(null, 5, Attribution.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activity p-2: unit must not be null");

    assertThatThrownBy(() -> Ledger.restore(MEMBER, START, Arrays.asList(ledger.lots().get(0),
        null), ledger.postings(), Map.of(), Map.of(), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ledger of m-1: lots[1] is null");
    assertThatThrownBy(() -> Ledger.restore(MEMBER, START, ledger.lots(),
        Arrays.asList((Posting) null), Map.of(), Map.of(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger of m-1: postings[0] is null");
    Map<UnitId, Long> nullDeficit = new HashMap<>();
    nullDeficit.put(MILES, null);
    assertThatThrownBy(() -> Ledger.restore(MEMBER, START, ledger.lots(), ledger.postings(),
        nullDeficit, Map.of(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger of m-1: deficits of miles is null");
    Map<ActivityId, Instant> nullKey = new HashMap<>();
    nullKey.put(null, START);
    assertThatThrownBy(() -> Ledger.restore(MEMBER, START, ledger.lots(), ledger.postings(),
        Map.of(), nullKey, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger of m-1: recent activities hold a null key");
    assertThatThrownBy(() -> Ledger.restore(MEMBER, START, ledger.lots(), ledger.postings(),
        Map.of(), null, Map.of(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger of m-1: open reversals must not be null");
  }
}
