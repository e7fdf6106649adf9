package org.loyaltyrules.rules.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.BadgeId;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.OfferId;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.program.Badge;
import org.loyaltyrules.core.program.BadgeLevel;
import org.loyaltyrules.core.program.BadgeMetric;
import org.loyaltyrules.core.program.CalendarPeriod;
import org.loyaltyrules.core.program.Cause;
import org.loyaltyrules.core.program.Challenge;
import org.loyaltyrules.core.program.ChallengeGoal;
import org.loyaltyrules.core.program.ChallengeWindow;
import org.loyaltyrules.core.program.Dividend;
import org.loyaltyrules.core.program.Draw;
import org.loyaltyrules.core.program.EntryTrigger;
import org.loyaltyrules.core.program.GamePrize;
import org.loyaltyrules.core.program.InstantWinGame;
import org.loyaltyrules.core.program.Prize;
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
import org.loyaltyrules.core.program.TierDowngrade;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.program.UnitKind;
import org.loyaltyrules.core.rule.Audience;
import org.loyaltyrules.core.rule.Budget;
import org.loyaltyrules.core.rule.Cap;
import org.loyaltyrules.core.rule.CapScope;
import org.loyaltyrules.core.rule.CustomCondition;
import org.loyaltyrules.core.rule.EarnPolicy;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Expression;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.OnError;
import org.loyaltyrules.core.rule.RuleSettings;
import org.loyaltyrules.core.rule.Stacking;
import org.loyaltyrules.core.rule.TimeWindow;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Random valid programs for {@link ProgramFilesProperties}, built through the Java API from a
 * QuickTheories randomness source, so that a failure shrinks to a small program.
 *
 * <p>A program may declare member segments (which audiences, offers and expressions then keep
 * to), has one to four units (the first redeemable; pending periods, the three kinds of
 * expiry and every shortfall policy), earning rules of all eleven kinds with random settings
 * (group, priority, stacking, audience, window, caps, budget, Java condition, {@code when}
 * expression, on-error), rewards of every kind, offers with and without {@code when}, a tier
 * ladder on any metric (a credit expression for {@code expression}) with either downgrade, a
 * grace period, lifetime tier windows and entry bonuses, plans with trials, grace periods,
 * member discounts and dividends, partners, causes, challenges and badges, sweepstakes draws and
 * instant-win games (odds from below 25 % with a stated reason up to 1), points payment,
 * referral terms and an earn policy, in one of a few currencies (0 to 4 decimal places) and
 * zones (regions, offsets, {@code Z}).
 *
 * <p>Every choice is drawn within bounds that make the program valid by construction, never by
 * filtering: ids are unique per kind and references name parts that exist; pending periods are
 * shorter than the activity horizon and than an expiry after a period; caps are never smaller
 * than one earn of their rule (so compiling gives no warning); nights thresholds fit the
 * ladder's window, grace periods are shorter than the review period or term they follow, entry
 * bonuses are never in the status unit nor on the base tier; conditions, caps, budgets and
 * channels go only on the rules that take them; a first-purchase grant is points or a voucher;
 * expressions come from a small set of valid ones. Ids follow the file format's pattern, text
 * stays within its lengths. Names and other text are drawn partly from strings that YAML must
 * quote or escape ({@code "true"}, {@code "123"}, {@code "a: b"}, line breaks, non-ASCII), but
 * none outside the Basic Multilingual Plane: those are the business of a separate property,
 * which records a finding.
 *
 * <p>Three flavours: {@link #programs()} ranges widely (numbers in exponent form, longs up to
 * {@link Long#MAX_VALUE}, dates from year 1); {@link #programsToMutate()} keeps numbers small and
 * plain (no exponent, a few decimal places at most, shares and multipliers of 1 exactly
 * {@code 1}), so that the edits of {@link ProgramTextGenerator} seldom turn them into the numbers
 * separate properties cover; {@link #programsAtTheEdges()} adds one part the Java API accepts at
 * the edge of the model (see there).
 */
final class ProgramGenerator {
  /** The extension kinds registered by {@link ProgramFilesRoundTripTest#EXTENSIONS}. */
  static final String RULE_EXTENSION = "per-item";
  static final String CONDITION_EXTENSION = "weekend";

  private static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY", "GBP", "BHD",
      "CHF", "KRW", "CLF");
  private static final List<String> ZONES = List.of("UTC", "Z", "America/Los_Angeles",
      "America/New_York", "Europe/Berlin", "Asia/Seoul", "Asia/Kolkata", "Australia/Lord_Howe",
      "Pacific/Chatham", "+05:30", "-03:00", "GMT+2", "UTC+01:00", "Etc/GMT-14");
  private static final List<String> WORDS = List.of("points", "stars", "miles", "gold", "silver",
      "green", "beans", "drinks", "food", "outdoor", "students", "spring", "summer", "coffee",
      "hotel", "shelter", "plus", "vip", "app", "weekend", "city", "store-1", "eco", "SKU-1",
      "bonus", "welcome", "double", "club", "Seoul", "free-shipping");
  /** Text that YAML or JSON must quote or escape to keep it text. */
  static final List<String> TRICKY = List.of("123", "1.5", "0x1F", "1e3", "0o17", "+1", ".5",
      "1_000", "12:30", "1:20:30", "true", "false", "yes", "No", "on", "OFF", "y", "n", "null",
      "~", "NULL", "- item", "a: b", "#hash", "x #y", "'single'", "\"double\"", "[list]",
      "{map}", "*star", "&anchor", "!tag", "%pct", "@at", "`tick", "|", ">", "?", ",",
      " leading", "trailing ", "two\nlines", "tab\there", "\u00a0nbsp", "café", "日本語",
      "★ party", "x\u2028y", "\uFEFFbom", "bell\u0007", "nel\u0085", ".inf", ".nan",
      "2026-03-18", "---", "...", "\\back", "cr\rlf", "=", "<<", "per-item", "é\u0301");
  private static final List<String> TRICKY_IDS = List.of("123", "007", "1e3", "1.5", "true",
      "null", "no", "Y", "0x1F", "1:20", "2026-03-18", "a:b", "x.y_z", "NaN", "Infinity", "0",
      "1_000", "on", "x_", "9-", "a..b", "a:", "A-B.C_D:E");
  private static final String ID_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-";
  private static final String NAME_CHARS = "abcXYZ019 .,:;-#&*!?'\"[]{}|>%@`\\/\n\t\r\u00a0é日★";
  /** Boolean expressions that check against every program. */
  static final List<String> CONDITIONS = List.of(
      "order.total >= 20",
      "order.total >= 20 && inSegment('students')",
      "any(line.category == 'beans')",
      "dayOfWeek(now.date) >= 6",
      "count(line.quantity > 1) >= 2",
      "sum(line.quantity, line.category == 'outdoor') >= 3",
      "member.tier == '' || order.total > 5",
      "order.channel == 'online'",
      "now.hour < 12",
      "any(hasTag('eco'))",
      "attribute('city') == 'Seoul'",
      "!(order.tax > 0)",
      "daysBetween(date('2026-01-01'), now.date) < 30",
      "program.currency == order.currency",
      "order.total > 10\n  && now.minute >= 0",
      "all(line.unitPrice > 0.5) ? true : false");
  /** Numeric expressions that check against every program. */
  static final List<String> FORMULAS = List.of(
      "floor(order.total) * 2 + 50",
      "inSegment('students') ? floor(order.total) * 2 + 50 : 0",
      "floor(sum(line.amount, line.category == 'food') / 2)",
      "max(0, round(order.earning / 10))",
      "count(line.quantity > 0) * 5",
      "10",
      "abs(order.quantity) * 1.5",
      "ceil(order.shipping)\n+ 1");

  private final RandomnessSource in;
  private final boolean narrow;
  private final Currency currency;
  private final List<UnitId> units = new ArrayList<>();
  private final List<UnitId> redeemable = new ArrayList<>();
  private final List<TierId> tiers = new ArrayList<>();
  private final List<RewardId> rewards = new ArrayList<>();
  private final List<PartnerId> partners = new ArrayList<>();
  /** The member segments the program declares; empty if it declares none. */
  private final List<String> segments = new ArrayList<>();
  private final Map<String, Long> budgets = new LinkedHashMap<>();

  private ProgramGenerator(RandomnessSource in, boolean narrow) {
    this.in = in;
    this.narrow = narrow;
    this.currency = Money.currency(oneOf(CURRENCIES));
  }

  /** Random valid programs, numbers and text ranging widely. */
  static Gen<Program> programs() {
    Gen<Program> gen = in -> new ProgramGenerator(in, false).program(-1);
    return gen.describedAs(ProgramGenerator::describe);
  }

  /** Random valid programs whose numbers are small and written plainly, for editing as text. */
  static Gen<Program> programsToMutate() {
    Gen<Program> gen = in -> new ProgramGenerator(in, true).program(-1);
    return gen.describedAs(ProgramGenerator::describe);
  }

  /**
   * Random valid programs with one part at an edge of the model that the Java API accepts: a
   * multiplier or share of 1 written with decimals ({@code 1.0}, where the file leaves out the
   * default 1), an activity horizon that is not a whole number of days, or a window after the
   * year 9999. (An earn multiplier below 1, once accepted, is now refused by the model.)
   */
  static Gen<Program> programsAtTheEdges() {
    Gen<Program> gen = in -> {
      ProgramGenerator g = new ProgramGenerator(in, false);
      return g.program(g.pick(0, 2));
    };
    return gen.describedAs(ProgramGenerator::describe);
  }

  /** A program as the YAML it writes, which is what a failure should show. */
  static String describe(Program program) {
    try {
      return program + " written as YAML:\n" + ProgramFiles.write(program,
          ProgramFiles.Syntax.YAML);
    } catch (RuntimeException e) {
      return program + " (cannot be written: " + e + ")";
    }
  }

  // ------------------------------------------------------------------------------------------
  // The program
  // ------------------------------------------------------------------------------------------

  private Program program(int edge) {
    ProgramId id = ProgramId.of(id(new LinkedHashSet<>()));
    ZoneId zone = ZoneId.of(oneOf(ZONES));
    Program.Builder b = Program.builder(id, currency, zone);
    if (chance(3)) {
      b.name(name());
    }
    if (chance(2)) {
      // Declared segments: the expressions name 'students', audiences and offers pick from them.
      Set<String> declared = new LinkedHashSet<>(List.of("students"));
      declared.addAll(names());
      segments.addAll(declared);
      b.segments(segments);
    }
    int horizonDays = 400;
    if (chance(3)) {
      horizonDays = pick(0, 3) == 0 ? pick(1, 40) : pick(1, 36_599);
      b.activityHorizon(Duration.ofDays(horizonDays));
    }
    if (edge == 1) {
      b.activityHorizon(Duration.ofDays(horizonDays).plusHours(pick(1, 23)));
    }
    if (chance(2)) {
      b.earnPolicy(new EarnPolicy(bool(), bool(), bool(), oneOf(EarnPolicy.Scope.values()),
          oneOf(EarnPolicy.MultiplierTiming.values()), oneOf(List.of(RoundingMode.UP,
              RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR, RoundingMode.HALF_UP,
              RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN))));
    }
    Set<String> unitIds = new LinkedHashSet<>();
    int unitCount = pick(1, 4);
    for (int i = 0; i < unitCount; i++) {
      b.unit(unit(UnitId.of(id(unitIds)), i == 0, horizonDays));
    }
    Optional<TierLadder> ladder = chance(2) ? Optional.of(ladder()) : Optional.empty();
    ladder.ifPresent(b::tiers);
    Set<String> partnerIds = new LinkedHashSet<>();
    for (int i = pick(0, 2); i > 0; i--) {
      partners.add(PartnerId.of(id(partnerIds)));
    }
    if (chance(3)) {
      b.settlementRounding(oneOf(List.of(RoundingMode.UP, RoundingMode.DOWN,
          RoundingMode.CEILING, RoundingMode.FLOOR, RoundingMode.HALF_UP, RoundingMode.HALF_DOWN,
          RoundingMode.HALF_EVEN)));
    }
    Set<String> rewardIds = new LinkedHashSet<>();
    for (int i = pick(0, 3); i > 0; i--) {
      b.reward(reward(RewardId.of(id(rewardIds))));
    }
    for (String budget : List.of(id(new LinkedHashSet<>()), "campaign")) {
      budgets.put(budget, count(1, 1_000_000));
    }
    Set<String> ruleIds = new LinkedHashSet<>();
    for (int i = pick(0, 6); i > 0; i--) {
      b.earnRule(rule(RuleId.of(id(ruleIds))));
    }
    Set<String> offerIds = new LinkedHashSet<>();
    for (int i = pick(0, 2); i > 0; i--) {
      b.offer(offer(OfferId.of(id(offerIds)), multiplier(), window()));
    }
    Set<String> planIds = new LinkedHashSet<>();
    for (int i = pick(0, 2); i > 0; i--) {
      b.plan(plan(PlanId.of(id(planIds)), multiplier()));
    }
    for (PartnerId partnerId : partners) {
      Partner partner = new Partner(partnerId, name(), money(), money());
      if (chance(2)) {
        // Terms that always convert: the ratio's left side divides the minimum and the step.
        long points = 1 + Math.floorMod(count(1, 10), 10L);
        partner = partner.withTransfers(new org.loyaltyrules.core.program.TransferTerms(name(),
            points, count(1, 10), points * (1 + Math.floorMod(count(1, 1_000), 1_000L)),
            points * (1 + Math.floorMod(count(1, 100), 100L))));
      }
      b.partner(partner);
    }
    Set<String> causeIds = new LinkedHashSet<>();
    for (int i = pick(0, 2); i > 0; i--) {
      b.cause(new Cause(CauseId.of(id(causeIds)), name(), money(), count(1, 1_000),
          count(1, 100)));
    }
    Set<String> challengeIds = new LinkedHashSet<>();
    for (int i = pick(0, 3); i > 0; i--) {
      b.challenge(challenge(ChallengeId.of(id(challengeIds))));
    }
    Set<String> badgeIds = new LinkedHashSet<>();
    List<ChallengeId> counted = challengeIds.stream().map(ChallengeId::of).toList();
    for (int i = pick(0, 2); i > 0; i--) {
      b.badge(badge(BadgeId.of(id(badgeIds)), counted));
    }
    Set<String> drawIds = new LinkedHashSet<>();
    for (int i = pick(0, 2); i > 0; i--) {
      b.draw(draw(DrawId.of(id(drawIds))));
    }
    for (int i = pick(0, 2); i > 0; i--) {
      b.game(game(DrawId.of(id(drawIds))));
    }
    BigDecimal share = null;
    if (chance(3)) {
      share = share();
      b.pointsPayment(new PointsPayment(oneOf(redeemable), count(1, 1_000), money(), share));
    }
    if (chance(3)) {
      // Referral terms: a window within the activity horizon, a minimum that may be zero.
      b.referral(new org.loyaltyrules.core.program.ReferralTerms(grant(true), grant(true),
          chance(4) ? Money.zero(currency) : money(), lines(),
          chance(2) ? Optional.empty() : Optional.of(
              new org.loyaltyrules.core.program.ReferralTerms.Limit(pick(1, 100), chance(2)
                  ? Optional.empty() : Optional.of(oneOf(CalendarPeriod.values())))),
          chance(4) ? Period.ZERO : periodWithin(horizonDays - 1)));
    }
    switch (edge) {
      case 0 -> {
        BigDecimal one = BigDecimal.ONE.setScale(pick(1, 3));
        switch (pick(0, 3)) {
          case 0 -> b.plan(plan(PlanId.of(id(planIds)), one));
          case 1 -> b.offer(offer(OfferId.of(id(offerIds)), one, window()));
          case 2 -> b.pointsPayment(new PointsPayment(oneOf(redeemable), count(1, 1_000),
              money(), one));
          default -> {
            TierLadder l = ladder.orElse(new TierLadder(TierMetric.SPEND, Optional.empty(),
                QualificationWindow.lifetime(), List.of(Tier.of("base", "Base", 0))));
            List<Tier> withOne = new ArrayList<>(l.tiers());
            withOne.set(0, withOne.get(0).withEarnMultiplier(one));
            b.tiers(new TierLadder(l.metric(), l.statusUnit(), l.credit(), l.window(),
                l.downgrade(), l.grace(), withOne));
          }
        }
      }
      case 2 -> {
        LocalDateTime from = LocalDateTime.of(pick(10_000, 99_999), pick(1, 12), pick(1, 28),
            pick(0, 23), pick(0, 59));
        b.offer(offer(OfferId.of(id(offerIds)), BigDecimal.valueOf(2),
            new TimeWindow(from, from.plusDays(pick(1, 30)))));
      }
      default -> {
        // no edge, or the activity horizon set above
      }
    }
    return b.build();
  }

  // ------------------------------------------------------------------------------------------
  // Units, tiers and the catalogue
  // ------------------------------------------------------------------------------------------

  private PointUnit unit(UnitId id, boolean first, int horizonDays) {
    units.add(id);
    UnitKind kind = first || chance(2) ? UnitKind.REDEEMABLE : UnitKind.STATUS;
    if (kind == UnitKind.REDEEMABLE) {
      redeemable.add(id);
    }
    ExpiryPolicy expiry = switch (pick(0, 4)) {
      case 0 -> ExpiryPolicy.afterPeriod(positivePeriod());
      case 1 -> ExpiryPolicy.atEndOf(oneOf(CalendarPeriod.values()),
          pick(0, 3) == 0 ? pick(0, 100) : pick(0, 2));
      case 2 -> ExpiryPolicy.afterInactivity(positivePeriod());
      default -> ExpiryPolicy.never();
    };
    // Shorter than the horizon and, for an expiry after a period, than its shortest length.
    long bound = horizonDays - 1L;
    if (expiry instanceof ExpiryPolicy.AfterPeriod after) {
      Period p = after.period();
      bound = Math.min(bound, p.getYears() * 365L + p.getMonths() * 28L + p.getDays() - 1);
    }
    Period pending = chance(2) ? Period.ZERO : periodWithin(bound);
    return new PointUnit(id, name(), kind, pending, expiry, oneOf(ShortfallPolicy.values()));
  }

  private TierLadder ladder() {
    TierMetric metric = oneOf(TierMetric.values());
    Optional<UnitId> statusUnit = metric == TierMetric.STATUS_POINTS ? Optional.of(oneOf(units))
        : Optional.empty();
    Optional<Expression> credit = metric == TierMetric.EXPRESSION
        ? Optional.of(Expression.of(oneOf(FORMULAS))) : Optional.empty();
    QualificationWindow window = switch (pick(0, 3)) {
      case 0 -> QualificationWindow.calendarYear();
      case 1 -> QualificationWindow.membershipYear();
      case 2 -> QualificationWindow.lifetime();
      default -> QualificationWindow.rollingMonths(pick(0, 1) == 0 ? 12 : pick(1, 120));
    };
    // Nights are bounded by what the window holds (a month of 31 nights, a year of 366): each
    // step stays small enough that four tiers fit in the shortest window.
    long mostNights = window instanceof QualificationWindow.RollingMonths r ? 31L * r.months()
        : 366;
    List<Tier> ladder = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    BigDecimal threshold = narrow || chance(2) ? BigDecimal.ZERO
        : BigDecimal.valueOf(0, pick(1, 2));
    for (int i = pick(1, 4); i > 0; i--) {
      TierId id = TierId.of(id(ids));
      Tier tier = new Tier(id, name(), threshold, multiplier(), names());
      if (!ladder.isEmpty() && chance(4)) {
        tier = tier.withWindow(QualificationWindow.lifetime());
      }
      if (!ladder.isEmpty() && chance(3)) {
        tier = tier.withEntryBonus(entryBonus(statusUnit));
      }
      tiers.add(id);
      ladder.add(tier);
      threshold = threshold.add(metric == TierMetric.NIGHTS
          ? BigDecimal.valueOf(pick(1, (int) Math.max(1, mostNights / 4))) : positive());
    }
    TierDowngrade downgrade = oneOf(TierDowngrade.values());
    Period grace = chance(2) ? Period.ZERO : grace(window);
    return new TierLadder(metric, statusUnit, credit, window, downgrade, grace, ladder);
  }

  /**
   * What reaching a tier from below gives: points of a unit other than the ladder's status
   * unit, or a money voucher. (The rewards come after the tiers, which they may name.)
   */
  private Grant entryBonus(Optional<UnitId> statusUnit) {
    List<UnitId> others = units.stream().filter(u -> statusUnit.map(s -> !s.equals(u))
        .orElse(true)).toList();
    return others.isEmpty() || chance(3) ? Grant.voucher(money())
        : Grant.points(oneOf(others), count(1, 10_000));
  }

  /** A positive grace period shorter than the review period of the window: a month or year. */
  private Period grace(QualificationWindow window) {
    if (window instanceof QualificationWindow.RollingMonths) {
      return Period.ofDays(pick(1, 27));
    }
    return switch (pick(0, 3)) {
      case 0 -> Period.ofDays(pick(1, 364));
      case 1 -> Period.ofWeeks(pick(1, 52));
      case 2 -> Period.ofMonths(pick(1, 11));
      default -> Period.of(0, pick(1, 10), pick(1, 30));
    };
  }

  private Reward reward(RewardId id) {
    rewards.add(id);
    RewardKind kind = oneOf(RewardKind.values());
    return new Reward(id, name(), oneOf(redeemable), count(1, 100_000), kind,
        kind.hasValue() ? Optional.of(money()) : Optional.empty(),
        kind == RewardKind.PERCENT_DISCOUNT ? Optional.of(percent()) : Optional.empty(),
        subset(tiers), partners.isEmpty() || chance(2) ? Optional.empty()
            : Optional.of(oneOf(partners)));
  }

  private Offer offer(OfferId id, BigDecimal multiplier, TimeWindow window) {
    long bonus = multiplier.compareTo(BigDecimal.ONE) == 0 || chance(2) ? count(1, 500) : 0;
    Offer offer = new Offer(id, name(), window.from(), window.until(), segments(), subset(tiers),
        oneOf(units), multiplier, bonus);
    return chance(2) ? offer.when(Expression.of(oneOf(CONDITIONS))) : offer;
  }

  private MembershipPlan plan(PlanId id, BigDecimal earnMultiplier) {
    Optional<Period> term = chance(2) ? Optional.of(positivePeriod()) : Optional.empty();
    Period grace = Period.ZERO;
    if (term.isPresent() && chance(2)) {
      Period candidate = oneOf(List.of(Period.ofDays(pick(1, 60)), Period.ofWeeks(pick(1, 8)),
          Period.ofMonths(pick(1, 6)), Period.of(0, pick(1, 3), pick(1, 20))));
      grace = approximateDays(candidate) < approximateDays(term.get()) ? candidate
          : Period.ZERO;
    }
    Optional<MemberDiscount> discount = optional(() -> new MemberDiscount(percent(), lines()));
    Optional<Dividend> dividend = optional(() -> new Dividend(percent(),
        oneOf(Dividend.ReturnPolicy.values()), optional(this::positivePeriod)));
    return new MembershipPlan(id, name(), money(), term, names(), earnMultiplier,
        optional(this::positivePeriod), grace, discount, dividend);
  }

  /** The length the model compares a plan's grace period and term by: months of 30 days. */
  private static long approximateDays(Period period) {
    return period.toTotalMonths() * 30 + period.getDays();
  }

  private Challenge challenge(ChallengeId id) {
    ChallengeGoal goal = oneOf(ChallengeGoal.values());
    BigDecimal target;
    if (goal == ChallengeGoal.AMOUNT) {
      target = positive();
    } else if (narrow || chance(2)) {
      target = BigDecimal.valueOf(pick(1, 50));
    } else {
      target = chance(2) ? BigDecimal.valueOf(pick(1, 50) * 10L, 1)
          : new BigDecimal(BigInteger.valueOf(pick(1, 9)), -pick(1, 2));
    }
    ChallengeWindow window = oneOf(ChallengeWindow.values());
    Optional<TimeWindow> runs = window == ChallengeWindow.CAMPAIGN || chance(4)
        ? Optional.of(window()) : Optional.empty();
    Map<String, String> attributes = new LinkedHashMap<>();
    if (goal == ChallengeGoal.EVENTS) {
      strings(false).forEach((k, v) -> {
        if (!k.isBlank() && !v.isBlank()) {
          attributes.put(k, v);
        }
      });
    }
    return new Challenge(id, name(), goal, target,
        goal == ChallengeGoal.EVENTS ? Set.of() : names(),
        goal == ChallengeGoal.EVENTS ? Optional.of(oneOf(EngagementType.values()))
            : Optional.empty(), attributes, window, runs,
        window.isCalendar() && chance(3) ? pick(2, Challenge.MAX_STREAK) : 1,
        Optional.of(grant(true)), bool());
  }

  private Badge badge(BadgeId id, List<ChallengeId> challenges) {
    BadgeMetric metric = challenges.isEmpty()
        ? oneOf(new BadgeMetric[] {BadgeMetric.PURCHASES, BadgeMetric.SPEND, BadgeMetric.EVENTS})
        : oneOf(BadgeMetric.values());
    List<BadgeLevel> levels = new ArrayList<>();
    long threshold = 0;
    Set<String> names = new LinkedHashSet<>();
    for (int i = pick(1, 4); i > 0; i--) {
      String name = name();
      if (!names.add(name)) {
        continue;
      }
      threshold += pick(1, 1_000);
      levels.add(metric == BadgeMetric.SPEND && chance(2)
          ? new BadgeLevel(name, BigDecimal.valueOf(threshold * 100 + pick(1, 99), 2))
          : BadgeLevel.of(name, threshold));
    }
    return new Badge(id, name(), metric,
        metric == BadgeMetric.CHALLENGES ? Optional.of(oneOf(challenges)) : Optional.empty(),
        metric == BadgeMetric.EVENTS ? Optional.of(oneOf(EngagementType.values()))
            : Optional.empty(),
        levels, chance(3) ? Optional.of(Period.ofDays(pick(1, 400))) : Optional.empty());
  }

  /** A draw: one to three triggers, any frequency, maybe a window, one to three prizes. */
  private Draw draw(DrawId id) {
    long entries = narrow || chance(2) ? pick(1, 5)
        : in.next(Constraint.between(1, Draw.MAX_ENTRIES));
    Set<String> prizeIds = new LinkedHashSet<>();
    List<Prize> prizes = new ArrayList<>();
    for (int i = pick(1, 3); i > 0; i--) {
      prizes.add(new Prize(PrizeId.of(id(prizeIds)), name(),
          narrow || chance(2) ? pick(1, 10)
              : in.next(Constraint.between(1, Long.MAX_VALUE / 3)),
          optional(() -> grant(true))));
    }
    return new Draw(id, name(), triggers(), entries, oneOf(Frequency.values()),
        optional(this::window), prizes);
  }

  /**
   * A game: one to three prizes whose odds add up to at most 1 and, unless the game states a
   * reason (then they may be lower), to at least 25 %.
   */
  private InstantWinGame game(DrawId id) {
    boolean low = chance(4);
    int scale = narrow ? 2 : pick(2, 6);
    BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
    BigDecimal quarter = new BigDecimal("0.25");
    Set<String> prizeIds = new LinkedHashSet<>();
    List<GamePrize> prizes = new ArrayList<>();
    int count = pick(1, 3);
    for (int i = 0; i < count; i++) {
      // The first prize's odds from 25 % to 50 % (below 25 % for a low game), the others' up
      // to 25 % each (up to 8 % for a low game): never more than 1 in all.
      BigDecimal most = low ? new BigDecimal("0.08") : i == 0 ? new BigDecimal("0.5") : quarter;
      BigDecimal least = !low && i == 0 ? quarter : unit;
      long steps = most.subtract(least).divide(unit).longValueExact();
      BigDecimal odds = count == 1 && !low && chance(5) ? BigDecimal.ONE
          : least.add(unit.multiply(BigDecimal.valueOf(in.next(Constraint.between(0, steps)))));
      prizes.add(new GamePrize(PrizeId.of(id(prizeIds)), name(), odds, count(1, 1_000_000),
          optional(() -> grant(true))));
    }
    Optional<String> reason = low || chance(5) ? Optional.of(name()) : Optional.empty();
    return new InstantWinGame(id, name(), triggers(), oneOf(Frequency.values()),
        optional(this::window), prizes, reason);
  }

  /** One to three triggers: minimum spends, and events with values required of attributes. */
  private List<EntryTrigger> triggers() {
    List<EntryTrigger> triggers = new ArrayList<>();
    for (int i = pick(1, 3); i > 0; i--) {
      if (chance(2)) {
        triggers.add(EntryTrigger.purchase(money()));
      } else {
        Map<String, Set<String>> attributes = new LinkedHashMap<>();
        for (int a = pick(0, 2); a > 0; a--) {
          Set<String> values = new LinkedHashSet<>(names());
          values.add(oneOf(WORDS));
          attributes.put(chance(3) ? oneOf(TRICKY) : oneOf(WORDS), values);
        }
        triggers.add(new EntryTrigger.Event(oneOf(EngagementType.values()), attributes));
      }
    }
    return triggers;
  }

  // ------------------------------------------------------------------------------------------
  // Earning rules
  // ------------------------------------------------------------------------------------------

  private EarnRule rule(RuleId id) {
    switch (pick(0, 10)) {
      case 0: {
        BigDecimal points = positive();
        return new EarnRule.Rate(id, settings(true, true, true, ceiling(points)), oneOf(units),
            points, money(), lines());
      }
      case 1:
        return new EarnRule.Multiplier(id, settings(true, true, true, 1), oneOf(units),
            factor(), lines());
      case 2: {
        long points = count(1, 1_000);
        return new EarnRule.EventBonus(id, settings(false, true, false, points), oneOf(units),
            points, oneOf(EngagementType.values()), strings(true), oneOf(Frequency.values()));
      }
      case 3: {
        long points = count(1, 1_000);
        return new EarnRule.MinimumSpendBonus(id, settings(true, true, true, points),
            oneOf(units), points, money());
      }
      case 4: {
        if (chance(2)) {
          long points = count(1, 1_000);
          return new EarnRule.FirstPurchase(id, settings(true, true, true, points),
              Grant.points(oneOf(units), points));
        }
        return new EarnRule.FirstPurchase(id, settings(false, false, true, 1),
            Grant.voucher(money()));
      }
      case 5:
        return new EarnRule.SpendVoucher(id, settings(false, false, true, 1), money(), money(),
            optional(this::positivePeriod));
      case 6:
        return new EarnRule.Cashback(id, settings(false, false, true, 1), percent(),
            optional(this::positivePeriod));
      case 7:
      case 8:
        return new EarnRule.DateReward(id, settings(false, false, false, 1),
            chance(2) ? EarnRule.DateReward.Occasion.BIRTHDAY
                : EarnRule.DateReward.Occasion.ANNIVERSARY, grant(true), bool());
      case 9:
        return new EarnRule.Custom(id, settings(true, true, true, 1), oneOf(units),
            RULE_EXTENSION, strings(true));
      default:
        return new EarnRule.Formula(id, settings(true, true, true, 1), oneOf(units),
            Expression.of(oneOf(FORMULAS)));
    }
  }

  /**
   * Random settings for a rule that takes conditions ({@code when} and a Java condition), caps
   * and a budget, and channels, as said; every cap is at least {@code leastCap}, one earn.
   */
  private RuleSettings settings(boolean conditions, boolean capped, boolean channels,
      long leastCap) {
    RuleSettings s = RuleSettings.defaults();
    if (chance(3)) {
      s = s.order(chance(2) ? 0 : pick(0, 5), pick(-10, 10));
    }
    if (!narrow && pick(0, 19) == 0) {
      s = s.order(Integer.MAX_VALUE, Integer.MIN_VALUE);
    }
    s = s.stacking(oneOf(Stacking.values())).onError(oneOf(OnError.values()));
    if (chance(2)) {
      Map<String, String> attributes = new LinkedHashMap<>();
      strings(false).forEach(attributes::put);
      s = s.audience(new Audience(segments(), subset(tiers), attributes,
          channels ? subset(List.of(Channel.values())) : Set.of(), names(), chance(5)));
    }
    if (chance(3)) {
      s = s.window(window());
    }
    if (capped) {
      List<Cap> caps = new ArrayList<>();
      for (CapScope scope : subset(List.of(CapScope.values()))) {
        if (caps.size() < 3) {
          long more = !narrow && pick(0, 9) == 0 ? Long.MAX_VALUE : pick(0, 10_000);
          caps.add(Cap.of(scope, leastCap + Math.min(more, Long.MAX_VALUE - leastCap)));
        }
      }
      s = s.caps(caps.toArray(Cap[]::new));
      if (chance(4)) {
        String budget = oneOf(List.copyOf(budgets.keySet()));
        s = s.budget(Budget.of(budget, budgets.get(budget)));
      }
    }
    if (conditions && chance(4)) {
      Map<String, String> parameters = new LinkedHashMap<>();
      strings(true).forEach(parameters::put);
      s = s.condition(new CustomCondition(CONDITION_EXTENSION, parameters));
    }
    if (conditions && chance(3)) {
      s = s.when(Expression.of(oneOf(CONDITIONS)));
    }
    if (!partners.isEmpty() && chance(4)) {
      s = s.fundedBy(oneOf(partners));
    }
    return s;
  }

  private LineFilter lines() {
    return chance(2) ? LineFilter.all() : new LineFilter(names(), names(), names(),
        subset(partners));
  }

  private Grant grant(boolean reward) {
    int kind = pick(0, reward && !rewards.isEmpty() ? 2 : 1);
    return switch (kind) {
      case 0 -> Grant.points(oneOf(units), count(1, 1_000));
      case 1 -> Grant.voucher(money());
      default -> Grant.reward(oneOf(rewards));
    };
  }

  private TimeWindow window() {
    LocalDateTime from = dateTime();
    LocalDateTime until = pick(0, 2) == 0 ? from.plusMinutes(pick(1, 600))
        : from.toLocalDate().plusDays(pick(1, 400)).atStartOfDay();
    return new TimeWindow(from, until);
  }

  private LocalDateTime dateTime() {
    int year = narrow || pick(0, 19) != 0 ? pick(1990, 2060) : pick(1, 9_990);
    LocalDateTime at = LocalDateTime.of(year, pick(1, 12), pick(1, 28), 0, 0);
    switch (pick(0, 3)) {
      case 0:
        return at;
      case 1:
        return at.withHour(pick(0, 23)).withMinute(pick(0, 59));
      case 2:
        return at.withHour(pick(0, 23)).withMinute(pick(0, 59)).withSecond(pick(0, 59));
      default:
        return at.withHour(pick(0, 23)).withSecond(pick(1, 59))
            .withNano(narrow ? pick(1, 999) * 1_000_000 : pick(1, 999_999_999));
    }
  }

  // ------------------------------------------------------------------------------------------
  // Numbers, periods, text
  // ------------------------------------------------------------------------------------------

  /** A positive amount of money in the program's currency, up to four decimal places. */
  private Money money() {
    BigDecimal amount = switch (pick(0, 3)) {
      case 0 -> BigDecimal.valueOf(pick(1, 1_000));
      case 1 -> BigDecimal.valueOf(pick(1, 100_000), 2);
      case 2 -> BigDecimal.valueOf(pick(1, 999), pick(3, 4));
      default -> narrow ? BigDecimal.valueOf(pick(1, 5_000), 1)
          : BigDecimal.valueOf(in.next(Constraint.between(1, 999_999_999_999_999_999L)),
              pick(0, 4));
    };
    return Money.of(amount, currency);
  }

  /** A positive decimal: whole, with decimals (trailing zeros kept), or in exponent form. */
  private BigDecimal positive() {
    int form = pick(0, narrow ? 1 : 3);
    return switch (form) {
      case 0 -> BigDecimal.valueOf(pick(1, 100));
      case 1 -> BigDecimal.valueOf(pick(1, 9_999), pick(1, 3));
      case 2 -> new BigDecimal(BigInteger.valueOf(pick(1, 9)), -pick(1, 3));
      default -> BigDecimal.valueOf(count(1, 999_999_999_999L), pick(0, 12));
    };
  }

  /** A multiplication factor of more than 1. */
  private BigDecimal factor() {
    if (narrow) {
      return oneOf(List.of(BigDecimal.valueOf(2), BigDecimal.valueOf(3),
          new BigDecimal("1.5"), new BigDecimal("1.25"), new BigDecimal("2.5")));
    }
    return chance(2) ? BigDecimal.valueOf(pick(2, 10))
        : BigDecimal.ONE.add(BigDecimal.valueOf(pick(1, 9_999), pick(1, 4)));
  }

  /** An earn multiplier of 1 or more; 1 is the default, and then exactly {@code 1}. */
  private BigDecimal multiplier() {
    return chance(2) ? BigDecimal.ONE : factor();
  }

  /** A share of more than 0 and at most 1; 1 is the default, and then exactly {@code 1}. */
  private BigDecimal share() {
    if (chance(3)) {
      return BigDecimal.ONE;
    }
    return narrow ? oneOf(List.of(new BigDecimal("0.5"), new BigDecimal("0.25"),
        new BigDecimal("0.75"))) : chance(2) ? BigDecimal.valueOf(pick(1, 99), 2)
            : BigDecimal.valueOf(pick(1, 999), 3);
  }

  /** A percentage of more than 0 and at most 100. */
  private BigDecimal percent() {
    return chance(2) ? BigDecimal.valueOf(pick(1, 100)) : BigDecimal.valueOf(pick(1, 10_000), 2);
  }

  private static long ceiling(BigDecimal points) {
    return points.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** A count from {@code min}, now and then (wide programs only) up to the largest long. */
  private long count(long min, long max) {
    if (!narrow && pick(0, 19) == 0) {
      return in.next(Constraint.between(min, Long.MAX_VALUE));
    }
    return in.next(Constraint.between(min, max));
  }

  /** A positive period of at most 100 years, in any of the forms the format writes. */
  private Period positivePeriod() {
    return switch (pick(0, 6)) {
      case 0 -> Period.ofDays(pick(1, 400));
      case 1 -> Period.ofWeeks(pick(1, 52));
      case 2 -> Period.ofMonths(pick(1, 36));
      case 3 -> Period.ofYears(pick(1, 10));
      case 4 -> Period.of(pick(1, 3), pick(1, 11), pick(0, 30));
      case 5 -> Period.of(0, pick(1, 11), pick(1, 30));
      default -> oneOf(List.of(Period.ofYears(100), Period.ofMonths(1_200),
          Period.ofDays(36_500)));
    };
  }

  /**
   * A positive period whose longest length (a year of 366 days, a month of 31) is at most
   * {@code days}; zero if there is none.
   */
  private Period periodWithin(long days) {
    if (days < 1) {
      return Period.ZERO;
    }
    int max = (int) Math.min(days, 36_000);
    switch (pick(0, 4)) {
      case 0:
        return Period.ofDays(pick(1, Math.min(max, 60)));
      case 1:
        return max >= 7 ? Period.ofWeeks(pick(1, Math.min(max / 7, 8))) : Period.ofDays(max);
      case 2:
        return max >= 31 ? Period.ofMonths(pick(1, Math.min(max / 31, 24))) : Period.ofDays(max);
      case 3:
        return max >= 366 ? Period.ofYears(pick(1, Math.min(max / 366, 5)))
            : Period.ofDays(pick(1, max));
      default: {
        int years = pick(0, Math.min(max / 366, 2));
        int months = pick(0, Math.min((max - 366 * years) / 31, 11));
        int rest = max - 366 * years - 31 * months;
        int dayCount = pick(years + months == 0 ? 1 : 0, Math.min(rest, 30));
        return Period.of(years, months, dayCount);
      }
    }
  }

  private <T> Optional<T> optional(Supplier<T> make) {
    return chance(2) ? Optional.of(make.get()) : Optional.empty();
  }

  /**
   * An id of the file format's pattern, unique among {@code taken}: a word, text that looks like
   * another type in YAML, or random characters.
   */
  private String id(Set<String> taken) {
    String id = switch (pick(0, 5)) {
      case 0 -> oneOf(TRICKY_IDS);
      case 1 -> {
        StringBuilder s = new StringBuilder().append(ID_CHARS.charAt(pick(0, 61)));
        for (int i = pick(0, pick(0, 2) == 0 ? 99 : 8); i > 0; i--) {
          s.append(ID_CHARS.charAt(pick(0, ID_CHARS.length() - 1)));
        }
        yield s.toString();
      }
      default -> oneOf(WORDS).replace(" ", "-");
    };
    String unique = id;
    for (int n = 2; !taken.add(unique); n++) {
      unique = (id.length() > 90 ? id.substring(0, 90) : id) + "-" + n;
    }
    return unique;
  }

  /** Non-blank text of at most 200 code points. */
  private String name() {
    switch (pick(0, 9)) {
      case 0:
      case 1:
      case 2:
        return oneOf(TRICKY);
      case 3: {
        StringBuilder s = new StringBuilder();
        for (int i = pick(1, 30); i > 0; i--) {
          s.appendCodePoint(NAME_CHARS.codePointAt(NAME_CHARS.offsetByCodePoints(0,
              pick(0, NAME_CHARS.codePointCount(0, NAME_CHARS.length()) - 1))));
        }
        return s.toString().isBlank() ? "x" + s : s.toString();
      }
      case 4:
        return "n".repeat(pick(150, 200));
      default: {
        StringBuilder s = new StringBuilder(oneOf(WORDS));
        for (int i = pick(0, 3); i > 0; i--) {
          s.append(' ').append(oneOf(WORDS));
        }
        return s.toString();
      }
    }
  }

  /** Zero to three names for a set: segments, categories, skus, tags, perks. */
  private Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (int i = pick(0, 3); i > 0; i--) {
      names.add(chance(4) ? oneOf(TRICKY) : oneOf(WORDS));
    }
    return names;
  }

  /** Zero to three member segments, of those declared if the program declares any. */
  private Set<String> segments() {
    return segments.isEmpty() ? names() : subset(segments);
  }

  /** Zero to three entries of text; values may be empty only if {@code empty}. */
  private Map<String, String> strings(boolean empty) {
    Map<String, String> strings = new LinkedHashMap<>();
    for (int i = pick(0, 3); i > 0; i--) {
      String key = chance(3) ? oneOf(TRICKY) : oneOf(WORDS);
      String value = empty && chance(6) ? "" : chance(3) ? oneOf(TRICKY) : oneOf(WORDS);
      strings.put(pick(0, 19) == 0 ? "" : key, value);
    }
    return strings;
  }

  private <T> Set<T> subset(List<T> values) {
    Set<T> subset = new LinkedHashSet<>();
    if (!values.isEmpty() && chance(2)) {
      for (int i = pick(1, Math.min(3, values.size())); i > 0; i--) {
        subset.add(oneOf(values));
      }
    }
    return subset;
  }

  private int pick(int min, int max) {
    return (int) in.next(Constraint.between(min, max));
  }

  private boolean bool() {
    return pick(0, 1) == 1;
  }

  /** True one time in {@code n}. */
  private boolean chance(int n) {
    return pick(0, n - 1) == n - 1;
  }

  private <T> T oneOf(List<T> values) {
    return values.get(pick(0, values.size() - 1));
  }

  private <T> T oneOf(T[] values) {
    return values[pick(0, values.length - 1)];
  }
}
