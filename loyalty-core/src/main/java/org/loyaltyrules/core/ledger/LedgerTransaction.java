package org.loyaltyrules.core.ledger;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.program.PointUnit;

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

  /** Returns the available balance of a unit as the transaction stands. */
  public long available(UnitId unit) {
    return work.available(unit);
  }

  /**
   * Earns points into a new lot. The lot is earned at the activity's instant, vests after the
   * unit's pending period (at once if that has already passed) and expires under the unit's
   * policy; if a late-reported activity's points are already past their expiry, they expire at
   * once and can never be spent. Points come from the program's issuance account, or from the partner the
   * attribution names. If the member's balance is negative, the points settle it as soon as they
   * vest.
   *
   * @param unit the unit; defined by the program
   * @param points how many; positive
   * @param attribution the rule, lines and funding partner
   * @return the new lot's id
   * @throws UnknownReferenceException if the program has no such unit
   * @throws IllegalArgumentException if points is not positive or an argument is null
   * @throws IllegalStateException if the transaction is a replay or was committed
   */
  public LotId earn(UnitId unit, long points, Attribution attribution) {
    checkUsable();
    PointUnit def = work.policy.unit(unit);
    checkArgument(points > 0, "activity %s: points to earn must be positive, was %s", activity,
        points);
    checkArgument(attribution != null, "attribution must not be null");
    return addLot(def, points, attribution, PostingType.EARN);
  }

  private LotId addLot(PointUnit unit, long points, Attribution attribution, PostingType type) {
    Instant vestsAt = type == PostingType.EARN
        ? unit.vestsAt(occurredAt, work.policy.zone()) : occurredAt;
    boolean vested = !vestsAt.isAfter(now);
    Account from = attribution.partner().map(Account::partner).orElse(Account.issuance());
    LotId id = work.nextLotId();
    Lot lot = Lot.builder(id, unit.id(), points, occurredAt, vestsAt, activity, from)
        .expiresAt(unit.expiry().expiresAt(occurredAt, now, work.policy.zone()).orElse(null))
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
   * @param points the change; not zero
   * @param reason why; not blank
   * @throws InsufficientPointsException if a negative adjustment exceeds the available balance
   * @throws UnknownReferenceException if the program has no such unit
   * @throws IllegalArgumentException if points is zero or the reason blank
   * @throws IllegalStateException if the transaction is a replay or was committed
   */
  public void adjust(UnitId unit, long points, String reason) {
    checkUsable();
    PointUnit def = work.policy.unit(unit);
    checkArgument(points != 0, "activity %s: adjustment must not be zero", activity);
    Attribution attribution = Attribution.reason(reason);
    if (points > 0) {
      addLot(def, points, attribution, PostingType.ADJUST);
    } else {
      spend(PostingType.ADJUST, unit, -points, Account.issuance(), attribution);
    }
  }

  private void spend(PostingType type, UnitId unit, long points, Account to,
      Attribution attribution) {
    checkUsable();
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
   * the unit's {@link org.loyaltyrules.core.program.ShortfallPolicy} and is reported by
   * {@link LedgerResult#shortfalls()}. The points go back to the account that funded the lot.
   *
   * @param lot the lot whose earning is reversed
   * @param points how many of its points; positive and not more than the lot's amount less what
   *     was already reversed
   * @throws UnknownReferenceException if the ledger has no such lot
   * @throws ReversalExceedsException if more is asked than can still be reversed
   * @throws IllegalArgumentException if points is not positive
   * @throws IllegalStateException if the transaction is a replay or was committed
   */
  public void reverseEarning(LotId lot, long points) {
    checkUsable();
    checkArgument(lot != null, "lot must not be null");
    WorkLot target = work.lot(lot);
    checkArgument(points > 0, "activity %s: points to reverse must be positive, was %s", activity,
        points);
    long reversible = target.original.amount() - target.reversed;
    if (points > reversible) {
      throw new ReversalExceedsException("lot " + lot, points, reversible);
    }
    UnitId unit = target.unit();
    Account funder = target.original.fundedBy();
    target.reversed += points;
    long rest = points;

    long fromLot = Math.min(rest, target.remaining);
    if (fromLot > 0) {
      work.post(now, unit, work.memberAccount(target), funder, fromLot, PostingType.REVERSE,
          activity, lot, null, null, null);
      target.remaining -= fromLot;
      rest -= fromLot;
    }
    long fromLapsed = Math.min(rest, target.lapsed);
    if (fromLapsed > 0) {
      work.post(now, unit, Account.breakage(), funder, fromLapsed, PostingType.REVERSE, activity,
          lot, null, null, null);
      target.lapsed -= fromLapsed;
      rest -= fromLapsed;
    }
    rest = takeFrom(work.spendable(unit, true), rest, funder);
    if (rest == 0) {
      return;
    }
    var policy = work.policy.unit(unit).shortfall();
    switch (policy) {
      case TAKE_FROM_PENDING -> rest = takeFrom(work.spendable(unit, false), rest, funder);
      case ALLOW_NEGATIVE -> {
        work.post(now, unit, work.available, funder, rest, PostingType.REVERSE, activity, null,
            null, null, null);
        work.deficits.merge(unit, rest, Long::sum);
      }
      case STOP_AT_ZERO -> { }
    }
    if (rest > 0) {
      shortfalls.add(new Shortfall(unit, lot, rest, policy));
    }
  }

  private long takeFrom(List<WorkLot> lots, long rest, Account funder) {
    for (WorkLot other : lots) {
      if (rest == 0) {
        break;
      }
      long take = Math.min(rest, other.remaining);
      work.post(now, other.unit(), work.memberAccount(other), funder, take, PostingType.REVERSE,
          activity, other.id(), null, null, null);
      other.remaining -= take;
      other.consumed += take;
      rest -= take;
    }
    return rest;
  }

  /**
   * Gives back points an earlier activity spent, for example because an order paid with points
   * was returned. The points go back into the lots they were spent from, the last-spent first, so
   * restoring everything an activity spent restores exactly the balances before it. Points given
   * back to a lot that has since expired expire again at once.
   *
   * @param spending the activity that spent the points
   * @param unit the unit
   * @param points how many; positive and not more than that activity spent and was not yet given
   *     back
   * @throws UnknownReferenceException if that activity spent nothing of the unit
   * @throws ReversalExceedsException if more is asked than can still be given back
   * @throws IllegalArgumentException if points is not positive
   * @throws IllegalStateException if the transaction is a replay or was committed
   */
  public void restoreSpending(ActivityId spending, UnitId unit, long points) {
    checkUsable();
    checkArgument(spending != null, "spending activity must not be null");
    checkArgument(unit != null, "unit must not be null");
    checkArgument(points > 0, "activity %s: points to restore must be positive, was %s", activity,
        points);
    record Source(LotId lot, Account to) {}
    Map<Source, Long> restorable = new LinkedHashMap<>();
    work.allPostings().forEach(p -> {
      if (p.unit().equals(unit) && p.lot().isPresent()) {
        if (p.type().isSpend() && p.from().equals(work.available)
            && p.activity().filter(spending::equals).isPresent()) {
          restorable.merge(new Source(p.lot().get(), p.to()), p.amount(), Long::sum);
        } else if (p.type() == PostingType.RESTORE
            && p.undoes().filter(spending::equals).isPresent()) {
          restorable.merge(new Source(p.lot().get(), p.from()), -p.amount(), Long::sum);
        }
      }
    });
    if (restorable.isEmpty()) {
      throw new UnknownReferenceException("spending of " + unit, spending.value(),
          "the ledger of member " + work.base.member());
    }
    long total = restorable.values().stream().mapToLong(Long::longValue).sum();
    if (points > total) {
      throw new ReversalExceedsException("spending of activity " + spending, points, total);
    }
    List<Map.Entry<Source, Long>> lastFirst = new ArrayList<>(restorable.entrySet());
    java.util.Collections.reverse(lastFirst);
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
      work.settleDeficit(lot);
      rest -= give;
      if (rest == 0) {
        break;
      }
    }
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
    for (WorkLot lot : work.lots) {
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
   * expires anything now past its expiry, and records the activity id.
   *
   * @return the new ledger and every posting the activity caused (after those of advancing to
   *     the activity's instant)
   * @throws IllegalStateException if already committed
   */
  public LedgerResult commit() {
    checkState(!committed, "transaction of activity %s was already committed", activity);
    committed = true;
    if (!replay) {
      work.touch(now);
      work.expireDue(now);
      work.recent.put(activity, occurredAt);
    }
    return new LedgerResult(work.toLedger(), work.added, shortfalls, replay);
  }

  private void checkUsable() {
    checkState(!replay, "activity %s was already applied; a replay accepts no operations",
        activity);
    checkState(!committed, "transaction of activity %s was already committed", activity);
    checkState(!work.closed, "account of member %s is closed", work.base.member());
  }

}
