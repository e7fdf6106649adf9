package org.loyaltyrules.core.ledger;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.program.ExpiryPolicy;

/**
 * The mutable working copy of a ledger while one operation runs. Never shared: an operation makes
 * one, changes it, and turns it into a new immutable {@link Ledger}; the original is untouched,
 * so an operation that fails changes nothing.
 */
final class Workspace {
  /** The order in which spending consumes lots: earliest expiry first, never-expiring last. */
  static final Comparator<WorkLot> SPENDING_ORDER = Comparator
      .comparing((WorkLot l) -> l.expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(l -> l.original.earnedAt())
      .thenComparingInt(l -> l.index);

  final Ledger base;
  final LedgerPolicy policy;
  final Account available;
  final Account pending;
  Instant asOf;
  final List<WorkLot> lots = new ArrayList<>();
  private final Map<LotId, WorkLot> byId = new HashMap<>();
  final List<Posting> added = new ArrayList<>();
  final Map<UnitId, Long> deficits;
  final LinkedHashMap<ActivityId, Instant> recent;
  boolean closed;

  Workspace(Ledger base, LedgerPolicy policy) {
    this.base = base;
    this.policy = policy;
    this.available = Account.memberAvailable(base.member());
    this.pending = Account.memberPending(base.member());
    this.asOf = base.asOf();
    List<Lot> baseLots = base.lots();
    for (int i = 0; i < baseLots.size(); i++) {
      WorkLot lot = new WorkLot(baseLots.get(i), i);
      lots.add(lot);
      byId.put(lot.id(), lot);
    }
    this.deficits = new TreeMap<>(base.deficits());
    this.recent = new LinkedHashMap<>(base.recentActivities());
    this.closed = base.isClosed();
  }

  WorkLot lot(LotId id) {
    WorkLot lot = byId.get(id);
    if (lot == null) {
      throw new UnknownReferenceException("lot", String.valueOf(id),
          "the ledger of member " + base.member());
    }
    return lot;
  }

  WorkLot addLot(Lot lot) {
    WorkLot work = new WorkLot(lot, lots.size());
    lots.add(work);
    byId.put(work.id(), work);
    return work;
  }

  LotId nextLotId() {
    return LotId.of("lot-" + (lots.size() + 1));
  }

  Posting post(Instant at, UnitId unit, Account from, Account to, long amount, PostingType type,
      ActivityId activity, LotId lot, RuleId rule, ActivityId undoes, String reason) {
    Posting posting = Posting.builder(base.postings().size() + added.size() + 1L, at, unit, from,
            to, amount, type)
        .activity(activity).lot(lot).rule(rule).undoes(undoes).reason(reason).build();
    added.add(posting);
    return posting;
  }

  Stream<Posting> allPostings() {
    return Stream.concat(base.postings().stream(), added.stream());
  }

  Account memberAccount(WorkLot lot) {
    return lot.vested ? available : pending;
  }

  long available(UnitId unit) {
    long sum = 0;
    for (WorkLot lot : lots) {
      if (lot.vested && lot.unit().equals(unit)) {
        sum += lot.remaining;
      }
    }
    return sum - deficits.getOrDefault(unit, 0L);
  }

  /** Lots of a unit with points left, vested or not as asked, in spending order. */
  List<WorkLot> spendable(UnitId unit, boolean vested) {
    List<WorkLot> result = new ArrayList<>();
    for (WorkLot lot : lots) {
      if (lot.vested == vested && lot.remaining > 0 && lot.unit().equals(unit)) {
        result.add(lot);
      }
    }
    result.sort(vested ? SPENDING_ORDER
        : Comparator.comparing((WorkLot l) -> l.original.vestsAt()).thenComparing(SPENDING_ORDER));
    return result;
  }

  /** A negative balance is settled from a lot's points as soon as they are available. */
  void settleDeficit(WorkLot lot) {
    long deficit = deficits.getOrDefault(lot.unit(), 0L);
    if (deficit > 0 && lot.vested && lot.remaining > 0) {
      long settled = Math.min(deficit, lot.remaining);
      lot.remaining -= settled;
      lot.consumed += settled;
      if (deficit == settled) {
        deficits.remove(lot.unit());
      } else {
        deficits.put(lot.unit(), deficit - settled);
      }
    }
  }

  /**
   * Vests and expires lots, in time order, up to and including {@code t}. Postings carry the
   * instant each event happened, so advancing in one step or several gives the same ledger.
   */
  void advanceTo(Instant t) {
    if (!t.isAfter(asOf)) {
      return;
    }
    record Event(Instant at, boolean vest, WorkLot lot) {}
    List<Event> events = new ArrayList<>();
    for (WorkLot lot : lots) {
      if (!lot.vested && !lot.original.vestsAt().isAfter(t)) {
        events.add(new Event(lot.original.vestsAt(), true, lot));
      }
      if (lot.remaining > 0 && lot.expiresBy(t)) {
        events.add(new Event(lot.expiresAt, false, lot));
      }
    }
    events.sort(Comparator.comparing(Event::at).thenComparing(e -> !e.vest())
        .thenComparingInt(e -> e.lot().index));
    for (Event e : events) {
      if (e.vest()) {
        vest(e.lot(), e.at());
      } else {
        expire(e.lot(), e.at());
      }
    }
    asOf = t;
    Instant horizonStart = t.minus(policy.activityHorizon());
    recent.values().removeIf(occurredAt -> occurredAt.isBefore(horizonStart));
  }

  private void vest(WorkLot lot, Instant at) {
    if (lot.remaining > 0) {
      post(at, lot.unit(), pending, available, lot.remaining, PostingType.VEST, null, lot.id(),
          null, null, null);
    }
    lot.vested = true;
    settleDeficit(lot);
  }

  void expire(WorkLot lot, Instant at) {
    if (lot.remaining > 0) {
      post(at, lot.unit(), memberAccount(lot), Account.breakage(), lot.remaining,
          PostingType.EXPIRE, null, lot.id(), null, null, null);
      lot.lapsed += lot.remaining;
      lot.remaining = 0;
    }
  }

  /**
   * Restarts the inactivity clock of every lot not yet expired, for units that expire so. A lot
   * that has expired keeps its expiry, so points given back to it expire again at once; a lot
   * that is merely empty is kept on the member's clock, so points given back to it do not.
   */
  void touch(Instant now) {
    for (WorkLot lot : lots) {
      ExpiryPolicy expiry = policy.unit(lot.unit()).expiry();
      if (!lot.expiresBy(now) && expiry instanceof ExpiryPolicy.AfterInactivity) {
        lot.expiresAt = expiry.expiresAt(lot.original.earnedAt(), now, policy.zone()).orElseThrow();
      }
    }
  }

  /** Expires, at {@code now}, lots an operation left with points past their expiry. */
  void expireDue(Instant now) {
    for (WorkLot lot : lots) {
      if (lot.remaining > 0 && lot.expiresBy(now)) {
        expire(lot, now);
      }
    }
  }

  Ledger toLedger() {
    ImmutableList.Builder<Lot> newLots = ImmutableList.builderWithExpectedSize(lots.size());
    lots.forEach(l -> newLots.add(l.toLot()));
    ImmutableList<Posting> postings = added.isEmpty() ? ImmutableList.copyOf(base.postings())
        : ImmutableList.<Posting>builderWithExpectedSize(base.postings().size() + added.size())
            .addAll(base.postings()).addAll(added).build();
    return new Ledger(base.member(), asOf, newLots.build(), postings,
        ImmutableMap.copyOf(deficits), ImmutableMap.copyOf(recent), closed);
  }
}
