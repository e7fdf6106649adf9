package org.loyaltyrules.core.analytics;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CurrencyMismatchException;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.ledger.AccountType;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;

/**
 * The program's key measures, as pure functions of data the host supplies: members' states
 * (their ledgers' postings), money figures, survey answers and per-customer activity. Nothing is
 * collected, stored or read from a clock; the same inputs always give the same figures.
 *
 * <p>Rates are returned as exact {@link Ratio}s, divided only when the caller asks for a value
 * or percentage at a scale of its choosing; a rate whose denominator is zero is undefined, never
 * a made-up zero. Periods are half-open, {@code [from, until)}: a posting at {@code from} counts,
 * one at {@code until} does not.
 *
 * <p>A collection of members must not name a member twice (each would be counted twice).
 * Postings are counted as {@code long}s with exact arithmetic: a total beyond
 * {@link Long#MAX_VALUE} throws {@link ArithmeticException} rather than wrapping.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProgramMetrics {
  /**
   * The postings that show a member taking part: earning points, or spending them on a reward,
   * a donation or a transfer.
   */
  private static final Set<PostingType> PARTICIPATION = EnumSet.of(PostingType.EARN,
      PostingType.REDEEM, PostingType.DONATE, PostingType.TRANSFER);

  /** The spendings that count as redemptions. */
  private static final Set<PostingType> REDEMPTION = EnumSet.of(PostingType.REDEEM,
      PostingType.DONATE, PostingType.TRANSFER);

  private ProgramMetrics() {}

  /**
   * Returns the ids of the members who took part in the program in {@code [from, until)}: whose
   * ledger has at least one posting in the period, of any unit, that earned points
   * ({@code EARN}) or spent them by choice ({@code REDEEM}, {@code DONATE}, {@code TRANSFER}).
   * Vesting, expiry, adjustments, reversals and restorations are things that happen to a member,
   * not things a member does, and do not count. The set is sorted by id.
   *
   * @param members the members; none named twice
   * @param from the period's start, inclusive
   * @param until the period's end, exclusive; after {@code from}
   * @throws IllegalArgumentException naming the bad value if an argument or member is null, a
   *     member is named twice, or the period does not end after it starts
   */
  public static Set<MemberId> activeMembers(Collection<Member> members, Instant from,
      Instant until) {
    checkMembers(members);
    checkPeriod(from, until);
    Set<MemberId> active = new TreeSet<>();
    for (Member member : members) {
      if (tookPart(member, from, until)) {
        active.add(member.id());
      }
    }
    return ImmutableSet.copyOf(active);
  }

  /**
   * Returns the participation rate over {@code [from, until)}: of the members enrolled before
   * {@code until}, the share who {@linkplain #activeMembers took part} in the period.
   *
   * <pre>participation = |enrolled before until and took part| / |enrolled before until|</pre>
   *
   * <p>For example 10 members enrolled, of whom 4 earned or redeemed points in the period:
   * {@code 4/10}, 40 %. Members enrolled at or after {@code until} count in neither term. Closed
   * accounts count as enrolled: leave them out of {@code members} if they should not. Undefined
   * when no member was enrolled before {@code until}.
   *
   * @param members the members; none named twice
   * @param from the period's start, inclusive
   * @param until the period's end, exclusive; after {@code from}
   * @throws IllegalArgumentException naming the bad value if an argument or member is null, a
   *     member is named twice, or the period does not end after it starts
   */
  public static Ratio participationRate(Collection<Member> members, Instant from, Instant until) {
    checkMembers(members);
    checkPeriod(from, until);
    long enrolled = 0;
    long active = 0;
    for (Member member : members) {
      if (member.enrolledAt().isBefore(until)) {
        enrolled++;
        if (tookPart(member, from, until)) {
          active++;
        }
      }
    }
    return Ratio.of(active, enrolled);
  }

  /**
   * Returns the points of {@code unit} issued, redeemed, reversed, expired and forfeited in
   * {@code [from, until)}, read from the members' ledgers; see {@link PointTotals} for how each
   * posting type counts. A restoration counts against the kind of spending it gave back, looked
   * up in the same ledger, so pass whole ledgers: a member state whose history is complete.
   *
   * @param members the members; none named twice
   * @param unit the unit counted
   * @param from the period's start, inclusive
   * @param until the period's end, exclusive; after {@code from}
   * @throws IllegalArgumentException naming the bad value if an argument or member is null, a
   *     member is named twice, or the period does not end after it starts
   * @throws ArithmeticException if a total exceeds {@link Long#MAX_VALUE}
   */
  public static PointTotals pointTotals(Collection<Member> members, UnitId unit, Instant from,
      Instant until) {
    checkMembers(members);
    Checks.present(unit, "unit");
    checkPeriod(from, until);
    long issued = 0;
    long redeemed = 0;
    long reversed = 0;
    long expired = 0;
    long forfeited = 0;
    for (Member member : members) {
      Map<ActivityId, PostingType> spendings = null;
      for (Posting p : member.ledger().postings()) {
        if (!p.unit().equals(unit) || p.at().isBefore(from) || !p.at().isBefore(until)) {
          continue;
        }
        long a = p.amount();
        switch (p.type()) {
          case EARN -> issued = Math.addExact(issued, a);
          case ADJUST -> {
            if (p.to().isMember()) {
              issued = Math.addExact(issued, a);
            }
          }
          case REDEEM, DONATE, TRANSFER -> redeemed = Math.addExact(redeemed, a);
          case RESTORE -> {
            if (spendings == null) {
              spendings = spendings(member, unit);
            }
            PostingType undone = p.undoes().map(spendings::get).orElse(null);
            if (undone != null && REDEMPTION.contains(undone)) {
              redeemed = Math.subtractExact(redeemed, a);
            }
          }
          case REVERSE -> {
            reversed = Math.addExact(reversed, a);
            if (p.from().type() == AccountType.BREAKAGE) {
              expired = Math.subtractExact(expired, a);
            }
          }
          case REPAY -> reversed = Math.subtractExact(reversed, a);
          case EXPIRE -> expired = Math.addExact(expired, a);
          case FORFEIT -> forfeited = Math.addExact(forfeited, a);
          case VEST, WRITE_OFF -> { }
        }
      }
    }
    return new PointTotals(unit, from, until, issued, redeemed, reversed, expired, forfeited);
  }

  /**
   * Returns the redemption rate of {@code unit} over {@code [from, until)}: points redeemed
   * (spent on rewards and orders, donated or transferred, less what was given back) over points
   * issued (earned or credited into lots, counted once however they vest). The same as
   * {@code pointTotals(members, unit, from, until).redemptionRate()}; see
   * {@link PointTotals#redemptionRate()}.
   *
   * <pre>redemption rate = redeemed / issued</pre>
   *
   * <p>For example 1,000 points issued and 600 redeemed: {@code 600/1000}, 60 %. Over a whole
   * history the rate is between 0 and 1; over a later period it can exceed 1, when members
   * redeem points issued before the period.
   *
   * @throws IllegalArgumentException as {@link #pointTotals} does
   * @throws ArithmeticException if a total exceeds {@link Long#MAX_VALUE}
   */
  public static Ratio redemptionRate(Collection<Member> members, UnitId unit, Instant from,
      Instant until) {
    return pointTotals(members, unit, from, until).redemptionRate();
  }

  /**
   * Returns the breakage rate of {@code unit} over {@code [from, until)}: points lost to breakage
   * (expired, less what reversals took back from breakage, plus forfeited at account closure)
   * over points issued. The same as {@code pointTotals(members, unit, from, until)
   * .breakageRate()}; see {@link PointTotals#breakageRate()}.
   *
   * <pre>breakage rate = (expired + forfeited) / issued</pre>
   *
   * <p>For example 1,000 points issued, 150 expired and 50 forfeited: {@code 200/1000}, 20 %.
   *
   * @throws IllegalArgumentException as {@link #pointTotals} does
   * @throws ArithmeticException if a total exceeds {@link Long#MAX_VALUE}
   */
  public static Ratio breakageRate(Collection<Member> members, UnitId unit, Instant from,
      Instant until) {
    return pointTotals(members, unit, from, until).breakageRate();
  }

  /**
   * Returns the points of {@code unit} the program still owes one member as of the member's
   * state: its available plus its pending points, since pending points become spendable unless
   * a return takes them back. A negative available balance (points a reversal took beyond what
   * the member held) is netted against the member's own pending points, never below zero: a
   * member who owes points owes the program nothing in points.
   *
   * <pre>outstanding = max(0, available + pending)</pre>
   *
   * <p>The figure is as of the member's {@link Member#asOf()}: points due to expire after it
   * still count. Advance members to the same instant first to read them at one date.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public static long outstandingPoints(Member member, UnitId unit) {
    Checks.present(member, "member");
    Checks.present(unit, "unit");
    return Math.max(0, Math.addExact(member.available(unit), member.pending(unit)));
  }

  /**
   * Returns the points of {@code unit} the program owes all the members: the sum of each one's
   * {@linkplain #outstandingPoints(Member, UnitId) outstanding points}.
   *
   * @throws IllegalArgumentException naming the bad value if an argument or member is null or a
   *     member is named twice
   * @throws ArithmeticException if the total exceeds {@link Long#MAX_VALUE}
   */
  public static long outstandingPoints(Collection<Member> members, UnitId unit) {
    checkMembers(members);
    Checks.present(unit, "unit");
    long total = 0;
    for (Member member : members) {
      total = Math.addExact(total, outstandingPoints(member, unit));
    }
    return total;
  }

  /**
   * Returns the outstanding points liability in money: the points of {@code unit} the program
   * owes the members ({@linkplain #outstandingPoints(Collection, UnitId) available and pending})
   * priced at {@code valuePerPoint}, exactly and unrounded.
   *
   * <pre>liability = outstanding points * value per point</pre>
   *
   * <p>For example members holding 1,200 and 300 points of a unit worth $0.01 each:
   * {@code 1,500 * 0.01 = USD 15.00}.
   *
   * @param members the members; none named twice
   * @param unit the unit
   * @param valuePerPoint what one point costs the program to honour; zero or more
   * @throws IllegalArgumentException naming the bad value if an argument or member is null, a
   *     member is named twice, the value per point is negative, or the liability has more digits
   *     than {@link Money} holds
   * @throws ArithmeticException if the points exceed {@link Long#MAX_VALUE}
   */
  public static Money outstandingLiability(Collection<Member> members, UnitId unit,
      Money valuePerPoint) {
    Checks.present(valuePerPoint, "value per point");
    checkArgument(!valuePerPoint.isNegative(), "value per point must not be negative, was %s",
        valuePerPoint);
    return valuePerPoint.times(outstandingPoints(members, unit));
  }

  /**
   * Returns the cost of the rewards as a share of revenue over the same period:
   *
   * <pre>reward cost share = reward cost / revenue</pre>
   *
   * <p>For example $1,250 of rewards against $50,000 of revenue: {@code 1250/50000}, 2.5 %.
   * Undefined when the revenue is zero.
   *
   * @param rewardCost what the rewards honoured in the period cost; zero or more
   * @param revenue the revenue of the period, in the same currency; zero or more
   * @throws CurrencyMismatchException if the currencies differ
   * @throws IllegalArgumentException naming the bad value if either is null or negative
   */
  public static Ratio rewardCostShare(Money rewardCost, Money revenue) {
    Checks.present(rewardCost, "reward cost");
    Checks.present(revenue, "revenue");
    if (!rewardCost.currency().equals(revenue.currency())) {
      throw new CurrencyMismatchException(revenue.currency(), rewardCost.currency(),
          "reward cost");
    }
    checkArgument(!rewardCost.isNegative(), "reward cost must not be negative, was %s",
        rewardCost);
    checkArgument(!revenue.isNegative(), "revenue must not be negative, was %s", revenue);
    return Ratio.of(rewardCost.amount(), revenue.amount());
  }

  /**
   * Returns the retention rate from one period to the next: of the customers active in the
   * earlier period, the share also active in the later one. Customers active only in the later
   * period (new ones) count in neither term.
   *
   * <pre>retention = |active before and after| / |active before|</pre>
   *
   * <p>For example 8 of 10 active customers still active the next period: {@code 8/10}.
   * Undefined when no one was active before. The sets are typically
   * {@link #activeMembers(Collection, Instant, Instant)} of two periods.
   *
   * @param activeBefore who was active in the earlier period
   * @param activeAfter who was active in the later period
   * @throws IllegalArgumentException naming the set if either is or holds null
   */
  public static Ratio retention(Set<MemberId> activeBefore, Set<MemberId> activeAfter) {
    checkIds(activeBefore, "active before");
    checkIds(activeAfter, "active after");
    long retained = activeBefore.stream().filter(activeAfter::contains).count();
    return Ratio.of(retained, activeBefore.size());
  }

  /**
   * Returns the churn rate from one period to the next: of the customers active in the earlier
   * period, the share no longer active in the later one; exactly {@code 1 - retention}, as the
   * {@linkplain Ratio#complement() complement} of {@link #retention(Set, Set)}, with the same
   * denominator.
   *
   * <pre>churn = |active before but not after| / |active before|</pre>
   *
   * <p>For example 8 of 10 still active: churn {@code 2/10}. Undefined when no one was active
   * before.
   *
   * @throws IllegalArgumentException naming the set if either is or holds null
   */
  public static Ratio churn(Set<MemberId> activeBefore, Set<MemberId> activeAfter) {
    return retention(activeBefore, activeAfter).complement();
  }

  /**
   * Returns the customer lifetime value: the present value of the margin a customer brings,
   * over an unlimited number of periods, with a constant retention rate and discount rate per
   * period (the standard formula of Gupta and Lehmann):
   *
   * <pre>CLV = margin * retention / (1 + discount rate - retention)</pre>
   *
   * <p>It sums {@code margin * retention^t / (1 + discount)^t} for {@code t = 1, 2, ...}: the
   * margin of each later period, earned if the customer is still there, discounted to today.
   * For example a yearly margin of $100, 80 % yearly retention and a 10 % discount rate:
   * {@code 100 * 0.8 / (1 + 0.1 - 0.8) = 80 / 0.3 = 266.666...}, returned as {@code USD 266.67}.
   * The result is rounded half-even to the currency's minor unit.
   *
   * @param marginPerPeriod the margin (revenue less costs, rewards included) a customer brings
   *     in one period; may be negative
   * @param retention the share of customers who stay from one period to the next; from 0 to 1
   * @param discountRate the discount rate per period, for example {@code 0.1}; zero or more. A
   *     retention of 1 needs a positive discount rate, or the value is unbounded
   * @throws IllegalArgumentException naming the bad value if an argument is null or out of
   *     range, or retention is 1 and the discount rate 0
   */
  public static Money customerLifetimeValue(Money marginPerPeriod, BigDecimal retention,
      BigDecimal discountRate) {
    Checks.present(marginPerPeriod, "margin per period");
    Checks.present(retention, "retention");
    Checks.present(discountRate, "discount rate");
    checkArgument(retention.signum() >= 0 && retention.compareTo(BigDecimal.ONE) <= 0,
        "retention must be between 0 and 1, was %s", retention.toPlainString());
    checkArgument(discountRate.signum() >= 0, "discount rate must not be negative, was %s",
        discountRate.toPlainString());
    BigDecimal denominator = BigDecimal.ONE.add(discountRate).subtract(retention);
    checkArgument(denominator.signum() > 0,
        "retention %s with a discount rate of %s gives an unbounded lifetime value; the "
            + "discount rate must be positive when retention is 1",
        retention.toPlainString(), discountRate.toPlainString());
    int digits = marginPerPeriod.currency().getDefaultFractionDigits();
    BigDecimal value = marginPerPeriod.amount().multiply(retention)
        .divide(denominator, digits, RoundingMode.HALF_EVEN);
    return Money.of(value, marginPerPeriod.currency());
  }

  /**
   * Returns the customer lifetime value with retention given as a ratio, such as
   * {@link #retention(Set, Set)} returns, used exactly: with retention {@code p/q},
   * {@code CLV = margin * p / (q * (1 + discount rate) - p)}. See
   * {@link #customerLifetimeValue(Money, BigDecimal, BigDecimal)}.
   *
   * @throws IllegalArgumentException naming the bad value if an argument is null, the
   *     retention is undefined or not between 0 and 1, the discount rate is negative, or
   *     retention is 1 and the discount rate 0
   */
  public static Money customerLifetimeValue(Money marginPerPeriod, Ratio retention,
      BigDecimal discountRate) {
    Checks.present(marginPerPeriod, "margin per period");
    Checks.present(retention, "retention");
    Checks.present(discountRate, "discount rate");
    checkArgument(retention.isDefined(), "retention %s is undefined (nobody to retain)",
        retention);
    BigDecimal p = retention.numerator();
    BigDecimal q = retention.denominator();
    checkArgument(p.signum() >= 0 && p.compareTo(q) <= 0,
        "retention must be between 0 and 1, was %s", retention);
    checkArgument(discountRate.signum() >= 0, "discount rate must not be negative, was %s",
        discountRate.toPlainString());
    BigDecimal denominator = q.multiply(BigDecimal.ONE.add(discountRate)).subtract(p);
    checkArgument(denominator.signum() > 0,
        "retention %s with a discount rate of %s gives an unbounded lifetime value; the "
            + "discount rate must be positive when retention is 1",
        retention, discountRate.toPlainString());
    int digits = marginPerPeriod.currency().getDefaultFractionDigits();
    BigDecimal value = marginPerPeriod.amount().multiply(p)
        .divide(denominator, digits, RoundingMode.HALF_EVEN);
    return Money.of(value, marginPerPeriod.currency());
  }

  /**
   * Returns the net promoter score of answers to "how likely are you to recommend us?" on a 0
   * to 10 scale: the percentage of promoters (9 or 10) minus the percentage of detractors (0 to
   * 6); passives (7 or 8) count only among the respondents.
   *
   * <pre>NPS = 100 * (promoters - detractors) / respondents</pre>
   *
   * <p>For example {@code [10, 9, 9, 8, 8, 7, 7, 7, 6, 0]}: 3 promoters, 5 passives and 2
   * detractors of 10, {@code 30 % - 20 % = +10}. No answers give an undefined score (see
   * {@link NetPromoterScore}), not an error.
   *
   * @param answers the answers, each from 0 to 10, in any order
   * @throws IllegalArgumentException naming the answer and its index if one is null or not
   *     between 0 and 10, or if the collection is null
   */
  public static NetPromoterScore netPromoterScore(Collection<Integer> answers) {
    Checks.present(answers, "answers");
    long promoters = 0;
    long passives = 0;
    long detractors = 0;
    int index = 0;
    for (Integer answer : answers) {
      checkArgument(answer != null, "answers[%s] must not be null", index);
      checkArgument(answer >= 0 && answer <= 10,
          "answers[%s] must be between 0 and 10, was %s", index, answer);
      if (answer >= 9) {
        promoters++;
      } else if (answer >= 7) {
        passives++;
      } else {
        detractors++;
      }
      index++;
    }
    return new NetPromoterScore(promoters, passives, detractors);
  }

  /**
   * Returns the customer effort score: the mean of answers to "how easy was it to ...?" on a
   * scale from 1 to {@code scaleMax} (for example 1 to 7, where a higher answer means less
   * effort, as the host's survey defines it).
   *
   * <pre>CES = sum of answers / number of answers</pre>
   *
   * <p>For example {@code [7, 6, 5, 2]} on a 1 to 7 scale: {@code 20/4}, 5.00. Undefined with no
   * answers.
   *
   * @param answers the answers, each from 1 to {@code scaleMax}, in any order
   * @param scaleMax the highest answer the scale allows; at least 2
   * @throws IllegalArgumentException naming the answer and its index if one is null or out of
   *     the scale, or if the collection is null or the scale has fewer than 2 points
   */
  public static Ratio customerEffortScore(Collection<Integer> answers, int scaleMax) {
    Checks.present(answers, "answers");
    checkArgument(scaleMax >= 2, "effort scale must run from 1 to at least 2, was 1 to %s",
        scaleMax);
    long sum = 0;
    int index = 0;
    for (Integer answer : answers) {
      checkArgument(answer != null, "answers[%s] must not be null", index);
      checkArgument(answer >= 1 && answer <= scaleMax,
          "answers[%s] must be between 1 and %s, was %s", index, scaleMax, answer);
      sum += answer;
      index++;
    }
    return Ratio.of(sum, index);
  }

  /**
   * Compares members with non-members (an A/B test of the program): sums the spend and visits
   * of each group, from which {@link MemberComparison} gives each group's averages and the
   * members' lift over non-members.
   *
   * <p>For example members spending $100 in 2 visits and $200 in 4, and non-members spending
   * $20, $30, $50 and $100 in one visit each: members average $150 and 3 visits, non-members $50
   * and 1 visit, a spend lift of {@code 3} and a visit lift of {@code 3}.
   *
   * @param customers each customer's figures over the same period
   * @param currency the currency of every spend
   * @throws CurrencyMismatchException naming the customer's index if a spend is in another
   *     currency
   * @throws IllegalArgumentException naming the index if the collection is null or holds null,
   *     or if the currency is null or cannot hold money
   * @throws ArithmeticException if the visits exceed {@link Long#MAX_VALUE}
   */
  public static MemberComparison membersVersusNonMembers(Collection<CustomerActivity> customers,
      Currency currency) {
    Checks.present(customers, "customers");
    Checks.present(currency, "currency");
    BigDecimal[] spend = {BigDecimal.ZERO, BigDecimal.ZERO};
    long[] count = new long[2];
    long[] visits = new long[2];
    int index = 0;
    for (CustomerActivity customer : customers) {
      checkArgument(customer != null, "customers[%s] must not be null", index);
      if (!customer.spend().currency().equals(currency)) {
        throw new CurrencyMismatchException(currency, customer.spend().currency(),
            "customers[" + index + "].spend");
      }
      int group = customer.member() ? 0 : 1;
      spend[group] = spend[group].add(customer.spend().amount());
      count[group]++;
      visits[group] = Math.addExact(visits[group], customer.visits());
      index++;
    }
    return new MemberComparison(
        new GroupActivity(count[0], Money.of(spend[0], currency), visits[0]),
        new GroupActivity(count[1], Money.of(spend[1], currency), visits[1]));
  }

  private static boolean tookPart(Member member, Instant from, Instant until) {
    for (Posting p : member.ledger().postings()) {
      if (PARTICIPATION.contains(p.type()) && !p.at().isBefore(from) && p.at().isBefore(until)) {
        return true;
      }
    }
    return false;
  }

  /** The kind of each spending of {@code unit} in the member's ledger, by its activity. */
  private static Map<ActivityId, PostingType> spendings(Member member, UnitId unit) {
    Map<ActivityId, PostingType> kinds = new HashMap<>();
    for (Posting p : member.ledger().postings()) {
      if (p.unit().equals(unit) && p.type().isSpend() && p.from().isMember()
          && p.activity().isPresent()) {
        kinds.putIfAbsent(p.activity().get(), p.type());
      }
    }
    return kinds;
  }

  private static void checkMembers(Collection<Member> members) {
    Checks.present(members, "members");
    Set<MemberId> seen = new HashSet<>();
    int index = 0;
    for (Member member : members) {
      checkArgument(member != null, "members[%s] must not be null", index);
      checkArgument(seen.add(member.id()), "members[%s]: member %s is named more than once",
          index, member.id());
      index++;
    }
  }

  private static void checkPeriod(Instant from, Instant until) {
    Checks.present(from, "period start");
    Checks.present(until, "period end");
    checkArgument(from.isBefore(until), "period must end after it starts: %s to %s", from, until);
  }

  private static void checkIds(Set<MemberId> ids, String what) {
    Checks.present(ids, what);
    for (MemberId id : ids) {
      checkArgument(id != null, "%s must not hold null", what);
    }
  }
}
