package org.loyaltyrules.core.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.MemberId;
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
 * taken back from their lot, and spent points are given back to the lots they came from. An
 * activity id is applied at most once within the program's activity horizon; a repeat is
 * reported as a replay, and an activity older than the horizon is refused with
 * {@link ActivityOutsideHorizonException}.
 *
 * <p>The ledger is a value: every operation returns a new ledger in a {@link LedgerResult} and
 * leaves this one unchanged, also when it throws. The full history ({@link #postings()} and
 * {@link #lots()}) is kept, so a member can consult every movement of their points.
 *
 * <p>Immutable and thread-safe.
 */
public final class Ledger {
  private final MemberId member;
  private final Instant asOf;
  private final ImmutableList<Lot> lots;
  private final ImmutableList<Posting> postings;
  private final ImmutableMap<UnitId, Long> deficits;
  private final ImmutableMap<ActivityId, Instant> recentActivities;
  private final boolean closed;

  Ledger(MemberId member, Instant asOf, ImmutableList<Lot> lots, ImmutableList<Posting> postings,
      ImmutableMap<UnitId, Long> deficits, ImmutableMap<ActivityId, Instant> recentActivities,
      boolean closed) {
    this.member = member;
    this.asOf = asOf;
    this.lots = lots;
    this.postings = postings;
    this.deficits = deficits;
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
        ImmutableMap.of(), false);
  }

  /**
   * Rebuilds a stored ledger from its parts and checks that they agree with each other: postings
   * numbered 1 to n, lot ids unique, every posting's lot known, member accounts in balance with
   * the lots, and no deficit that is not negative balance.
   *
   * @param member the member
   * @param asOf the ledger's as-of instant
   * @param lots every lot, in the order earned
   * @param postings every posting, in sequence order
   * @param deficits the negative available balance per unit, where there is one
   * @param recentActivities the activity ids applied within the horizon, with when they happened
   * @param closed whether the account is closed
   * @return the ledger
   * @throws IllegalArgumentException naming the first inconsistency found
   */
  public static Ledger restore(MemberId member, Instant asOf, List<Lot> lots,
      List<Posting> postings, Map<UnitId, Long> deficits, Map<ActivityId, Instant> recentActivities,
      boolean closed) {
    checkArgument(member != null && asOf != null && lots != null && postings != null
        && deficits != null && recentActivities != null, "ledger parts must not be null");
    Ledger ledger = new Ledger(member, asOf, ImmutableList.copyOf(lots),
        ImmutableList.copyOf(postings), ImmutableMap.copyOf(deficits),
        ImmutableMap.copyOf(recentActivities), closed);
    ledger.verify();
    return ledger;
  }

  private void verify() {
    Set<LotId> ids = new HashSet<>();
    for (int i = 0; i < lots.size(); i++) {
      checkArgument(ids.add(lots.get(i).id()), "ledger of %s: lots[%s] id %s is a duplicate",
          member, i, lots.get(i).id());
    }
    for (int i = 0; i < postings.size(); i++) {
      Posting p = postings.get(i);
      checkArgument(p.sequence() == i + 1, "ledger of %s: postings[%s] has sequence %s, expected %s",
          member, i, p.sequence(), i + 1);
      p.lot().ifPresent(lot -> checkArgument(ids.contains(lot),
          "ledger of %s: postings[%s] names unknown lot %s", member, p.sequence() - 1, lot));
    }
    deficits.forEach((unit, d) -> checkArgument(d > 0,
        "ledger of %s: deficit of %s must be positive, was %s", member, unit, d));
    Set<UnitId> units = new HashSet<>(deficits.keySet());
    lots.forEach(l -> units.add(l.unit()));
    postings.forEach(p -> units.add(p.unit()));
    for (UnitId unit : units) {
      long fromPostings = balance(Account.memberAvailable(member), unit);
      checkArgument(fromPostings == available(unit),
          "ledger of %s: available %s from postings is %s but lots and deficit give %s", member,
          unit, fromPostings, available(unit));
      long pendingFromPostings = balance(Account.memberPending(member), unit);
      checkArgument(pendingFromPostings == pending(unit),
          "ledger of %s: pending %s from postings is %s but lots give %s", member, unit,
          pendingFromPostings, pending(unit));
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

  /** Returns the lot with the given id, if the ledger holds it. */
  public Optional<Lot> lot(LotId id) {
    return lots.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /** Returns every posting, in sequence order: the member's full history. */
  public List<Posting> postings() {
    return postings;
  }

  /** Returns the postings caused by the given activity, in sequence order. */
  public List<Posting> postingsFor(ActivityId activity) {
    return postings.stream().filter(p -> p.activity().filter(activity::equals).isPresent())
        .collect(ImmutableList.toImmutableList());
  }

  /** Returns the points by which each unit's available balance is negative, where it is. */
  public Map<UnitId, Long> deficits() {
    return deficits;
  }

  /** Returns the ids of the activities applied within the horizon, with when each happened. */
  public Map<ActivityId, Instant> recentActivities() {
    return recentActivities;
  }

  /** Returns true if the activity was already applied (within the horizon). */
  public boolean hasApplied(ActivityId activity) {
    return recentActivities.containsKey(activity);
  }

  /** Returns true once the account was closed; a closed ledger accepts no more activities. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Returns the member's spendable balance of a unit: the remainder of vested lots, less any
   * negative balance. Negative only where the unit's shortfall policy allows it.
   */
  public long available(UnitId unit) {
    long sum = 0;
    for (Lot lot : lots) {
      if (lot.isVested() && lot.unit().equals(unit)) {
        sum += lot.remaining();
      }
    }
    return sum - deficits.getOrDefault(unit, 0L);
  }

  /** Returns the member's pending balance of a unit: points earned but not yet vested. */
  public long pending(UnitId unit) {
    long sum = 0;
    for (Lot lot : lots) {
      if (!lot.isVested() && lot.unit().equals(unit)) {
        sum += lot.remaining();
      }
    }
    return sum;
  }

  /** Returns the balance of one account in one unit, from the postings: credits less debits. */
  public long balance(Account account, UnitId unit) {
    long sum = 0;
    for (Posting p : postings) {
      if (p.unit().equals(unit)) {
        sum += p.effectOn(account);
      }
    }
    return sum;
  }

  /** Returns the balance of every account the postings touch in one unit, sorted by account. */
  public Map<Account, Long> balances(UnitId unit) {
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
    Workspace work = new Workspace(this, policy);
    work.advanceTo(to);
    return new LedgerResult(work.toLedger(), work.added, List.of(), false);
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
    boolean replay = work.recent.containsKey(activity);
    if (closed && !replay) {
      throw new AccountClosedException(member, activity);
    }
    return new LedgerTransaction(work, activity, occurredAt, now, replay);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ledger l && closed == l.closed && member.equals(l.member)
        && asOf.equals(l.asOf) && lots.equals(l.lots) && postings.equals(l.postings)
        && deficits.equals(l.deficits) && recentActivities.equals(l.recentActivities);
  }

  @Override
  public int hashCode() {
    return Objects.hash(member, asOf, lots, postings, deficits, recentActivities, closed);
  }

  @Override
  public String toString() {
    Map<UnitId, Long> available = new HashMap<>();
    lots.forEach(l -> available.put(l.unit(), available(l.unit())));
    return "Ledger[" + member + " as of " + asOf + ", available " + new TreeMap<>(available) + ", "
        + lots.size() + " lots, " + postings.size() + " postings" + (closed ? ", closed" : "") + "]";
  }
}
