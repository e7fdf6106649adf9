package org.loyaltyrules.rules.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.member.Member;

/**
 * One simulated customer: the figures drawn for them once, their own random streams, their
 * member state once enrolled, and what they did. Mutable; owned by one {@link Engine}.
 */
final class Customer {
  static final int NEVER = Integer.MAX_VALUE;

  final int index;
  final MemberId id;
  /**
   * The customer's life, the same whatever the program: their visit rate, enrolment, churn,
   * birthday, the days they visit, and their survey answers' draws.
   */
  final SplittableRandom random;
  /** The random source handed to the customer's decisions, as a host would per member. */
  final SplittableRandom decisions;
  /** The chance of a visit on any one day, in millionths. */
  int visitMillionths;
  boolean willEnrol;
  int enrolDay;
  /** The first day the customer no longer comes; {@link #NEVER} if they keep coming. */
  int churnDay = NEVER;
  Optional<LocalDate> birthday = Optional.empty();

  Member member;
  /** What the stored member holds of each redeemable unit, available and pending. */
  long[] held = new long[0];
  Instant enrolledAt;
  Instant firstVisit;
  Instant lastVisit;
  int visits;
  int memberVisits;
  Money spend;
  Money memberSpend;
  boolean spentPoints;
  private int sequence;

  Customer(int index, MemberId id, SplittableRandom random, Money zero) {
    this.index = index;
    this.id = id;
    this.random = random;
    this.decisions = random.split();
    this.visitSeed = random.nextLong();
    this.spend = zero;
    this.memberSpend = zero;
  }

  /** The seed each visit's own streams derive from. */
  private final long visitSeed;
  /**
   * The current visit's basket draws: a stream of its own per visit, so the same customer buys
   * the same basket on the same day whatever program they buy under.
   */
  SplittableRandom basket;
  /**
   * The current visit's choices that depend on the program (whether to spend points and on
   * what, returns, engagement, referral, renewal): a stream of its own per visit, so what one
   * program leads a customer to do never changes their later visits or baskets.
   */
  SplittableRandom behaviour;

  /** Starts a visit: derives its basket and behaviour streams from the visit's number. */
  void startVisit() {
    basket = stream(2L * visits);
    behaviour = stream(2L * visits + 1);
  }

  private SplittableRandom stream(long k) {
    long z = visitSeed + k * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }

  /** Returns true with the chance given in basis points, drawn from this visit's choices. */
  boolean behaves(int basisPoints) {
    return basisPoints >= Population.CERTAIN
        || basisPoints > 0 && behaviour.nextInt(Population.CERTAIN) < basisPoints;
  }

  /** Returns true with the chance given in basis points, drawn from this visit's basket. */
  boolean basketChance(int basisPoints) {
    return basisPoints >= Population.CERTAIN
        || basisPoints > 0 && basket.nextInt(Population.CERTAIN) < basisPoints;
  }

  /** Returns a fresh activity id of this customer's, {@code <member>.<kind><n>}. */
  ActivityId nextActivity(String kind) {
    sequence++;
    return ActivityId.of(id.value() + "." + kind + sequence);
  }

  /** Returns the next sequence number, to order this customer's events. */
  int nextSequence() {
    return ++sequence;
  }

  /** Returns true with the chance given in basis points. */
  boolean chance(int basisPoints) {
    return basisPoints >= Population.CERTAIN
        || basisPoints > 0 && random.nextInt(Population.CERTAIN) < basisPoints;
  }

  boolean isMember() {
    return member != null;
  }

  /** Returns true if the customer still comes on {@code day}. */
  boolean activeOn(int day) {
    return churnDay > day;
  }
}
