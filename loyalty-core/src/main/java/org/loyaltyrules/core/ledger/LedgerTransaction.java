package org.loyaltyrules.core.ledger;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.ledger.Workspace.WorkReversal;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.ShortfallPolicy;

/**
 * The ledger operations of one activity, applied together by {@link #commit()}. Obtained from
 * {@link Ledger#begin}. Each operation checks its input before it changes anything, so an
 * operation that throws leaves the transaction as it was; the original {@link Ledger} is never
 * changed either way.
 *
 * <p>Not thread-safe: one thread builds a transaction and commits it once.
 */
public final class LedgerTransaction {
  private final Workspace work;
  private final ActivityId activity;
  private final Instant occurredAt;
  private final Instant now;
  private final boolean replay;
  private final List<Shortfall> shortfalls = new ArrayList<>();
  private boolean committed;

  LedgerTransaction(Workspace work, ActivityId activity, Instant occurredAt, Instant now,
      boolean replay) {
    this.work = work;
    this.activity = activity;
    this.occurredAt = occurredAt;
    this.now = now;
    this.replay = replay;
    work.advanceTo(now);
  }

  /** Returns true if the activity was already applied; a replay accepts no operations. */
  public boolean isReplay() {
    return replay;
  }

  /** Returns the activity this transaction applies. */
  public ActivityId activity() {
    return activity;
  }

  /**
   * Returns the available balance of a unit as the transaction stands.
   *
   * @throws IllegalArgumentException if the unit is null
   */
  public long available(UnitId unit) {
    checkArgument(unit != null, "unit must not be null");
    return work.available(unit);
  }

  /**
   * Earns points into a new lot. The lot is earned at the activity's instant, vests after the
   * unit's pending period (at once if that has already passed) and expires under the unit's
   * policy; if a late-reported activity's points are already past their expiry, they expire at
   * once and can never be spent. Points come from the program's issuance account, or from the
   * partner the attribution names. If the member's balance is negative, the points settle it as
   * soon as they vest. The points ever earned into the unit's lots may not exceed
   * {@link Ledger#MAX_POINTS}.
   *
   * @param unit the unit; defined by the program
   * @param points how many; positive
   * @param attribution the rule, lines and funding partner
   * @return the new lot's id
   * @throws UnknownReferenceException if the program has no such unit
   * @throws IllegalArgumentException if points is not positive, an argument is null, or the
   *     points would bring what was ever earned into the unit's lots above
   *     {@link Ledger#MAX_POINTS}; nothing is earned
   * @throws IllegalStateException if the transaction is a replay or was committed
   */
  public LotId earn(UnitId unit, long points, Attribution attribution) {
    return earnFor(activity, occurredAt, unit, points, attribution);
  }

  /**
   * Earns points into a new lot on behalf of an earlier activity, as if that activity had earned
   * them when it happened: the lot is earned at {@code earnedAt}, vests and expires as it would
   * have then (at once if that has passed), and names {@code source} as the activity that earned
   * it; the posting names this transaction's activity. A return uses it to give back points an
   * earlier return of the same order took, so that returning in parts ends where returning
   * whole would.
   *
   * @param source the activity the points belong to
   * @param earnedAt when that activity happened; not after this transaction's instant and
   *     within the activity horizon
   * @param unit the unit; defined by the program
   * @param points how many; positive
   * @param attribution the rule, lines and funding partner
   * @return the new lot's id
   * @throws UnknownReferenceException if the program has no such unit
   * @throws IllegalArgumentException if points is not positive, an argument is null, or
   *     {@code earnedAt} is after this transaction's instant or before the horizon
   * @throws IllegalStateException if the transaction is a replay or was committed
   */
  public LotId earnFor(ActivityId source, Instant earnedAt, UnitId unit, long points,
      Attribution attribution) {
    checkUsable();
    checkArgument(source != null, "activity %s: source activity must not be null", activity);
    checkArgument(earnedAt != null, "activity %s: earned-at must not be null", activity);
    checkArgument(!earnedAt.isAfter(now) && !earnedAt.isBefore(
            now.minus(work.policy.activityHorizon())),
        "activity %s: earned-at %s must be within the activity horizon before %s", activity,
        earnedAt, now);
    checkArgument(unit != null, "activity %s: unit must not be null", activity);
    PointUnit def = work.policy.unit(unit);
    checkArgument(points > 0, "activity %s: points to earn must be positive, was %s", activity,
        points);
    checkArgument(attribution != null, "attribution must not be null");
    return addLot(def, points, attribution, PostingType.EARN, source, earnedAt);
  }

  private LotId addLot(PointUnit unit, long points, Attribution attribution, PostingType type,
      ActivityId source, Instant earnedAt) {
    long earned = work.earnedInto(unit.id());
    if (points > Ledger.MAX_POINTS - earned) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "activity %s: cannot add %d %s: the points ever earned into lots of %s would exceed "
              + "the ceiling of %d (Ledger.MAX_POINTS); %d are earned already",
          activity, points, unit.id(), unit.id(), Ledger.MAX_POINTS, earned));
    }
    Instant vestsAt = type == PostingType.EARN
        ? unit.vestsAt(earnedAt, work.policy.zone()) : earnedAt;
    boolean vested = !vestsAt.isAfter(now);
    Account from = attribution.partner().map(Account::partner).orElse(Account.issuance());
    LotId id = work.nextLotId();
    Lot lot = Lot.builder(id, unit.id(), points, earnedAt, vestsAt, source, from)
        .expiresAt(unit.expiry().expiresAt(earnedAt, now, work.policy.zone()).orElse(null))
        .vested(vested).lines(attribution.lines()).rule(attribution.rule().orElse(null)).build();
    WorkLot added = work.addLot(lot);
    work.post(now, unit.id(), from, vested ? work.available : work.pending, points, type, activity,
        id, attribution.rule().orElse(null), null, attribution.reason().orElse(null));
    if (added.expiresBy(now)) {
      // A late-reported activity whose points would already have expired: they never become
      // spendable, but the earning and its expiry both stay on the record.
      work.expire(added, now);
    } else {
      work.settleDeficit(added);
    }
    return id;
  }

  /**
   * Spends points on a reward or an order. They go to the partner the attribution names, which
   * honours them, or back to the program's issuance account.
   *
   * @throws InsufficientPointsException if fewer points are available; nothing is spent
   * @throws UnknownReferenceException if the program has no such unit
   * @throws IllegalArgumentException if points is not positive, the unit is status-only, or an
   *     argument is null
   * @throws IllegalStateException if the transaction is a replay or was committed
   */
  public void redeem(UnitId unit, long points, Attribution attribution) {
    checkArgument(attribution != null, "attribution must not be null");
    spend(PostingType.REDEEM, unit, points,
        attribution.partner().map(Account::partner).orElse(Account.issuance()), attribution);
  }

  /**
   * Donates points to a cause.
   *
   * @throws InsufficientPointsException if fewer points are available; nothing is donated
   * @throws UnknownReferenceException if the program has no such unit
   * @throws IllegalArgumentException if points is not positive, the unit is status-only, or an
   *     argument is null
   * @throws IllegalStateException if the transaction is a replay or was committed
   */
  public void donate(UnitId unit, long points, CauseId cause, Attribution attribution) {
    checkArgument(cause != null, "cause must not be null");
    spend(PostingType.DONATE, unit, points, Account.cause(cause), attribution);
  }

  /**
   * Transfers points to a partner program.
   *
   * @throws InsufficientPointsException if fewer points are available; nothing is transferred
   * @throws UnknownReferenceException if the program has no such unit
   * @throws IllegalArgumentException if points is not positive, the unit is status-only, or an
   *     argument is null
   * @throws IllegalStateException if the transaction is a replay or was committed
   */
  public void transfer(UnitId unit, long points, PartnerId partner, Attribution attribution) {
    checkArgument(partner != null, "partner must not be null");
    spend(PostingType.TRANSFER, unit, points, Account.partner(partner), attribution);
  }

  /**
   * Adjusts a member's balance for a customer-service reason. A positive adjustment adds a lot
   * that is available at once and expires under the unit's policy; a negative one takes points
   * like a spending, earliest-expiring first. Status-only units may be adjusted too.
   *
   * @param unit the unit
   * @param points the change; not zero nor {@link Long#MIN_VALUE}
   * @param reason why; not blank
   * @throws InsufficientPointsException if a negative adjustment exceeds the available balance
   * @throws UnknownReferenceException if the program has no such unit
   * @throws IllegalArgumentException if points is zero or {@link Long#MIN_VALUE}, the reason
   *     blank, the unit null, or a positive adjustment would bring what was ever earned into the
   *     unit's lots above {@link Ledger#MAX_POINTS}
   * @throws IllegalStateException if the transaction is a replay or was committed
   */
  public void adjust(UnitId unit, long points, String reason) {
    checkUsable();
    checkArgument(unit != null, "activity %s: unit must not be null", activity);
    PointUnit def = work.policy.unit(unit);
    checkArgument(points != 0, "activity %s: adjustment must not be zero", activity);
    checkArgument(points != Long.MIN_VALUE, "activity %s: adjustment must be above %s, was %s",
        activity, Long.MIN_VALUE, points);
    Attribution attribution = Attribution.reason(reason);
    if (points > 0) {
      addLot(def, points, attribution, PostingType.ADJUST, activity, occurredAt);
    } else {
      spend(PostingType.ADJUST, unit, -points, Account.issuance(), attribution);
    }
  }

  private void spend(PostingType type, UnitId unit, long points, Account to,
      Attribution attribution) {
    checkUsable();
    checkArgument(unit != null, "activity %s: unit must not be null", activity);
    PointUnit def = work.policy.unit(unit);
    checkArgument(attribution != null, "attribution must not be null");
    checkArgument(points > 0, "activity %s: points to spend must be positive, was %s", activity,
        points);
    checkArgument(type == PostingType.ADJUST || def.isRedeemable(),
        "activity %s: unit %s is status-only and cannot be spent", activity, unit);
    long available = work.available(unit);
    if (available < points) {
      throw new InsufficientPointsException(unit, available, points);
    }
    long rest = points;
    for (WorkLot lot : work.spendable(unit, true)) {
      long take = Math.min(rest, lot.remaining);
      work.post(now, unit, work.available, to, take, type, activity, lot.id(), null, null,
          attribution.reason().orElse(null));
      lot.remaining -= take;
      lot.consumed += take;
      rest -= take;
      if (rest == 0) {
        break;
      }
    }
  }

  /**
   * Takes back points earned into a lot, for example because the purchase line was returned.
   * The points come first from the lot itself, then from what of it expired, then from the
   * member's other available lots, earliest-expiring first. What still cannot be taken follows
   * the unit's {@link ShortfallPolicy} and is reported by {@link LedgerResult#shortfalls()}. The
   * points go back to the account that funded the lot.
   *
   * <p>What the reversal took from the member's other lots and, under
   * {@link ShortfallPolicy#STOP_AT_ZERO} and {@link ShortfallPolicy#TAKE_FROM_PENDING}, what it
   * wrote off (counted in the lot's {@link Lot#writtenOff()}) stay
   * {@linkplain Ledger#openReversals() open}: points that were spent before the reversal and are
   * given back later by {@link #restoreSpending} settle them, as if the reversal had happened
   * after the restoration; see {@link OpenReversal}. Points the member earns later never do.
   *
   * @param lot the lot whose earning is reversed
   * @param points how many of its points; positive and not more than the lot's amount less what
   *     was already reversed
   * @throws UnknownReferenceException if the ledger has no such lot, or the program no longer
   *     defines its unit; nothing is reversed
   * @throws ReversalExceedsException if more is asked than can still be reversed
   * @throws IllegalArgumentException if points is not positive or the lot is null
   * @throws IllegalStateException if the transaction is a replay or was committed
   */
  public void reverseEarning(LotId lot, long points) {
    checkUsable();
    checkArgument(lot != null, "activity %s: lot must not be null", activity);
    WorkLot target = work.lot(lot);
    checkArgument(points > 0, "activity %s: points to reverse must be positive, was %s", activity,
        points);
    long reversible = target.original.amount() - target.reversed;
    if (points > reversible) {
      throw new ReversalExceedsException("lot " + lot, points, reversible);
    }
    UnitId unit = target.unit();
    // Looked up before anything changes, so that a unit the program dropped changes nothing.
    ShortfallPolicy policy = work.policy.unit(unit).shortfall();
    Account funder = target.original.fundedBy();
    long after = work.postingCount();
    target.reversed += points;
    long rest = points;

    long fromLot = Math.min(rest, target.remaining);
    if (fromLot > 0) {
      work.postReversal(now, unit, work.memberAccount(target), funder, fromLot,
          PostingType.REVERSE, activity, lot, lot);
      target.remaining -= fromLot;
      rest -= fromLot;
    }
    long fromLapsed = Math.min(rest, target.lapsed);
    if (fromLapsed > 0) {
      work.postReversal(now, unit, Account.breakage(), funder, fromLapsed, PostingType.REVERSE,
          activity, lot, lot);
      target.lapsed -= fromLapsed;
      rest -= fromLapsed;
    }
    Map<LotId, Long> takenFromLots = new LinkedHashMap<>();
    rest = takeFrom(work.spendable(unit, true), rest, funder, lot, takenFromLots);
    long writtenOff = 0;
    if (rest > 0) {
      switch (policy) {
        case TAKE_FROM_PENDING ->
            rest = takeFrom(work.spendable(unit, false), rest, funder, lot, takenFromLots);
        case ALLOW_NEGATIVE -> {
          work.postReversal(now, unit, work.available, funder, rest, PostingType.REVERSE,
              activity, null, lot);
          work.deficits.merge(unit, rest, Long::sum);
        }
        case STOP_AT_ZERO -> { }
      }
      if (policy != ShortfallPolicy.ALLOW_NEGATIVE) {
        writtenOff = rest;
        target.writtenOff += rest;
      }
      if (rest > 0) {
        shortfalls.add(new Shortfall(unit, lot, rest, policy));
      }
    }
    if (writtenOff > 0 || !takenFromLots.isEmpty()) {
      work.openReversals.add(new WorkReversal(unit, lot, after, writtenOff, takenFromLots));
    }
  }

  /**
   * Takes up to {@code rest} points from the lots in order, for the reversal of lot
   * {@code reversalOf}, and returns what is still missing; records what it took in
   * {@code taken}.
   */
  private long takeFrom(List<WorkLot> lots, long rest, Account funder, LotId reversalOf,
      Map<LotId, Long> taken) {
    for (WorkLot other : lots) {
      if (rest == 0) {
        break;
      }
      long take = Math.min(rest, other.remaining);
      work.postReversal(now, other.unit(), work.memberAccount(other), funder, take,
          PostingType.REVERSE, activity, other.id(), reversalOf);
      other.remaining -= take;
      other.consumed += take;
      rest -= take;
      taken.merge(other.id(), take, Long::sum);
    }
    return rest;
  }

  /**
   * Gives back points an earlier activity spent, for example because an order paid with points
   * was returned. The points go back into the lots they were spent from, the last-spent first.
   * Points given back to a lot that has since expired expire again at once.
   *
   * <p>If a reversal since the spending could not take all its points from the lot it reversed
   * (it is {@linkplain Ledger#openReversals() open}), the points given back settle it, oldest
   * open reversal first, as if the reversal had happened after this restoration; see
   * {@link OpenReversal}: they go to the reversed lot's funder in place of what the reversal wrote
   * off, and in place of points it took from other lots, which go back to those lots. So
   * restoring everything an activity spent, with no reversal in between, restores exactly the
   * balances before it, and returns applied at one instant give the same balances in any order.
   * A negative balance is settled from the points given back before anything else, as from any
   * points; points given back to an expired lot settle it too (a unit that may go negative is the
   * one case where the order of returns can matter).
   *
   * @param spending the activity that spent the points
   * @param unit the unit
   * @param points how many; positive and not more than that activity spent and was not yet given
   *     back
   * @throws UnknownReferenceException if that activity spent nothing of the unit
   * @throws ReversalExceedsException if more is asked than can still be given back
   * @throws IllegalArgumentException if points is not positive or an argument is null
   * @throws IllegalStateException if the transaction is a replay or was committed
   */
  public void restoreSpending(ActivityId spending, UnitId unit, long points) {
    checkUsable();
    checkArgument(spending != null, "activity %s: spending activity must not be null", activity);
    checkArgument(unit != null, "activity %s: unit must not be null", activity);
    checkArgument(points > 0, "activity %s: points to restore must be positive, was %s", activity,
        points);
    record Source(LotId lot, Account to) {}
    Map<Source, Long> restorable = new LinkedHashMap<>();
    long lastSpent = 0;
    for (Posting p : (Iterable<Posting>) work.allPostings()::iterator) {
      if (p.unit().equals(unit) && p.lot().isPresent()) {
        if (p.type().isSpend() && p.from().equals(work.available)
            && p.activity().filter(spending::equals).isPresent()) {
          restorable.merge(new Source(p.lot().get(), p.to()), p.amount(), Math::addExact);
          lastSpent = p.sequence();
        } else if (p.type() == PostingType.RESTORE
            && p.undoes().filter(spending::equals).isPresent()) {
          restorable.merge(new Source(p.lot().get(), p.from()), -p.amount(), Math::addExact);
        }
      }
    }
    if (restorable.isEmpty()) {
      throw new UnknownReferenceException("spending of " + unit, spending.value(),
          "the ledger of member " + work.base.member());
    }
    long total = 0;
    for (long left : restorable.values()) {
      total = Math.addExact(total, left);
    }
    if (points > total) {
      throw new ReversalExceedsException("spending of activity " + spending, points, total);
    }
    List<Map.Entry<Source, Long>> lastFirst = new ArrayList<>(restorable.entrySet());
    Collections.reverse(lastFirst);
    Map<WorkLot, Long> given = new LinkedHashMap<>();
    long rest = points;
    for (Map.Entry<Source, Long> e : lastFirst) {
      long give = Math.min(rest, e.getValue());
      if (give <= 0) {
        continue;
      }
      WorkLot lot = work.lot(e.getKey().lot());
      work.post(now, unit, e.getKey().to(), work.available, give, PostingType.RESTORE, activity,
          lot.id(), null, spending, null);
      lot.remaining += give;
      lot.consumed -= give;
      given.merge(lot, give, Long::sum);
      rest -= give;
      if (rest == 0) {
        break;
      }
    }
    // A negative balance is what a reversal could not take at all: the points given back settle
    // it first, as that reversal would have taken them before going negative.
    given.keySet().forEach(work::settleDeficit);
    given.replaceAll((lot, back) -> Math.min(back, lot.remaining));
    settleOpenReversals(unit, given, lastSpent);
  }

  /**
   * Settles the open reversals of a unit made after posting {@code lastSpent} from points just
   * given back, oldest first; see {@link OpenReversal}.
   */
  private void settleOpenReversals(UnitId unit, Map<WorkLot, Long> given, long lastSpent) {
    if (work.openReversals.isEmpty()) {
      return;
    }
    // The points free to settle with: those given back, and those given back on the way to lots
    // that a reversal had taken them from.
    Map<WorkLot, Long> pool = new LinkedHashMap<>(given);
    PointUnit def = work.policy.units().get(unit);
    boolean takesPending = def != null && def.shortfall() == ShortfallPolicy.TAKE_FROM_PENDING;
    for (WorkReversal open : work.openReversals) {
      if (!open.unit.equals(unit) || open.after < lastSpent) {
        continue;
      }
      WorkLot target = work.lot(open.lot);
      // Had the reversal happened now, it would have taken the points it still lacks, then those
      // it took from pending lots (the last-taken first), from the points given back, and
      // instead of anything it took from other available lots, the lot's own points given back.
      if (open.writtenOff > 0) {
        long settled = takeFromPool(pool, open, target, open.writtenOff, true, takesPending);
        open.writtenOff -= settled;
        target.writtenOff -= settled;
      }
      List<LotId> lastTakenFirst = new ArrayList<>(open.takenFromLots.keySet());
      Collections.reverse(lastTakenFirst);
      for (boolean fromPending : List.of(true, false)) {
        for (LotId id : lastTakenFirst) {
          WorkLot lender = work.lot(id);
          Long taken = open.takenFromLots.get(id);
          if (taken == null || lender.vested == fromPending) {
            continue;
          }
          long back = takeFromPool(pool, open, target, taken, fromPending, false);
          if (back > 0) {
            work.postReversal(now, unit, target.original.fundedBy(), work.memberAccount(lender),
                back, PostingType.REPAY, activity, id, open.lot);
            lender.remaining += back;
            lender.consumed -= back;
            if (back == taken) {
              open.takenFromLots.remove(id);
            } else {
              open.takenFromLots.put(id, taken - back);
            }
            pool.merge(lender, back, Long::sum);
          }
        }
      }
    }
    work.openReversals.removeIf(WorkReversal::isSettled);
  }

  /**
   * Takes up to {@code points} from the pool for an open reversal, where that reversal would have
   * taken them: from its own lot first, then, if {@code available}, from other lots available
   * and not expired, then, if {@code pending}, from pending lots not expired. Returns how many it
   * took.
   */
  private long takeFromPool(Map<WorkLot, Long> pool, WorkReversal open, WorkLot target,
      long points, boolean available, boolean pending) {
    long taken = takeFromPoolLot(pool, open, target, target, points);
    for (boolean vested : List.of(true, false)) {
      if (vested ? !available : !pending) {
        continue;
      }
      for (WorkLot lot : new ArrayList<>(pool.keySet())) {
        if (taken == points) {
          return taken;
        }
        if (lot != target && lot.vested == vested && !lot.expiresBy(now)) {
          taken += takeFromPoolLot(pool, open, target, lot, points - taken);
        }
      }
    }
    return taken;
  }

  private long takeFromPoolLot(Map<WorkLot, Long> pool, WorkReversal open, WorkLot target,
      WorkLot lot, long points) {
    long free = pool.getOrDefault(lot, 0L);
    long take = Math.min(Math.min(free, points), lot.remaining);
    if (take <= 0) {
      return 0;
    }
    work.postReversal(now, lot.unit(), work.memberAccount(lot), target.original.fundedBy(), take,
        PostingType.REVERSE, activity, lot.id(), open.lot);
    lot.remaining -= take;
    if (lot != target) {
      lot.consumed += take;
      open.takenFromLots.merge(lot.id(), take, Long::sum);
    }
    if (free == take) {
      pool.remove(lot);
    } else {
      pool.put(lot, free - take);
    }
    return take;
  }

  /**
   * Closes the account: every point left, pending or available, is forfeited to breakage, any
   * negative balance is written off by the program, and the ledger accepts no more activities.
   *
   * @param reason why; not blank
   * @throws IllegalArgumentException if the reason is blank
   * @throws IllegalStateException if the transaction is a replay or was committed
   */
  public void close(String reason) {
    checkUsable();
    checkArgument(reason != null && !reason.isBlank(), "activity %s: closure reason must not be blank",
        activity);
    for (WorkLot lot : work.lots()) {
      if (lot.remaining > 0) {
        work.post(now, lot.unit(), work.memberAccount(lot), Account.breakage(), lot.remaining,
            PostingType.FORFEIT, activity, lot.id(), null, null, reason);
        lot.lapsed += lot.remaining;
        lot.remaining = 0;
      }
    }
    work.deficits.forEach((unit, deficit) -> work.post(now, unit, Account.issuance(),
        work.available, deficit, PostingType.WRITE_OFF, activity, null, null, null, reason));
    work.deficits.clear();
    work.closed = true;
  }

  /**
   * Applies the transaction: restarts the inactivity clock of units that expire on inactivity,
   * expires anything now past its expiry, and records the activity id. Lots of units the program
   * no longer defines are left as they are; their points keep the expiry they had. The
   * transaction counts as committed only once this returns.
   *
   * @return the new ledger and every posting the activity caused (after those of advancing to
   *     the activity's instant)
   * @throws IllegalStateException if already committed; nothing else is thrown
   */
  public LedgerResult commit() {
    checkState(!committed, "transaction of activity %s was already committed", activity);
    if (!replay) {
      work.touch(now);
      work.expireDue(now);
      work.remember(activity, occurredAt);
    }
    LedgerResult result = new LedgerResult(work.toLedger(), work.added, shortfalls, replay);
    committed = true;
    return result;
  }

  private void checkUsable() {
    checkState(!replay, "activity %s was already applied; a replay accepts no operations",
        activity);
    checkState(!committed, "transaction of activity %s was already committed", activity);
    checkState(!work.closed, "account of member %s is closed", work.base.member());
  }

}
