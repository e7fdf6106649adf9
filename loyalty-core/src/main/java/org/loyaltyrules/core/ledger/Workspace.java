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
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.program.ExpiryPolicy;
import org.loyaltyrules.core.program.PointUnit;

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
  /** The open reversals, oldest first; see {@link OpenReversal}. */
  final List<WorkReversal> openReversals = new ArrayList<>();
  final LinkedHashMap<ActivityId, Instant> recent;
  boolean closed;
  /** The largest n among the lot ids of the form lot-n, once looked up; see nextLotId. */
  private long lotNumber = -1;

  /** An open reversal while an operation works on it. */
  static final class WorkReversal {
    final UnitId unit;
    final LotId lot;
    final long after;
    long writtenOff;
    /** The points taken from other lots, in the order taken. */
    final LinkedHashMap<LotId, Long> takenFromLots;

    WorkReversal(UnitId unit, LotId lot, long after, long writtenOff,
        Map<LotId, Long> takenFromLots) {
      this.unit = unit;
      this.lot = lot;
      this.after = after;
      this.writtenOff = writtenOff;
      this.takenFromLots = new LinkedHashMap<>(takenFromLots);
    }

    boolean isSettled() {
      return writtenOff == 0 && takenFromLots.isEmpty();
    }

    OpenReversal toOpenReversal() {
      return new OpenReversal(unit, lot, after, writtenOff, takenFromLots);
    }
  }

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
    base.openReversals().forEach(o -> openReversals.add(
        new WorkReversal(o.unit(), o.lot(), o.after(), o.writtenOff(), o.takenFromLots())));
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
    if (lotNumber >= 0) {
      lotNumber = Math.max(lotNumber, lotNumber(work.id()));
    }
    return work;
  }

  /**
   * Returns a new lot's id: {@code lot-n} for n one more than the largest n among the ledger's
   * ids of that form (ids of other forms are ignored), and then the first such id not taken, so
   * that a ledger restored from storage with any ids never gets a duplicate.
   */
  LotId nextLotId() {
    if (lotNumber < 0) {
      lotNumber = 0;
      for (WorkLot lot : lots) {
        lotNumber = Math.max(lotNumber, lotNumber(lot.id()));
      }
    }
    long n = lotNumber + 1;
    while (byId.containsKey(LotId.of("lot-" + n))) {
      n++;
    }
    return LotId.of("lot-" + n);
  }

  /**
   * Returns n for an id {@code lot-n}, n a decimal number of at most 18 digits (so the next one
   * still fits a {@code long}); otherwise 0.
   */
  private static long lotNumber(LotId id) {
    String value = id.value();
    if (!value.startsWith("lot-") || value.length() == 4) {
      return 0;
    }
    String digits = value.substring(4);
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return 0;
      }
    }
    // Longer numbers are ignored here; nextLotId skips any id that is taken all the same.
    return digits.length() <= 18 ? Long.parseLong(digits) : 0;
  }

  /** Returns how many postings the ledger holds so far. */
  long postingCount() {
    return base.postings().size() + added.size();
  }

  Posting post(Instant at, UnitId unit, Account from, Account to, long amount, PostingType type,
      ActivityId activity, LotId lot, RuleId rule, ActivityId undoes, String reason) {
    return post(Posting.builder(postingCount() + 1, at, unit, from, to, amount, type)
        .activity(activity).lot(lot).rule(rule).undoes(undoes).reason(reason)
        .funder(funderOf(lot)));
  }

  /** Posts a reversal or repayment for the reversal of lot {@code reversalOf}. */
  Posting postReversal(Instant at, UnitId unit, Account from, Account to, long amount,
      PostingType type, ActivityId activity, LotId lot, LotId reversalOf) {
    return post(Posting.builder(postingCount() + 1, at, unit, from, to, amount, type)
        .activity(activity).lot(lot).reversalOf(reversalOf).funder(funderOf(lot)));
  }

  /** The partner that funded a lot, or null for the operator and for no lot. */
  private PartnerId funderOf(LotId lot) {
    if (lot == null) {
      return null;
    }
    Account funder = lot(lot).original.fundedBy();
    return funder.type() == AccountType.PARTNER ? PartnerId.of(funder.owner()) : null;
  }

  private Posting post(Posting.Builder builder) {
    Posting posting = builder.build();
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
   * that is merely empty is kept on the member's clock, so points given back to it do not. Lots
   * of units the policy no longer defines are left alone: their points keep the expiry they had.
   */
  void touch(Instant now) {
    Map<UnitId, ExpiryPolicy> inactivity = new HashMap<>();
    for (PointUnit unit : policy.units().values()) {
      if (unit.expiry() instanceof ExpiryPolicy.AfterInactivity) {
        inactivity.put(unit.id(), unit.expiry());
      }
    }
    if (inactivity.isEmpty()) {
      return;
    }
    for (WorkLot lot : lots) {
      ExpiryPolicy expiry = inactivity.get(lot.unit());
      if (expiry != null && !lot.expiresBy(now)) {
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
    ImmutableList<OpenReversal> open = openReversals.stream().map(WorkReversal::toOpenReversal)
        .collect(ImmutableList.toImmutableList());
    return new Ledger(base.member(), asOf, newLots.build(), postings,
        ImmutableMap.copyOf(deficits), open, ImmutableMap.copyOf(recent), closed);
  }
}
