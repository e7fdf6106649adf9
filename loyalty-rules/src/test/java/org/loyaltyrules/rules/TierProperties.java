package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.MembershipFeePayment;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.Dividend;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierDowngrade;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.rule.EarnRule;
import org.quicktheories.core.Gen;

/**
 * Invariants of tiers and paid memberships over random histories: purchases of $1 to $600,
 * whole returns of earlier purchases, time advances, and fee payments of an annual plan with a
 * grace period and of a lifetime plan with a dividend, over three years; a ladder of three tiers
 * by calendar-year spend (0, 350, 1,000), lowered straight to the tier earned or one step, with
 * no grace period or one of two months.
 *
 * <p>Histories are generated as readable descriptor records and interpreted, so a failure
 * shrinks to a short history.
 */
class TierProperties {
  private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final Instant ENROLLED = LocalDateTime.of(2026, 1, 5, 9, 0).atZone(ZONE)
      .toInstant();
  private static final int EXAMPLES = 1_000;
  private static final List<BigDecimal> THRESHOLDS = List.of(BigDecimal.ZERO,
      BigDecimal.valueOf(350), BigDecimal.valueOf(1000));

  /** One step: {@code kind} 0-5 purchase, 6-7 return, 8 advance, 9 fee; after some hours. */
  record Step(int hours, int kind, int amount, int pick) {}

  record Spec(boolean oneStep, boolean grace, List<Step> steps) {}

  private static CompiledProgram program(boolean oneStep, boolean grace) {
    return LoyaltyRules.compile(Program.builder(ProgramId.of("shop"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .earnRule(EarnRule.Rate.of("base", UnitId.of("points"), 1, Money.of("1", "USD")))
        .tiers(TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(), List.of(
                Tier.of("insider", "Insider", 0), Tier.of("vib", "VIB", 350),
                Tier.of("rouge", "Rouge", 1000)))
            .withDowngrade(oneStep ? TierDowngrade.ONE_STEP : TierDowngrade.TO_EARNED)
            .withGrace(grace ? Period.ofMonths(2) : Period.ZERO))
        .plan(MembershipPlan.recurring("prime", "Prime", Money.of("139", "USD"),
            Period.ofMonths(6), Set.of("free-shipping")).withGrace(Period.ofDays(10)))
        .plan(MembershipPlan.lifetime("coop", "Co-op", Money.of("20", "USD"), Set.of())
            .withDividend(Dividend.of(BigDecimal.TEN)))
        .build());
  }

  private static Gen<Spec> specs() {
    Gen<Step> step = integers().between(1, 24 * 75).zip(integers().between(0, 9),
        integers().between(1, 600), integers().between(0, 1000), Step::new);
    return booleans().all().zip(booleans().all(), lists().of(step).ofSizeBetween(1, 30),
        Spec::new);
  }

  /** What one history did: every decision in order, with the member before it. */
  private record Run(List<Member> before, List<Decision> decisions, List<Activity> activities) {}

  private static Run run(CompiledProgram program, List<Step> steps) {
    RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    Member m = Member.enroll(MemberId.of("ana"), ENROLLED);
    Instant t = ENROLLED;
    List<Member> before = new ArrayList<>();
    List<Decision> decisions = new ArrayList<>();
    List<Activity> activities = new ArrayList<>();
    List<Purchase> open = new ArrayList<>();
    boolean coop = false;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      t = t.plusSeconds(s.hours() * 3600L);
      Activity activity = null;
      if (s.kind() <= 5) {
        Purchase p = Purchase.builder(ActivityId.of("p-" + i), t).line(PurchaseLine.of("l1",
            "sku", "goods", 1, Money.of(BigDecimal.valueOf(s.amount()), Money.currency("USD"))))
            .build();
        open.add(p);
        activity = p;
      } else if (s.kind() <= 7 && !open.isEmpty()) {
        Purchase p = open.remove(s.pick() % open.size());
        if (p.occurredAt().isBefore(t.minus(program.program().activityHorizon()))) {
          continue; // past the activity horizon
        }
        activity = Return.of(ActivityId.of("r-" + i), t, p.id(),
            List.of(ReturnLine.of("l1", 1)));
      } else if (s.kind() == 9) {
        boolean joinCoop = !coop && s.pick() % 2 == 0;
        coop |= joinCoop;
        activity = joinCoop
            ? new MembershipFeePayment(ActivityId.of("f-" + i), t, PlanId.of("coop"),
                Money.of("20", "USD"))
            : new MembershipFeePayment(ActivityId.of("f-" + i), t, PlanId.of("prime"),
                Money.of("139", "USD"));
      }
      before.add(m);
      Decision d = activity == null ? program.advance(STATE, m, t)
          : program.decide(STATE, m, activity, t, random);
      decisions.add(d);
      activities.add(activity);
      m = d.member();
    }
    return new Run(before, decisions, activities);
  }

  /**
   * The tier after a history, recomputed from the history alone: spend per calendar year, a
   * purchase raising the tier to what its year's spend reaches, and at each January 1 (plus the
   * grace period) the tier kept if the year that closed or the one running reaches it, and
   * otherwise lowered.
   */
  private static int recomputed(Spec spec, Run run) {
    Map<Integer, BigDecimal> spend = new HashMap<>();
    Map<ActivityId, Purchase> purchases = new HashMap<>();
    int tier = 0;
    Instant since = ENROLLED;
    Instant last = ENROLLED;
    for (int i = 0; i < run.decisions().size(); i++) {
      Instant t = run.decisions().get(i).at();
      for (int year = 2027; year <= 2031; year++) {
        LocalDate close = LocalDate.of(year, 1, 1);
        Instant review = close.plusMonths(spec.grace() ? 2 : 0).atStartOfDay(ZONE).toInstant();
        if (review.isAfter(last) && !review.isAfter(t)) {
          int target = Math.max(earned(spend, year - 1), earned(spend, year));
          if (target < tier) {
            tier = spec.oneStep() ? Math.max(target, tier - 1) : target;
            since = review;
          }
        }
      }
      Activity a = run.activities().get(i);
      if (a instanceof Purchase p) {
        purchases.put(p.id(), p);
        int year = year(p.occurredAt());
        spend.merge(year, p.subtotal().amount(), BigDecimal::add);
        int reached = earned(spend, year);
        if (reached > tier) {
          tier = reached;
          since = t;
        }
      } else if (a instanceof Return r) {
        Purchase p = purchases.get(r.purchase());
        int year = year(p.occurredAt());
        spend.merge(year, p.subtotal().amount().negate(), BigDecimal::add);
        // Credit taken from the year the latest review kept the tier on decides that review
        // again on what remains.
        int running = t.atZone(ZONE).toLocalDate().minusMonths(spec.grace() ? 2 : 0).getYear();
        Instant review = LocalDate.of(running, 1, 1).plusMonths(spec.grace() ? 2 : 0)
            .atStartOfDay(ZONE).toInstant();
        boolean replayable = since.isBefore(review) || (since.equals(review) && !spec.oneStep());
        if (year == running - 1 && running >= 2027 && tier > 0 && replayable
            && !review.isAfter(t)) {
          int target = Math.max(earned(spend, year), earned(spend, running));
          if (target < tier) {
            tier = spec.oneStep() ? Math.max(target, tier - 1) : target;
            since = t;
          }
        }
      }
      last = t;
    }
    return tier;
  }

  private static int year(Instant at) {
    return at.atZone(ZONE).getYear();
  }

  private static int earned(Map<Integer, BigDecimal> spend, int year) {
    BigDecimal credit = spend.getOrDefault(year, BigDecimal.ZERO);
    int best = 0;
    for (int i = 0; i < THRESHOLDS.size(); i++) {
      if (credit.compareTo(THRESHOLDS.get(i)) >= 0) {
        best = i;
      }
    }
    return best;
  }

  private static int rank(CompiledProgram program, Member m) {
    return m.tierId().map(t -> program.program().tiers().orElseThrow().rank(t)).orElse(0);
  }

  @Test
  void theTierAfterAnyHistoryIsTheTierRecomputedFromScratch() {
    qt().withExamples(EXAMPLES).forAll(specs()).checkAssert(spec -> {
      CompiledProgram program = program(spec.oneStep(), spec.grace());
      Run run = run(program, spec.steps());
      if (run.decisions().isEmpty()) {
        return;
      }
      Member last = run.decisions().get(run.decisions().size() - 1).member();
      assertThat(rank(program, last)).as(spec.toString()).isEqualTo(recomputed(spec, run));
    });
  }

  /**
   * Only a review lowers a tier — at a period's close, or again when a return takes back
   * credit of the period the latest review kept the tier on.
   */
  @Test
  void aTierIsLoweredOnlyByAReviewAtAPeriodsClose() {
    qt().withExamples(EXAMPLES).forAll(specs()).checkAssert(spec -> {
      CompiledProgram program = program(spec.oneStep(), spec.grace());
      Run run = run(program, spec.steps());
      Tiers tiers = new Tiers(program.program().tiers().orElseThrow(), ZONE);
      for (int i = 0; i < run.decisions().size(); i++) {
        Member before = run.before().get(i);
        Decision d = run.decisions().get(i);
        if (rank(program, d.member()) < rank(program, before)
            && !(run.activities().get(i) instanceof Return)) {
          assertThat(tiers.reviewsDue(before, before.asOf(), d.at()))
              .as("a review between %s and %s in %s", before.asOf(), d.at(), spec).isNotEmpty();
        }
      }
    });
  }

  @Test
  void advancingTwiceToTheSameInstantChangesNothing() {
    qt().withExamples(EXAMPLES).forAll(specs(), integers().between(0, 24 * 400))
        .checkAssert((spec, hours) -> {
          CompiledProgram program = program(spec.oneStep(), spec.grace());
          Run run = run(program, spec.steps());
          Member m = run.decisions().isEmpty() ? Member.enroll(MemberId.of("ana"), ENROLLED)
              : run.decisions().get(run.decisions().size() - 1).member();
          Instant to = m.asOf().plusSeconds(hours * 3600L);
          Decision once = program.advance(STATE, m, to);
          Decision twice = program.advance(STATE, once.member(), to);
          assertThat(twice.member()).as(spec.toString()).isEqualTo(once.member());
          assertThat(twice.effects()).isEmpty();
          assertThat(twice.postings()).isEmpty();
          Instant midway = m.asOf().plusSeconds(hours * 1800L);
          Decision inTwo = program.advance(STATE, program.advance(STATE, m, midway).member(),
              to);
          assertThat(inTwo.member()).as("advancing in two steps, " + spec)
              .isEqualTo(once.member());
        });
  }
}
