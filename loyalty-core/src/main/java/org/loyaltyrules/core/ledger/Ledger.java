package org.loyaltyrules.core.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.UnitId;

/**
 * A member's points ledger: double-entry postings between accounts, the lots that earned points
 * form, and the activity ids already applied.
 *
 * <p>Every movement of points is a {@link Posting} from one account to another, so the sum over
 * all accounts is always zero and no point is ever lost or invented. Balances are derived from
 * lots and postings, never stored as loose counters. Earned points form {@link Lot lots} that
 * vest after the unit's pending period and expire under its expiry policy; spending consumes
 * the lots that expire first. A reversal undoes exactly what it is given: earned points are
 * taken back from their lot, and spent points are given back to the lots they came from. Returning
 * a purchase and returning an order its points paid for, at one instant, give the same balances
 * whichever comes first: points given back settle the {@linkplain #openReversals() reversals}
 * that could not take them while they were spent (see
 * {@link LedgerTransaction#restoreSpending} for the one exception, a unit that may go negative).
 * An activity id is applied at most once within the program's activity horizon; a repeat is
 * reported as a replay, and an activity older than the horizon is refused with
 * {@link ActivityOutsideHorizonException}.
 *
 * <p>The points ever earned into the lots of one unit, adjustments included, are at most
 * {@link #MAX_POINTS}; an earning beyond it is refused, and {@link #restore} refuses a ledger
 * beyond it. Every point of a unit in any account was earned into a lot or written off at closure
 * (at most what the balance was negative by), so every balance and count stays between
 * {@code -2 * MAX_POINTS} and {@code 2 * MAX_POINTS}, far inside the range of a {@code long}, and
 * no arithmetic on them overflows.
 *
 * <p>The ledger is a value: every operation returns a new ledger in a {@link LedgerResult} and
 * leaves this one unchanged, also when it throws. The full history ({@link #postings()} and
 * {@link #lots()}) is kept, so a member can consult every movement of their points.
 *
 * <p>Immutable and thread-safe.
 */
public final class Ledger {
  /**
   * The most points that may ever be earned into the lots of one unit of one ledger: the sum of
   * the amounts of all its lots of the unit, earnings and positive adjustments alike, spent,
   * expired and reversed ones included. 10<sup>15</sup>, which keeps every balance far from
   * overflowing a {@code long}.
   */
  public static final long MAX_POINTS = 1_000_000_000_000_000L;

  private final MemberId member;
  private final Instant asOf;
  private final ImmutableList<Lot> lots;
  private final ImmutableList<Posting> postings;
  private final ImmutableMap<UnitId, Long> deficits;
  private final ImmutableList<OpenReversal> openReversals;
  private final ImmutableMap<ActivityId, Instant> recentActivities;
  private final boolean closed;

  Ledger(MemberId member, Instant asOf, ImmutableList<Lot> lots, ImmutableList<Posting> postings,
      ImmutableMap<UnitId, Long> deficits, ImmutableList<OpenReversal> openReversals,
      ImmutableMap<ActivityId, Instant> recentActivities, boolean closed) {
    this.member = member;
    this.asOf = asOf;
    this.lots = lots;
    this.postings = postings;
    this.deficits = deficits;
    this.openReversals = openReversals;
    this.recentActivities = recentActivities;
    this.closed = closed;
  }

  /**
   * Returns an empty, open ledger for a member.
   *
   * @param member the member
   * @param asOf the instant the ledger starts at, typically enrollment
   * @throws IllegalArgumentException if either is null
   */
  public static Ledger open(MemberId member, Instant asOf) {
    checkArgument(member != null, "member id must not be null");
    checkArgument(asOf != null, "as-of instant must not be null");
    return new Ledger(member, asOf, ImmutableList.of(), ImmutableList.of(), ImmutableMap.of(),
        ImmutableList.of(), ImmutableMap.of(), false);
  }

  /**
   * Rebuilds a stored ledger that has no {@linkplain #openReversals() open reversals}; the same as
   * {@link #restore(MemberId, Instant, List, List, Map, List, Map, boolean)} with an empty list of
   * them.
   *
   * @throws IllegalArgumentException naming the first inconsistency found, or the argument that is
   *     or holds null
   */
  public static Ledger restore(MemberId member, Instant asOf, List<Lot> lots,
      List<Posting> postings, Map<UnitId, Long> deficits, Map<ActivityId, Instant> recentActivities,
      boolean closed) {
    return restore(member, asOf, lots, postings, deficits, List.of(), recentActivities, closed);
  }

  /**
   * Rebuilds a stored ledger from its parts and checks that they agree with each other: postings
   * numbered 1 to n, none after {@code asOf} and none touching another member's accounts; lot ids
   * unique and every lot, posting and open reversal naming only known lots of its unit; every lot
   * earned by {@code asOf}, vested exactly if it vests by {@code asOf}, not expiring before it was
   * earned, and holding no points at or past its expiry; the lots of each unit earning at most
   * {@link #MAX_POINTS} in all; member accounts in balance with the lots; no deficit that is not
   * negative balance; open reversals in the order they happened and agreeing with the lots' written
   * off points and with what was taken from other lots; and no recent activity after
   * {@code asOf}.
   *
   * @param member the member
   * @param asOf the ledger's as-of instant
   * @param lots every lot, in the order earned
   * @param postings every posting, in sequence order
   * @param deficits the negative available balance per unit, where there is one
   * @param openReversals the open reversals, oldest first
   * @param recentActivities the activity ids applied within the horizon, with when they happened
   * @param closed whether the account is closed
   * @return the ledger
   * @throws IllegalArgumentException naming the first inconsistency found, or the argument that is
   *     or holds null
   */
  public static Ledger restore(MemberId member, Instant asOf, List<Lot> lots,
      List<Posting> postings, Map<UnitId, Long> deficits, List<OpenReversal> openReversals,
      Map<ActivityId, Instant> recentActivities, boolean closed) {
    checkArgument(member != null, "member id must not be null");
    checkArgument(asOf != null, "ledger of %s: as-of instant must not be null", member);
    checkNoNulls(member, "lots", lots);
    checkNoNulls(member, "postings", postings);
    checkNoNulls(member, "open reversals", openReversals);
    checkNoNulls(member, "deficits", deficits);
    checkNoNulls(member, "recent activities", recentActivities);
    Ledger ledger = new Ledger(member, asOf, ImmutableList.copyOf(lots),
        ImmutableList.copyOf(postings), ImmutableMap.copyOf(deficits),
        ImmutableList.copyOf(openReversals), ImmutableMap.copyOf(recentActivities), closed);
    ledger.verify();
    return ledger;
  }

  private static void checkNoNulls(MemberId member, String name, List<?> list) {
    checkArgument(list != null, "ledger of %s: %s must not be null", member, name);
    for (int i = 0; i < list.size(); i++) {
      checkArgument(list.get(i) != null, "ledger of %s: %s[%s] is null", member, name, i);
    }
  }

  private static void checkNoNulls(MemberId member, String name, Map<?, ?> map) {
    checkArgument(map != null, "ledger of %s: %s must not be null", member, name);
    for (Map.Entry<?, ?> e : map.entrySet()) {
      checkArgument(e.getKey() != null, "ledger of %s: %s hold a null key", member, name);
      checkArgument(e.getValue() != null, "ledger of %s: %s of %s is null", member, name,
          e.getKey());
    }
  }

  private void verify() {
    Map<LotId, Lot> byId = new HashMap<>();
    Map<UnitId, Long> earned = new HashMap<>();
    for (int i = 0; i < lots.size(); i++) {
      Lot lot = lots.get(i);
      checkArgument(byId.put(lot.id(), lot) == null, "ledger of %s: lots[%s] id %s is a duplicate",
          member, i, lot.id());
      checkArgument(!lot.earnedAt().isAfter(asOf),
          "ledger of %s: lot %s is earned at %s, after the ledger's as-of instant %s", member,
          lot.id(), lot.earnedAt(), asOf);
      checkArgument(lot.isVested() == !lot.vestsAt().isAfter(asOf),
          "ledger of %s: lot %s is %s but vests at %s and the ledger is as of %s", member,
          lot.id(), lot.isVested() ? "vested" : "not vested", lot.vestsAt(), asOf);
      lot.expiresAt().ifPresent(expiresAt -> {
        checkArgument(!expiresAt.isBefore(lot.earnedAt()),
            "ledger of %s: lot %s expires at %s, before it was earned at %s", member, lot.id(),
            expiresAt, lot.earnedAt());
        checkArgument(lot.remaining() == 0 || expiresAt.isAfter(asOf),
            "ledger of %s: lot %s holds %s points but expired at %s, by the ledger's as-of "
                + "instant %s", member, lot.id(), lot.remaining(), expiresAt, asOf);
      });
      long before = earned.getOrDefault(lot.unit(), 0L);
      checkArgument(lot.amount() <= MAX_POINTS - before,
          "ledger of %s: the lots of %s earn more than the ceiling of %s points (lot %s brings "
              + "%s more to %s)", member, lot.unit(), MAX_POINTS, lot.id(), lot.amount(), before);
      earned.put(lot.unit(), before + lot.amount());
    }
    Map<UnitId, long[]> memberBalances = new HashMap<>();
    for (int i = 0; i < postings.size(); i++) {
      Posting p = postings.get(i);
      checkArgument(p.sequence() == i + 1, "ledger of %s: postings[%s] has sequence %s, expected %s",
          member, i, p.sequence(), i + 1);
      checkArgument(!p.at().isAfter(asOf),
          "ledger of %s: posting #%s is at %s, after the ledger's as-of instant %s", member,
          p.sequence(), p.at(), asOf);
      checkOwnAccount(p, p.from());
      checkOwnAccount(p, p.to());
      p.lot().ifPresent(lot -> checkKnownLot(byId, lot, p.unit(), "posting #" + p.sequence()));
      Optional<PartnerId> funder = p.lot().map(byId::get).map(Lot::fundedBy)
          .filter(a -> a.type() == AccountType.PARTNER).map(a -> PartnerId.of(a.owner()));
      checkArgument(funder.equals(p.funder()),
          "ledger of %s: posting #%s names funder %s, but its lot is funded by %s", member,
          p.sequence(), p.funder().map(PartnerId::value).orElse("the operator"),
          funder.map(PartnerId::value).orElse("the operator"));
      p.reversalOf().ifPresent(
          lot -> checkKnownLot(byId, lot, p.unit(), "posting #" + p.sequence() + " reversal of"));
      long[] balances = memberBalances.computeIfAbsent(p.unit(), u -> new long[2]);
      try {
        balances[0] = Math.addExact(balances[0], p.effectOn(Account.memberAvailable(member)));
        balances[1] = Math.addExact(balances[1], p.effectOn(Account.memberPending(member)));
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "ledger of %s: the member's balance of %s overflows at posting #%s", member, p.unit(),
            p.sequence()), e);
      }
    }
    deficits.forEach((unit, d) -> checkArgument(d > 0 && d <= MAX_POINTS,
        "ledger of %s: deficit of %s must be between 1 and %s, was %s", member, unit, MAX_POINTS,
        d));
    recentActivities.forEach((activity, at) -> checkArgument(!at.isAfter(asOf),
        "ledger of %s: recent activity %s happened at %s, after the ledger's as-of instant %s",
        member, activity, at, asOf));
    verifyOpenReversals(byId);
    Set<UnitId> units = new HashSet<>(deficits.keySet());
    lots.forEach(l -> units.add(l.unit()));
    postings.forEach(p -> units.add(p.unit()));
    for (UnitId unit : units) {
      long[] balances = memberBalances.getOrDefault(unit, new long[2]);
      checkArgument(balances[0] == available(unit),
          "ledger of %s: available %s from postings is %s but lots and deficit give %s", member,
          unit, balances[0], available(unit));
      checkArgument(balances[1] == pending(unit),
          "ledger of %s: pending %s from postings is %s but lots give %s", member, unit,
          balances[1], pending(unit));
    }
  }

  private void checkOwnAccount(Posting p, Account account) {
    checkArgument(!account.isMember() || account.owner().equals(member.value()),
        "ledger of %s: posting #%s touches another member's account %s", member, p.sequence(),
        account);
  }

  private void checkKnownLot(Map<LotId, Lot> byId, LotId id, UnitId unit, String where) {
    Lot lot = byId.get(id);
    checkArgument(lot != null, "ledger of %s: %s names unknown lot %s", member, where, id);
    checkArgument(lot.unit().equals(unit), "ledger of %s: %s names lot %s of %s, not %s", member,
        where, id, lot.unit(), unit);
  }

  private void verifyOpenReversals(Map<LotId, Lot> byId) {
    Map<LotId, Long> writtenOff = new HashMap<>();
    Map<LotId, Long> taken = new HashMap<>();
    long after = 0;
    for (int i = 0; i < openReversals.size(); i++) {
      OpenReversal open = openReversals.get(i);
      String where = "open reversals[" + i + "]";
      checkKnownLot(byId, open.lot(), open.unit(), where);
      checkArgument(open.after() >= after && open.after() <= postings.size(),
          "ledger of %s: %s is after posting #%s, expected between #%s and #%s", member, where,
          open.after(), after, postings.size());
      after = open.after();
      writtenOff.merge(open.lot(), open.writtenOff(), Long::sum);
      open.takenFromLots().forEach((lot, points) -> {
        checkKnownLot(byId, lot, open.unit(), where + " taken from");
        taken.merge(lot, points, Long::sum);
      });
    }
    for (Lot lot : lots) {
      long open = writtenOff.getOrDefault(lot.id(), 0L);
      checkArgument(lot.writtenOff() == open,
          "ledger of %s: lot %s has %s points written off but its open reversals %s", member,
          lot.id(), lot.writtenOff(), open);
      long lent = taken.getOrDefault(lot.id(), 0L);
      checkArgument(lent <= lot.consumed(),
          "ledger of %s: open reversals took %s points from lot %s, which consumed only %s",
          member, lent, lot.id(), lot.consumed());
    }
  }

  /** Returns the member whose ledger this is. */
  public MemberId member() {
    return member;
  }

  /** Returns the instant the ledger is as of: the latest instant it was advanced or applied at. */
  public Instant asOf() {
    return asOf;
  }

  /** Returns every lot ever earned, in the order earned. */
  public List<Lot> lots() {
    return lots;
  }

  /**
   * Returns the lot with the given id, if the ledger holds it.
   *
   * @throws IllegalArgumentException if the id is null
   */
  public Optional<Lot> lot(LotId id) {
    checkArgument(id != null, "lot id must not be null");
    return lots.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /** Returns every posting, in sequence order: the member's full history. */
  public List<Posting> postings() {
    return postings;
  }

  /**
   * Returns the postings caused by the given activity, in sequence order.
   *
   * @throws IllegalArgumentException if the activity id is null
   */
  public List<Posting> postingsFor(ActivityId activity) {
    checkArgument(activity != null, "activity id must not be null");
    return postings.stream().filter(p -> p.activity().filter(activity::equals).isPresent())
        .collect(ImmutableList.toImmutableList());
  }

  /** Returns the points by which each unit's available balance is negative, where it is. */
  public Map<UnitId, Long> deficits() {
    return deficits;
  }

  /**
   * Returns the reversals the member's balance could not fully cover and that points given back
   * may still settle, oldest first; see {@link OpenReversal}.
   */
  public List<OpenReversal> openReversals() {
    return openReversals;
  }

  /** Returns the ids of the activities applied within the horizon, with when each happened. */
  public Map<ActivityId, Instant> recentActivities() {
    return recentActivities;
  }

  /**
   * Returns true if the activity was already applied (within the horizon).
   *
   * @throws IllegalArgumentException if the activity id is null
   */
  public boolean hasApplied(ActivityId activity) {
    checkArgument(activity != null, "activity id must not be null");
    return recentActivities.containsKey(activity);
  }

  /** Returns true once the account was closed; a closed ledger accepts no more activities. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Returns the member's spendable balance of a unit: the remainder of vested lots, less any
   * negative balance. Negative only where the unit's shortfall policy allows it.
   *
   * @throws IllegalArgumentException if the unit is null
   */
  public long available(UnitId unit) {
    checkArgument(unit != null, "unit must not be null");
    long sum = 0;
    for (Lot lot : lots) {
      if (lot.isVested() && lot.unit().equals(unit)) {
        sum += lot.remaining();
      }
    }
    return sum - deficits.getOrDefault(unit, 0L);
  }

  /**
   * Returns the member's pending balance of a unit: points earned but not yet vested.
   *
   * @throws IllegalArgumentException if the unit is null
   */
  public long pending(UnitId unit) {
    checkArgument(unit != null, "unit must not be null");
    long sum = 0;
    for (Lot lot : lots) {
      if (!lot.isVested() && lot.unit().equals(unit)) {
        sum += lot.remaining();
      }
    }
    return sum;
  }

  /**
   * Returns the balance of one account in one unit, from the postings: credits less debits.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public long balance(Account account, UnitId unit) {
    checkArgument(account != null, "account must not be null");
    checkArgument(unit != null, "unit must not be null");
    long sum = 0;
    for (Posting p : postings) {
      if (p.unit().equals(unit)) {
        sum += p.effectOn(account);
      }
    }
    return sum;
  }

  /**
   * Returns the balance of every account the postings touch in one unit, sorted by account.
   *
   * @throws IllegalArgumentException if the unit is null
   */
  public Map<Account, Long> balances(UnitId unit) {
    checkArgument(unit != null, "unit must not be null");
    Map<Account, Long> result = new TreeMap<>();
    for (Posting p : postings) {
      if (p.unit().equals(unit)) {
        result.merge(p.from(), -p.amount(), Long::sum);
        result.merge(p.to(), p.amount(), Long::sum);
      }
    }
    return ImmutableMap.copyOf(result);
  }

  /**
   * Moves the ledger forward to {@code to}: vests lots whose pending window has passed and
   * expires lots whose expiry has passed, in time order, each posting stamped with the instant
   * its event happened. Advancing to t1 and then to t2 gives the same ledger as advancing to t2.
   *
   * @param to the instant to advance to; not before {@link #asOf()}
   * @param policy the program's ledger policy
   * @return the advanced ledger and the postings added
   * @throws InstantBeforeStateException if {@code to} is before {@link #asOf()}
   * @throws IllegalArgumentException if an argument is null
   */
  public LedgerResult advance(Instant to, LedgerPolicy policy) {
    checkArgument(to != null, "instant must not be null");
    checkArgument(policy != null, "ledger policy must not be null");
    if (to.isBefore(asOf)) {
      throw new InstantBeforeStateException(asOf, to);
    }
    if (!somethingDue(to, policy)) {
      // Nothing vests, expires or leaves the horizon: only the instant moves, and every part of
      // the ledger is shared with this one.
      Ledger moved = to.equals(asOf) ? this : new Ledger(member, to, lots, postings, deficits,
          openReversals, recentActivities, closed);
      return new LedgerResult(moved, List.of(), List.of(), false);
    }
    Workspace work = new Workspace(this, policy);
    work.advanceTo(to);
    return new LedgerResult(work.toLedger(), work.added, List.of(), false);
  }

  /**
   * Whether advancing to {@code to} vests or expires a lot or drops a remembered activity past
   * the horizon: what {@code Workspace.advanceTo} would change besides the instant.
   */
  private boolean somethingDue(Instant to, LedgerPolicy policy) {
    for (Lot lot : lots) {
      if (lot.dueBy(to)) {
        return true;
      }
    }
    return Workspace.forgetsAny(recentActivities, to.minus(policy.activityHorizon()));
  }

  /**
   * Starts applying an activity. The ledger is first advanced to {@code now}; the returned
   * transaction then collects the activity's earnings, spendings and reversals, and
   * {@link LedgerTransaction#commit()} returns the new ledger. If the activity was already
   * applied the transaction is a {@linkplain LedgerTransaction#isReplay() replay} and accepts no
   * operations.
   *
   * @param policy the program's ledger policy
   * @param activity the activity's id
   * @param occurredAt when the activity happened; within the horizon and not after {@code now}
   * @param now the instant the activity is applied at; not before {@link #asOf()}
   * @return the transaction
   * @throws InstantBeforeStateException if {@code now} is before {@link #asOf()}
   * @throws ActivityAfterInstantException if the activity happened after {@code now}
   * @throws ActivityOutsideHorizonException if it happened before {@code now} less the horizon
   * @throws AccountClosedException if the account is closed
   * @throws IllegalArgumentException if an argument is null
   */
  public LedgerTransaction begin(LedgerPolicy policy, ActivityId activity, Instant occurredAt,
      Instant now) {
    checkArgument(policy != null, "ledger policy must not be null");
    checkArgument(activity != null, "activity id must not be null");
    checkArgument(occurredAt != null, "activity %s: occurred-at must not be null", activity);
    checkArgument(now != null, "activity %s: instant must not be null", activity);
    if (now.isBefore(asOf)) {
      throw new InstantBeforeStateException(asOf, now);
    }
    if (occurredAt.isAfter(now)) {
      throw new ActivityAfterInstantException(activity, occurredAt, now);
    }
    Instant horizonStart = now.minus(policy.activityHorizon());
    if (occurredAt.isBefore(horizonStart)) {
      throw new ActivityOutsideHorizonException(activity, occurredAt, horizonStart);
    }
    // Whether the activity is a replay is decided as of now: an id whose activity happened
    // before the horizon is forgotten by advancing to now, exactly as Ledger#advance would.
    Workspace work = new Workspace(this, policy);
    work.advanceTo(now);
    boolean replay = work.remembers(activity);
    if (closed && !replay) {
      throw new AccountClosedException(member, activity);
    }
    return new LedgerTransaction(work, activity, occurredAt, now, replay);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ledger l && closed == l.closed && member.equals(l.member)
        && asOf.equals(l.asOf) && lots.equals(l.lots) && postings.equals(l.postings)
        && deficits.equals(l.deficits) && openReversals.equals(l.openReversals)
        && recentActivities.equals(l.recentActivities);
  }

  @Override
  public int hashCode() {
    return Objects.hash(member, asOf, lots, postings, deficits, openReversals, recentActivities,
        closed);
  }

  @Override
  public String toString() {
    Map<UnitId, Long> available = new HashMap<>();
    lots.forEach(l -> available.put(l.unit(), available(l.unit())));
    return "Ledger[" + member + " as of " + asOf + ", available " + new TreeMap<>(available) + ", "
        + lots.size() + " lots, " + postings.size() + " postings" + (closed ? ", closed" : "") + "]";
  }
}
