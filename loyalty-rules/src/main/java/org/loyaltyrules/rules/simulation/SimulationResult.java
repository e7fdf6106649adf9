package org.loyaltyrules.rules.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;

/**
 * What one {@link Simulation} run gives: the inputs it ran on, totals, a weekly time series, the
 * tier distribution at each month end, the final state of every member, a record of every
 * customer, synthetic survey answers, the problems decisions met, and notes on what the
 * simulator could not make the program do.
 *
 * <p>Points are counted from the postings of the decisions the simulated host stored — the
 * members' decisions and the month-end advances — so the totals are what the host's books
 * hold. Every map is ordered: units, rewards and tiers as the program declares them, members and
 * customers by id, error messages alphabetically. Two runs on the same inputs give equal results.
 *
 * <p>Immutable and thread-safe.
 */
public final class SimulationResult {
  private final ProgramId program;
  private final Population population;
  private final long seed;
  private final LocalDate start;
  private final int days;
  private final ZoneId zone;
  private final Currency currency;
  private final Totals totals;
  private final Map<UnitId, PointTotals> points;
  private final Map<UnitId, Money> pointValues;
  private final Map<RewardId, Long> rewardsRedeemed;
  private final List<Sample> samples;
  private final List<TierSnapshot> tiers;
  private final List<Member> members;
  private final List<CustomerRecord> customers;
  private final List<SurveyAnswer> survey;
  private final Map<String, Long> errors;
  private final List<DecisionProblem> firstProblems;
  private final List<String> notes;

  SimulationResult(ProgramId program, Population population, long seed, LocalDate start,
      int days, ZoneId zone, Currency currency, Totals totals, Map<UnitId, PointTotals> points,
      Map<UnitId, Money> pointValues, Map<RewardId, Long> rewardsRedeemed, List<Sample> samples,
      List<TierSnapshot> tiers, List<Member> members, List<CustomerRecord> customers,
      List<SurveyAnswer> survey, Map<String, Long> errors, List<DecisionProblem> firstProblems,
      List<String> notes) {
    this.program = program;
    this.population = population;
    this.seed = seed;
    this.start = start;
    this.days = days;
    this.zone = zone;
    this.currency = currency;
    this.totals = totals;
    this.points = ImmutableMap.copyOf(points);
    this.pointValues = ImmutableMap.copyOf(pointValues);
    this.rewardsRedeemed = ImmutableMap.copyOf(rewardsRedeemed);
    this.samples = ImmutableList.copyOf(samples);
    this.tiers = ImmutableList.copyOf(tiers);
    this.members = ImmutableList.copyOf(members);
    this.customers = ImmutableList.copyOf(customers);
    this.survey = ImmutableList.copyOf(survey);
    this.errors = ImmutableMap.copyOf(errors);
    this.firstProblems = ImmutableList.copyOf(firstProblems);
    this.notes = ImmutableList.copyOf(notes);
  }

  /** Returns the id of the program simulated. */
  public ProgramId program() {
    return program;
  }

  /** Returns the population the run drew its customers from. */
  public Population population() {
    return population;
  }

  /** Returns the seed everything random derived from. */
  public long seed() {
    return seed;
  }

  /** Returns the first day simulated, in the program's zone. */
  public LocalDate start() {
    return start;
  }

  /** Returns how many days were simulated. */
  public int days() {
    return days;
  }

  /** Returns the program's zone, in which days, weeks and months were counted. */
  public ZoneId zone() {
    return zone;
  }

  /** Returns the program's currency, in which every amount is given. */
  public Currency currency() {
    return currency;
  }

  /** Returns the instant the run ended: the start of the day after the last day simulated. */
  public Instant end() {
    return start.plusDays(days).atStartOfDay(zone).toInstant();
  }

  /** Returns the run's totals. */
  public Totals totals() {
    return totals;
  }

  /** Returns, for each of the program's units in its order, the points that moved. */
  public Map<UnitId, PointTotals> points() {
    return points;
  }

  /**
   * Returns the money one point of each redeemable unit is worth, for the units the program
   * puts a value on, in the program's order: the points-payment rate for its unit; else the
   * first cause's point value; else the highest value per point among the unit's rewards that
   * state a money value; else the highest reimbursement any partner is paid per point honoured.
   * Units with none of these are absent, and their liability is counted in points only.
   */
  public Map<UnitId, Money> pointValues() {
    return pointValues;
  }

  /** Returns how many of each reward members redeemed, in the program's order, zeros included. */
  public Map<RewardId, Long> rewardsRedeemed() {
    return rewardsRedeemed;
  }

  /**
   * Returns the time series: a sample at the start of the run, at the start of every seventh
   * day after it, and at the end of the run.
   */
  public List<Sample> samples() {
    return samples;
  }

  /**
   * Returns the tier distribution at each month end inside the run and at its end (the last
   * entry); empty if the program has no tiers.
   */
  public List<TierSnapshot> tierDistribution() {
    return tiers;
  }

  /** Returns every member's state at the end of the run, advanced to {@link #end()}, by id. */
  public List<Member> members() {
    return members;
  }

  /** Returns what every customer, member or not, did, by id. */
  public List<CustomerRecord> customers() {
    return customers;
  }

  /** Returns the synthetic survey answers, by customer id. */
  public List<SurveyAnswer> survey() {
    return survey;
  }

  /**
   * Returns every problem decisions met — exceptions thrown, refusals, and errors a decision
   * carried without being refused — counted by message, the ids of the simulated customers and
   * activities in it replaced by {@code <id>}; sorted by message. Empty for a clean run.
   */
  public Map<String, Long> errors() {
    return errors;
  }

  /** Returns the first problems met, at most 20, in full, in the order they were met. */
  public List<DecisionProblem> firstProblems() {
    return firstProblems;
  }

  /**
   * Returns what the simulator did to drive the program, or could not do, in plain words: for
   * example that members pay a plan's fee at enrolment, that each visit of an events-only
   * program is sent as an engagement event, or that a rule's expression condition cannot be
   * aimed at.
   */
  public List<String> notes() {
    return notes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimulationResult r && seed == r.seed && days == r.days
        && program.equals(r.program) && population.equals(r.population)
        && start.equals(r.start) && zone.equals(r.zone) && currency.equals(r.currency)
        && totals.equals(r.totals) && points.equals(r.points)
        && pointValues.equals(r.pointValues) && rewardsRedeemed.equals(r.rewardsRedeemed)
        && samples.equals(r.samples) && tiers.equals(r.tiers) && members.equals(r.members)
        && customers.equals(r.customers) && survey.equals(r.survey) && errors.equals(r.errors)
        && firstProblems.equals(r.firstProblems) && notes.equals(r.notes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(program, seed, start, days, totals, points, samples);
  }

  @Override
  public String toString() {
    return "SimulationResult{program=" + program + ", seed=" + seed + ", start=" + start
        + ", days=" + days + ", totals=" + totals + ", points=" + points + ", errors=" + errors
        + "}";
  }

  /**
   * The run's totals. Revenue is the value of the goods bought, before returns; a member's
   * spend counts as member revenue from the visit at which they enrol.
   *
   * <p>Immutable and thread-safe.
   *
   * @param customers how many customers there were
   * @param members how many of them enrolled
   * @param memberVisits visits by members
   * @param nonMemberVisits visits by customers not (yet) enrolled
   * @param memberRevenue what members spent
   * @param nonMemberRevenue what customers not (yet) enrolled spent
   * @param returns how many returns members made
   * @param returnedValue the value of the goods they returned
   * @param membershipFees the paid memberships' fees members paid
   * @param decisions how many activities were decided (refused ones and those that threw
   *     included)
   * @param advances how many times a member was advanced and the result stored (month ends and
   *     the end of the run)
   * @param refusals how many decisions were refused or threw
   * @param rewardsRedeemed how many rewards members redeemed
   * @param discountRewardValue the money value of the redeemed rewards of kind discount
   *     (rewards of kind voucher or gift card are issued as vouchers, in {@code voucherValue})
   * @param vouchersIssued how many vouchers were issued, by any rule, reward or dividend
   * @param voucherValue their value
   * @param voucherRevokedValue the value of vouchers taken back by returns
   * @param paidWithPointsValue what points paid toward orders
   * @param donatedValue the money value of points donated to causes
   * @param memberDiscountValue the member discounts paid memberships gave
   * @param referralsQualified how many referred friends made a qualifying purchase
   * @param challengesCompleted how many challenge completions there were
   * @param drawPrizes how many sweepstakes prizes were awarded in the weekly draws
   * @param instantWinPrizes how many instant-win prizes were won
   */
  public record Totals(int customers, int members, long memberVisits, long nonMemberVisits,
      Money memberRevenue, Money nonMemberRevenue, long returns, Money returnedValue,
      Money membershipFees, long decisions, long advances, long refusals, long rewardsRedeemed,
      Money discountRewardValue, long vouchersIssued, Money voucherValue, Money voucherRevokedValue,
      Money paidWithPointsValue, Money donatedValue, Money memberDiscountValue,
      long referralsQualified, long challengesCompleted, long drawPrizes,
      long instantWinPrizes) {
    /**
     * Validates the totals.
     *
     * @throws IllegalArgumentException if an amount is null
     */
    public Totals {
      for (Money m : new Money[] {memberRevenue, nonMemberRevenue, returnedValue, membershipFees,
          discountRewardValue, voucherValue, voucherRevokedValue, paidWithPointsValue,
          donatedValue, memberDiscountValue}) {
        checkArgument(m != null, "totals: an amount must not be null");
      }
    }

    /** Returns all visits, by members and non-members. */
    public long visits() {
      return memberVisits + nonMemberVisits;
    }

    /** Returns all revenue, from members and non-members. */
    public Money revenue() {
      return memberRevenue.plus(nonMemberRevenue);
    }

    /**
     * Returns what the rewards given cost in money, as far as the program states values: the
     * vouchers issued less those revoked, plus the redeemed rewards of kind discount, plus what
     * points paid toward orders, plus donations, plus member discounts. Free items and other
     * rewards without a money value are not in it; see {@link SimulationResult#rewardsRedeemed}.
     */
    public Money rewardCost() {
      return voucherValue.minus(voucherRevokedValue).plus(discountRewardValue)
          .plus(paidWithPointsValue).plus(donatedValue).plus(memberDiscountValue);
    }
  }

  /**
   * The points of one unit that moved into and out of members' accounts (available and pending
   * together), by posting type: positive into members, negative out of them. They add up to the
   * points members hold at the end: {@code flows} summed equals {@link #outstanding()}.
   *
   * <p>Immutable and thread-safe.
   *
   * @param unit the unit
   * @param redeemable whether members can spend it
   * @param flows the net movement into members' accounts by posting type, in the enum's order;
   *     types that moved nothing are absent
   * @param outstanding the points members hold at the end of the run, available and pending
   * @param pending the part of {@code outstanding} still pending
   */
  public record PointTotals(UnitId unit, boolean redeemable, Map<PostingType, Long> flows,
      long outstanding, long pending) {
    /**
     * Validates and copies the totals.
     *
     * @throws IllegalArgumentException if a part is null
     */
    public PointTotals {
      checkArgument(unit != null, "point totals: unit must not be null");
      checkArgument(flows != null, "point totals %s: flows must not be null", unit);
      flows = ImmutableMap.copyOf(flows);
    }

    /** Returns the net movement of one posting type; zero if none. */
    public long flow(PostingType type) {
      return flows.getOrDefault(type, 0L);
    }

    /** Returns the points earned. */
    public long issued() {
      return flow(PostingType.EARN);
    }

    /** Returns the points redeemed for rewards or paid toward orders. */
    public long redeemed() {
      return -flow(PostingType.REDEEM);
    }

    /** Returns the points donated to causes. */
    public long donated() {
      return -flow(PostingType.DONATE);
    }

    /** Returns the points transferred to partner programs. */
    public long transferred() {
      return -flow(PostingType.TRANSFER);
    }

    /** Returns all the points members chose to spend: redeemed, donated and transferred. */
    public long spent() {
      return redeemed() + donated() + transferred();
    }

    /** Returns the points that expired. */
    public long expired() {
      return -flow(PostingType.EXPIRE);
    }

    /** Returns the points taken back by returns, net of those repaid. */
    public long reversed() {
      return -flow(PostingType.REVERSE) - flow(PostingType.REPAY);
    }

    /** Returns the spent points given back by returns. */
    public long restored() {
      return flow(PostingType.RESTORE);
    }
  }

  /**
   * One point of the time series. The liability is what members hold at {@link #at()}: each
   * member's state is advanced to that instant, as a host asking "what do we owe now?" would,
   * and the advanced copy thrown away. The cumulative figures are from the decisions stored up
   * to then.
   *
   * <p>Immutable and thread-safe.
   *
   * @param day the day of the run the sample is taken at the start of; 0 for the start, the
   *     run's length for its end
   * @param date that day's date, in the program's zone
   * @param at that day's first instant
   * @param enrolledMembers how many customers had enrolled by then
   * @param activeMembers how many of those had not stopped coming
   * @param liability for each redeemable unit, the points members held (available and pending)
   * @param liabilityValue the liability in money, over the units in
   *     {@link SimulationResult#pointValues()};
   *     empty if the program values none
   * @param issued for each unit, the points earned so far
   * @param spent for each redeemable unit, the points spent so far (redeemed, donated,
   *     transferred)
   * @param expired for each unit, the points expired so far
   * @param rewardsRedeemed how many rewards had been redeemed so far
   */
  public record Sample(int day, LocalDate date, Instant at, int enrolledMembers,
      int activeMembers, Map<UnitId, Long> liability, Optional<Money> liabilityValue,
      Map<UnitId, Long> issued, Map<UnitId, Long> spent, Map<UnitId, Long> expired,
      long rewardsRedeemed) {
    /**
     * Validates and copies the sample.
     *
     * @throws IllegalArgumentException if a part is null
     */
    public Sample {
      checkArgument(date != null && at != null && liability != null && liabilityValue != null
          && issued != null && spent != null && expired != null, "sample: a part is null");
      liability = ImmutableMap.copyOf(liability);
      issued = ImmutableMap.copyOf(issued);
      spent = ImmutableMap.copyOf(spent);
      expired = ImmutableMap.copyOf(expired);
    }
  }

  /**
   * How many members held each tier at the end of a day.
   *
   * <p>Immutable and thread-safe.
   *
   * @param date the day, in the program's zone: a month's last day, or the run's last day
   * @param members for each tier of the ladder, in its order from the lowest, how many members
   *     held it; zeros included
   */
  public record TierSnapshot(LocalDate date, Map<TierId, Long> members) {
    /**
     * Validates and copies the snapshot.
     *
     * @throws IllegalArgumentException if a part is null
     */
    public TierSnapshot {
      checkArgument(date != null && members != null, "tier snapshot: a part is null");
      members = ImmutableMap.copyOf(members);
    }

    /** Returns how many members the snapshot counts. */
    public long total() {
      return members.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * What one customer did in the run.
   *
   * <p>Immutable and thread-safe.
   *
   * @param id the customer's id; their member id if they enrolled
   * @param enrolledAt when they enrolled; empty for a customer who never did
   * @param firstVisit their first visit; empty if they never came
   * @param lastVisit their last visit; empty if they never came
   * @param churnedOn the day they stopped coming for good; empty if they kept coming to the end
   * @param visits all their visits
   * @param memberVisits those made as a member, from the one at which they enrolled
   * @param spend what they spent in all
   * @param memberSpend what they spent as a member
   * @param spentPoints whether they spent points at least once
   */
  public record CustomerRecord(MemberId id, Optional<Instant> enrolledAt,
      Optional<Instant> firstVisit, Optional<Instant> lastVisit, Optional<LocalDate> churnedOn,
      int visits, int memberVisits, Money spend, Money memberSpend, boolean spentPoints) {
    /**
     * Validates the record.
     *
     * @throws IllegalArgumentException if a part is null
     */
    public CustomerRecord {
      checkArgument(id != null && enrolledAt != null && firstVisit != null && lastVisit != null
          && churnedOn != null && spend != null && memberSpend != null,
          "customer record: a part is null");
    }

    /** Returns true if the customer enrolled. */
    public boolean member() {
      return enrolledAt.isPresent();
    }
  }

  /**
   * A synthetic survey answer; see {@link Population.Survey}.
   *
   * <p>Immutable and thread-safe.
   *
   * @param customer who answered
   * @param member whether they were a member at the end of the run
   * @param nps their Net Promoter score, 0 to 10
   * @param effort their customer effort score, 1 (very hard) to 7 (very easy)
   */
  public record SurveyAnswer(MemberId customer, boolean member, int nps, int effort) {
    /**
     * Validates the answer.
     *
     * @throws IllegalArgumentException if the customer is null or a score is out of range
     */
    public SurveyAnswer {
      checkArgument(customer != null, "survey answer: customer must not be null");
      checkArgument(nps >= 0 && nps <= 10, "survey answer %s: nps must be 0 to 10, was %s",
          customer, nps);
      checkArgument(effort >= 1 && effort <= 7,
          "survey answer %s: effort must be 1 to 7, was %s", customer, effort);
    }
  }

  /**
   * A problem a decision met, in full.
   *
   * <p>Immutable and thread-safe.
   *
   * @param date the day it happened, in the program's zone
   * @param customer the member concerned
   * @param activity what was being decided, for example {@code "purchase"} or {@code "advance"}
   * @param message the exception's class and message, or the decision error's message
   * @param refused whether the decision was refused (or threw), so nothing changed
   */
  public record DecisionProblem(LocalDate date, MemberId customer, String activity,
      String message, boolean refused) {
    /**
     * Validates the problem.
     *
     * @throws IllegalArgumentException if a part is null
     */
    public DecisionProblem {
      checkArgument(date != null && customer != null && activity != null && message != null,
          "problem: a part is null");
    }
  }
}
