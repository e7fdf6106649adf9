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
import static org.loyaltyrules.core.ledger.LedgerFixtures.UNITS;
import static org.loyaltyrules.core.ledger.LedgerFixtures.ZONE;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.program.ExpiryPolicy;
import org.loyaltyrules.core.program.ShortfallPolicy;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property-based tests of the {@link Ledger}, with QuickTheories.
 *
 * <p>Each property generates long random member histories: lists of 20 to 80 {@link Op operation
 * descriptors}, drawn from the {@link LedgerFixtures} units and policy (points that are pending 3
 * days and expire after 30, miles that may go negative, stars that expire after 20 days without
 * activity and whose shortfalls come from pending points, and status-only tier points). The
 * operations are:
 *
 * <ul>
 *   <li>letting time pass, either advancing the ledger at once or leaving it to the next
 *       activity's {@code begin};
 *   <li>earning a random number of points of a random unit, funded by the program or a partner,
 *       sometimes back-dated up to 40 days (so that lots vest or even expire at once); a share
 *       of earnings are large, up to a third of {@link Ledger#MAX_POINTS}, and some earn a share
 *       of what is left below that ceiling, or try to earn beyond it, which must be refused, so
 *       that balances reach the ceiling and any overflow would show;
 *   <li>customer-service adjustments up (new lots) and down (spendings);
 *   <li>spending (redeeming, at a partner or not, donating, transferring) a share of the available
 *       balance, and attempts beyond it, which must throw {@link InsufficientPointsException};
 *   <li>returns: reversing part of an earlier lot's earning, restoring part of an earlier
 *       spending, and attempts beyond what is left to reverse or restore;
 *   <li>replays of activity ids still within the activity horizon, and activity ids applied
 *       again after a lazily passed delay of up to 150 days, so after the horizon too (a replay
 *       only while the first application is within the horizon);
 *   <li>round trips that earn and reverse everything, or spend and restore everything, at one
 *       instant;
 *   <li>returns at one instant: reversals of earlier lots and restorations of earlier spendings,
 *       picked often among the latest, applied in the order generated and (for the property about
 *       order) also restorations first and reversals first;
 *   <li>closing the account, which ends the history: every later activity must be refused with
 *       {@link AccountClosedException}, while replays of ids within the horizon are still replays
 *       and time still passes;
 *   <li>operations the ledger must refuse: an instant before the ledger's, an activity after its
 *       instant or before the horizon, an unknown lot, unit or spending, and zero points.
 * </ul>
 *
 * <p>Descriptors hold no ids: they pick lots, spendings and activities by index modulo what exists
 * when they run, and spend or reverse a share (per mille) of what is available, so every list of
 * descriptors is a valid history and QuickTheories can shrink a failing one: operations shrink
 * toward advancing by 0 minutes (left out when a history is printed) and toward 1 point. A
 * history is interpreted against the ledger and against a small {@link Model} of what the test
 * did (points earned, spent, restored and reversed per unit, each lot's vesting and expiry, the
 * spendings, the activities applied, and the {@linkplain OpenReversal open reversals}: what each
 * reversal wrote off or took from the member's other lots, and how restorations of points spent
 * before it settle it, oldest first); a failure names the step, the operation as resolved
 * against the ledger (ids, amounts, postings), and the trace of the steps before it. QuickTheories
 * prints the seed of a failing run; {@code -DQT_SEED=<seed>} repeats it.
 *
 * <p>Every property runs the same kind of history, with more weight on the operations it is
 * about, and asserts one invariant family, after every step or at those operations; see
 * {@link Check}.
 */
class LedgerProperties {
  private static final int EXAMPLES = 500;
  private static final int SHRINK_CYCLES = 3000;
  private static final int MIN_OPS = 20;
  private static final int MAX_OPS = 80;

  private static final Account AVAILABLE = Account.memberAvailable(MEMBER);
  private static final Account PENDING = Account.memberPending(MEMBER);
  private static final List<PartnerId> PARTNERS =
      List.of(PartnerId.of("hyatt"), PartnerId.of("hertz"));
  private static final PartnerId AIRLINE = PartnerId.of("airline");
  private static final CauseId CAUSE = CauseId.of("giving-fund");
  private static final RuleId RULE = RuleId.of("base");
  private static final Duration HORIZON = POLICY.activityHorizon();
  private static final long DAY = 24 * 60;

  // ---------------------------------------------------------------------------------------------
  // The properties
  // ---------------------------------------------------------------------------------------------

  /** Invariant 1: the balances of every unit over all accounts sum to zero after every step. */
  @Test
  void theSumOverAllAccountsIsAlwaysZero() {
    check(histories(List.of()), Check.ZERO_SUM);
  }

  /**
   * Invariant 2: after every step, each unit's available balance is the remainder of its vested
   * lots less the deficit, the member-available account's balance from the postings, and the
   * vested points earned less what was spent, expired and reversed (plus what was restored), with
   * the spent, restored, earned and reversed totals taken from the model; the pending balance is
   * likewise the member-pending account's. Lots agree with the model and with their postings.
   */
  @Test
  void theAvailableBalanceIsTheVestedLotsLessWhatWasSpentExpiredAndReversed() {
    check(histories(List.of()), Check.BALANCES);
  }

  /**
   * Invariant 3: after every step no balance is negative unless the unit's shortfall policy is
   * {@link ShortfallPolicy#ALLOW_NEGATIVE}, pending balances never are, and every lot's counts
   * are consistent.
   */
  @Test
  void noBalanceGoesNegativeUnlessTheUnitAllowsIt() {
    check(histories(List.of(Pair.of(8, reversals()), Pair.of(6, spendings()))),
        Check.NON_NEGATIVE);
  }

  /**
   * Invariant 4: earning points and reversing all of them, or spending points and restoring all
   * of them, in one or several parts at the same instant, gives back exactly the balances of
   * every account and the counts of every lot from before.
   */
  @Test
  void aReversalRestoresTheExactPriorBalances() {
    check(histories(List.of(Pair.of(15, earnThenReverse()), Pair.of(15, spendThenRestore()))),
        Check.REVERSAL);
  }

  /**
   * Invariant 5: replaying an activity changes nothing but the passage of time: the transaction
   * is a replay, accepts no operations, and commits to exactly the original ledger advanced to
   * the replay's instant.
   */
  @Test
  void aReplayChangesNothingButThePassageOfTime() {
    check(histories(List.of(Pair.of(15, replays()), Pair.of(10, reuses()),
        Pair.of(6, longAdvances()))), Check.REPLAY);
  }

  /**
   * Points given back to a lot that has since expired expire again at once (the contract of
   * {@link LedgerTransaction#restoreSpending}), whatever the unit's expiry policy, and no lot
   * keeps points past its expiry.
   */
  @Test
  void restoredPointsOfAnExpiredLotExpireAgainAtOnce() {
    check(histories(List.of(Pair.of(10, longAdvances()), Pair.of(12, restorations()),
        Pair.of(8, spendings()))), Check.EXPIRY);
  }

  /**
   * Invariant 6: a spending never takes points from a lot while a lot that expires earlier (a
   * never-expiring lot counting as the latest) keeps points after the spending.
   */
  @Test
  void spendingNeverConsumesALaterExpiringLotBeforeAnEarlierOne() {
    check(histories(List.of(Pair.of(15, spendings()))), Check.SPENDING_ORDER);
  }

  /**
   * Advancing to t1 and then to t2 gives the same ledger and postings as advancing to t2, and an
   * activity applied to a ledger gives the same ledger as it applied to the ledger advanced to
   * the activity's instant first.
   */
  @Test
  void advancingInStepsEqualsAdvancingAtOnce() {
    check(histories(List.of(Pair.of(15, advances()))), Check.ADVANCE);
  }

  /**
   * An operation that throws leaves the original ledger as it was, and committing its
   * transaction afterwards gives the same ledger as committing one without the operation.
   */
  @Test
  void aRefusedOperationChangesNothing() {
    check(histories(List.of(Pair.of(10, refusals()), Pair.of(6, spendings()),
        Pair.of(4, reversals()), Pair.of(4, restorations()), Pair.of(4, earningsNearCeiling()))),
        Check.REFUSAL);
  }

  /**
   * Reversals and restorations applied at one instant give the same available and pending
   * balances and the same balance of every account whichever order they come in: as generated,
   * restorations first, or reversals first (each kind keeping its own order, since two reversals
   * that both fall short write off different lots' points depending on their order). Returning
   * purchase A and then order B, which A's points paid for, ends where returning B and then A
   * does. One exception, kept by design: a unit that {@linkplain ShortfallPolicy#ALLOW_NEGATIVE
   * may go negative} settles its negative balance before open reversals, also from points given
   * back to an expired lot, so its balances are not compared when a batch both reverses and
   * restores it, or gives points back to one of its expired lots.
   */
  @Test
  void returnsGiveTheSameBalancesInAnyOrder() {
    check(histories(List.of(Pair.of(14, returns()), Pair.of(8, spendings()),
        Pair.of(4, reversals()))), Check.ORDER);
  }

  /**
   * Closing the account forfeits every point to breakage and writes off any negative balance, so
   * every balance of the member is zero afterwards and the sum over all accounts stays zero;
   * later activities are refused, replays are still replays.
   */
  @Test
  void aClosedAccountHoldsNothingAndRefusesActivities() {
    check(histories(List.of(Pair.of(3, closures()))), Check.CLOSURE);
  }

  private static void check(Gen<History> histories, Check check) {
    qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES).forAll(histories)
        .checkAssert(history -> new Run(EnumSet.of(check)).play(history));
  }

  // ---------------------------------------------------------------------------------------------
  // The invariant families
  // ---------------------------------------------------------------------------------------------

  /** What a property asserts, after every step or at the operations named. */
  enum Check {
    /** Invariant 1, after every step. */
    ZERO_SUM,
    /** Invariant 2, after every step. */
    BALANCES,
    /** Invariant 3, after every step. */
    NON_NEGATIVE,
    /** Invariant 4, at every earn-then-reverse and spend-then-restore round trip. */
    REVERSAL,
    /** Invariant 5, at every replay and reuse of an activity id. */
    REPLAY,
    /** No points past their expiry after every step, and none revived by any restoration. */
    EXPIRY,
    /** Invariant 6, at every spending. */
    SPENDING_ORDER,
    /**
     * Two-step advancing, at every eager advance; and every activity gives the same ledger
     * whether the ledger was advanced to its instant first or not.
     */
    ADVANCE,
    /** Refused operations change nothing, at every refusal. */
    REFUSAL,
    /** Returns at one instant give the same balances in any order, at every set of returns. */
    ORDER,
    /**
     * The closed account holds nothing, the sum is zero and balances agree with the model, after
     * every step.
     */
    CLOSURE
  }

  // ---------------------------------------------------------------------------------------------
  // Operation descriptors
  // ---------------------------------------------------------------------------------------------

  /** A generated history: the operations in order. */
  record History(List<Op> ops) {
    @Override
    public String toString() {
      StringBuilder lines = new StringBuilder();
      int noOps = 0;
      for (int i = 0; i < ops.size(); i++) {
        if (ops.get(i) instanceof Advance a && a.minutes() == 0) {
          noOps++;
        } else {
          lines.append("\n  ").append(i + 1).append(". ").append(ops.get(i));
        }
      }
      return ops.size() + " operations"
          + (noOps == 0 ? "" : " (" + noOps + " that advance by 0m not shown)") + ":" + lines;
    }
  }

  /** One step of a generated history. */
  sealed interface Op permits Advance, Earn, EarnNearCeiling, Adjust, Spend, Reverse, Restore,
      Replay, Reuse, EarnThenReverse, SpendThenRestore, Returns, Close, Refused {
    /** Applies the step to the run: to the ledger, the model and the checks. */
    void applyTo(Run run);

    /**
     * Returns true if the step applies a new activity, which a closed account must refuse; the
     * run then checks that refusal instead of applying the step.
     */
    default boolean isNewActivity() {
      return true;
    }
  }

  /**
   * Lets time pass. An eager advance calls {@link Ledger#advance}; a lazy one only moves the
   * clock, so the next activity's {@code begin} does the advancing.
   */
  record Advance(long minutes, int splitPercent, boolean lazy) implements Op {
    @Override
    public void applyTo(Run run) {
      run.advance(this);
    }

    @Override
    public boolean isNewActivity() {
      return false;
    }

    @Override
    public String toString() {
      return lazy ? "let " + duration(minutes) + " pass (lazily)"
          : "advance by " + duration(minutes) + " (also in two steps, split at " + splitPercent
              + "%)";
    }
  }

  /** Earns points; funder 0 is the program, 1 and 2 are partners. */
  record Earn(UnitId unit, long points, int funder, long backdateMinutes) implements Op {
    @Override
    public void applyTo(Run run) {
      run.earn(this);
    }

    @Override
    public String toString() {
      return "earn " + points + " " + unit + funding(funder) + occurred(backdateMinutes);
    }
  }

  /**
   * Earns a share of what the unit's lots may still earn below {@link Ledger#MAX_POINTS}, or
   * tries to earn more than that, which must be refused.
   */
  record EarnNearCeiling(UnitId unit, int permille, boolean beyond) implements Op {
    @Override
    public void applyTo(Run run) {
      run.earnNearCeiling(this);
    }

    @Override
    public String toString() {
      return beyond ? "try to earn more " + unit + " than the ceiling allows (+"
          + (1 + permille % 50) + ")" : "earn " + share(permille) + " of what " + unit
          + " may still earn below the ceiling";
    }
  }

  /** A customer-service adjustment up: a new lot, available at once. */
  record Adjust(UnitId unit, long points) implements Op {
    @Override
    public void applyTo(Run run) {
      run.adjust(this);
    }

    @Override
    public String toString() {
      return "adjust +" + points + " " + unit;
    }
  }

  /** Spends a share of the available balance, or tries to spend more than it. */
  record Spend(SpendKind kind, UnitId unit, int permille, boolean beyond) implements Op {
    @Override
    public void applyTo(Run run) {
      run.spend(this);
    }

    @Override
    public String toString() {
      return beyond ? "try to " + kind + " more " + unit + " than available (+"
          + (1 + permille % 50) + ")" : kind + " " + share(permille) + " of available " + unit;
    }
  }

  /** Reverses a share of what a lot (picked by index) can still reverse, or tries more. */
  record Reverse(int lot, int permille, boolean beyond) implements Op {
    @Override
    public void applyTo(Run run) {
      run.reverse(this);
    }

    @Override
    public String toString() {
      return (beyond ? "try to reverse more than lot pick #" + lot + " can still reverse"
          : "reverse " + share(permille) + " of what lot pick #" + lot + " can still reverse");
    }
  }

  /** Restores a share of what a spending (picked by index) can still restore, or tries more. */
  record Restore(int spending, int permille, boolean beyond) implements Op {
    @Override
    public void applyTo(Run run) {
      run.restore(this);
    }

    @Override
    public String toString() {
      return beyond ? "try to restore more than spending pick #" + spending + " can still restore"
          : "restore " + share(permille) + " of what spending pick #" + spending
              + " can still restore";
    }
  }

  /**
   * Replays an activity the ledger remembers (picked by index), with the instant it happened at,
   * up to 10 days later but not past its horizon; if the clock already is, {@code begin} must
   * refuse it as outside the horizon.
   */
  record Replay(int activity, long delayMinutes) implements Op {
    @Override
    public void applyTo(Run run) {
      run.replay(this);
    }

    @Override
    public boolean isNewActivity() {
      return false;
    }

    @Override
    public String toString() {
      return "replay activity pick #" + activity + " " + duration(delayMinutes) + " later";
    }
  }

  /**
   * Applies an earlier activity id (picked by index among all applied) again, happening now: a
   * replay if the id is still within the horizon, otherwise a new earning.
   */
  record Reuse(int activity, long delayMinutes, UnitId unit, long points) implements Op {
    @Override
    public void applyTo(Run run) {
      run.reuse(this);
    }

    @Override
    public boolean isNewActivity() {
      return false;
    }

    @Override
    public String toString() {
      return "apply activity pick #" + activity + " again " + duration(delayMinutes)
          + " later (earning " + points + " " + unit + " unless a replay)";
    }
  }

  /** Earns points, then reverses all of them in {@code parts} returns, at the same instant. */
  record EarnThenReverse(UnitId unit, long points, int funder, long backdateMinutes, int parts)
      implements Op {
    @Override
    public void applyTo(Run run) {
      run.earnThenReverse(this);
    }

    @Override
    public String toString() {
      return "earn " + points + " " + unit + funding(funder) + occurred(backdateMinutes)
          + ", then reverse it all in " + parts + " part(s)";
    }
  }

  /** Spends a share of the available balance, then restores all of it in {@code parts}. */
  record SpendThenRestore(SpendKind kind, UnitId unit, int permille, int parts) implements Op {
    @Override
    public void applyTo(Run run) {
      run.spendThenRestore(this);
    }

    @Override
    public String toString() {
      return kind + " " + share(permille) + " of available " + unit + ", then restore it all in "
          + parts + " part(s)";
    }
  }

  /**
   * One return in a {@link Returns}: a reversal of a share of what a lot (picked by index, among
   * the three latest if {@code recent}) can still reverse, or a restoration of a share of what a
   * spending can still restore.
   */
  record Return(boolean reversal, int pick, boolean recent, int permille) {
    @Override
    public String toString() {
      return (reversal ? "reverse " : "restore ") + share(permille) + " of " + (reversal
          ? "lot" : "spending") + " pick #" + pick + (recent ? " among the latest" : "");
    }
  }

  /** Returns at one instant, each its own activity, in the order given. */
  record Returns(List<Return> returns) implements Op {
    @Override
    public void applyTo(Run run) {
      run.returns(this);
    }

    @Override
    public String toString() {
      return "at one instant: " + returns;
    }
  }

  /** Closes the account. */
  record Close() implements Op {
    @Override
    public void applyTo(Run run) {
      run.close();
    }

    @Override
    public String toString() {
      return "close the account";
    }
  }

  /** An operation the ledger must refuse. */
  record Refused(Refusal kind) implements Op {
    @Override
    public void applyTo(Run run) {
      run.refused(this);
    }

    @Override
    public boolean isNewActivity() {
      return kind.needsOpenAccount;
    }

    @Override
    public String toString() {
      return "try " + kind.description;
    }
  }

  /** The ways of spending. */
  enum SpendKind {
    REDEEM("redeem"),
    REDEEM_AT_PARTNER("redeem at hertz"),
    DONATE("donate"),
    TRANSFER("transfer"),
    ADJUST_DOWN("adjust down");

    private final String description;

    SpendKind(String description) {
      this.description = description;
    }

    void spend(LedgerTransaction tx, UnitId unit, long points) {
      switch (this) {
        case REDEEM -> tx.redeem(unit, points, Attribution.none());
        case REDEEM_AT_PARTNER -> tx.redeem(unit, points,
            Attribution.none().withPartner(PARTNERS.get(1)));
        case DONATE -> tx.donate(unit, points, CAUSE, Attribution.none());
        case TRANSFER -> tx.transfer(unit, points, AIRLINE, Attribution.none());
        case ADJUST_DOWN -> tx.adjust(unit, -points, "goodwill taken back");
      }
    }

    /** Returns true if this kind can spend the unit at all. */
    boolean canSpend(UnitId unit) {
      return this == ADJUST_DOWN || POLICY.unit(unit).isRedeemable();
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** The refused operations. */
  enum Refusal {
    BEFORE_AS_OF("to begin or advance before the ledger's instant", false),
    AFTER_INSTANT("an activity that happens after the instant it is applied at", false),
    OUTSIDE_HORIZON("an activity from before the activity horizon", false),
    UNKNOWN_LOT("to reverse an unknown lot", true),
    UNKNOWN_UNIT("to earn an unknown unit", true),
    ZERO_POINTS("to earn zero points", true);

    private final String description;
    /** False if {@code begin} refuses it before it looks at whether the account is closed. */
    private final boolean needsOpenAccount;

    Refusal(String description, boolean needsOpenAccount) {
      this.description = description;
      this.needsOpenAccount = needsOpenAccount;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Generators
  // ---------------------------------------------------------------------------------------------

  /** Histories of the usual mix, plus the given extra weight on some kinds of operation. */
  private static Gen<History> histories(List<Pair<Integer, Gen<Op>>> extra) {
    List<Pair<Integer, Gen<Op>>> mix = new ArrayList<>(List.of(
        Pair.of(14, advances()),
        Pair.of(22, earnings()),
        Pair.of(4, adjustments()),
        Pair.of(14, spendings()),
        Pair.of(8, reversals()),
        Pair.of(7, restorations()),
        Pair.of(5, replays()),
        Pair.of(2, reuses()),
        Pair.of(4, earnThenReverse()),
        Pair.of(4, spendThenRestore()),
        Pair.of(2, refusals()),
        Pair.of(1, earningsNearCeiling()),
        Pair.of(3, returns()),
        Pair.of(1, closures())));
    mix.addAll(extra);
    return lists().of(Generate.frequency(mix)).ofSizeBetween(MIN_OPS, MAX_OPS)
        .map(History::new);
  }

  private static Gen<Op> advances() {
    Gen<Long> minutes = Generate.frequency(List.of(
        Pair.of(4, Generate.longRange(0, 2 * DAY)),
        Pair.of(3, Generate.longRange(0, 12 * DAY)),
        Pair.of(1, Generate.longRange(0, 45 * DAY))));
    return minutes.zip(Generate.range(0, 100), Generate.booleans(), Advance::new);
  }

  private static Gen<Op> earnings() {
    return Generate.pick(UNITS).zip(points(), funders(), backdates(), Earn::new);
  }

  private static Gen<Op> earningsNearCeiling() {
    return Generate.pick(UNITS).zip(permille(), beyond(), EarnNearCeiling::new);
  }

  private static Gen<Op> adjustments() {
    return Generate.pick(UNITS).zip(points(), Adjust::new);
  }

  private static Gen<Op> spendings() {
    return Generate.enumValues(SpendKind.class)
        .zip(spendableUnits(), permille(), beyond(), Spend::new);
  }

  private static Gen<Op> reversals() {
    return picks().zip(permille(), beyond(), Reverse::new);
  }

  private static Gen<Op> restorations() {
    return picks().zip(permille(), beyond(), Restore::new);
  }

  private static Gen<Op> replays() {
    return picks().zip(Generate.frequency(List.of(
        Pair.of(1, Generate.constant(0L)), Pair.of(2, Generate.longRange(0, 10 * DAY)))),
        Replay::new);
  }

  private static Gen<Op> reuses() {
    Gen<Long> delays = Generate.frequency(List.of(
        Pair.of(2, Generate.constant(0L)), Pair.of(1, Generate.longRange(0, 150 * DAY))));
    return picks().zip(delays, Generate.pick(UNITS), points(), Reuse::new);
  }

  /** Eager and lazy advances of 15 to 45 days: long enough for inactivity to expire stars. */
  private static Gen<Op> longAdvances() {
    return Generate.longRange(15 * DAY, 45 * DAY)
        .zip(Generate.range(0, 100), Generate.booleans(), Advance::new);
  }

  private static Gen<Op> earnThenReverse() {
    return Generate.pick(UNITS).zip(points(), funders(), backdates(), Generate.range(1, 3),
        EarnThenReverse::new);
  }

  private static Gen<Op> spendThenRestore() {
    return Generate.enumValues(SpendKind.class)
        .zip(spendableUnits(), permille(), Generate.range(1, 3), SpendThenRestore::new);
  }

  private static Gen<Op> refusals() {
    return Generate.enumValues(Refusal.class).map(Refused::new);
  }

  /** Two to four returns, reversals and restorations, often of the latest lots and spendings. */
  private static Gen<Op> returns() {
    Gen<Return> one = Generate.booleans().zip(picks(), Generate.booleans(), permille(),
        Return::new);
    return lists().of(one).ofSizeBetween(2, 4).map(Returns::new);
  }

  /** A closure now and then: it ends the history, so it is rare. */
  private static Gen<Op> closures() {
    return Generate.constant(new Close());
  }

  private static Gen<Long> points() {
    return Generate.frequency(List.of(
        Pair.of(8, Generate.longRange(1, 500)), Pair.of(2, Generate.longRange(1, 5)),
        Pair.of(1, Generate.longRange(1, Ledger.MAX_POINTS / 3))));
  }

  private static Gen<Integer> funders() {
    return Generate.frequency(List.of(
        Pair.of(2, Generate.constant(0)), Pair.of(1, Generate.range(1, PARTNERS.size()))));
  }

  private static Gen<Long> backdates() {
    return Generate.frequency(List.of(
        Pair.of(3, Generate.constant(0L)), Pair.of(1, Generate.longRange(0, 40 * DAY))));
  }

  private static Gen<UnitId> spendableUnits() {
    return Generate.frequency(List.of(
        Pair.of(6, Generate.pick(List.of(POINTS, MILES, STARS))), Pair.of(1,
            Generate.constant(TIER))));
  }

  /** A share in per mille, often all of it. */
  private static Gen<Integer> permille() {
    return Generate.frequency(List.of(
        Pair.of(4, Generate.range(1, 1000)), Pair.of(1, Generate.constant(1000))));
  }

  private static Gen<Boolean> beyond() {
    return Generate.frequency(List.of(
        Pair.of(6, Generate.constant(false)), Pair.of(1, Generate.constant(true))));
  }

  private static Gen<Integer> picks() {
    return Generate.range(0, 999);
  }

  // ---------------------------------------------------------------------------------------------
  // The model
  // ---------------------------------------------------------------------------------------------

  /** What the test did to the ledger, kept independently of it. */
  static final class Model {
    final Map<LotId, ModelLot> lots = new LinkedHashMap<>();
    final List<ModelLot> lotList = new ArrayList<>();
    final List<ModelSpend> spends = new ArrayList<>();
    final Map<ActivityId, LotId> reversalTargets = new HashMap<>();
    /** The restorations, whose reversal postings settle open reversals. */
    final Set<ActivityId> restorations = new HashSet<>();
    /** The open reversals, oldest first. */
    final List<ModelOpen> open = new ArrayList<>();
    final Map<ActivityId, Instant> applied = new HashMap<>();
    final Map<UnitId, Long> earned = new HashMap<>();
    final Map<UnitId, Long> adjustedIn = new HashMap<>();
    final Map<UnitId, Long> spent = new HashMap<>();
    final Map<UnitId, Long> restored = new HashMap<>();
    final Map<UnitId, Long> reversed = new HashMap<>();
    /** The points written off and not settled by a restoration since. */
    final Map<UnitId, Long> writtenOff = new HashMap<>();
    /** The instant of the latest committed (non-replay) activity: the inactivity clock. */
    Instant lastActivity;
    boolean closed;

    void addLot(ModelLot lot) {
      lots.put(lot.id, lot);
      lotList.add(lot);
    }

    /** The points ever earned into the unit's lots, adjustments included. */
    long earnedIntoLots(UnitId unit) {
      return get(earned, unit) + get(adjustedIn, unit);
    }

    List<OpenReversal> openReversals() {
      return open.stream()
          .map(o -> new OpenReversal(o.unit, o.lot, o.after, o.writtenOff, o.taken)).toList();
    }
    static long get(Map<UnitId, Long> totals, UnitId unit) {
      return totals.getOrDefault(unit, 0L);
    }

    static void add(Map<UnitId, Long> totals, UnitId unit, long points) {
      totals.merge(unit, points, Long::sum);
    }
  }

  /** A lot as the model knows it. */
  static final class ModelLot {
    final LotId id;
    final UnitId unit;
    final long amount;
    final Instant earnedAt;
    final Instant vestsAt;
    final Account fundedBy;
    long reversed;
    long writtenOff;

    ModelLot(LotId id, UnitId unit, long amount, Instant earnedAt, Instant vestsAt,
        Account fundedBy) {
      this.id = id;
      this.unit = unit;
      this.amount = amount;
      this.earnedAt = earnedAt;
      this.vestsAt = vestsAt;
      this.fundedBy = fundedBy;
    }
  }

  /**
   * An open reversal as the model knows it: what the reversal of a lot wrote off and the points
   * it took from other lots, not yet settled by a restoration.
   */
  static final class ModelOpen {
    final UnitId unit;
    final LotId lot;
    /** The number of postings before the reversal. */
    final long after;
    long writtenOff;
    final Map<LotId, Long> taken = new LinkedHashMap<>();

    ModelOpen(UnitId unit, LotId lot, long after, long writtenOff) {
      this.unit = unit;
      this.lot = lot;
      this.after = after;
      this.writtenOff = writtenOff;
    }

    boolean isSettled() {
      return writtenOff == 0 && taken.isEmpty();
    }
  }

  /** A spending as the model knows it. */
  static final class ModelSpend {
    final ActivityId activity;
    final UnitId unit;
    final long amount;
    /** The sequence number of its last posting: restoring it settles reversals after it. */
    long lastPosting;
    /** What can still be given back to each lot it was spent from, in spending order. */
    final Map<LotId, Long> restorable = new LinkedHashMap<>();
    long restored;

    ModelSpend(ActivityId activity, UnitId unit, long amount) {
      this.activity = activity;
      this.unit = unit;
      this.amount = amount;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The interpreter
  // ---------------------------------------------------------------------------------------------

  /** Plays one history against a fresh ledger and the model, asserting the enabled checks. */
  static final class Run {
    private final Set<Check> checks;
    private final Model model = new Model();
    private final List<String> trace = new ArrayList<>();
    private Ledger ledger = Ledger.open(MEMBER, START);
    private Instant clock = START;
    private int activities;

    Run(Set<Check> checks) {
      this.checks = checks;
    }

    void play(History history) {
      checkStep();
      List<Op> ops = history.ops();
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        int traced = trace.size();
        try {
          if (ledger.isClosed() && op.isNewActivity()) {
            afterClosure(op);
          } else {
            op.applyTo(this);
          }
          checkStep();
        } catch (AssertionError | RuntimeException e) {
          throw new AssertionError(String.format(Locale.ROOT,
              "step %d of %d (%s) failed, as resolved: %s%nledger: %s%n%s%ntrace of the run:%n%s",
              i + 1, ops.size(), op, String.join("; ", trace.subList(traced, trace.size())),
              ledger, e.getMessage(), String.join("\n", trace)), e);
        }
      }
    }

    private void log(String format, Object... args) {
      trace.add("  " + String.format(Locale.ROOT, format, args));
    }

    private ActivityId nextActivity() {
      return ActivityId.of("a-" + (++activities));
    }

    private void commit(ActivityId id, Instant at, Instant now, LedgerResult result) {
      assertThat(result.replay()).as("%s is a replay", id).isFalse();
      model.applied.put(id, at);
      model.lastActivity = now;
      ledger = result.ledger();
    }

    /**
     * Applies one activity's operations in a transaction and commits it. With
     * {@link Check#ADVANCE} the same operations are also applied to the ledger advanced to
     * {@code now} first, which must give the same ledger.
     */
    private LedgerResult transact(ActivityId id, Instant at, Instant now,
        Consumer<LedgerTransaction> operations) {
      LedgerTransaction tx = ledger.begin(POLICY, id, at, now);
      assertThat(tx.isReplay()).as("%s is a replay", id).isFalse();
      operations.accept(tx);
      LedgerResult result = tx.commit();
      if (checks.contains(Check.ADVANCE)) {
        LedgerTransaction eager = ledger.advance(now, POLICY).ledger().begin(POLICY, id, at, now);
        operations.accept(eager);
        LedgerResult eagerResult = eager.commit();
        assertThat(result.ledger())
            .as("%s applied at %s to the ledger as of %s equals it applied after advancing", id,
                now, ledger.asOf())
            .isEqualTo(eagerResult.ledger());
        assertThat(result.shortfalls()).as("shortfalls of %s", id)
            .isEqualTo(eagerResult.shortfalls());
      }
      return result;
    }

    // --- operations ---

    void advance(Advance op) {
      Instant to = clock.plus(Duration.ofMinutes(op.minutes()));
      clock = to;
      if (op.lazy()) {
        log("clock moves to %s; the ledger stays as of %s", to, ledger.asOf());
        return;
      }
      LedgerResult once = ledger.advance(to, POLICY);
      if (checks.contains(Check.ADVANCE)) {
        Instant mid = ledger.asOf().plus(Duration.between(ledger.asOf(), to)
            .multipliedBy(op.splitPercent()).dividedBy(100));
        LedgerResult first = ledger.advance(mid, POLICY);
        LedgerResult second = first.ledger().advance(to, POLICY);
        assertThat(second.ledger()).as("advance(%s) then advance(%s) equals advance(%s)", mid, to,
            to).isEqualTo(once.ledger());
        assertThat(second.ledger().hashCode()).isEqualTo(once.ledger().hashCode());
        List<Posting> both = new ArrayList<>(first.postings());
        both.addAll(second.postings());
        assertThat(both).as("postings of advance(%s) then advance(%s)", mid, to)
            .isEqualTo(once.postings());
        assertThat(once.ledger().advance(to, POLICY).ledger())
            .as("advancing again to the same instant").isEqualTo(once.ledger());
        assertThat(ledger.advance(ledger.asOf(), POLICY).ledger())
            .as("advancing to the ledger's own instant").isEqualTo(ledger);
      }
      log("advance to %s: %s", to, once.postings());
      ledger = once.ledger();
    }

    /**
     * Checks that a new activity on the closed account is refused, whatever it would have done,
     * and changes nothing.
     */
    private void afterClosure(Op op) {
      ActivityId id = nextActivity();
      Instant now = clock;
      Ledger original = ledger;
      Ledger copy = copyOf(original);
      assertThatThrownBy(() -> original.begin(POLICY, id, now, now))
          .as("%s after the account was closed", op)
          .isInstanceOfSatisfying(AccountClosedException.class, e -> {
            assertThat(e.activity()).isEqualTo(id);
            assertThat(e.member()).isEqualTo(MEMBER);
          });
      assertUnchanged(original, copy, "an activity after closure");
      log("%s at %s: refused, the account is closed", id, now);
    }

    void earn(Earn op) {
      Instant now = clock;
      earnLot(nextActivity(), op.unit(), op.points(), op.funder(),
          now.minus(Duration.ofMinutes(op.backdateMinutes())), now);
    }

    void earnNearCeiling(EarnNearCeiling op) {
      Instant now = clock;
      long headroom = Ledger.MAX_POINTS - model.earnedIntoLots(op.unit());
      long points = op.beyond() || headroom == 0 ? headroom + 1 + op.permille() % 50
          : share(headroom, op.permille());
      earnLot(nextActivity(), op.unit(), points, 0, now, now);
    }

    /** True if earning the points would bring the unit's lots above the ceiling. */
    private boolean aboveCeiling(UnitId unit, long points) {
      return points > Ledger.MAX_POINTS - model.earnedIntoLots(unit);
    }

    /** Checks that earning (or adjusting up) above the ceiling is refused, naming it. */
    private void refusedAboveCeiling(ActivityId id, UnitId unit, long points, Instant at,
        Instant now, Consumer<LedgerTransaction> operation) {
      long earned = model.earnedIntoLots(unit);
      refused("adding " + points + " " + unit + " with " + earned + " earned already", id, at,
          now, operation, IllegalArgumentException.class,
          e -> assertThat(e).hasMessage("activity %s: cannot add %d %s: the points ever earned "
              + "into lots of %s would exceed the ceiling of %d (Ledger.MAX_POINTS); %d are "
              + "earned already", id, points, unit, unit, Ledger.MAX_POINTS, earned));
    }

    /** Earns points into a new lot, or checks the refusal if they are above the ceiling. */
    private ModelLot earnLot(ActivityId id, UnitId unit, long points, int funder, Instant at,
        Instant now) {
      Attribution attribution = funder == 0 ? Attribution.rule(RULE)
          : Attribution.rule(RULE).withPartner(PARTNERS.get(funder - 1));
      Account funding =
          funder == 0 ? Account.issuance() : Account.partner(PARTNERS.get(funder - 1));
      if (aboveCeiling(unit, points)) {
        refusedAboveCeiling(id, unit, points, at, now, tx -> tx.earn(unit, points, attribution));
        return null;
      }
      List<LotId> earned = new ArrayList<>();
      LedgerResult result = transact(id, at, now,
          tx -> earned.add(tx.earn(unit, points, attribution)));
      return earned(id, earned.get(0), result, unit, points, funding, at, now);
    }

    private ModelLot earned(ActivityId id, LotId lot, LedgerResult result, UnitId unit,
        long points, Account funding, Instant at, Instant now) {
      log("%s at %s (occurred %s): earn %d %s into %s", id, now, at, points, unit, lot);
      assertThat(lot).as("lot ids are numbered in earning order")
          .isEqualTo(LotId.of("lot-" + (model.lots.size() + 1)));
      assertThat(result.shortfalls()).as("shortfalls of an earning").isEmpty();
      ModelLot modelLot =
          new ModelLot(lot, unit, points, at, POLICY.unit(unit).vestsAt(at, ZONE), funding);
      model.addLot(modelLot);
      Model.add(model.earned, unit, points);
      commit(id, at, now, result);
      return modelLot;
    }

    void adjust(Adjust op) {
      ActivityId id = nextActivity();
      Instant now = clock;
      if (aboveCeiling(op.unit(), op.points())) {
        refusedAboveCeiling(id, op.unit(), op.points(), now, now,
            tx -> tx.adjust(op.unit(), op.points(), "missing points"));
        return;
      }
      LedgerResult result =
          transact(id, now, now, tx -> tx.adjust(op.unit(), op.points(), "missing points"));
      LotId lot = LotId.of("lot-" + (model.lots.size() + 1));
      log("%s at %s: adjust +%d %s into %s", id, now, op.points(), op.unit(), lot);
      assertThat(result.ledger().lot(lot)).as("the adjustment's lot").isPresent();
      model.addLot(new ModelLot(lot, op.unit(), op.points(), now, now, Account.issuance()));
      Model.add(model.adjustedIn, op.unit(), op.points());
      commit(id, now, now, result);
    }

    void spend(Spend op) {
      ActivityId id = nextActivity();
      Instant now = clock;
      Ledger before = ledger.advance(now, POLICY).ledger();
      long available = before.available(op.unit());
      if (!op.kind().canSpend(op.unit())) {
        long points = 1 + op.permille() % 50;
        refused(op.kind() + " " + points + " " + op.unit(), id, now, now,
            tx -> op.kind().spend(tx, op.unit(), points), IllegalArgumentException.class,
            e -> assertThat(e).hasMessageContaining("status-only"));
        return;
      }
      if (op.beyond() || available <= 0) {
        long points = Math.max(available, 0) + 1 + op.permille() % 50;
        refused(op.kind() + " " + points + " " + op.unit() + " of " + available + " available", id,
            now, now, tx -> op.kind().spend(tx, op.unit(), points),
            InsufficientPointsException.class, e -> {
              assertThat(e.unit()).isEqualTo(op.unit());
              assertThat(e.available()).isEqualTo(available);
              assertThat(e.requested()).isEqualTo(points);
            });
        return;
      }
      spendPoints(id, op.kind(), op.unit(), share(available, op.permille()), before, now);
    }

    private ModelSpend spendPoints(ActivityId id, SpendKind kind, UnitId unit, long points,
        Ledger before, Instant now) {
      LedgerResult result = transact(id, now, now, tx -> kind.spend(tx, unit, points));
      log("%s at %s: %s %d %s of %d: %s", id, now, kind, points, unit, before.available(unit),
          postingsOf(result, id));
      assertThat(result.shortfalls()).as("shortfalls of a spending").isEmpty();
      if (checks.contains(Check.SPENDING_ORDER)) {
        checkSpendingOrder(before, result, id, unit, points);
      }
      ModelSpend spend = new ModelSpend(id, unit, points);
      for (Posting p : postingsOf(result, id)) {
        if (p.type().isSpend() && p.from().equals(AVAILABLE)) {
          spend.restorable.merge(p.lot().orElseThrow(), p.amount(), Long::sum);
          spend.lastPosting = p.sequence();
        }
      }
      model.spends.add(spend);
      Model.add(model.spent, unit, points);
      commit(id, now, now, result);
      return spend;
    }

    void reverse(Reverse op) {
      if (model.lotList.isEmpty()) {
        log("no lot to reverse");
        return;
      }
      ModelLot lot = model.lotList.get(op.lot() % model.lotList.size());
      ActivityId id = nextActivity();
      Instant now = clock;
      long reversible = lot.amount - lot.reversed;
      if (op.beyond() || reversible == 0) {
        long points = reversible + 1 + op.permille() % 50;
        refused("reversing " + points + " of " + lot.id + " where " + reversible
            + " are reversible", id, now, now, tx -> tx.reverseEarning(lot.id, points),
            ReversalExceedsException.class, e -> {
              assertThat(e.requested()).isEqualTo(points);
              assertThat(e.reversible()).isEqualTo(reversible);
            });
        return;
      }
      reversePoints(id, lot, share(reversible, op.permille()), now);
    }

    private void reversePoints(ActivityId id, ModelLot lot, long points, Instant now) {
      long after = ledger.advance(now, POLICY).ledger().postings().size();
      LedgerResult result = transact(id, now, now, tx -> tx.reverseEarning(lot.id, points));
      log("%s at %s: reverse %d of %s: %s, shortfalls %s", id, now, points, lot.id,
          postingsOf(result, id), result.shortfalls());
      ShortfallPolicy policy = POLICY.unit(lot.unit).shortfall();
      long shortfall = 0;
      for (Shortfall s : result.shortfalls()) {
        assertThat(s.unit()).as("shortfall unit").isEqualTo(lot.unit);
        assertThat(s.lot()).as("shortfall lot").isEqualTo(lot.id);
        assertThat(s.policy()).as("shortfall policy").isEqualTo(policy);
        shortfall += s.points();
      }
      assertThat(shortfall).as("shortfall of reversing %d", points).isBetween(0L, points);
      lot.reversed += points;
      model.reversalTargets.put(id, lot.id);
      Model.add(model.reversed, lot.unit, points);
      // What the reversal wrote off (unless the unit goes negative instead), and the points it
      // took from other lots, stay open for restorations of points spent before it to settle.
      long writtenOff = policy == ShortfallPolicy.ALLOW_NEGATIVE ? 0 : shortfall;
      Model.add(model.writtenOff, lot.unit, writtenOff);
      lot.writtenOff += writtenOff;
      ModelOpen open = new ModelOpen(lot.unit, lot.id, after, writtenOff);
      for (Posting p : postingsOf(result, id)) {
        if (p.type() == PostingType.REVERSE && p.from().isMember() && p.lot().isPresent()
            && !p.lot().get().equals(lot.id)) {
          open.taken.merge(p.lot().orElseThrow(), p.amount(), Long::sum);
        }
      }
      if (!open.isSettled()) {
        model.open.add(open);
      }
      commit(id, now, now, result);
    }

    void restore(Restore op) {
      ActivityId id = nextActivity();
      Instant now = clock;
      if (model.spends.isEmpty()) {
        ActivityId never = ActivityId.of("never-spent");
        refused("restoring a spending that never happened", id, now, now,
            tx -> tx.restoreSpending(never, POINTS, 1), UnknownReferenceException.class,
            e -> assertThat(e.value()).isEqualTo("never-spent"));
        return;
      }
      ModelSpend spend = model.spends.get(op.spending() % model.spends.size());
      long restorable = spend.amount - spend.restored;
      if (op.beyond() || restorable == 0) {
        long points = restorable + 1 + op.permille() % 50;
        refused("restoring " + points + " of " + spend.activity + "'s " + spend.unit + " where "
            + restorable + " are restorable", id, now, now,
            tx -> tx.restoreSpending(spend.activity, spend.unit, points),
            ReversalExceedsException.class, e -> {
              assertThat(e.requested()).isEqualTo(points);
              assertThat(e.reversible()).isEqualTo(restorable);
            });
        return;
      }
      restorePoints(id, spend, share(restorable, op.permille()), now);
    }

    private void restorePoints(ActivityId id, ModelSpend spend, long points, Instant now) {
      Ledger before = ledger.advance(now, POLICY).ledger();
      LedgerResult result = transact(id, now, now,
          tx -> tx.restoreSpending(spend.activity, spend.unit, points));
      log("%s at %s: restore %d %s of %s: %s", id, now, points, spend.unit, spend.activity,
          postingsOf(result, id));
      assertThat(result.shortfalls()).as("shortfalls of a restoration").isEmpty();
      Map<LotId, Long> expected = new LinkedHashMap<>();
      List<LotId> lastSpentFirst = new ArrayList<>(spend.restorable.keySet());
      Collections.reverse(lastSpentFirst);
      long rest = points;
      for (LotId lot : lastSpentFirst) {
        long give = Math.min(rest, spend.restorable.get(lot));
        if (give > 0) {
          expected.put(lot, give);
          rest -= give;
        }
      }
      if (checks.contains(Check.REVERSAL)) {
        Map<LotId, Long> given = new LinkedHashMap<>();
        for (Posting p : postingsOf(result, id)) {
          if (p.type() == PostingType.RESTORE) {
            given.merge(p.lot().orElseThrow(), p.amount(), Long::sum);
          }
        }
        assertThat(given).as("points restored to each lot, the last-spent first")
            .isEqualTo(expected);
      }
      expected.forEach((lot, give) -> spend.restorable.merge(lot, -give, Long::sum));
      // The points given back settle a negative balance first, then open reversals.
      long deficit = before.deficits().getOrDefault(spend.unit, 0L);
      Map<LotId, Long> free = new LinkedHashMap<>();
      for (Map.Entry<LotId, Long> e : expected.entrySet()) {
        long settled = Math.min(deficit, e.getValue());
        deficit -= settled;
        free.put(e.getKey(), e.getValue() - settled);
      }
      Map<List<LotId>, Long> reverses = new LinkedHashMap<>();
      Map<List<LotId>, Long> repays = new LinkedHashMap<>();
      settle(spend, free, before, now, reverses, repays);
      Map<List<LotId>, Long> reversed = new LinkedHashMap<>();
      Map<List<LotId>, Long> repaid = new LinkedHashMap<>();
      for (Posting p : postingsOf(result, id)) {
        if (p.type() == PostingType.REVERSE || p.type() == PostingType.REPAY) {
          (p.type() == PostingType.REVERSE ? reversed : repaid).merge(
              List.of(p.lot().orElseThrow(), p.reversalOf().orElseThrow()), p.amount(),
              Long::sum);
        }
      }
      assertThat(reversed).as("points of (lot, reversal of lot) settling open reversals")
          .isEqualTo(reverses);
      assertThat(repaid).as("points of (lot, reversal of lot) repaid to pending lots")
          .isEqualTo(repays);
      model.restorations.add(id);
      if (checks.contains(Check.EXPIRY)) {
        for (Lot was : before.lots()) {
          if (was.expiresAt().filter(e -> !e.isAfter(now)).isPresent()) {
            assertThat(result.ledger().lot(was.id()).orElseThrow().remaining())
                .as("points restored at %s to %s, which expired at %s", now, was.id(),
                    was.expiresAt().orElseThrow())
                .isZero();
          }
        }
      }
      spend.restored += points;
      Model.add(model.restored, spend.unit, points);
      commit(id, now, now, result);
    }

    /**
     * The model's settlement of open reversals by points given back to lots by a restoration:
     * the reversals made after the spending, oldest first, each as if it had happened after the
     * restoration. Each takes, from the points given back (and those given back on the way to
     * lots it had taken them from), first what it wrote off: from its own lot, then from lots
     * available and not expired, then (under {@link ShortfallPolicy#TAKE_FROM_PENDING}) from
     * pending lots not expired; then, in place of the points it took from pending lots (the last
     * taken first), points from its own lot and from available lots; then, in place of those it
     * took from available lots, points from its own lot. Collects the points expected to be
     * reversed and repaid, by lot and reversed lot.
     */
    private void settle(ModelSpend spend, Map<LotId, Long> given, Ledger before, Instant now,
        Map<List<LotId>, Long> reverses, Map<List<LotId>, Long> repays) {
      Map<LotId, Long> pool = new LinkedHashMap<>(given);
      boolean pending = POLICY.unit(spend.unit).shortfall() == ShortfallPolicy.TAKE_FROM_PENDING;
      for (ModelOpen open : model.open) {
        if (!open.unit.equals(spend.unit) || open.after < spend.lastPosting) {
          continue;
        }
        if (open.writtenOff > 0) {
          long settled = takeFromPool(pool, open, open.writtenOff, true, pending, before, now,
              reverses);
          open.writtenOff -= settled;
          model.lots.get(open.lot).writtenOff -= settled;
          Model.add(model.writtenOff, open.unit, -settled);
        }
        List<LotId> lastTakenFirst = new ArrayList<>(open.taken.keySet());
        Collections.reverse(lastTakenFirst);
        for (boolean fromPending : List.of(true, false)) {
          for (LotId lender : lastTakenFirst) {
            Long taken = open.taken.get(lender);
            if (taken == null || vested(lender, now) == fromPending) {
              continue;
            }
            long back = takeFromPool(pool, open, taken, fromPending, false, before, now,
                reverses);
            if (back > 0) {
              repays.merge(List.of(lender, open.lot), back, Long::sum);
              open.taken.merge(lender, -back, Long::sum);
              open.taken.remove(lender, 0L);
              pool.merge(lender, back, Long::sum);
            }
          }
        }
      }
      model.open.removeIf(ModelOpen::isSettled);
    }

    private boolean vested(LotId lot, Instant now) {
      return !model.lots.get(lot).vestsAt.isAfter(now);
    }

    private long takeFromPool(Map<LotId, Long> pool, ModelOpen open, long points,
        boolean available, boolean pending, Ledger before, Instant now,
        Map<List<LotId>, Long> reverses) {
      long taken = takeFromPoolLot(pool, open, open.lot, points, reverses);
      for (boolean vested : List.of(true, false)) {
        if (vested ? !available : !pending) {
          continue;
        }
        for (LotId lot : new ArrayList<>(pool.keySet())) {
          boolean expired = before.lot(lot).orElseThrow().expiresAt()
              .filter(e -> !e.isAfter(now)).isPresent();
          if (taken < points && !lot.equals(open.lot) && !expired && vested(lot, now) == vested) {
            taken += takeFromPoolLot(pool, open, lot, points - taken, reverses);
          }
        }
      }
      return taken;
    }

    private long takeFromPoolLot(Map<LotId, Long> pool, ModelOpen open, LotId lot, long points,
        Map<List<LotId>, Long> reverses) {
      long take = Math.min(pool.getOrDefault(lot, 0L), points);
      if (take == 0) {
        return 0;
      }
      reverses.merge(List.of(lot, open.lot), take, Long::sum);
      if (!lot.equals(open.lot)) {
        open.taken.merge(lot, take, Long::sum);
      }
      pool.merge(lot, -take, Long::sum);
      pool.remove(lot, 0L);
      return take;
    }

    void returns(Returns op) {
      Instant now = clock;
      record Planned(ModelLot lot, ModelSpend spend, long points) {
        boolean reversal() {
          return lot != null;
        }
      }
      List<Planned> planned = new ArrayList<>();
      Map<LotId, Long> reversing = new HashMap<>();
      Map<ActivityId, Long> restoring = new HashMap<>();
      for (Return r : op.returns()) {
        if (r.reversal() && !model.lotList.isEmpty()) {
          ModelLot lot = pick(model.lotList, r);
          long left = lot.amount - lot.reversed - reversing.getOrDefault(lot.id, 0L);
          if (left > 0) {
            long points = share(left, r.permille());
            reversing.merge(lot.id, points, Long::sum);
            planned.add(new Planned(lot, null, points));
          }
        } else if (!r.reversal() && !model.spends.isEmpty()) {
          ModelSpend spend = pick(model.spends, r);
          long left = spend.amount - spend.restored
              - restoring.getOrDefault(spend.activity, 0L);
          if (left > 0) {
            long points = share(left, r.permille());
            restoring.merge(spend.activity, points, Long::sum);
            planned.add(new Planned(null, spend, points));
          }
        }
      }
      if (planned.isEmpty()) {
        log("nothing to return");
        return;
      }
      Ledger start = ledger;
      // A unit that goes negative settles its negative balance from points given back to an
      // expired lot, which a reversal could not have taken had it come after the restoration:
      // kept by design, so such a unit's balances may depend on the order (see the property).
      Ledger advanced = start.advance(now, POLICY).ledger();
      Set<UnitId> orderDependent = new HashSet<>();
      for (Planned pl : planned) {
        if (!pl.reversal() && POLICY.unit(pl.spend().unit).shortfall()
            == ShortfallPolicy.ALLOW_NEGATIVE) {
          pl.spend().restorable.forEach((lot, left) -> {
            if (left > 0 && advanced.lot(lot).orElseThrow().expiresAt()
                .filter(e -> !e.isAfter(now)).isPresent()) {
              orderDependent.add(pl.spend().unit);
            }
          });
        }
      }
      // A unit that may go negative settles its negative balance before any open reversal, so a
      // reversal that falls short and a restoration of the same unit at one instant can end
      // differently in either order; such a batch is not compared for that unit.
      for (UnitId unit : UNITS) {
        if (POLICY.unit(unit).shortfall() == ShortfallPolicy.ALLOW_NEGATIVE
            && planned.stream().anyMatch(pl -> pl.reversal() && pl.lot().unit.equals(unit))
            && planned.stream().anyMatch(pl -> !pl.reversal() && pl.spend().unit.equals(unit))) {
          orderDependent.add(unit);
        }
      }
      List<List<Planned>> otherOrders = new ArrayList<>();
      if (checks.contains(Check.ORDER)) {
        List<Planned> restorationsFirst = new ArrayList<>();
        List<Planned> reversalsFirst = new ArrayList<>();
        planned.stream().filter(pl -> !pl.reversal()).forEach(restorationsFirst::add);
        planned.stream().filter(Planned::reversal).forEach(restorationsFirst::add);
        planned.stream().filter(Planned::reversal).forEach(reversalsFirst::add);
        planned.stream().filter(pl -> !pl.reversal()).forEach(reversalsFirst::add);
        otherOrders.add(restorationsFirst);
        otherOrders.add(reversalsFirst);
      }
      log("returns at %s: %s", now, planned.stream().map(pl -> pl.reversal()
          ? "reverse " + pl.points() + " of " + pl.lot().id
          : "restore " + pl.points() + " " + pl.spend().unit + " of " + pl.spend().activity)
          .toList());
      for (Planned pl : planned) {
        if (pl.reversal()) {
          reversePoints(nextActivity(), pl.lot(), pl.points(), now);
        } else {
          restorePoints(nextActivity(), pl.spend(), pl.points(), now);
        }
      }
      for (List<Planned> order : otherOrders) {
        Ledger other = start;
        int n = 0;
        for (Planned pl : order) {
          LedgerTransaction tx = other.begin(POLICY, ActivityId.of("other-order-" + (++n)), now,
              now);
          if (pl.reversal()) {
            tx.reverseEarning(pl.lot().id, pl.points());
          } else {
            tx.restoreSpending(pl.spend().activity, pl.spend().unit, pl.points());
          }
          other = tx.commit().ledger();
        }
        String what = "the returns in the order " + order.stream().map(pl -> pl.reversal()
            ? "reverse " + pl.lot().id : "restore " + pl.spend().activity).toList();
        for (UnitId unit : UNITS) {
          if (orderDependent.contains(unit)) {
            log("%s: %s not compared, its order can matter (see the property's Javadoc)", what,
                unit);
            continue;
          }
          assertThat(other.available(unit)).as("%s: available %s", what, unit)
              .isEqualTo(ledger.available(unit));
          assertThat(other.pending(unit)).as("%s: pending %s", what, unit)
              .isEqualTo(ledger.pending(unit));
          assertThat(nonZero(other.balances(unit))).as("%s: balances of %s", what, unit)
              .isEqualTo(nonZero(ledger.balances(unit)));
        }
      }
    }

    /** Picks by index, among the three latest if the return asks for a recent one. */
    private static <T> T pick(List<T> list, Return r) {
      return r.recent() ? list.get(list.size() - 1 - r.pick() % Math.min(3, list.size()))
          : list.get(r.pick() % list.size());
    }

    void close() {
      ActivityId id = nextActivity();
      Instant now = clock;
      Ledger before = ledger.advance(now, POLICY).ledger();
      LedgerResult result = transact(id, now, now, tx -> tx.close("member asked"));
      log("%s at %s: close the account: %s", id, now, postingsOf(result, id));
      assertThat(result.shortfalls()).as("shortfalls of a closure").isEmpty();
      for (UnitId unit : UNITS) {
        long held = 0;
        for (Lot lot : before.lots()) {
          if (lot.unit().equals(unit)) {
            held += lot.remaining();
          }
        }
        long forfeited = 0;
        long writtenOff = 0;
        for (Posting p : postingsOf(result, id)) {
          if (p.unit().equals(unit)) {
            assertThat(p.type()).as("type of %s", p)
                .isIn(PostingType.FORFEIT, PostingType.WRITE_OFF);
            assertThat(p.reason()).as("reason of %s", p).contains("member asked");
            if (p.type() == PostingType.FORFEIT) {
              assertThat(p.to()).as("account credited by %s", p).isEqualTo(Account.breakage());
              forfeited += p.amount();
            } else {
              assertThat(p.from()).as("account debited by %s", p)
                  .isEqualTo(Account.issuance());
              assertThat(p.to()).as("account credited by %s", p).isEqualTo(AVAILABLE);
              writtenOff += p.amount();
            }
          }
        }
        assertThat(forfeited).as("%s forfeited: all the lots held", unit).isEqualTo(held);
        assertThat(writtenOff).as("negative %s balance written off", unit)
            .isEqualTo(before.deficits().getOrDefault(unit, 0L));
      }
      model.closed = true;
      commit(id, now, now, result);
      assertThat(ledger.isClosed()).as("the ledger is closed").isTrue();
    }

    void replay(Replay op) {
      Map<ActivityId, Instant> recent = ledger.recentActivities();
      if (recent.isEmpty()) {
        log("no activity to replay");
        return;
      }
      List<ActivityId> ids = new ArrayList<>(new TreeMap<>(recent).keySet());
      ActivityId id = ids.get(op.activity() % ids.size());
      Instant at = recent.get(id);
      Instant latest = at.plus(HORIZON);
      if (latest.isBefore(clock)) {
        refusedAtBegin("replaying " + id + " after its horizon", id, at, clock,
            ActivityOutsideHorizonException.class,
            e -> assertThat(e.occurredAt()).isEqualTo(at));
        return;
      }
      Instant later = clock.plus(Duration.ofMinutes(op.delayMinutes()));
      Instant now = later.isAfter(latest) ? latest : later;
      Ledger original = ledger;
      LedgerTransaction tx = ledger.begin(POLICY, id, at, now);
      assertThat(tx.isReplay()).as("replaying %s at %s", id, now).isTrue();
      assertThatThrownBy(() -> tx.earn(POINTS, 1, Attribution.none()))
          .as("an earning in a replay").isInstanceOf(IllegalStateException.class);
      LedgerResult result = tx.commit();
      log("replay %s (occurred %s) at %s: %s", id, at, now, result.postings());
      assertThat(result.replay()).as("the result of replaying %s", id).isTrue();
      if (checks.contains(Check.REPLAY)) {
        LedgerResult advanced = original.advance(now, POLICY);
        assertThat(result.ledger()).as("replaying %s at %s equals advancing to it", id, now)
            .isEqualTo(advanced.ledger());
        assertThat(result.postings()).as("postings of replaying %s", id)
            .isEqualTo(advanced.postings());
        assertThat(result.shortfalls()).as("shortfalls of a replay").isEmpty();
        assertThat(result.ledger().hasApplied(id)).as("%s is still remembered", id).isTrue();
        assertThat(result.ledger().recentActivities().get(id)).isEqualTo(at);
        assertThat(ledger).as("the original ledger").isSameAs(original);
      }
      ledger = result.ledger();
      clock = now;
    }

    void reuse(Reuse op) {
      if (model.applied.isEmpty()) {
        log("no activity to apply again");
        return;
      }
      List<ActivityId> ids = new ArrayList<>(new TreeMap<>(model.applied).keySet());
      ActivityId id = ids.get(op.activity() % ids.size());
      Instant first = model.applied.get(id);
      Instant now = clock.plus(Duration.ofMinutes(op.delayMinutes()));
      clock = now;
      Instant horizonStart = now.minus(HORIZON);
      Ledger original = ledger;
      if (original.isClosed() && first.isBefore(horizonStart)) {
        Ledger copy = copyOf(original);
        assertThatThrownBy(() -> original.begin(POLICY, id, now, now))
            .as("applying %s again after closure, outside its horizon", id)
            .isInstanceOf(AccountClosedException.class);
        assertUnchanged(original, copy, "applying an activity again after closure");
        log("%s (first at %s) again at %s: refused, the account is closed", id, first, now);
        return;
      }
      LedgerTransaction tx = original.begin(POLICY, id, now, now);
      if (checks.contains(Check.REPLAY)) {
        assertThat(tx.isReplay())
            .as("applying %s (first at %s) again at %s, horizon starting %s: a replay", id,
                first, now, horizonStart)
            .isEqualTo(!first.isBefore(horizonStart));
        assertThat(original.advance(now, POLICY).ledger().begin(POLICY, id, now, now).isReplay())
            .as("applying %s again at %s to the ledger advanced first: a replay", id, now)
            .isEqualTo(tx.isReplay());
      }
      if (tx.isReplay()) {
        LedgerResult result = tx.commit();
        log("%s (first at %s) again at %s: replay, %s", id, first, now, result.postings());
        if (checks.contains(Check.REPLAY)) {
          assertThat(result.ledger()).as("replaying %s at %s equals advancing to it", id, now)
              .isEqualTo(original.advance(now, POLICY).ledger());
        }
        ledger = result.ledger();
        return;
      }
      log("%s (first at %s) again at %s: not a replay", id, first, now);
      if (aboveCeiling(op.unit(), op.points())) {
        assertThatThrownBy(() -> tx.earn(op.unit(), op.points(), Attribution.rule(RULE)))
            .as("earning %d %s above the ceiling", op.points(), op.unit())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("ceiling of " + Ledger.MAX_POINTS);
        log("earning %d %s above the ceiling refused; %s not applied", op.points(), op.unit(),
            id);
        return;
      }
      LotId lot = tx.earn(op.unit(), op.points(), Attribution.rule(RULE));
      earned(id, lot, tx.commit(), op.unit(), op.points(), Account.issuance(), now, now);
    }

    void earnThenReverse(EarnThenReverse op) {
      Instant now = clock;
      Ledger before = ledger.advance(now, POLICY).ledger();
      ModelLot lot = earnLot(nextActivity(), op.unit(), op.points(), op.funder(),
          now.minus(Duration.ofMinutes(op.backdateMinutes())), now);
      if (lot == null) {
        return;
      }
      for (long part : parts(op.points(), op.parts())) {
        reversePoints(nextActivity(), lot, part, now);
      }
      if (checks.contains(Check.REVERSAL)) {
        assertRestored(before, "earning " + lot.id + " and reversing all of it");
      }
    }

    void spendThenRestore(SpendThenRestore op) {
      Instant now = clock;
      Ledger before = ledger.advance(now, POLICY).ledger();
      long available = before.available(op.unit());
      if (!op.kind().canSpend(op.unit()) || available <= 0) {
        log("nothing to %s in %s", op.kind(), op.unit());
        return;
      }
      ModelSpend spend = spendPoints(nextActivity(), op.kind(), op.unit(),
          share(available, op.permille()), before, now);
      for (long part : parts(spend.amount, op.parts())) {
        restorePoints(nextActivity(), spend, part, now);
      }
      if (checks.contains(Check.REVERSAL)) {
        assertRestored(before, "spending " + spend.amount + " " + spend.unit
            + " and restoring all of it");
      }
    }

    void refused(Refused op) {
      ActivityId id = nextActivity();
      Instant now = clock;
      switch (op.kind()) {
        case BEFORE_AS_OF -> {
          Instant earlier = ledger.asOf().minusSeconds(60);
          refusedAtBegin("beginning before the ledger's instant", id, earlier, earlier,
              InstantBeforeStateException.class,
              e -> assertThat(e.asOf()).isEqualTo(ledger.asOf()));
          Ledger original = ledger;
          Ledger copy = copyOf(original);
          assertThatThrownBy(() -> original.advance(earlier, POLICY))
              .as("advancing back in time").isInstanceOf(InstantBeforeStateException.class);
          if (checks.contains(Check.REFUSAL)) {
            assertUnchanged(original, copy, "advancing back in time");
          }
        }
        case AFTER_INSTANT -> refusedAtBegin("an activity after its instant", id,
            now.plusSeconds(60), now, ActivityAfterInstantException.class,
            e -> assertThat(e.activity()).isEqualTo(id));
        case OUTSIDE_HORIZON -> refusedAtBegin("an activity before the horizon", id,
            now.minus(HORIZON).minusSeconds(60), now, ActivityOutsideHorizonException.class,
            e -> assertThat(e.horizonStart()).isEqualTo(now.minus(HORIZON)));
        case UNKNOWN_LOT -> refused("reversing an unknown lot", id, now, now,
            tx -> tx.reverseEarning(LotId.of("lot-0"), 1), UnknownReferenceException.class,
            e -> assertThat(e.kind()).isEqualTo("lot"));
        case UNKNOWN_UNIT -> refused("earning an unknown unit", id, now, now,
            tx -> tx.earn(UnitId.of("gems"), 5, Attribution.none()),
            UnknownReferenceException.class, e -> assertThat(e.kind()).isEqualTo("unit"));
        case ZERO_POINTS -> refused("earning zero points", id, now, now,
            tx -> tx.earn(POINTS, 0, Attribution.none()), IllegalArgumentException.class,
            e -> assertThat(e).hasMessageContaining("must be positive"));
      }
    }

    /**
     * Begins a transaction, checks that the operation throws, and (for {@link Check#REFUSAL})
     * that the ledger is unchanged and committing the transaction now gives what committing a
     * fresh one would. The refused activity is not applied.
     */
    private <E extends Throwable> void refused(String what, ActivityId id, Instant at,
        Instant now, Consumer<LedgerTransaction> operation, Class<E> type,
        Consumer<E> details) {
      Ledger original = ledger;
      Ledger copy = copyOf(original);
      LedgerTransaction tx = original.begin(POLICY, id, at, now);
      assertThatThrownBy(() -> operation.accept(tx)).as(what)
          .isInstanceOfSatisfying(type, details);
      log("%s at %s: %s refused", id, now, what);
      if (checks.contains(Check.REFUSAL)) {
        assertUnchanged(original, copy, what);
        LedgerResult afterRefusal = tx.commit();
        LedgerResult without = original.begin(POLICY, id, at, now).commit();
        assertThat(afterRefusal.ledger())
            .as("committing after %s equals committing without it", what)
            .isEqualTo(without.ledger());
        assertThat(afterRefusal.postings()).as("postings after %s", what)
            .isEqualTo(without.postings());
        assertThat(afterRefusal.shortfalls()).as("shortfalls after %s", what).isEmpty();
        assertUnchanged(original, copy, what + " and committing");
      }
    }

    private <E extends Throwable> void refusedAtBegin(String what, ActivityId id, Instant at,
        Instant now, Class<E> type, Consumer<E> details) {
      Ledger original = ledger;
      Ledger copy = copyOf(original);
      assertThatThrownBy(() -> original.begin(POLICY, id, at, now)).as(what)
          .isInstanceOfSatisfying(type, details);
      log("%s at %s: %s refused", id, now, what);
      if (checks.contains(Check.REFUSAL)) {
        assertUnchanged(original, copy, what);
      }
    }

    private static void assertUnchanged(Ledger ledger, Ledger copy, String what) {
      assertThat(ledger).as("the ledger after %s", what).isEqualTo(copy);
      assertThat(ledger.hashCode()).as("the ledger's hash after %s", what)
          .isEqualTo(copy.hashCode());
      for (UnitId unit : UNITS) {
        assertThat(ledger.available(unit)).as("available %s after %s", unit, what)
            .isEqualTo(copy.available(unit));
        assertThat(ledger.balances(unit)).as("balances of %s after %s", unit, what)
            .isEqualTo(copy.balances(unit));
      }
    }

    // --- checks at operations ---

    /** Invariant 4: the balances and lot counts are what they were in {@code before}. */
    private void assertRestored(Ledger before, String what) {
      for (UnitId unit : UNITS) {
        assertThat(nonZero(ledger.balances(unit))).as("%s: balances of %s", what, unit)
            .isEqualTo(nonZero(before.balances(unit)));
        assertThat(ledger.available(unit)).as("%s: available %s", what, unit)
            .isEqualTo(before.available(unit));
        assertThat(ledger.pending(unit)).as("%s: pending %s", what, unit)
            .isEqualTo(before.pending(unit));
      }
      assertThat(ledger.deficits()).as("%s: deficits", what).isEqualTo(before.deficits());
      for (Lot was : before.lots()) {
        Lot is = ledger.lot(was.id()).orElseThrow();
        assertThat(counts(is)).as("%s: counts of %s", what, was.id()).isEqualTo(counts(was));
      }
    }

    /** Invariant 6, for one spending. */
    private static void checkSpendingOrder(Ledger before, LedgerResult result, ActivityId id,
        UnitId unit, long points) {
      Map<LotId, Long> taken = new LinkedHashMap<>();
      for (Posting p : result.postings()) {
        if (p.activity().filter(id::equals).isPresent() && p.type().isSpend()
            && p.from().equals(AVAILABLE)) {
          assertThat(p.unit()).as("unit of %s", p).isEqualTo(unit);
          assertThat(p.lot()).as("lot of %s", p).isPresent();
          taken.merge(p.lot().orElseThrow(), p.amount(), Long::sum);
        }
      }
      assertThat(taken.values().stream().mapToLong(Long::longValue).sum())
          .as("points spent by %s", id).isEqualTo(points);
      for (Map.Entry<LotId, Long> e : taken.entrySet()) {
        Lot lot = before.lot(e.getKey()).orElseThrow();
        assertThat(lot.unit()).as("unit of %s", lot).isEqualTo(unit);
        assertThat(lot.isVested()).as("%s spent from %s, which is vested", id, lot).isTrue();
        assertThat(e.getValue()).as("%s spent from %s", id, lot)
            .isLessThanOrEqualTo(lot.remaining());
      }
      for (Lot kept : before.lots()) {
        long left = kept.remaining() - taken.getOrDefault(kept.id(), 0L);
        if (!kept.unit().equals(unit) || !kept.isVested() || left <= 0) {
          continue;
        }
        for (LotId consumedId : taken.keySet()) {
          Lot consumed = before.lot(consumedId).orElseThrow();
          assertThat(expiry(kept)).as("%s took from %s (expiring %s) while %s (expiring %s) "
                  + "kept %d points", id, consumed.id(), consumed.expiresAt(), kept.id(),
                  kept.expiresAt(), left)
              .isAfterOrEqualTo(expiry(consumed));
        }
      }
    }

    // --- checks after every step ---

    private void checkStep() {
      if (checks.contains(Check.ZERO_SUM) || checks.contains(Check.CLOSURE)) {
        checkZeroSum();
      }
      if (checks.contains(Check.BALANCES) || checks.contains(Check.CLOSURE)) {
        checkBalances();
      }
      if (checks.contains(Check.NON_NEGATIVE) || checks.contains(Check.CLOSURE)) {
        checkNonNegative();
      }
      if (checks.contains(Check.CLOSURE)) {
        assertThat(ledger.isClosed()).as("the ledger is closed").isEqualTo(model.closed);
      }
      if (checks.contains(Check.EXPIRY)) {
        for (Lot lot : ledger.lots()) {
          if (lot.remaining() > 0) {
            assertThat(lot.expiresAt().filter(e -> !e.isAfter(ledger.asOf())))
                .as("%s keeps points past its expiry, as of %s", lot, ledger.asOf()).isEmpty();
          }
        }
      }
    }

    /** Invariant 1. */
    private void checkZeroSum() {
      for (UnitId unit : UNITS) {
        Map<Account, Long> balances = ledger.balances(unit);
        assertThat(balances.values().stream().mapToLong(Long::longValue).sum())
            .as("sum of the balances of %s over all accounts %s", unit, balances).isZero();
        balances.forEach((account, balance) -> assertThat(ledger.balance(account, unit))
            .as("balance of %s in %s", account, unit).isEqualTo(balance));
      }
    }

    /** Invariant 2, with the lots and postings checked against the model. */
    private void checkBalances() {
      Instant asOf = ledger.asOf();
      Map<UnitId, Flows> flows = new HashMap<>();
      Map<LotId, LotFlows> lotFlows = new HashMap<>();
      for (Posting p : ledger.postings()) {
        Flows f = flows.computeIfAbsent(p.unit(), u -> new Flows());
        LotFlows lf = p.lot().map(l -> lotFlows.computeIfAbsent(l, x -> new LotFlows()))
            .orElse(null);
        long a = p.amount();
        boolean intoMember = p.to().isMember();
        boolean outOfMember = p.from().isMember();
        if (lf != null) {
          lf.netMember += (intoMember ? a : 0) - (outOfMember ? a : 0);
        }
        switch (p.type()) {
          case EARN, ADJUST -> {
            if (intoMember) {
              if (p.type() == PostingType.EARN) {
                f.earned += a;
              } else {
                f.adjustedIn += a;
              }
              assertThat(lf).as("lot of %s", p).isNotNull();
              lf.amount += a;
              if (p.to().equals(AVAILABLE)) {
                f.availableIn += a;
              } else {
                f.pendingIn += a;
              }
            } else {
              assertThat(p.from()).as("account debited by %s", p).isEqualTo(AVAILABLE);
              f.spent += a;
              assertThat(lf).as("lot of %s", p).isNotNull();
              lf.spent += a;
            }
          }
          case REDEEM, DONATE, TRANSFER -> {
            assertThat(p.from()).as("account debited by %s", p).isEqualTo(AVAILABLE);
            f.spent += a;
            assertThat(lf).as("lot of %s", p).isNotNull();
            lf.spent += a;
          }
          case VEST -> {
            assertThat(p.from()).as("account debited by %s", p).isEqualTo(PENDING);
            f.vested += a;
          }
          case EXPIRE -> {
            assertThat(p.to()).as("account credited by %s", p).isEqualTo(Account.breakage());
            if (p.from().equals(AVAILABLE)) {
              f.expiredFromAvailable += a;
            } else {
              f.expiredFromPending += a;
            }
            assertThat(lf).as("lot of %s", p).isNotNull();
            lf.lapsed += a;
          }
          case REVERSE -> {
            f.reversed += a;
            if (p.from().equals(AVAILABLE)) {
              f.reversedFromAvailable += a;
            } else if (p.from().equals(PENDING)) {
              f.reversedFromPending += a;
            }
            LotId target = p.reversalOf().orElse(null);
            assertThat(target).as("the lot reversed by %s", p).isNotNull();
            ActivityId activity = p.activity().orElseThrow();
            if (model.reversalTargets.containsKey(activity)) {
              assertThat(target).as("the lot reversed by %s", p)
                  .isEqualTo(model.reversalTargets.get(activity));
            } else {
              assertThat(model.restorations).as("%s settles an open reversal in a restoration", p)
                  .contains(activity);
            }
            assertThat(p.to()).as("account credited by %s", p)
                .isEqualTo(model.lots.get(target).fundedBy);
            if (lf == null) {
              assertThat(p.from()).as("account debited by %s", p).isEqualTo(AVAILABLE);
              f.lotlessReverse += a;
            } else {
              if (target.equals(p.lot().orElseThrow())) {
                lf.recovered += a;
                if (p.from().equals(Account.breakage())) {
                  lf.lapsed -= a;
                }
              } else {
                assertThat(outOfMember).as("reversal %s takes from the member", p).isTrue();
                lf.takenForOthers += a;
              }
            }
          }
          case RESTORE -> {
            assertThat(p.to()).as("account credited by %s", p).isEqualTo(AVAILABLE);
            f.restored += a;
            assertThat(lf).as("lot of %s", p).isNotNull();
            lf.spent -= a;
          }
          case REPAY -> {
            assertThat(model.restorations).as("%s repays in a restoration", p)
                .contains(p.activity().orElseThrow());
            LotId target = p.reversalOf().orElseThrow();
            assertThat(p.from()).as("account debited by %s", p)
                .isEqualTo(model.lots.get(target).fundedBy);
            assertThat(intoMember).as("%s repays the member", p).isTrue();
            assertThat(lf).as("lot of %s", p).isNotNull();
            assertThat(p.lot()).as("lot of %s", p).isNotEqualTo(Optional.of(target));
            lf.takenForOthers -= a;
            f.repaid += a;
            if (p.to().equals(AVAILABLE)) {
              f.repaidToAvailable += a;
            } else {
              f.repaidToPending += a;
            }
          }
          case FORFEIT -> {
            assertThat(model.closed).as("%s forfeits on closure", p).isTrue();
            assertThat(p.to()).as("account credited by %s", p).isEqualTo(Account.breakage());
            assertThat(lf).as("lot of %s", p).isNotNull();
            lf.lapsed += a;
            if (p.from().equals(AVAILABLE)) {
              f.forfeitedFromAvailable += a;
            } else {
              assertThat(p.from()).as("account debited by %s", p).isEqualTo(PENDING);
              f.forfeitedFromPending += a;
            }
          }
          case WRITE_OFF -> {
            assertThat(model.closed).as("%s writes off on closure", p).isTrue();
            assertThat(p.from()).as("account debited by %s", p).isEqualTo(Account.issuance());
            assertThat(p.to()).as("account credited by %s", p).isEqualTo(AVAILABLE);
            assertThat(lf).as("lot of %s", p).isNull();
            f.writeOffIn += a;
          }
        }
      }

      for (UnitId unit : UNITS) {
        Flows f = flows.getOrDefault(unit, new Flows());
        long vestedRemaining = 0;
        long pendingRemaining = 0;
        for (Lot lot : ledger.lots()) {
          if (lot.unit().equals(unit)) {
            if (lot.isVested()) {
              vestedRemaining += lot.remaining();
            } else {
              pendingRemaining += lot.remaining();
            }
          }
        }
        long deficit = ledger.deficits().getOrDefault(unit, 0L);
        long available = ledger.available(unit);
        assertThat(available).as("available %s is the vested lots' remainder less the deficit",
            unit).isEqualTo(vestedRemaining - deficit);
        assertThat(ledger.balance(AVAILABLE, unit))
            .as("balance of the member's available account in %s", unit).isEqualTo(available);
        assertThat(ledger.pending(unit)).as("pending %s is the unvested lots' remainder", unit)
            .isEqualTo(pendingRemaining);
        assertThat(ledger.balance(PENDING, unit))
            .as("balance of the member's pending account in %s", unit)
            .isEqualTo(ledger.pending(unit));

        assertThat(f.earned).as("%s earned", unit).isEqualTo(Model.get(model.earned, unit));
        assertThat(f.adjustedIn).as("%s adjusted up", unit)
            .isEqualTo(Model.get(model.adjustedIn, unit));
        assertThat(f.spent).as("%s spent", unit).isEqualTo(Model.get(model.spent, unit));
        assertThat(f.restored).as("%s restored", unit).isEqualTo(Model.get(model.restored, unit));
        assertThat(f.reversed - f.repaid + Model.get(model.writtenOff, unit))
            .as("%s reversed less repaid plus written off and not settled", unit)
            .isEqualTo(Model.get(model.reversed, unit));
        assertThat(available).as("available %s = vested in %d - spent %d + restored %d - expired "
                + "%d - reversed %d + repaid %d - forfeited %d + written off %d", unit,
                f.availableIn + f.vested, Model.get(model.spent, unit),
                Model.get(model.restored, unit), f.expiredFromAvailable, f.reversedFromAvailable,
                f.repaidToAvailable, f.forfeitedFromAvailable, f.writeOffIn)
            .isEqualTo(f.availableIn + f.vested - Model.get(model.spent, unit)
                + Model.get(model.restored, unit) - f.expiredFromAvailable
                - f.reversedFromAvailable + f.repaidToAvailable - f.forfeitedFromAvailable
                + f.writeOffIn);
        assertThat(ledger.pending(unit)).as("pending %s = earned pending %d - vested %d - expired "
                + "%d - reversed %d + repaid %d - forfeited %d", unit, f.pendingIn, f.vested,
                f.expiredFromPending, f.reversedFromPending, f.repaidToPending,
                f.forfeitedFromPending)
            .isEqualTo(f.pendingIn - f.vested - f.expiredFromPending - f.reversedFromPending
                + f.repaidToPending - f.forfeitedFromPending);
        if (model.closed) {
          assertThat(available).as("available %s of the closed account", unit).isZero();
          assertThat(ledger.pending(unit)).as("pending %s of the closed account", unit).isZero();
        }
        long settled = 0;
        for (Lot lot : ledger.lots()) {
          if (lot.unit().equals(unit)) {
            LotFlows lf = lotFlows.getOrDefault(lot.id(), new LotFlows());
            settled += lf.netMember - lot.remaining();
          }
        }
        assertThat(settled).as("%s points settling a negative balance", unit)
            .isEqualTo(f.lotlessReverse - deficit - f.writeOffIn);
      }
      if (model.closed) {
        assertThat(ledger.deficits()).as("deficits of the closed account").isEmpty();
      }
      assertThat(ledger.openReversals()).as("open reversals").isEqualTo(model.openReversals());

      assertThat(ledger.lots()).as("lots").hasSize(model.lotList.size());
      for (int i = 0; i < model.lotList.size(); i++) {
        ModelLot expected = model.lotList.get(i);
        Lot lot = ledger.lots().get(i);
        String name = expected.id.toString();
        assertThat(lot.id()).as("lot %s", name).isEqualTo(expected.id);
        assertThat(lot.unit()).as("unit of %s", name).isEqualTo(expected.unit);
        assertThat(lot.amount()).as("amount of %s", name).isEqualTo(expected.amount);
        assertThat(lot.earnedAt()).as("earned-at of %s", name).isEqualTo(expected.earnedAt);
        assertThat(lot.vestsAt()).as("vests-at of %s", name).isEqualTo(expected.vestsAt);
        assertThat(lot.isVested()).as("%s vested as of %s", name, asOf)
            .isEqualTo(!expected.vestsAt.isAfter(asOf));
        assertThat(lot.fundedBy()).as("funder of %s", name).isEqualTo(expected.fundedBy);
        assertThat(lot.reversed()).as("reversed of %s", name).isEqualTo(expected.reversed);
        assertThat(lot.writtenOff()).as("written off of %s", name).isEqualTo(expected.writtenOff);
        ExpiryPolicy expiry = POLICY.unit(expected.unit).expiry();
        if (expiry instanceof ExpiryPolicy.AfterInactivity) {
          // All lots not expired share the member's clock, restarted by every activity.
          Instant expiresAt = lot.expiresAt().orElseThrow();
          if (expiresAt.isAfter(model.lastActivity)) {
            assertThat(lot.expiresAt())
                .as("expiry of %s, on the clock restarted by the last activity at %s", name,
                    model.lastActivity)
                .isEqualTo(expiry.expiresAt(expected.earnedAt, model.lastActivity, ZONE));
          } else {
            assertThat(lot.remaining())
                .as("points of %s, which expired at %s, before the last activity at %s", name,
                    expiresAt, model.lastActivity)
                .isZero();
          }
        } else {
          assertThat(lot.expiresAt()).as("expiry of %s", name)
              .isEqualTo(expiry.expiresAt(expected.earnedAt, expected.earnedAt, ZONE));
        }
        LotFlows lf = lotFlows.getOrDefault(lot.id(), new LotFlows());
        assertThat(lf.amount).as("points posted into %s", name).isEqualTo(lot.amount());
        assertThat(lot.lapsed()).as("lapsed of %s from its postings", name).isEqualTo(lf.lapsed);
        assertThat(lot.recovered()).as("recovered of %s from its postings", name)
            .isEqualTo(lf.recovered);
        long consumed = lf.spent + lf.takenForOthers;
        if (POLICY.unit(lot.unit()).shortfall() == ShortfallPolicy.ALLOW_NEGATIVE) {
          assertThat(lot.consumed()).as("consumed of %s from its postings, at least", name)
              .isGreaterThanOrEqualTo(consumed);
          assertThat(lot.remaining()).as("remaining of %s from its postings, at most", name)
              .isLessThanOrEqualTo(lf.netMember);
        } else {
          assertThat(lot.consumed()).as("consumed of %s from its postings", name)
              .isEqualTo(consumed);
          assertThat(lot.remaining()).as("remaining of %s from its postings", name)
              .isEqualTo(lf.netMember);
        }
      }

      Map<ActivityId, Instant> recent = new HashMap<>();
      Instant horizonStart = asOf.minus(HORIZON);
      model.applied.forEach((id, at) -> {
        if (!at.isBefore(horizonStart)) {
          recent.put(id, at);
        }
      });
      assertThat(ledger.recentActivities()).as("activities within the horizon of %s", asOf)
          .isEqualTo(recent);
      assertThat(copyOf(ledger)).as("the ledger restored from its parts").isEqualTo(ledger);
    }

    /** Invariant 3. */
    private void checkNonNegative() {
      Instant asOf = ledger.asOf();
      for (UnitId unit : UNITS) {
        ShortfallPolicy policy = POLICY.unit(unit).shortfall();
        long available = ledger.available(unit);
        assertThat(ledger.pending(unit)).as("pending %s", unit).isNotNegative();
        assertThat(ledger.balance(PENDING, unit)).as("pending account in %s", unit)
            .isNotNegative();
        long deficit = ledger.deficits().getOrDefault(unit, 0L);
        if (policy == ShortfallPolicy.ALLOW_NEGATIVE) {
          if (deficit > 0) {
            assertThat(available).as("available %s with a deficit of %d", unit, deficit)
                .isEqualTo(-deficit);
          }
        } else {
          assertThat(available).as("available %s under %s", unit, policy).isNotNegative();
          assertThat(ledger.balance(AVAILABLE, unit)).as("available account in %s", unit)
              .isNotNegative();
          assertThat(ledger.deficits()).as("deficits under %s", policy).doesNotContainKey(unit);
        }
        ledger.balances(unit).forEach((account, balance) -> {
          if (account.type() == AccountType.BREAKAGE || account.type() == AccountType.CAUSE) {
            assertThat(balance).as("balance of %s in %s", account, unit).isNotNegative();
          }
        });
      }
      ledger.deficits().forEach((unit, deficit) -> assertThat(deficit)
          .as("deficit of %s", unit).isPositive());
      for (Lot lot : ledger.lots()) {
        assertThat(lot.remaining()).as("remaining of %s", lot).isNotNegative();
        assertThat(lot.consumed()).as("consumed of %s", lot).isNotNegative();
        assertThat(lot.lapsed()).as("lapsed of %s", lot).isNotNegative();
        assertThat(lot.reversed()).as("reversed of %s", lot).isBetween(0L, lot.amount());
        assertThat(lot.recovered()).as("recovered of %s", lot).isBetween(0L, lot.reversed());
        assertThat(lot.recovered() + lot.writtenOff()).as("recovered and written off of %s", lot)
            .isLessThanOrEqualTo(lot.reversed());
        if (POLICY.unit(lot.unit()).shortfall() == ShortfallPolicy.ALLOW_NEGATIVE) {
          assertThat(lot.writtenOff()).as("written off of %s", lot).isZero();
        }
        assertThat(lot.remaining() + lot.consumed() + lot.lapsed() + lot.recovered())
            .as("counts of %s", lot).isEqualTo(lot.amount());
        if (lot.remaining() > 0) {
          assertThat(lot.expiresAt().filter(e -> !e.isAfter(asOf)))
              .as("%s keeps points past its expiry, as of %s", lot, asOf).isEmpty();
          if (lot.isVested()) {
            assertThat(ledger.deficits())
                .as("%s has available points while %s is negative", lot, lot.unit())
                .doesNotContainKey(lot.unit());
          }
        }
      }
    }
  }

  /** Totals of one unit's postings, by what they did. */
  private static final class Flows {
    long earned;
    long adjustedIn;
    long spent;
    long restored;
    long reversed;
    long availableIn;
    long pendingIn;
    long vested;
    long expiredFromAvailable;
    long expiredFromPending;
    long reversedFromAvailable;
    long reversedFromPending;
    long lotlessReverse;
    long repaid;
    long repaidToAvailable;
    long repaidToPending;
    long forfeitedFromAvailable;
    long forfeitedFromPending;
    long writeOffIn;
  }

  /** Totals of one lot's postings, by what they did. */
  private static final class LotFlows {
    long amount;
    long netMember;
    long spent;
    long lapsed;
    long recovered;
    long takenForOthers;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  /** A copy of the ledger rebuilt from copies of its parts, which also verifies them. */
  private static Ledger copyOf(Ledger ledger) {
    return Ledger.restore(ledger.member(), ledger.asOf(), new ArrayList<>(ledger.lots()),
        new ArrayList<>(ledger.postings()), new HashMap<>(ledger.deficits()),
        new ArrayList<>(ledger.openReversals()), new HashMap<>(ledger.recentActivities()),
        ledger.isClosed());
  }

  private static Map<Account, Long> nonZero(Map<Account, Long> balances) {
    Map<Account, Long> result = new TreeMap<>();
    balances.forEach((account, balance) -> {
      if (balance != 0) {
        result.put(account, balance);
      }
    });
    return result;
  }

  private static List<Object> counts(Lot lot) {
    return List.of(lot.remaining(), lot.consumed(), lot.lapsed(), lot.reversed(),
        lot.writtenOff(), lot.isVested());
  }

  private static Instant expiry(Lot lot) {
    return lot.expiresAt().orElse(Instant.MAX);
  }

  private static List<Posting> postingsOf(LedgerResult result, ActivityId activity) {
    return result.postings().stream()
        .filter(p -> p.activity().filter(activity::equals).isPresent()).toList();
  }

  /** A per-mille share of a positive total: at least 1, at most the total. */
  static long share(long total, int permille) {
    return Math.max(1, total * permille / 1000);
  }

  /** Splits a positive total into at most {@code parts} positive parts. */
  static List<Long> parts(long total, int parts) {
    int n = (int) Math.min(parts, total);
    List<Long> result = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      result.add(i < n - 1 ? total / n : total - (n - 1) * (total / n));
    }
    return result;
  }

  private static String share(int permille) {
    return permille == 1000 ? "all" : String.format(Locale.ROOT, "%.1f%%", permille / 10.0);
  }

  private static String funding(int funder) {
    return funder == 0 ? "" : " funded by " + PARTNERS.get(funder - 1);
  }

  private static String occurred(long backdateMinutes) {
    return backdateMinutes == 0 ? "" : ", occurred " + duration(backdateMinutes) + " earlier";
  }

  static String duration(long minutes) {
    if (minutes == 0) {
      return "0m";
    }
    StringBuilder b = new StringBuilder();
    if (minutes >= DAY) {
      b.append(minutes / DAY).append('d');
    }
    if (minutes % DAY >= 60) {
      b.append(b.length() > 0 ? " " : "").append(minutes % DAY / 60).append('h');
    }
    if (minutes % 60 > 0) {
      b.append(b.length() > 0 ? " " : "").append(minutes % 60).append('m');
    }
    return b.toString();
  }
}
