package org.loyaltyrules.examples.simulate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.analytics.CustomerActivity;
import org.loyaltyrules.core.analytics.MemberComparison;
import org.loyaltyrules.core.analytics.NetPromoterScore;
import org.loyaltyrules.core.analytics.PointTotals;
import org.loyaltyrules.core.analytics.ProgramMetrics;
import org.loyaltyrules.core.analytics.Ratio;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.rules.simulation.SimulationResult;

/**
 * Turns a simulation's result into what the report shows: the summary figures, computed with
 * the library's metric functions ({@link ProgramMetrics}) over the members' final states, the
 * customers' records and the synthetic survey; the liability series; the tier distribution at
 * each month end; and the redemption curve.
 *
 * <p>Two figures rest on stated assumptions, named in their labels: customer lifetime value takes
 * a {@value #MARGIN_PERCENT} % gross margin on what members spend, less the reward cost, and
 * discounts the future at {@value #YEARLY_DISCOUNT_PERCENT} % a year.
 *
 * <p>Stateless and thread-safe.
 */
public final class SimulationReports {
  /** The gross margin on members' spend assumed for customer lifetime value, in percent. */
  public static final int MARGIN_PERCENT = 30;
  /** The yearly discount rate assumed for customer lifetime value, in percent. */
  public static final int YEARLY_DISCOUNT_PERCENT = 10;
  /** The days counted back from the end for participation: {@value}. */
  public static final int RECENT_DAYS = 30;

  private SimulationReports() {}

  /**
   * The report of one program's run.
   *
   * @param program the program simulated
   * @param result what the simulation gave
   * @return the program's summary, liability, tiers and redemption curve
   * @throws IllegalArgumentException if the result is not of this program
   */
  public static ProgramReport of(Program program, SimulationResult result) {
    if (program == null || result == null) {
      throw new IllegalArgumentException("program and result must not be null");
    }
    if (!program.id().equals(result.program())) {
      throw new IllegalArgumentException("the result is of program " + result.program()
          + ", not of " + program.id());
    }
    Optional<UnitId> unit = mainUnit(program);
    return new ProgramReport(program.name(), summary(program, result, unit),
        liability(program, result, unit), tiers(program, result),
        redemption(program, result, unit));
  }

  /** The unit the report follows: the first redeemable unit, or else the first unit. */
  static Optional<UnitId> mainUnit(Program program) {
    Optional<UnitId> first = Optional.empty();
    for (PointUnit unit : program.units().values()) {
      if (unit.isRedeemable()) {
        return Optional.of(unit.id());
      }
      if (first.isEmpty()) {
        first = Optional.of(unit.id());
      }
    }
    return first;
  }

  private static List<SummaryRow> summary(Program program, SimulationResult result,
      Optional<UnitId> unit) {
    SimulationResult.Totals totals = result.totals();
    List<Member> members = result.members();
    Instant start = result.start().atStartOfDay(result.zone()).toInstant();
    Instant end = result.end();
    List<SummaryRow> rows = new ArrayList<>();
    rows.add(row("Customers", Value.count(totals.customers())));
    rows.add(row("Members enrolled", Value.count(totals.members())));
    rows.add(row("Enrolment (members / customers)",
        ratio(Ratio.of(totals.members(), totals.customers()))));
    Instant recent = end.minus(Duration.ofDays(Math.min(RECENT_DAYS, result.days())));
    rows.add(row("Participation (earned or spent in the last "
        + Math.min(RECENT_DAYS, result.days()) + " days)",
        ratio(ProgramMetrics.participationRate(members, recent, end))));
    rows.add(row("Visits by members", Value.count(totals.memberVisits())));
    rows.add(row("Visits by non-members", Value.count(totals.nonMemberVisits())));
    rows.add(row("Revenue from members", Value.money(totals.memberRevenue())));
    rows.add(row("Revenue from non-members", Value.money(totals.nonMemberRevenue())));
    MemberComparison comparison = ProgramMetrics.membersVersusNonMembers(
        customerActivity(result), result.currency());
    rows.add(row("Spend per member / per non-member",
        decimal(comparison.spendLift(), 2)));

    if (unit.isPresent()) {
      String name = program.unit(unit.get()).name();
      PointTotals points = ProgramMetrics.pointTotals(members, unit.get(), start,
          end.plusNanos(1));
      rows.add(row(name + " issued", Value.points(BigDecimal.valueOf(points.issued()))));
      rows.add(row(name + " redeemed", Value.points(BigDecimal.valueOf(points.redeemed()))));
      rows.add(row(name + " expired", Value.points(BigDecimal.valueOf(points.expired()))));
      rows.add(row(name + " outstanding at the end", Value.points(BigDecimal.valueOf(
          ProgramMetrics.outstandingPoints(members, unit.get())))));
      rows.add(row("Redemption rate", ratio(points.redemptionRate())));
      rows.add(row("Breakage rate", ratio(points.breakageRate())));
      Money perPoint = result.pointValues().get(unit.get());
      if (perPoint != null) {
        rows.add(row("Liability at the end", Value.money(ProgramMetrics.outstandingLiability(
            members, unit.get(), perPoint).rounded(RoundingMode.HALF_EVEN))));
      }
    }
    rows.add(row("Rewards redeemed", Value.count(totals.rewardsRedeemed())));
    rows.add(row("Reward cost (rewards with a money value)",
        Value.money(totals.rewardCost())));
    rows.add(row("Reward cost / revenue",
        ratio(ProgramMetrics.rewardCostShare(totals.rewardCost(), totals.revenue()))));

    // A member is retained if they came in the first half of the run and came back in the
    // second: read from visits, so programs that issue no points are measured too.
    Instant middle = start.plus(Duration.between(start, end).dividedBy(2));
    Set<MemberId> before = new java.util.TreeSet<>(java.util.Comparator.comparing(
        MemberId::value));
    Set<MemberId> after = new java.util.TreeSet<>(java.util.Comparator.comparing(
        MemberId::value));
    for (SimulationResult.CustomerRecord c : result.customers()) {
      if (c.member() && c.enrolledAt().get().isBefore(middle)) {
        before.add(c.id());
        if (c.lastVisit().filter(v -> !v.isBefore(middle)).isPresent()) {
          after.add(c.id());
        }
      }
    }
    Ratio retention = ProgramMetrics.retention(before, after);
    rows.add(row("Retention (members of the first half back in the second)", ratio(retention)));
    rows.add(row("Churn (members of the first half not back in the second)",
        ratio(ProgramMetrics.churn(before, after))));
    rows.add(row("Customer lifetime value (" + MARGIN_PERCENT + "% margin, "
        + YEARLY_DISCOUNT_PERCENT + "% discount a year)", lifetimeValue(result, retention)));

    List<Integer> nps = new ArrayList<>();
    List<Integer> effort = new ArrayList<>();
    for (SimulationResult.SurveyAnswer answer : result.survey()) {
      nps.add(answer.nps());
      effort.add(answer.effort());
    }
    NetPromoterScore score = ProgramMetrics.netPromoterScore(nps);
    rows.add(row("Net promoter score (" + Value.count(score.respondents()).formatted()
        + " answers)",
        score.points(1).map(p -> Value.of(p, Unit.decimal(1))).orElse(Value.text("n/a"))));
    rows.add(row("Customer effort score (1 to 7)",
        decimal(effort.isEmpty() ? Ratio.of(0, 0)
            : ProgramMetrics.customerEffortScore(effort, 7), 2)));
    rows.add(row("Decisions", Value.count(totals.decisions())));
    rows.add(row("Decisions refused", Value.count(totals.refusals())));
    return rows;
  }

  /**
   * The lifetime value of a member: the margin an average member brought in a half of the run
   * ({@value #MARGIN_PERCENT} % of members' spend, less the reward cost, over the members, over
   * two halves), kept with the retention from one half to the next and discounted by the half
   * run's share of {@value #YEARLY_DISCOUNT_PERCENT} % a year.
   */
  private static Value lifetimeValue(SimulationResult result, Ratio retention) {
    SimulationResult.Totals totals = result.totals();
    if (totals.members() == 0 || !retention.isDefined()
        || retention.numerator().compareTo(retention.denominator()) >= 0) {
      return Value.text("n/a");
    }
    Money margin = totals.memberRevenue().times(BigDecimal.valueOf(MARGIN_PERCENT))
        .minus(totals.rewardCost().times(100));
    BigDecimal perHalf = margin.amount().divide(BigDecimal.valueOf(200L * totals.members()),
        Money.MAX_SCALE, RoundingMode.HALF_EVEN);
    BigDecimal discount = BigDecimal.valueOf(YEARLY_DISCOUNT_PERCENT * (long) result.days())
        .divide(BigDecimal.valueOf(100L * 365 * 2), Money.MAX_SCALE, RoundingMode.HALF_EVEN);
    return Value.money(ProgramMetrics.customerLifetimeValue(
        Money.of(perHalf, result.currency()), retention, discount));
  }

  private static List<CustomerActivity> customerActivity(SimulationResult result) {
    List<CustomerActivity> customers = new ArrayList<>();
    for (SimulationResult.CustomerRecord c : result.customers()) {
      if (c.member()) {
        customers.add(new CustomerActivity(true, c.memberSpend(), c.memberVisits()));
      } else if (c.visits() > 0) {
        customers.add(new CustomerActivity(false, c.spend(), c.visits()));
      }
    }
    return customers;
  }

  private static Series liability(Program program, SimulationResult result,
      Optional<UnitId> unit) {
    boolean money = unit.isPresent() && result.pointValues().containsKey(unit.get());
    Unit shown = money ? Unit.money(result.currency()) : Unit.points();
    List<Series.Point> points = new ArrayList<>();
    for (SimulationResult.Sample s : result.samples()) {
      if (money && s.liabilityValue().isPresent()) {
        points.add(new Series.Point(s.day(), s.liabilityValue().get().amount()));
      } else if (!money && unit.isPresent()) {
        points.add(new Series.Point(s.day(),
            BigDecimal.valueOf(s.liability().getOrDefault(unit.get(), 0L))));
      }
    }
    return new Series(money ? "Liability" : unit.map(u -> program.unit(u).name()
        + " outstanding").orElse("Points outstanding"), shown, points);
  }

  private static TierDistribution tiers(Program program, SimulationResult result) {
    if (program.tiers().isEmpty() || result.tierDistribution().isEmpty()) {
      return TierDistribution.none();
    }
    List<TierId> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Tier tier : program.tiers().get().tiers()) {
      ids.add(tier.id());
      names.add(tier.name());
    }
    List<TierDistribution.Snapshot> snapshots = new ArrayList<>();
    for (SimulationResult.TierSnapshot s : result.tierDistribution()) {
      List<Long> counts = new ArrayList<>();
      for (TierId id : ids) {
        counts.add(s.members().getOrDefault(id, 0L));
      }
      snapshots.add(new TierDistribution.Snapshot(s.date().toString(), counts));
    }
    return new TierDistribution(names, snapshots);
  }

  private static List<Series> redemption(Program program, SimulationResult result,
      Optional<UnitId> unit) {
    if (unit.isEmpty()) {
      return List.of();
    }
    String name = program.unit(unit.get()).name();
    List<Series.Point> issued = new ArrayList<>();
    List<Series.Point> spent = new ArrayList<>();
    List<Series.Point> expired = new ArrayList<>();
    for (SimulationResult.Sample s : result.samples()) {
      issued.add(point(s.day(), s.issued(), unit.get()));
      spent.add(point(s.day(), s.spent(), unit.get()));
      expired.add(point(s.day(), s.expired(), unit.get()));
    }
    return List.of(new Series(name + " issued", Unit.points(), issued),
        new Series(name + " redeemed", Unit.points(), spent),
        new Series(name + " expired", Unit.points(), expired));
  }

  private static Series.Point point(int day, Map<UnitId, Long> figures, UnitId unit) {
    return new Series.Point(day, BigDecimal.valueOf(figures.getOrDefault(unit, 0L)));
  }

  private static SummaryRow row(String label, Value value) {
    return new SummaryRow(label, value);
  }

  private static Value ratio(Ratio ratio) {
    return ratio.value(Money.MAX_SCALE).map(Value::ratio).orElse(Value.text("n/a"));
  }

  private static Value decimal(Ratio ratio, int decimals) {
    return ratio.value(decimals).map(v -> Value.of(v, Unit.decimal(decimals)))
        .orElse(Value.text("n/a"));
  }
}
