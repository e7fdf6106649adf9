package org.loyaltyrules.rules.config;

import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.LoyaltyException;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.AccountClosure;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Adjustment;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.Donation;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.PayWithPoints;
import org.loyaltyrules.core.activity.PointsTransfer;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.FeeTerm;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Membership;
import org.loyaltyrules.core.member.MembershipStatus;
import org.loyaltyrules.core.member.PurchaseRecord;
import org.loyaltyrules.core.member.TierStatus;
import org.loyaltyrules.core.program.Cause;
import org.loyaltyrules.core.program.Dividend;
import org.loyaltyrules.core.program.ExpiryPolicy;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.MemberDiscount;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.Offer;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.PointsPayment;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.program.ShortfallPolicy;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.rule.Budget;
import org.loyaltyrules.core.rule.Cap;
import org.loyaltyrules.core.rule.CapScope;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.RuleSettings;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Histories of one member under a program that uses most of what the engine decides, built
 * through the public API only: purchases (some decided late, some by weight, some from a
 * partner), returns of whole lines and of part of a line, paying with points, redemptions of a
 * free item and of a voucher, vouchers earned by spend and revoked by returns, donations,
 * transfers, adjustments up and down, check-ins, replays, the passage of time (vesting, expiry
 * of points and vouchers, birthdays) and, rarely, closing the account. The member starts with a
 * membership in its trial, its paid term following, and a lapsed one of two terms; the plans
 * have a trial, a grace period, a member discount and a dividend.
 *
 * <p>A history is a list of {@link Step} descriptors interpreted in order, so QuickTheories
 * shrinks a failure to a short history. A step that the engine refuses (too few points, a return
 * with nothing left) is skipped; nothing else may be thrown.
 */
final class StateHistory {
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final Currency USD = Money.currency("USD");
  static final UnitId STARS = UnitId.of("stars");
  static final UnitId MILES = UnitId.of("miles");
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 2);
  static final Instant START = FIRST_DAY.atTime(8, 0).atZone(ZONE).toInstant();
  static final ProgramState INITIAL = ProgramState.initial(USD);
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final List<String> CATEGORIES = List.of("drinks", "beans", "food", "merch");

  static final Program PROGRAM = Program.builder(ProgramId.of("state-json"), USD, ZONE)
      .unit(PointUnit.redeemable("stars", "Stars").withPendingPeriod(Period.ofDays(1))
          .withExpiry(ExpiryPolicy.afterPeriod(Period.ofDays(20)))
          .withShortfall(ShortfallPolicy.TAKE_FROM_PENDING))
      .unit(PointUnit.redeemable("miles", "Miles").withShortfall(ShortfallPolicy.ALLOW_NEGATIVE))
      .tiers(TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(), List.of(
          Tier.of("green", "Green", 0),
          Tier.of("gold", "Gold", 300).withEarnMultiplier(new BigDecimal("1.5"))
              .withPerks(Set.of("free-refill")))))
      .plan(new MembershipPlan(PlanId.of("plus"), "Plus", Money.of("50", "USD"),
          Optional.of(Period.ofMonths(2)), Set.of("free-shipping"), BigDecimal.valueOf(2))
          .withTrial(Period.ofDays(10)).withGrace(Period.ofDays(7))
          .withDiscount(new MemberDiscount(BigDecimal.TEN, LineFilter.categories("merch"))))
      .plan(MembershipPlan.recurring("club", "Club", Money.of("5", "USD"), Period.ofMonths(1),
          Set.of("free-refill")).withDividend(new Dividend(new BigDecimal("2.5"),
              Dividend.ReturnPolicy.REDUCE_NEXT, Optional.of(Period.ofYears(1)))))
      .earnRule(new EarnRule.Rate(RuleId.of("base"), RuleSettings.defaults()
          .caps(Cap.of(CapScope.DAY, 600)), STARS, BigDecimal.valueOf(2), Money.of("1", "USD"),
          LineFilter.all()))
      .earnRule(new EarnRule.Multiplier(RuleId.of("beans-x3"), RuleSettings.defaults()
          .budget(Budget.of("beans", 3_000)), STARS, BigDecimal.valueOf(3),
          LineFilter.categories("beans")))
      .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("spend-40"), RuleSettings.defaults(),
          STARS, 30, Money.of("40", "USD")))
      .earnRule(new EarnRule.Rate(RuleId.of("miles"), RuleSettings.defaults(), MILES,
          BigDecimal.ONE, Money.of("2", "USD"), LineFilter.all()))
      .earnRule(new EarnRule.EventBonus(RuleId.of("check-in"), RuleSettings.defaults(), STARS, 5,
          EngagementType.CHECK_IN, Map.of(), Frequency.ONCE_PER_DAY))
      .earnRule(new EarnRule.SpendVoucher(RuleId.of("five-per-35"), RuleSettings.defaults(),
          Money.of("35", "USD"), Money.of("5", "USD"), Optional.of(Period.ofDays(10))))
      .earnRule(EarnRule.DateReward.birthday("birthday", Grant.points(STARS, 50)))
      .offer(Offer.multiplier("double", "Double stars", FIRST_DAY.plusDays(10).atStartOfDay(),
          FIRST_DAY.plusDays(13).atStartOfDay(), STARS, BigDecimal.valueOf(2)))
      .reward(Reward.of("drink", "Drink", STARS, 150, RewardKind.FREE_ITEM))
      .reward(Reward.worth("ten-off", "Ten off", STARS, 300, RewardKind.VOUCHER,
          Money.of("10", "USD")))
      .pointsPayment(new PointsPayment(STARS, 100, Money.of("5", "USD"), new BigDecimal("0.5")))
      .cause(new Cause(CauseId.of("fund"), "Giving fund", Money.of("0.01", "USD"), 100, 50))
      .partner(Partner.of("airline", "Airline", Money.of("0.012", "USD"))
          .withTransfers(new org.loyaltyrules.core.program.TransferTerms("miles", 1, 1, 1, 1)))
      .build();

  static final CompiledProgram COMPILED = LoyaltyRules.compile(PROGRAM);

  private StateHistory() {}

  /**
   * One step: what to do ({@code kind}), two numbers that pick its details, and how many
   * minutes pass first.
   */
  record Step(int kind, int a, int b, int minutesLater) {
    @Override
    public String toString() {
      return "+" + minutesLater + "m " + KINDS.get(kind) + "(" + a + "," + b + ")";
    }
  }

  private static final List<String> KINDS = List.of("buy", "buy", "buy", "buy late", "return",
      "return", "pay", "redeem", "donate", "transfer", "adjust", "check-in", "replay", "wait",
      "close");

  /** The outcome of a history: every decision, the member's state and the program's. */
  record Result(List<Decision> decisions, Member member, ProgramState state) {}

  /**
   * The member every history starts from: a referrer, a profile, a tier, a membership in its
   * trial with the term already paid for after it, and a lapsed membership of two terms.
   */
  static Member start() {
    Member m = Member.enroll(MemberId.of("ana"), START).withReferrer(MemberId.of("bo"));
    m = m.withProfile(m.profile().withBirthday(LocalDate.of(1990, 3, 9))
        .withSegments(Set.of("students", "app-users")).withAttribute("home-store", "12")
        .withAttribute("cause", "fund"));
    m = m.withTier(new TierStatus(TierId.of("gold"), START, Optional.of(START.plus(
        Duration.ofDays(365)))));
    m = m.withMembership(new Membership(PlanId.of("plus"), START, MembershipStatus.TRIAL,
        List.of(term("trial-1", "0", START, Duration.ofDays(10)),
            term("fee-1", "50", START.plus(Duration.ofDays(10)), Duration.ofDays(30)))));
    Instant joined = START.minus(Duration.ofDays(75));
    return m.withMembership(new Membership(PlanId.of("club"), joined, MembershipStatus.LAPSED,
        List.of(term("club-1", "5", joined, Duration.ofDays(31)),
            term("club-2", "5.00", joined.plus(Duration.ofDays(31)), Duration.ofDays(30)))));
  }

  private static FeeTerm term(String payment, String paid, Instant from, Duration length) {
    return new FeeTerm(ActivityId.of(payment), Money.of(paid, "USD"), from,
        Optional.of(from.plus(length)));
  }

  /**
   * Members from {@link #start()} with random memberships of the program's plans, and of plans
   * it does not have: every status, one to four terms each beginning where the one before ends,
   * free trials among them, a lifetime term now and then; and a decision for each with random
   * membership, discount and dividend effects.
   */
  static Gen<Decision> membershipDecisions() {
    Gen<Decision> gen = in -> {
      Member.Builder b = start().toBuilder();
      List<String> plans = List.of("plus", "club", "coop", "gym");
      List<Effect> effects = new ArrayList<>();
      for (String plan : plans) {
        if (pick(in, 0, 2) == 0) {
          continue;
        }
        PlanId id = PlanId.of(plan);
        Instant started = START.minus(Duration.ofMinutes(pick(in, 0, 400 * 24 * 60)));
        Instant from = started.plus(Duration.ofMinutes(pick(in, 0, 3 * 24 * 60)));
        List<FeeTerm> terms = new ArrayList<>();
        for (int i = pick(in, 1, 4); i > 0; i--) {
          boolean trial = terms.isEmpty() && pick(in, 0, 2) == 0;
          Money paid = trial ? Money.zero(USD) : Money.of(BigDecimal.valueOf(
              pick(in, 1, 50_000), pick(in, 0, 2)), USD);
          boolean lifetime = i == 1 && pick(in, 0, 3) == 0;
          Optional<Instant> until = lifetime ? Optional.empty()
              : Optional.of(from.plus(Duration.ofMinutes(pick(in, 1, 400 * 24 * 60))));
          terms.add(new FeeTerm(ActivityId.of((trial ? "trial-" : "fee-") + plan + "-" + i),
              paid, from, until));
          from = until.orElse(from);
        }
        MembershipStatus status = MembershipStatus.values()[pick(in, 0,
            MembershipStatus.values().length - 1)];
        Membership membership = new Membership(id, started, status, terms);
        b.membership(membership);
        effects.add(new Effect.MembershipChanged(id, status, membership.expiresAt()));
        if (pick(in, 0, 1) == 0) {
          effects.add(new Effect.DiscountGranted(id, Money.of(BigDecimal.valueOf(
              pick(in, 1, 10_000), pick(in, 0, 2)), USD)));
        }
        if (pick(in, 0, 1) == 0) {
          effects.add(new Effect.DividendAdjusted(id, pick(in, 1990, 2100),
              Money.of(BigDecimal.valueOf(pick(in, 0, 10_000), 2), USD),
              Dividend.ReturnPolicy.values()[pick(in, 0, 1)]));
        }
      }
      Member member = b.build();
      return new Decision(Optional.of(ActivityId.of("m-1")), member.asOf(), false, member,
          effects, List.of(), List.of(), List.of(), List.of());
    };
    return gen.describedAs(d -> StateJson.write(d));
  }

  private static int pick(org.quicktheories.core.RandomnessSource in, int min, int max) {
    return (int) in.next(org.quicktheories.impl.Constraint.between(min, max));
  }

  static Gen<List<Step>> steps(int maxSteps) {
    Gen<Integer> minutes = Generate.frequency(List.of(
        Pair.of(5, Generate.range(0, 180)),
        Pair.of(3, Generate.range(180, 24 * 60)),
        Pair.of(2, Generate.range(24 * 60, 4 * 24 * 60))));
    Gen<Step> step = Generate.range(0, KINDS.size() - 1).zip(Generate.range(0, 99),
        Generate.range(0, 99), minutes, Step::new);
    return lists().of(step).ofSizeBetween(0, maxSteps);
  }

  /** Runs a history from {@link #start()}. */
  static Result run(List<Step> steps) {
    Interpreter run = new Interpreter();
    for (Step step : steps) {
      run.step(step);
    }
    return new Result(List.copyOf(run.decisions), run.member, run.state);
  }

  private static final class Interpreter {
    Member member = start();
    ProgramState state = INITIAL;
    Instant clock = START;
    int next;
    final List<Decision> decisions = new ArrayList<>();
    final List<Activity> applied = new ArrayList<>();

    void step(Step step) {
      clock = clock.plus(Duration.ofMinutes(step.minutesLater()));
      String kind = KINDS.get(step.kind());
      if (kind.equals("wait")) {
        clock = clock.plus(Duration.ofDays(step.a() % 25));
        record(COMPILED.advance(state, member, clock), null);
        return;
      }
      if (kind.equals("close") && step.a() % 4 != 0) {
        return;
      }
      Activity activity = activity(kind, step);
      if (activity != null) {
        try {
          record(COMPILED.decide(state, member, activity, clock, RANDOM), activity);
        } catch (LoyaltyException | IllegalArgumentException refused) {
          // The engine refused the activity (too few points, nothing left to return...).
        }
      }
    }

    private void record(Decision d, Activity activity) {
      decisions.add(d);
      member = d.member();
      state = state.apply(d.programStateChanges());
      if (activity != null && !d.replay() && !d.isRefused()) {
        applied.add(activity);
      }
    }

    private Activity activity(String kind, Step step) {
      ActivityId id = ActivityId.of("a" + ++next);
      int a = step.a();
      int b = step.b();
      switch (kind) {
        case "buy":
        case "buy late":
          return purchase(id, kind.equals("buy late") ? clock.minus(Duration.ofMinutes(
              1 + a * 7L)) : clock, a, b);
        case "return":
          return ret(id, a, b);
        case "pay": {
          List<PurchaseRecord> records = List.copyOf(member.purchases().records());
          if (records.isEmpty()) {
            return null;
          }
          return new PayWithPoints(id, clock, records.get(a % records.size()).purchase().id(),
              STARS, 100L * (1 + b % 3));
        }
        case "redeem":
          return RedeemReward.of(id, clock, RewardId.of(b % 2 == 0 ? "drink" : "ten-off"));
        case "donate":
          return new Donation(id, clock, CauseId.of("fund"), STARS, 100 + 50L * (b % 3));
        case "transfer": {
          // Half the transfers of miles take every mile, so a later return leaves a deficit.
          UnitId unit = b % 2 == 0 ? STARS : MILES;
          long all = member.available(unit);
          return new PointsTransfer(id, clock, PartnerId.of("airline"), unit,
              b % 4 == 1 && all > 0 ? all : 10 + b);
        }
        case "adjust": {
          // One adjustment in eight takes every available point, so a later return falls short.
          UnitId unit = b % 3 == 0 ? MILES : STARS;
          long all = member.available(unit);
          long points = b % 8 == 0 && all > 0 ? -all : b % 4 == 0 ? -(1 + a) : 1 + a * 3L;
          return new Adjustment(id, clock, unit, points,
              points > 0 ? "goodwill" : "correction #" + a);
        }
        case "check-in":
          return EngagementEvent.of(id, clock, EngagementType.CHECK_IN);
        case "replay":
          return applied.isEmpty() ? null : applied.get(a % applied.size());
        case "close":
          return new AccountClosure(id, clock, "member asked");
        default:
          throw new IllegalStateException(kind);
      }
    }

    private Purchase purchase(ActivityId id, Instant at, int a, int b) {
      Purchase.Builder p = Purchase.builder(id, at.isBefore(START) ? START : at)
          .channel(Channel.values()[b % 3]);
      if (a % 5 == 0) {
        p.paymentInstrument("co-brand card");
      }
      if (a % 7 == 0) {
        p.shipping(Money.of("4.99", "USD")).tax(Money.of("1.25", "USD"));
      }
      int lines = 1 + a % 4;
      for (int i = 0; i < lines; i++) {
        String category = CATEGORIES.get((b + i) % CATEGORIES.size());
        long cents = 1 + ((long) (a + 1) * (b + 3) * (i + 7)) % 9_000;
        PurchaseLine line = PurchaseLine.of("l" + (i + 1), category + "-sku", category,
            1 + (a + i) % 4, Money.of(BigDecimal.valueOf(cents, 2), USD));
        if ((a + i) % 6 == 0) {
          line = line.withQuantity(new BigDecimal("1.5")).withUnitOfMeasure("kg")
              .withTags(Set.of("organic", "local"));
        }
        if ((b + i) % 9 == 0) {
          line = line.withPartner(PartnerId.of("airline"));
        }
        p.line(line);
      }
      return p.build();
    }

    private Return ret(ActivityId id, int a, int b) {
      List<PurchaseRecord> open = member.purchases().records().stream()
          .filter(r -> !r.isFullyReturned()).toList();
      if (open.isEmpty()) {
        return null;
      }
      PurchaseRecord record = open.get(a % open.size());
      List<ReturnLine> lines = new ArrayList<>();
      for (PurchaseLine line : record.purchase().lines()) {
        BigDecimal left = record.returnableOf(line.id());
        if (left.signum() > 0 && (lines.isEmpty() || (b + lines.size()) % 2 == 0)) {
          BigDecimal quantity = b % 3 == 0 ? left : left.min(new BigDecimal("0.5"));
          lines.add(ReturnLine.of(line.id(), quantity));
        }
      }
      return Return.of(id, clock, record.purchase().id(), lines);
    }
  }
}
