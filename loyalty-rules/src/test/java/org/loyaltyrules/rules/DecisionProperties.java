package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.ledger.Account;
import org.loyaltyrules.core.ledger.Lot;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.Offer;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.Cap;
import org.loyaltyrules.core.rule.CapScope;
import org.loyaltyrules.core.rule.EarnPolicy;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.RuleSettings;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Invariants of {@link CompiledProgram#decide} over random programs and random histories.
 *
 * <p>Programs: a rate of 1 to 10 points per $1 or per $3, an optional category multiplier, an
 * optional minimum-spend bonus, optional caps per activity, day and member on each of those
 * rules, an optional double-points offer window, rounding per line or per order, multipliers
 * before or after rounding, and an optional pending period. Histories: purchases of 1 to 5 lines
 * (a small set of categories, quantities 1 to 4, prices 0.01 to 200.00), some of them decided
 * late (after midnight for a purchase of the evening before), returns of random lines and partial
 * quantities of earlier purchases, and replays of earlier activities, at instants moving forward
 * over days in the program's zone (America/New_York, across a DST change).
 *
 * <p>Everything is generated as descriptor records with readable {@code toString}s and then
 * interpreted, so QuickTheories shrinks a failure to a small program and a short history. An
 * interpreter step that cannot apply (a return when nothing is left to return, a replay before
 * anything happened) is skipped, so every shrunk history still runs.
 */
class DecisionProperties {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final Currency USD = Money.currency("USD");
  private static final UnitId STARS = UnitId.of("stars");
  private static final ProgramState STATE = ProgramState.initial(USD);
  private static final LocalDate START_DAY = LocalDate.of(2026, 3, 2);
  private static final Instant START = START_DAY.atTime(8, 0).atZone(ZONE).toInstant();
  private static final List<String> CATEGORIES = List.of("drinks", "beans", "food", "merch");
  private static final long RANDOM_SEED = 20260302L;

  private static final RuleId BASE = RuleId.of("base");
  private static final RuleId CATEGORY = RuleId.of("category-x");
  private static final RuleId BONUS = RuleId.of("spend-bonus");

  /** Examples per property: the five together run in well under 20 s on 2 cores. */
  private static final int EXAMPLES = 10_000;
  private static final int SHRINK_CYCLES = 10_000;

  // ------------------------------------------------------------------------------------------
  // The properties
  // ------------------------------------------------------------------------------------------

  /**
   * (a) A decision never grants more than the caps that apply.
   *
   * <p>Purchases decided late (after midnight, for the evening before) are among those
   * generated; {@link DecisionRegressionTest} keeps the smallest such case.
   */
  @Test
  void aDecisionNeverGrantsMoreThanTheCapsThatApply() {
    qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
        .forAll(programs(), histories(14))
        .checkAssert((spec, steps) -> {
          Map<RuleId, CapLimits> caps = spec.caps();
          Map<LotId, Earned> earned = new LinkedHashMap<>();
          run(spec, steps, (world, before, planned, d) -> {
            for (TraceEntry t : d.trace()) {
              CapLimits limits = caps.get(t.rule());
              if (limits != null && limits.activity().isPresent()) {
                assertThat(t.granted()).as("%s granted by %s on %s (trace %s)", t.granted(),
                        t.rule(), planned.activity().id(), t)
                    .isLessThanOrEqualTo(limits.activity().get());
              }
            }
            if (planned.activity() instanceof Purchase p && !d.replay()) {
              LocalDate day = p.occurredAt().atZone(ZONE).toLocalDate();
              Map<RuleId, Long> thisActivity = new HashMap<>();
              for (Effect.PointsEarned e : d.effects(Effect.PointsEarned.class)) {
                RuleId rule = e.rule().orElseThrow();
                earned.put(e.lot(), new Earned(rule, day, e.points()));
                thisActivity.merge(rule, e.points(), Long::sum);
              }
              thisActivity.forEach((rule, points) -> {
                CapLimits limits = caps.get(rule);
                if (limits != null && limits.activity().isPresent()) {
                  assertThat(points).as("%s earned by %s on %s", points, rule, p.id())
                      .isLessThanOrEqualTo(limits.activity().get());
                }
              });
            }
            // Net of reversals, per rule and day (of the purchase, in the program's zone) and
            // per rule over the member's whole history.
            Map<RuleId, Map<LocalDate, Long>> perDay = new TreeMap<>();
            Map<RuleId, Long> perMember = new TreeMap<>();
            earned.forEach((lotId, e) -> {
              Lot lot = d.member().ledger().lot(lotId).orElseThrow(
                  () -> new AssertionError("lot " + lotId + " is gone from the ledger"));
              long net = e.points() - lot.reversed();
              perDay.computeIfAbsent(e.rule(), r -> new TreeMap<>()).merge(e.day(), net,
                  Long::sum);
              perMember.merge(e.rule(), net, Long::sum);
            });
            perDay.forEach((rule, days) -> caps.getOrDefault(rule, CapLimits.NONE).day()
                .ifPresent(cap -> days.forEach((day, net) -> assertThat(net)
                    .as("after %s: %s kept for %s on %s (per day: %s)",
                        planned.activity().id(), rule, net, day, days)
                    .isLessThanOrEqualTo(cap))));
            perMember.forEach((rule, net) -> caps.getOrDefault(rule, CapLimits.NONE).member()
                .ifPresent(cap -> assertThat(net)
                    .as("after %s: %s kept for %s over the membership",
                        planned.activity().id(), rule, net)
                    .isLessThanOrEqualTo(cap)));
          });
        });
  }

  /**
   * (b) A preview is the real decision: the same inputs always give an equal decision, and the
   * member given is never changed.
   */
  @Test
  void theSameInputsAlwaysGiveTheSameDecisionAndTheInputIsUnchanged() {
    qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
        .forAll(programs(), histories(12))
        .checkAssert((spec, steps) -> run(spec, steps, (world, before, planned, real) -> {
          Member copy = before.toBuilder().build();
          Decision preview = world.decide(before, planned);
          assertThat(preview).as("deciding %s again on the same inputs", planned)
              .isEqualTo(real);
          assertThat(preview.hashCode()).isEqualTo(real.hashCode());
          assertThat(before).as("the member given to %s", planned).isEqualTo(copy);
          assertThat(before.hashCode()).isEqualTo(copy.hashCode());
        }));
  }

  /**
   * (c) Replaying an activity earns nothing: the decision says it is a replay and applies only
   * the passage of time, exactly what {@code advance} applies.
   */
  @Test
  void replayingAnActivityAppliesOnlyThePassageOfTime() {
    qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
        .forAll(programs(), histories(12), integers().between(0, 3 * 24 * 60))
        .checkAssert((spec, steps, laterMinutes) -> {
          World world = run(spec, steps, (w, before, planned, d) -> {
            if (planned.replay()) {
              checkReplay(w, before, planned, d);
            }
          });
          // At the end, every activity applied is replayed once more, later.
          Instant later = world.clock.plus(Duration.ofMinutes(laterMinutes));
          for (Activity activity : world.applied) {
            Planned planned = new Planned(activity, later, true);
            checkReplay(world, world.member, planned, world.decide(world.member, planned));
          }
        });
  }

  /**
   * (d) A return of every line in full, right after a purchase and with nothing spent, restores
   * every balance: the member's available and pending points, and every ledger account
   * (issuance nets back too).
   */
  @Test
  void aFullReturnRightAfterAPurchaseRestoresEveryBalance() {
    qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
        .forAll(programs(), histories(10), buys(), integers().between(0, 120))
        .checkAssert((spec, steps, last, delayMinutes) -> {
          World world = run(spec, steps, (w, before, planned, d) -> { });
          Member beforePurchase = world.member;
          Planned buy = world.plan(last).orElseThrow();
          world.apply(buy);
          Purchase purchase = (Purchase) buy.activity();
          Instant at = world.clock.plus(Duration.ofMinutes(delayMinutes));
          Return all = Return.ofWholeLines(ActivityId.of("return-all"), at, purchase,
              purchase.lines().stream().map(PurchaseLine::id).toList());
          Member afterReturn = world.decide(world.member, new Planned(all, at, false)).member();

          Member expected = world.compiled.advance(STATE, beforePurchase, at).member();
          assertThat(afterReturn.available(STARS) + afterReturn.pending(STARS))
              .as("available + pending after returning all of %s", purchase)
              .isEqualTo(expected.available(STARS) + expected.pending(STARS));
          assertThat(afterReturn.available(STARS)).as("available").isEqualTo(
              expected.available(STARS));
          assertThat(afterReturn.pending(STARS)).as("pending").isEqualTo(
              expected.pending(STARS));
          assertThat(accounts(afterReturn)).as("account balances after returning all of %s",
              purchase).isEqualTo(accounts(expected));
        });
  }

  /**
   * (e) Returning an order in parts takes back exactly what returning the same quantities in
   * one return takes back.
   *
   * <p>What a rule keeps can rise again as more is returned (a multiplier's rounded share grows
   * when a line it does not multiply goes); a return then gives back, as of the purchase, what
   * an earlier one took beyond it.
   */
  @Test
  void returningInPartsTakesBackExactlyWhatReturningWholeWould() {
    qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
        .forAll(programs(), histories(10), buys(), returnParts())
        .checkAssert((spec, steps, last, parts) -> {
          World world = run(spec, steps, (w, before, planned, d) -> { });
          Planned buy = world.plan(last).orElseThrow();
          world.apply(buy);
          Purchase purchase = (Purchase) buy.activity();
          List<Map<String, Long>> returns = parts.interpret(purchase);
          if (returns.isEmpty()) {
            return;
          }
          Map<String, Long> whole = new TreeMap<>();
          returns.forEach(r -> r.forEach((line, q) -> whole.merge(line, q, Long::sum)));
          Member bought = world.member;
          Instant first = world.clock.plus(Duration.ofMinutes(parts.delayMinutes()));
          Instant end = first.plusSeconds(returns.size() - 1);

          Member inParts = bought;
          for (int i = 0; i < returns.size(); i++) {
            Instant at = first.plusSeconds(i);
            inParts = world.decide(inParts, new Planned(returnOf("part-" + (i + 1), at,
                purchase, returns.get(i)), at, false)).member();
          }
          Member inOne = world.decide(bought, new Planned(returnOf("whole", end, purchase, whole),
              end, false)).member();
          assertThat(inParts.available(STARS))
              .as("available after returning %s in parts %s vs whole %s", purchase, returns,
                  whole)
              .isEqualTo(inOne.available(STARS));
          assertThat(inParts.pending(STARS))
              .as("pending after returning %s in parts %s vs whole %s", purchase, returns,
                  whole)
              .isEqualTo(inOne.pending(STARS));
        });
  }

  // ------------------------------------------------------------------------------------------
  // Checks shared by the properties
  // ------------------------------------------------------------------------------------------

  private static void checkReplay(World world, Member before, Planned planned, Decision d) {
    assertThat(d.replay()).as("%s decided again is a replay", planned).isTrue();
    assertThat(d.effects(Effect.PointsEarned.class)).as("points earned by replaying %s",
        planned).isEmpty();
    Decision advanced = world.compiled.advance(STATE, before, planned.at());
    assertThat(d.member()).as("the member after replaying %s", planned)
        .isEqualTo(advanced.member());
    assertThat(d.effects()).as("the effects of replaying %s", planned)
        .isEqualTo(advanced.effects());
    assertThat(d.postings()).as("the postings of replaying %s", planned)
        .isEqualTo(advanced.postings());
  }

  /** Every account's non-zero balance of the unit, except breakage. */
  private static Map<Account, Long> accounts(Member member) {
    return member.ledger().balances(STARS).entrySet().stream()
        .filter(e -> e.getValue() != 0 && !e.getKey().equals(Account.breakage()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
            TreeMap::new));
  }

  private static Return returnOf(String id, Instant at, Purchase purchase,
      Map<String, Long> lines) {
    return Return.of(ActivityId.of(id), at, purchase.id(), lines.entrySet().stream()
        .map(e -> ReturnLine.of(e.getKey(), e.getValue())).toList());
  }

  // ------------------------------------------------------------------------------------------
  // Interpreting a history
  // ------------------------------------------------------------------------------------------

  /** What a property checks after each decision of the history. */
  @FunctionalInterface
  private interface Check {
    void after(World world, Member before, Planned planned, Decision decision);
  }

  /** An activity and the instant it is decided at; {@code replay} if it was applied before. */
  private record Planned(Activity activity, Instant at, boolean replay) {
    @Override
    public String toString() {
      return activity + " decided at " + at + (replay ? " (again)" : "");
    }
  }

  /** A point grant of a capped rule: the rule, the purchase's day and the points. */
  private record Earned(RuleId rule, LocalDate day, long points) {}

  private static World run(ProgramSpec spec, History history, Check check) {
    World world = new World(LoyaltyRules.compile(spec.build()));
    for (Step step : history.steps()) {
      Optional<Planned> planned = world.plan(step);
      if (planned.isPresent()) {
        Member before = world.member;
        Decision d = world.apply(planned.get());
        check.after(world, before, planned.get(), d);
      }
    }
    return world;
  }

  /** The member, the clock, and what can still be returned or replayed. */
  private static final class World {
    final CompiledProgram compiled;
    Member member = Member.enroll(MemberId.of("ana"), START);
    Instant clock = START;
    final List<Purchase> purchases = new ArrayList<>();
    final Map<ActivityId, Map<String, Long>> left = new HashMap<>();
    final List<Activity> applied = new ArrayList<>();
    int next;

    World(CompiledProgram compiled) {
      this.compiled = compiled;
    }

    /** Decides on fresh, identically seeded randomness, so a decision can be repeated. */
    Decision decide(Member m, Planned planned) {
      return compiled.decide(STATE, m, planned.activity(), planned.at(),
          new SplittableRandom(RANDOM_SEED));
    }

    /** Decides and keeps the new member and what the activity leaves to return. */
    Decision apply(Planned planned) {
      Decision d = decide(member, planned);
      member = d.member();
      clock = planned.at();
      if (!d.replay()) {
        applied.add(planned.activity());
        if (planned.activity() instanceof Purchase p) {
          purchases.add(p);
          Map<String, Long> quantities = new LinkedHashMap<>();
          p.lines().forEach(l -> quantities.put(l.id().value(),
              l.quantity().longValueExact()));
          left.put(p.id(), quantities);
        } else if (planned.activity() instanceof Return r) {
          Map<String, Long> quantities = left.get(r.purchase());
          r.lines().forEach(l -> quantities.merge(l.line().value(),
              -l.quantity().longValueExact(), Long::sum));
        }
      }
      return d;
    }

    /** Turns a step into an activity, or empty if it cannot apply now; moves the clock. */
    Optional<Planned> plan(Step step) {
      if (step instanceof Skip) {
        return Optional.empty();
      }
      clock = clock.plus(Duration.ofMinutes(step.minutesLater()));
      if (step instanceof Buy buy) {
        Instant occurred = clock.minus(Duration.ofMinutes(buy.minutesLate()));
        if (occurred.isBefore(START)) {
          occurred = START;
        }
        Purchase.Builder b = Purchase.builder(ActivityId.of("p" + ++next), occurred);
        for (int i = 0; i < buy.lines().size(); i++) {
          LineSpec line = buy.lines().get(i);
          b.line(PurchaseLine.of("l" + (i + 1), line.category() + "-sku", line.category(),
              line.quantity(), Money.of(BigDecimal.valueOf(line.cents(), 2), USD)));
        }
        return Optional.of(new Planned(b.build(), clock, false));
      }
      if (step instanceof ReturnSome ret) {
        List<Purchase> open = purchases.stream().filter(p -> left.get(p.id()).values().stream()
            .anyMatch(q -> q > 0)).toList();
        if (open.isEmpty()) {
          return Optional.empty();
        }
        Purchase purchase = open.get(ret.purchase() % open.size());
        Map<String, Long> quantities = left.get(purchase.id());
        Map<String, Long> lines = new LinkedHashMap<>();
        for (ReturnPick pick : ret.picks()) {
          String line = purchase.lines().get(pick.line() % purchase.lines().size()).id().value();
          long q = Math.min(pick.quantity(), quantities.get(line) - lines.getOrDefault(line, 0L));
          if (q > 0) {
            lines.merge(line, q, Long::sum);
          }
        }
        if (lines.isEmpty()) {
          quantities.entrySet().stream().filter(e -> e.getValue() > 0).findFirst()
              .ifPresent(e -> lines.put(e.getKey(), 1L));
        }
        return Optional.of(new Planned(returnOf("r" + ++next, clock, purchase, lines), clock,
            false));
      }
      Replay replay = (Replay) step;
      if (applied.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Planned(applied.get(replay.activity() % applied.size()), clock,
          true));
    }
  }

  // ------------------------------------------------------------------------------------------
  // Descriptors
  // ------------------------------------------------------------------------------------------

  /** A rule's caps; each scope optional. */
  record CapLimits(Optional<Long> activity, Optional<Long> day, Optional<Long> member) {
    static final CapLimits NONE = new CapLimits(Optional.empty(), Optional.empty(),
        Optional.empty());

    boolean any() {
      return activity.isPresent() || day.isPresent() || member.isPresent();
    }

    RuleSettings settings() {
      List<Cap> caps = new ArrayList<>();
      activity.ifPresent(n -> caps.add(Cap.of(CapScope.ACTIVITY, n)));
      day.ifPresent(n -> caps.add(Cap.of(CapScope.DAY, n)));
      member.ifPresent(n -> caps.add(Cap.of(CapScope.MEMBER, n)));
      return RuleSettings.defaults().caps(caps.toArray(new Cap[0]));
    }

    @Override
    public String toString() {
      if (!any()) {
        return "uncapped";
      }
      List<String> parts = new ArrayList<>();
      activity.ifPresent(n -> parts.add(n + "/activity"));
      day.ifPresent(n -> parts.add(n + "/day"));
      member.ifPresent(n -> parts.add(n + "/member"));
      return "capped " + String.join(", ", parts);
    }
  }

  /** The base rate: {@code points} per {@code perDollars}. */
  record RateSpec(int points, int perDollars, CapLimits caps) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "base %d per $%d %s", points, perDollars, caps);
    }
  }

  /** A multiplier on one category. */
  record CategorySpec(String category, BigDecimal factor, CapLimits caps) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "x%s on %s %s", factor.toPlainString(), category, caps);
    }
  }

  /** A bonus for reaching a minimum spend. */
  record BonusSpec(long points, int minimumDollars, CapLimits caps) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d bonus at $%d %s", points, minimumDollars, caps);
    }
  }

  /** A double-points offer on whole days, counted from the history's first day. */
  record OfferSpec(int fromDay, int days) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "double on days %d-%d", fromDay, fromDay + days - 1);
    }
  }

  /** How points are rounded and when they vest. */
  record PolicySpec(EarnPolicy.Scope scope, EarnPolicy.MultiplierTiming timing,
      RoundingMode mode, int pendingDays) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s %s %s, pending %d days", scope, timing, mode,
          pendingDays);
    }
  }

  /** A random program. */
  record ProgramSpec(RateSpec rate, Optional<CategorySpec> category, Optional<BonusSpec> bonus,
      Optional<OfferSpec> offer, PolicySpec policy) {
    Program build() {
      PointUnit stars = PointUnit.redeemable("stars", "Stars");
      if (policy.pendingDays() > 0) {
        stars = stars.withPendingPeriod(Period.ofDays(policy.pendingDays()));
      }
      Program.Builder b = Program.builder(ProgramId.of("random"), USD, ZONE)
          .unit(stars)
          .earnPolicy(EarnPolicy.defaults().withScope(policy.scope())
              .withMultipliers(policy.timing()).withMode(policy.mode()))
          .earnRule(new EarnRule.Rate(BASE, rate.caps().settings(), STARS,
              BigDecimal.valueOf(rate.points()), usd(rate.perDollars()), LineFilter.all()));
      category.ifPresent(c -> b.earnRule(new EarnRule.Multiplier(CATEGORY, c.caps().settings(),
          STARS, c.factor(), LineFilter.categories(c.category()))));
      bonus.ifPresent(s -> b.earnRule(new EarnRule.MinimumSpendBonus(BONUS, s.caps().settings(),
          STARS, s.points(), usd(s.minimumDollars()))));
      offer.ifPresent(o -> b.offer(Offer.multiplier("double", "Double points",
          START_DAY.plusDays(o.fromDay()).atStartOfDay(),
          START_DAY.plusDays(o.fromDay() + o.days()).atStartOfDay(), STARS,
          BigDecimal.valueOf(2))));
      return b.build();
    }

    /** The caps of each capped rule. */
    Map<RuleId, CapLimits> caps() {
      Map<RuleId, CapLimits> caps = new HashMap<>();
      if (rate.caps().any()) {
        caps.put(BASE, rate.caps());
      }
      category.filter(c -> c.caps().any()).ifPresent(c -> caps.put(CATEGORY, c.caps()));
      bonus.filter(s -> s.caps().any()).ifPresent(s -> caps.put(BONUS, s.caps()));
      return caps;
    }

    @Override
    public String toString() {
      return "Program[" + rate + category.map(c -> "; " + c).orElse("")
          + bonus.map(s -> "; " + s).orElse("") + offer.map(o -> "; " + o).orElse("") + "; "
          + policy + "]";
    }
  }

  /** One step of a history; each moves the clock forward first. */
  sealed interface Step permits Skip, Buy, ReturnSome, Replay {
    int minutesLater();
  }

  /** A step left out; shrinking turns the steps a failure does not need into these. */
  record Skip() implements Step {
    static final Skip SKIP = new Skip();

    @Override
    public int minutesLater() {
      return 0;
    }

    @Override
    public String toString() {
      return "skip";
    }
  }

  /** A history: its steps in order; {@code toString} leaves out the skipped ones. */
  record History(List<Step> steps) {
    @Override
    public String toString() {
      List<String> shown = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        if (!(steps.get(i) instanceof Skip)) {
          shown.add("#" + i + " " + steps.get(i));
        }
      }
      return "History" + shown;
    }
  }

  /** A purchase line: category, quantity and unit price in cents. */
  record LineSpec(String category, int quantity, long cents) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d %s at %s", quantity, category,
          BigDecimal.valueOf(cents, 2).toPlainString());
    }
  }

  /** A purchase decided now that happened {@code minutesLate} before (0 for now). */
  record Buy(List<LineSpec> lines, int minutesLater, int minutesLate) implements Step {
    @Override
    public String toString() {
      return "+" + minutesLater + "m buy" + (minutesLate > 0 ? " (" + minutesLate + "m late)" : "")
          + " " + lines;
    }
  }

  /** A line of a return, picked by index (modulo) with a wished quantity (capped at what is left). */
  record ReturnPick(int line, int quantity) {
    @Override
    public String toString() {
      return quantity + " of line#" + line;
    }
  }

  /** A return of an earlier purchase that still has something to return, picked by index. */
  record ReturnSome(int purchase, List<ReturnPick> picks, int minutesLater) implements Step {
    @Override
    public String toString() {
      return "+" + minutesLater + "m return purchase#" + purchase + " " + picks;
    }
  }

  /** An earlier activity decided again, picked by index. */
  record Replay(int activity, int minutesLater) implements Step {
    @Override
    public String toString() {
      return "+" + minutesLater + "m replay activity#" + activity;
    }
  }

  /** A part of a split return: a line by index, a quantity, whether it starts a new return. */
  record PartPick(int line, int quantity, boolean newReturn) {
    @Override
    public String toString() {
      return (newReturn ? "| " : "") + quantity + " of line#" + line;
    }
  }

  /** How to split a return of the last purchase into several. */
  record SplitSpec(List<PartPick> picks, int delayMinutes) {
    /** The returns, each line to quantity; what the picks ask beyond what is left is dropped. */
    List<Map<String, Long>> interpret(Purchase purchase) {
      Map<String, Long> quantities = new LinkedHashMap<>();
      purchase.lines().forEach(l -> quantities.put(l.id().value(),
          l.quantity().longValueExact()));
      List<Map<String, Long>> returns = new ArrayList<>();
      Map<String, Long> current = null;
      for (PartPick pick : picks) {
        String line = purchase.lines().get(pick.line() % purchase.lines().size()).id().value();
        long q = Math.min(pick.quantity(), quantities.get(line));
        if (q == 0) {
          continue;
        }
        quantities.merge(line, -q, Long::sum);
        if (current == null || pick.newReturn()) {
          current = new TreeMap<>();
          returns.add(current);
        }
        current.merge(line, q, Long::sum);
      }
      return returns;
    }

    @Override
    public String toString() {
      return "+" + delayMinutes + "m split " + picks;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Generators
  // ------------------------------------------------------------------------------------------

  private static <T> Gen<Optional<T>> optional(Gen<T> gen) {
    return Generate.booleans().zip(gen, (on, value) -> on ? Optional.of(value) : Optional.empty());
  }

  private static Gen<CapLimits> capLimits() {
    return optional(longs().between(1, 2_000)).zip(optional(longs().between(1, 4_000)),
        optional(longs().between(1, 12_000)), CapLimits::new);
  }

  static Gen<ProgramSpec> programs() {
    Gen<RateSpec> rate = Generate.range(1, 10).zip(Generate.pick(List.of(1, 3)), capLimits(),
        RateSpec::new);
    Gen<CategorySpec> category = Generate.pick(CATEGORIES).zip(Generate.pick(List.of(
        BigDecimal.valueOf(2), new BigDecimal("1.5"), BigDecimal.valueOf(3))), capLimits(),
        CategorySpec::new);
    Gen<BonusSpec> bonus = Generate.longRange(5, 100).zip(Generate.range(5, 150), capLimits(),
        BonusSpec::new);
    Gen<OfferSpec> offer = Generate.range(0, 12).zip(Generate.range(1, 4), OfferSpec::new);
    Gen<PolicySpec> policy = Generate.enumValues(EarnPolicy.Scope.class).zip(
        Generate.enumValues(EarnPolicy.MultiplierTiming.class),
        Generate.pick(List.of(RoundingMode.FLOOR, RoundingMode.HALF_UP)),
        Generate.pick(List.of(0, 0, 1, 3)), PolicySpec::new);
    return rate.zip(optional(category), optional(bonus), optional(offer), policy,
        ProgramSpec::new);
  }

  private static Gen<Integer> minutesLater() {
    return Generate.frequency(List.of(
        Pair.of(5, Generate.range(0, 180)),
        Pair.of(3, Generate.range(180, 24 * 60)),
        Pair.of(2, Generate.range(24 * 60, 3 * 24 * 60))));
  }

  static Gen<Buy> buys() {
    // Half the prices are small, where a cent more or less moves a rounding boundary.
    Gen<Long> cents = Generate.frequency(List.of(
        Pair.of(1, Generate.longRange(1, 300)),
        Pair.of(1, Generate.longRange(1, 20_000))));
    Gen<LineSpec> line = Generate.pick(CATEGORIES).zip(Generate.range(1, 4), cents,
        LineSpec::new);
    Gen<Integer> late = Generate.frequency(List.of(
        Pair.of(4, Generate.constant(0)),
        Pair.of(1, Generate.range(1, 12 * 60))));
    return lists().of(line).ofSizeBetween(1, 5).zip(minutesLater(), late, Buy::new);
  }

  static Gen<History> histories(int maxSteps) {
    Gen<Step> buy = buys().map(b -> (Step) b);
    Gen<Step> ret = Generate.range(0, 20).zip(lists().of(Generate.range(0, 4).zip(
            Generate.range(1, 4), ReturnPick::new)).ofSizeBetween(1, 3), minutesLater(),
        (Integer purchase, List<ReturnPick> picks, Integer minutes) -> (Step) new ReturnSome(
            purchase, picks, minutes));
    Gen<Step> replay = Generate.range(0, 20).zip(minutesLater(),
        (Integer activity, Integer minutes) -> (Step) new Replay(activity, minutes));
    Gen<Step> step = Generate.frequency(List.of(Pair.of(6, buy), Pair.of(3, ret),
        Pair.of(1, replay)));
    // One step in ten is skipped; shrinking skips every step a failure does not need.
    Gen<Step> maybe = Generate.range(0, 9).zip(step, (k, s) -> k == 0 ? Skip.SKIP : s);
    return lists().of(maybe).ofSizeBetween(0, maxSteps).map(History::new);
  }

  static Gen<SplitSpec> returnParts() {
    Gen<PartPick> pick = Generate.range(0, 4).zip(Generate.range(1, 4), Generate.booleans(),
        PartPick::new);
    return lists().of(pick).ofSizeBetween(1, 8).zip(Generate.range(0, 120), SplitSpec::new);
  }

  private static Money usd(long dollars) {
    return Money.of(BigDecimal.valueOf(dollars), USD);
  }
}
