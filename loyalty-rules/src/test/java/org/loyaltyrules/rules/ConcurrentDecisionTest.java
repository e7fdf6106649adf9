package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.InsufficientPointsException;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.ExpiryPolicy;
import org.loyaltyrules.core.program.Offer;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.rule.Cap;
import org.loyaltyrules.core.rule.CapScope;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Expression;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.RuleSettings;

/**
 * One {@link CompiledProgram} shared by 8 threads deciding 100,000 activities (2,000 members x
 * 50: purchases, some decided late, partial returns, check-ins, redemptions when the balance
 * allows, replays) gives exactly the members and decisions a single thread gives. The program
 * has an expression condition and formula, compiled anew for the threads, so MVEL first runs
 * and optimizes them under contention.
 *
 * <p>The activity sequences are generated up front from a seeded {@link SplittableRandom}; each
 * member's activities are decided in order by one task. The elapsed times are printed, never
 * asserted.
 */
class ConcurrentDecisionTest {
  private static final int MEMBERS = 2_000;
  private static final int ACTIVITIES_PER_MEMBER = 50;
  private static final int THREADS = 8;
  private static final long SEED = 0x5EED_2026_0302L;

  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final Currency USD = Money.currency("USD");
  private static final UnitId STARS = UnitId.of("stars");
  private static final ProgramState STATE = ProgramState.initial(USD);
  private static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 2);
  private static final Instant START = FIRST_DAY.atTime(7, 0).atZone(ZONE).toInstant();
  private static final RewardId DRINK = RewardId.of("drink");
  private static final long DRINK_COST = 150;
  private static final List<String> CATEGORIES = List.of("drinks", "beans", "food", "merch");

  private static final Program PROGRAM = Program.builder(ProgramId.of("concurrent"), USD, ZONE)
      .unit(PointUnit.redeemable("stars", "Stars")
          .withExpiry(ExpiryPolicy.afterPeriod(Period.ofDays(30))))
      .earnRule(new EarnRule.Rate(RuleId.of("base"), RuleSettings.defaults()
          .caps(Cap.of(CapScope.DAY, 400)), STARS, BigDecimal.valueOf(2), Money.of("1", "USD"),
          LineFilter.all()))
      .earnRule(new EarnRule.Multiplier(RuleId.of("beans-x3"), RuleSettings.defaults()
          .caps(Cap.of(CapScope.ACTIVITY, 200)), STARS, BigDecimal.valueOf(3),
          LineFilter.categories("beans")))
      .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("spend-40"), RuleSettings.defaults()
          .caps(Cap.of(CapScope.MEMBER, 300)), STARS, 30, Money.of("40", "USD")))
      .earnRule(new EarnRule.Formula(RuleId.of("food-pairing"), RuleSettings.defaults()
          .when(Expression.of("any(line.category == 'food') && any(line.category == 'drinks')")),
          STARS, Expression.of("floor(sum(line.amount, line.category == 'food') / 2)"
              + " + (now.hour < 9 ? 5 : 0)")))
      .earnRule(new EarnRule.EventBonus(RuleId.of("check-in"), RuleSettings.defaults(), STARS, 5,
          EngagementType.CHECK_IN, Map.of(), Frequency.ONCE_PER_DAY))
      .earnRule(new EarnRule.SpendVoucher(RuleId.of("five-per-35"), RuleSettings.defaults(),
          Money.of("35", "USD"), Money.of("5", "USD"), Optional.of(Period.ofDays(20))))
      .offer(Offer.multiplier("double", "Double stars", FIRST_DAY.plusDays(10).atStartOfDay(),
          FIRST_DAY.plusDays(13).atStartOfDay(), STARS, BigDecimal.valueOf(2)))
      .reward(Reward.of("drink", "Drink", STARS, DRINK_COST, RewardKind.FREE_ITEM))
      .build();

  /** An activity and the instant it is decided at. */
  private record Step(Activity activity, Instant at) {}

  /** One member's activities, in the order they are decided. */
  private record Script(int index, MemberId member, Instant enrolledAt, List<Step> steps) {}

  /** A redemption not attempted: the member's available balance was below the reward's cost. */
  private record NotAffordable(long available) {}

  /** A decision refused with an exception, recorded as its type and message. */
  private record Refused(String type, String message) {}

  /** A member's final state and the outcome of each activity, in order. */
  private record MemberRun(Member member, List<Object> outcomes) {}

  @Test
  void eightThreadsSharingOneCompiledProgramDecideExactlyAsOneThreadDoes() throws Exception {
    CompiledProgram compiled = LoyaltyRules.compile(PROGRAM);
    List<Script> scripts = scripts();
    assertThat(scripts.stream().mapToInt(s -> s.steps().size()).sum())
        .isEqualTo(MEMBERS * ACTIVITIES_PER_MEMBER);

    long t0 = System.nanoTime();
    List<MemberRun> single = new ArrayList<>(MEMBERS);
    for (Script script : scripts) {
      single.add(run(compiled, script));
    }
    long t1 = System.nanoTime();
    // A program compiled anew, so its expressions are first run, and optimized, concurrently.
    CompiledProgram shared = LoyaltyRules.compile(PROGRAM);
    List<MemberRun> concurrent = new ArrayList<>(MEMBERS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<MemberRun>> futures = new ArrayList<>(MEMBERS);
      for (Script script : scripts) {
        futures.add(pool.submit(() -> run(shared, script)));
      }
      for (Future<MemberRun> future : futures) {
        concurrent.add(getUnwrapped(future));
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).as("pool terminated").isTrue();
    }
    long t2 = System.nanoTime();

    for (int i = 0; i < MEMBERS; i++) {
      MemberRun one = single.get(i);
      MemberRun many = concurrent.get(i);
      Script script = scripts.get(i);
      assertThat(many.outcomes()).as("outcomes of %s", script.member()).hasSameSizeAs(
          one.outcomes());
      for (int k = 0; k < one.outcomes().size(); k++) {
        if (!many.outcomes().get(k).equals(one.outcomes().get(k))) {
          assertThat(many.outcomes().get(k))
              .as("member %s, activity %d (%s) decided on 8 threads vs on one",
                  script.member(), k, script.steps().get(k))
              .isEqualTo(one.outcomes().get(k));
        }
      }
      assertThat(many.member()).as("final state of %s", script.member())
          .isEqualTo(one.member());
    }
    long t3 = System.nanoTime();

    // The histories are not trivial: every kind of outcome happened.
    List<Decision> decisions = single.stream().flatMap(r -> r.outcomes().stream())
        .filter(Decision.class::isInstance).map(Decision.class::cast).toList();
    long redeemed = decisions.stream().filter(d -> !d.effects(Effect.RewardRedeemed.class)
        .isEmpty()).count();
    long reversed = decisions.stream().filter(d -> !d.effects(Effect.PointsReversed.class)
        .isEmpty()).count();
    long replays = decisions.stream().filter(Decision::replay).count();
    long expired = decisions.stream().filter(d -> !d.effects(Effect.PointsExpired.class)
        .isEmpty()).count();
    long vouchers = decisions.stream().filter(d -> !d.effects(Effect.VoucherIssued.class)
        .isEmpty()).count();
    long formulas = decisions.stream().filter(d -> d.trace().stream().anyMatch(t -> t.rule()
        .equals(RuleId.of("food-pairing")) && t.granted() > 0)).count();
    long notAffordable = single.stream().flatMap(r -> r.outcomes().stream())
        .filter(NotAffordable.class::isInstance).count();
    long refused = single.stream().flatMap(r -> r.outcomes().stream())
        .filter(Refused.class::isInstance).count();
    System.out.printf(Locale.ROOT, "ConcurrentDecisionTest: %d activities, %d members: "
            + "1 thread %d ms, %d threads %d ms, comparing %d ms; %d decisions (%d redemptions, "
            + "%d with reversals, %d replays, %d with expiries, %d with vouchers, %d earning by "
            + "formula), %d redemptions not affordable, %d refused%n",
        MEMBERS * ACTIVITIES_PER_MEMBER, MEMBERS, (t1 - t0) / 1_000_000, THREADS,
        (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, decisions.size(), redeemed, reversed,
        replays, expired, vouchers, formulas, notAffordable, refused);
    assertThat(redeemed).isPositive();
    assertThat(reversed).isPositive();
    assertThat(replays).isPositive();
    assertThat(expired).isPositive();
    assertThat(vouchers).isPositive();
    assertThat(formulas).isPositive();
  }

  private static MemberRun getUnwrapped(Future<MemberRun> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new AssertionError("a task failed: " + e.getCause(), e.getCause());
    }
  }

  /** Decides a member's activities in order, from enrollment. */
  private static MemberRun run(CompiledProgram compiled, Script script) {
    Member member = Member.enroll(script.member(), script.enrolledAt());
    List<Object> outcomes = new ArrayList<>(script.steps().size());
    int k = 0;
    for (Step step : script.steps()) {
      RandomGenerator random = new SplittableRandom(SEED ^ ((long) script.index() << 20) ^ k++);
      if (step.activity() instanceof RedeemReward && member.available(STARS) < DRINK_COST) {
        outcomes.add(new NotAffordable(member.available(STARS)));
        continue;
      }
      try {
        Decision d = compiled.decide(STATE, member, step.activity(), step.at(), random);
        member = d.member();
        outcomes.add(d);
      } catch (InsufficientPointsException e) {
        // Points that expired between the member's state and the redemption's instant.
        outcomes.add(new Refused(e.getClass().getName(), e.getMessage()));
      }
    }
    return new MemberRun(member, outcomes);
  }

  /** Every member's activities, generated from the seed before anything is decided. */
  private static List<Script> scripts() {
    SplittableRandom master = new SplittableRandom(SEED);
    List<Script> scripts = new ArrayList<>(MEMBERS);
    for (int i = 0; i < MEMBERS; i++) {
      scripts.add(script(i, master.split()));
    }
    return scripts;
  }

  private static Script script(int index, RandomGenerator random) {
    MemberId member = MemberId.of(String.format(Locale.ROOT, "m%04d", index));
    Instant enrolled = START.plus(Duration.ofMinutes(index));
    Instant clock = enrolled;
    List<Step> steps = new ArrayList<>(ACTIVITIES_PER_MEMBER);
    List<Purchase> purchases = new ArrayList<>();
    Map<ActivityId, Map<String, Long>> left = new LinkedHashMap<>();
    List<Activity> done = new ArrayList<>();
    int n = 0;
    while (steps.size() < ACTIVITIES_PER_MEMBER) {
      clock = clock.plus(Duration.ofMinutes(nextStep(random)));
      String id = member + "-" + ++n;
      int kind = random.nextInt(100);
      List<Purchase> open = purchases.stream().filter(p -> left.get(p.id()).values().stream()
          .anyMatch(q -> q > 0)).toList();
      Activity activity;
      if (kind < 50) {
        Instant occurred = clock;
        if (random.nextInt(10) == 0) {
          occurred = clock.minus(Duration.ofMinutes(1 + random.nextInt(600)));
          if (occurred.isBefore(enrolled)) {
            occurred = enrolled;
          }
        }
        Purchase.Builder b = Purchase.builder(ActivityId.of(id), occurred);
        Map<String, Long> quantities = new LinkedHashMap<>();
        int lines = 1 + random.nextInt(4);
        for (int l = 1; l <= lines; l++) {
          String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
          long quantity = 1 + random.nextInt(3);
          b.line(PurchaseLine.of("l" + l, category + "-sku", category, quantity,
              Money.of(BigDecimal.valueOf(50 + random.nextInt(6_000), 2), USD)));
          quantities.put("l" + l, quantity);
        }
        Purchase purchase = b.build();
        purchases.add(purchase);
        left.put(purchase.id(), quantities);
        activity = purchase;
      } else if (kind < 65 && !open.isEmpty()) {
        Purchase purchase = open.get(random.nextInt(open.size()));
        Map<String, Long> quantities = left.get(purchase.id());
        List<ReturnLine> lines = new ArrayList<>();
        for (Map.Entry<String, Long> e : quantities.entrySet()) {
          if (e.getValue() > 0 && (lines.isEmpty() || random.nextBoolean())) {
            long q = 1 + random.nextInt(e.getValue().intValue());
            lines.add(ReturnLine.of(e.getKey(), q));
            e.setValue(e.getValue() - q);
          }
        }
        activity = Return.of(ActivityId.of(id), clock, purchase.id(), lines);
      } else if (kind < 80) {
        activity = EngagementEvent.of(ActivityId.of(id), clock, EngagementType.CHECK_IN);
      } else if (kind < 92) {
        activity = RedeemReward.of(ActivityId.of(id), clock, DRINK);
      } else if (!done.isEmpty()) {
        activity = done.get(random.nextInt(done.size()));
      } else {
        activity = EngagementEvent.of(ActivityId.of(id), clock, EngagementType.CHECK_IN);
      }
      if (!done.contains(activity)) {
        done.add(activity);
      }
      steps.add(new Step(activity, clock));
    }
    return new Script(index, member, enrolled, List.copyOf(steps));
  }

  /** Minutes to the next activity: mostly within the day, sometimes days later. */
  private static long nextStep(RandomGenerator random) {
    int r = random.nextInt(10);
    if (r < 4) {
      return 5 + random.nextInt(180);
    }
    if (r < 8) {
      return 180 + random.nextInt(21 * 60);
    }
    return 24 * 60 + random.nextInt(3 * 24 * 60);
  }
}
