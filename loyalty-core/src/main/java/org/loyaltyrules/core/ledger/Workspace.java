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
  /**
   * Every lot as a mutable working copy, the ledger's first and then those added; null until an
   * operation needs them. Earning into a new lot, the commonest operation, never does: until
   * then the ledger's own lots are read as they are, and new lots are kept in {@link #newLots}.
   */
  private List<WorkLot> lots;
  private Map<LotId, WorkLot> byId;
  private final List<Lot> baseLots;
  private final List<WorkLot> newLots = new ArrayList<>();
  private final Map<LotId, WorkLot> newById = new HashMap<>();
  final List<Posting> added = new ArrayList<>();
  final Map<UnitId, Long> deficits;
  /** The open reversals, oldest first; see {@link OpenReversal}. */
  final List<WorkReversal> openReversals = new ArrayList<>();
  /** The ledger's remembered activities; those before {@link #forgetBefore} are forgotten. */
  private final Map<ActivityId, Instant> baseRecent;
  /** Activities remembered by this operation, in order. */
  private final LinkedHashMap<ActivityId, Instant> newRecent = new LinkedHashMap<>();
  /** Remembered activities that happened before this instant are forgotten; null for none. */
  private Instant forgetBefore;
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
    this.baseLots = base.lots();
    this.deficits = new TreeMap<>(base.deficits());
    base.openReversals().forEach(o -> openReversals.add(
        new WorkReversal(o.unit(), o.lot(), o.after(), o.writtenOff(), o.takenFromLots())));
    this.baseRecent = base.recentActivities();
    this.closed = base.isClosed();
  }

  /** Every lot as a working copy, in order: the ledger's, then those added. */
  List<WorkLot> lots() {
    if (lots == null) {
      lots = new ArrayList<>(baseLots.size() + newLots.size());
      byId = new HashMap<>();
      for (int i = 0; i < baseLots.size(); i++) {
        WorkLot lot = new WorkLot(baseLots.get(i), i);
        lots.add(lot);
        byId.put(lot.id(), lot);
      }
      for (WorkLot lot : newLots) {
        lots.add(lot);
        byId.put(lot.id(), lot);
      }
    }
    return lots;
  }

  /** The points ever earned into lots of a unit, this operation's included. */
  long earnedInto(UnitId unit) {
    long earned = 0;
    for (Lot lot : baseLots) {
      if (lot.unit().equals(unit)) {
        earned += lot.amount();
      }
    }
    for (WorkLot lot : newLots) {
      if (lot.unit().equals(unit)) {
        earned += lot.original.amount();
      }
    }
    return earned;
  }

  /** Whether an activity is remembered: applied within the horizon. */
  boolean remembers(ActivityId activity) {
    if (newRecent.containsKey(activity)) {
      return true;
    }
    Instant at = baseRecent.get(activity);
    return at != null && (forgetBefore == null || !at.isBefore(forgetBefore));
  }

  /** Remembers an activity applied by this operation. */
  void remember(ActivityId activity, Instant occurredAt) {
    newRecent.put(activity, occurredAt);
  }

  WorkLot lot(LotId id) {
    if (lots == null) {
      WorkLot added = newById.get(id);
      if (added != null) {
        return added;
      }
    }
    lots();
    WorkLot lot = byId.get(id);
    if (lot == null) {
      throw new UnknownReferenceException("lot", String.valueOf(id),
          "the ledger of member " + base.member());
    }
    return lot;
  }

  WorkLot addLot(Lot lot) {
    WorkLot work = new WorkLot(lot, baseLots.size() + newLots.size());
    newLots.add(work);
    newById.put(work.id(), work);
    if (lots != null) {
      lots.add(work);
      byId.put(work.id(), work);
    }
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
      for (Lot lot : baseLots) {
        lotNumber = Math.max(lotNumber, lotNumber(lot.id()));
      }
      for (WorkLot lot : newLots) {
        lotNumber = Math.max(lotNumber, lotNumber(lot.id()));
      }
    }
    long n = lotNumber + 1;
    while (taken(LotId.of("lot-" + n))) {
      n++;
    }
    return LotId.of("lot-" + n);
  }

  private boolean taken(LotId id) {
    if (newById.containsKey(id)) {
      return true;
    }
    for (Lot lot : baseLots) {
      if (lot.id().equals(id)) {
        return true;
      }
    }
    return false;
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
    // Longer numbers are ignored here; nextLotId skips any id that is taken all the same.
    if (value.length() - 4 > 18) {
      return 0;
    }
    long n = 0;
    for (int i = 4; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      n = n * 10 + (c - '0');
    }
    return n;
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
    for (WorkLot lot : lots()) {
      if (lot.vested && lot.unit().equals(unit)) {
        sum += lot.remaining;
      }
    }
    return sum - deficits.getOrDefault(unit, 0L);
  }

  /** Lots of a unit with points left, vested or not as asked, in spending order. */
  List<WorkLot> spendable(UnitId unit, boolean vested) {
    List<WorkLot> result = new ArrayList<>();
    for (WorkLot lot : lots()) {
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
    Instant horizonStart = t.minus(policy.activityHorizon());
    forgetBefore = forgetBefore == null || horizonStart.isAfter(forgetBefore) ? horizonStart
        : forgetBefore;
    if (lots == null && !anyDue(t)) {
      asOf = t;
      return;
    }
    record Event(Instant at, boolean vest, WorkLot lot) {}
    List<Event> events = new ArrayList<>();
    for (WorkLot lot : lots()) {
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
  }

  /** Whether a lot not yet copied vests or expires by {@code t}, read without copying it. */
  private boolean anyDue(Instant t) {
    for (Lot lot : baseLots) {
      if (lot.dueBy(t)) {
        return true;
      }
    }
    for (WorkLot lot : newLots) {
      if (lot.dueBy(t)) {
        return true;
      }
    }
    return false;
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
    for (WorkLot lot : lots()) {
      ExpiryPolicy expiry = inactivity.get(lot.unit());
      if (expiry != null && !lot.expiresBy(now)) {
        lot.expiresAt = expiry.expiresAt(lot.original.earnedAt(), now, policy.zone()).orElseThrow();
      }
    }
  }

  /** Expires, at {@code now}, lots an operation left with points past their expiry. */
  void expireDue(Instant now) {
    if (lots == null && !anyDue(now)) {
      return;
    }
    for (WorkLot lot : lots()) {
      if (lot.remaining > 0 && lot.expiresBy(now)) {
        expire(lot, now);
      }
    }
  }

  Ledger toLedger() {
    ImmutableList.Builder<Lot> allLots = ImmutableList.builderWithExpectedSize(
        baseLots.size() + newLots.size());
    if (lots == null) {
      allLots.addAll(baseLots);
      newLots.forEach(l -> allLots.add(l.toLot()));
    } else {
      lots.forEach(l -> allLots.add(l.toLot()));
    }
    ImmutableList<Posting> postings = added.isEmpty() ? ImmutableList.copyOf(base.postings())
        : ImmutableList.<Posting>builderWithExpectedSize(base.postings().size() + added.size())
            .addAll(base.postings()).addAll(added).build();
    ImmutableList<OpenReversal> open = openReversals.stream().map(WorkReversal::toOpenReversal)
        .collect(ImmutableList.toImmutableList());
    return new Ledger(base.member(), asOf, allLots.build(), postings,
        ImmutableMap.copyOf(deficits), open, recent(), closed);
  }

  /** Whether any remembered activity happened before {@code horizonStart}. */
  static boolean forgetsAny(Map<ActivityId, Instant> recent, Instant horizonStart) {
    for (Instant at : recent.values()) {
      if (at.isBefore(horizonStart)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The remembered activities after this operation: the ledger's not forgotten, in their order,
   * then this operation's. Shared with the ledger when nothing changed.
   */
  private ImmutableMap<ActivityId, Instant> recent() {
    boolean forgets = forgetBefore != null && forgetsAny(baseRecent, forgetBefore);
    if (!forgets && newRecent.isEmpty() && baseRecent instanceof ImmutableMap<ActivityId, Instant> same) {
      return same;
    }
    ImmutableMap.Builder<ActivityId, Instant> b = ImmutableMap.builderWithExpectedSize(
        baseRecent.size() + newRecent.size());
    baseRecent.forEach((activity, at) -> {
      if ((forgetBefore == null || !at.isBefore(forgetBefore))
          && !newRecent.containsKey(activity)) {
        b.put(activity, at);
      }
    });
    newRecent.forEach((activity, at) -> {
      if (forgetBefore == null || !at.isBefore(forgetBefore)) {
        b.put(activity, at);
      }
    });
    return b.buildOrThrow();
  }
}
