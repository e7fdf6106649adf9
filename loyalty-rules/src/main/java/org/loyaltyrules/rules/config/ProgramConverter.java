package org.loyaltyrules.rules.config;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loyaltyrules.core.BudgetId;
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
import org.loyaltyrules.core.program.CalendarPeriod;
import org.loyaltyrules.core.program.Cause;
import org.loyaltyrules.core.program.Badge;
import org.loyaltyrules.core.program.BadgeLevel;
import org.loyaltyrules.core.program.BadgeMetric;
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
import org.loyaltyrules.core.program.InvalidProgramException;
import org.loyaltyrules.core.program.MemberDiscount;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.Offer;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.TransferTerms;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.PointsPayment;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.ReferralTerms;
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
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.config.ProgramDefinition.AudienceDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.BudgetDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.CapDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.CauseDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.BadgeDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.BadgeLevelDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.ChallengeDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.ConditionDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.DiscountDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.DividendDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.DrawDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.GameDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.GamePrizeDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.PrizeDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.TriggerDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.EarnPolicyDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.ExpiryDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.GrantDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.LinesDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.OfferDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.PartnerDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.TransfersDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.PlanDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.PointsPaymentDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.ReferralDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.ReferralLimitDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.RewardDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.SettlementDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.RuleDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.TierDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.TiersDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.UnitDefinition;
import org.loyaltyrules.rules.config.ProgramDefinition.WindowDefinition;
import org.loyaltyrules.rules.spi.Extensions;

/**
 * Turns a {@link ProgramDefinition} into a {@link Program} — collecting every problem with its
 * path in the file — and a program back into a definition. The program then goes through the
 * same checks as one built in Java ({@link Program.Builder#build()} and
 * {@link LoyaltyRules#compile}), whose problems are reported at the file's paths. One converter
 * per definition; not thread-safe.
 */
final class ProgramConverter {
  private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)\\](.*)$");
  private static final Pattern ROLLING = Pattern.compile("rolling (\\d{1,3}) months?");
  /** The path the tier ladder gives a problem: {@code tiers}, {@code tiers.grace}, ... */
  private static final Pattern LADDER_PATH = Pattern.compile(
      "^tiers(?:\\[(\\d+)\\])?(?:\\.(\\w+))?: (.*)$", Pattern.DOTALL);

  private final List<Problem> problems = new ArrayList<>();
  /** For each list, the index in the file of each part added to the builder, in order. */
  private final Map<String, List<Integer>> added = new HashMap<>();
  private final Set<Integer> formulas = new java.util.HashSet<>();
  /** The ids of parts that could not be converted, so problems they cause elsewhere are not. */
  private final Set<String> failedIds = new java.util.HashSet<>();
  private Currency currency;

  private ProgramConverter() {}

  /**
   * Converts and checks a definition.
   *
   * @return the program, if the definition has no errors, and every problem found
   */
  static Map.Entry<Optional<Program>, List<Problem>> toProgram(ProgramDefinition d,
      Extensions extensions) {
    ProgramConverter c = new ProgramConverter();
    Optional<Program> program = Optional.ofNullable(c.convert(d, extensions));
    return Map.entry(program, List.copyOf(c.problems));
  }

  // ------------------------------------------------------------------------------------------
  // File to program
  // ------------------------------------------------------------------------------------------

  private Program convert(ProgramDefinition d, Extensions extensions) {
    ProgramId id = attempt("id", () -> ProgramId.of(d.id()));
    currency = attempt("currency", () -> Money.currency(d.currency()));
    ZoneId zone = attempt("zone", () -> zone(d.zone()));
    if (id == null || currency == null || zone == null) {
      return null;
    }
    Program.Builder b = attempt("currency", () -> Program.builder(id, currency, zone));
    if (b == null) {
      return null;
    }
    if (d.name() != null) {
      attempt("name", () -> b.name(d.name()));
    }
    if (d.activityHorizon() != null) {
      attempt("activityHorizon", () -> b.activityHorizon(Texts.duration(d.activityHorizon())));
    }
    if (d.earnPolicy() != null) {
      EarnPolicy policy = attempt("earnPolicy", () -> earnPolicy(d.earnPolicy()));
      if (policy != null) {
        b.earnPolicy(policy);
      }
    }
    if (d.segments() != null) {
      attempt("segments", () -> b.segments(d.segments()));
    }
    each("units", d.units(), this::unit, b::unit);
    each("rewards", d.rewards(), this::reward, b::reward);
    List<RuleDefinition> rules = d.earnRules() == null ? List.of() : d.earnRules();
    for (int i = 0; i < rules.size(); i++) {
      if ("formula".equals(rules.get(i).kind())) {
        formulas.add(i);
      }
    }
    each("earnRules", rules, this::rule, b::earnRule);
    each("offers", d.offers(), this::offer, b::offer);
    if (d.tiers() != null) {
      TierLadder ladder = tiers(d.tiers());
      if (ladder != null) {
        b.tiers(ladder);
      }
    }
    each("plans", d.plans(), this::plan, b::plan);
    each("partners", d.partners(), this::partner, b::partner);
    each("causes", d.causes(), this::cause, b::cause);
    each("challenges", d.challenges(), this::challenge, b::challenge);
    each("badges", d.badges(), this::badge, b::badge);
    each("draws", d.draws(), this::draw, b::draw);
    each("games", d.games(), this::game, b::game);
    if (d.settlement() != null && d.settlement().rounding() != null) {
      attempt("settlement.rounding", () -> b.settlementRounding(
          Texts.enumValue(d.settlement().rounding(), java.math.RoundingMode.class)));
    }
    if (d.pointsPayment() != null) {
      PointsPayment payment = pointsPayment("pointsPayment", d.pointsPayment());
      if (payment != null) {
        b.pointsPayment(payment);
      }
    }
    if (d.referral() != null) {
      ReferralTerms terms = referral("referral", d.referral());
      if (terms != null) {
        b.referral(terms);
      }
    }
    Program program;
    try {
      program = b.build();
    } catch (InvalidProgramException e) {
      e.problems().stream().filter(p -> !consequence(p)).forEach(p -> problems.add(atFilePath(p)));
      return null;
    }
    try {
      LoyaltyRules.compile(program, extensions).warnings()
          .forEach(p -> problems.add(atFilePath(p)));
    } catch (InvalidProgramException e) {
      e.problems().forEach(p -> problems.add(atFilePath(p)));
      return null;
    }
    return problems.stream().anyMatch(Problem::isError) ? null : program;
  }

  /** Converts each part of a list; those that convert are added, remembering their index. */
  private <D, T> void each(String list, List<D> definitions, PartConverter<D, T> convert,
      Function<T, ?> add) {
    if (definitions == null) {
      return;
    }
    List<Integer> indexes = added.computeIfAbsent(list, k -> new ArrayList<>());
    for (int i = 0; i < definitions.size(); i++) {
      String at = list + "[" + i + "]";
      T part = convert.apply(at, definitions.get(i));
      if (part != null) {
        add.apply(part);
        indexes.add(i);
      } else {
        failedIds.add(idOf(definitions.get(i)));
      }
    }
  }

  /** The id a definition gives itself, read from its {@code id} component. */
  private static String idOf(Object definition) {
    try {
      Object id = definition.getClass().getRecordComponents()[0].getAccessor()
          .invoke(definition);
      return String.valueOf(id);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "";
    }
  }

  /**
   * Whether a problem the model reports only follows from a part that could not be converted,
   * such as a reference to a unit whose definition was already reported: it would add noise,
   * not news.
   */
  private boolean consequence(Problem p) {
    if (failedIds.isEmpty()) {
      return false;
    }
    if (p.path().equals("units") && failedIds.size() > 0 && added.getOrDefault("units",
        List.of()).isEmpty()) {
      return true;
    }
    return p.message().startsWith("unknown ") && failedIds.stream()
        .anyMatch(id -> p.message().contains("'" + id + "'"));
  }

  /** Converts one part of a list, at a path; null if it could not (the problem is recorded). */
  @FunctionalInterface
  private interface PartConverter<D, T> {
    T apply(String at, D definition);
  }

  /**
   * The path in the file of a problem the model reported: the index of the part in the file,
   * and the file's field names where they differ from the model's.
   */
  private Problem atFilePath(Problem p) {
    Matcher m = INDEXED.matcher(p.path());
    if (!m.matches() || !added.containsKey(m.group(1))) {
      return p;
    }
    String list = m.group(1);
    int modelIndex = Integer.parseInt(m.group(2));
    List<Integer> indexes = added.get(list);
    int fileIndex = modelIndex < indexes.size() ? indexes.get(modelIndex) : modelIndex;
    String rest = m.group(3);
    if (list.equals("earnRules")) {
      rest = rest.replaceFirst("^\\.settings(?=\\.|$)", "");
      if (rest.equals(".kind")) {
        rest = ".extension";
      } else if (rest.equals(".points") && formulas.contains(fileIndex)) {
        rest = ".formula";
      }
    } else if (list.equals("units")) {
      rest = rest.replaceFirst("^\\.pendingPeriod", ".pending");
    }
    return new Problem(list + "[" + fileIndex + "]" + (rest.isEmpty() ? "" : rest),
        p.severity(), p.message());
  }

  private <T> T attempt(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException | ArithmeticException e) {
      problems.add(new Problem(path, e.getMessage() == null ? e.toString() : e.getMessage()));
      return null;
    }
  }

  private static <T> T required(String path, T value) {
    return Located.required(path, value);
  }

  /**
   * Converts a part, reporting a missing or bad field at its own path and anything else at
   * {@code at}.
   */
  private <T> T part(String at, Supplier<T> make) {
    try {
      return make.get();
    } catch (Located e) {
      problems.add(new Problem(e.path, e.getMessage()));
      return null;
    } catch (IllegalArgumentException | ArithmeticException e) {
      problems.add(new Problem(at, e.getMessage() == null ? e.toString() : e.getMessage()));
      return null;
    }
  }

  /** Reads one field with {@code read}, so a bad value is reported at the field's path. */
  private <T> T field(String path, Supplier<T> read) {
    try {
      return read.get();
    } catch (Located e) {
      throw e;
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new Located(path, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a time zone such as "
          + "'Europe/Berlin'");
    }
  }

  private Money money(String path, BigDecimal amount) {
    return field(path, () -> Money.of(required(path, amount), currency));
  }

  private long whole(String path, BigDecimal value) {
    return field(path, () -> {
      try {
        return required(path, value).longValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("must be a whole number, was "
            + value.toPlainString());
      }
    });
  }

  private <E extends Enum<E>> E enumOf(String path, String text, Class<E> type, E absent) {
    return text == null ? absent : field(path, () -> Texts.enumValue(text, type));
  }

  private static Set<String> set(List<String> values) {
    return values == null ? Set.of() : new LinkedHashSet<>(values);
  }

  private static <T> Set<T> set(List<String> values, Function<String, T> map) {
    Set<T> out = new LinkedHashSet<>();
    if (values != null) {
      values.forEach(v -> out.add(map.apply(v)));
    }
    return out;
  }

  private static Map<String, String> map(Map<String, String> values) {
    return values == null ? Map.of() : values;
  }

  private EarnPolicy earnPolicy(EarnPolicyDefinition p) {
    EarnPolicy defaults = EarnPolicy.defaults();
    return new EarnPolicy(
        p.taxEarns() == null ? defaults.taxEarns() : p.taxEarns(),
        p.shippingEarns() == null ? defaults.shippingEarns() : p.shippingEarns(),
        p.pointsPaidEarns() == null ? defaults.pointsPaidEarns() : p.pointsPaidEarns(),
        enumOf("earnPolicy.scope", p.scope(), EarnPolicy.Scope.class, defaults.scope()),
        enumOf("earnPolicy.multipliers", p.multipliers(), EarnPolicy.MultiplierTiming.class,
            defaults.multipliers()),
        enumOf("earnPolicy.rounding", p.rounding(), java.math.RoundingMode.class,
            defaults.mode()));
  }

  private PointUnit unit(String at, UnitDefinition u) {
    return part(at, () -> new PointUnit(
        UnitId.of(required(at + ".id", u.id())),
        required(at + ".name", u.name()),
        enumOf(at + ".kind", u.kind(), UnitKind.class, UnitKind.REDEEMABLE),
        u.pending() == null ? java.time.Period.ZERO
            : field(at + ".pending", () -> Texts.period(u.pending())),
        expiry(at + ".expiry", u.expiry()),
        enumOf(at + ".shortfall", u.shortfall(), ShortfallPolicy.class,
            ShortfallPolicy.STOP_AT_ZERO)));
  }

  private ExpiryPolicy expiry(String at, ExpiryDefinition e) {
    if (e == null) {
      return ExpiryPolicy.never();
    }
    int given = (e.after() != null ? 1 : 0) + (e.endOf() != null ? 1 : 0)
        + (e.inactivity() != null ? 1 : 0);
    if (given != 1) {
      throw new Located(at, "give exactly one of after, endOf and inactivity");
    }
    if (e.after() != null) {
      return field(at + ".after", () -> ExpiryPolicy.afterPeriod(Texts.period(e.after())));
    } else if (e.inactivity() != null) {
      return field(at + ".inactivity",
          () -> ExpiryPolicy.afterInactivity(Texts.period(e.inactivity())));
    }
    CalendarPeriod period = enumOf(at + ".endOf", e.endOf(), CalendarPeriod.class, null);
    int after = e.periodsAfter() == null ? 0 : e.periodsAfter();
    return field(at + ".periodsAfter", () -> ExpiryPolicy.atEndOf(period, after));
  }

  private EarnRule rule(String at, RuleDefinition r) {
    return part(at, () -> {
      RuleId id = field(at + ".id", () -> RuleId.of(required(at + ".id", r.id())));
      String kind = required(at + ".kind", r.kind());
      RuleSettings settings = settings(at, r);
      switch (kind) {
        case "rate":
          return new EarnRule.Rate(id, settings, unit(at, r.unit()),
              required(at + ".points", r.points()), money(at + ".per", r.per()), lines(r));
        case "multiplier":
          return new EarnRule.Multiplier(id, settings, unit(at, r.unit()),
              required(at + ".factor", r.factor()), lines(r));
        case "event-bonus":
          return new EarnRule.EventBonus(id, settings, unit(at, r.unit()),
              whole(at + ".points", r.points()),
              enumOf(at + ".event", required(at + ".event", r.event()), EngagementType.class,
                  null),
              map(r.attributes()),
              enumOf(at + ".frequency", r.frequency(), Frequency.class, Frequency.EVERY_TIME));
        case "minimum-spend-bonus":
          return new EarnRule.MinimumSpendBonus(id, settings, unit(at, r.unit()),
              whole(at + ".points", r.points()), money(at + ".minimum", r.minimum()));
        case "first-purchase":
          return new EarnRule.FirstPurchase(id, settings, grant(at + ".grant", r.grant()));
        case "spend-voucher":
          return new EarnRule.SpendVoucher(id, settings, money(at + ".every", r.every()),
              money(at + ".value", r.value()), validity(at, r));
        case "cashback":
          return new EarnRule.Cashback(id, settings, required(at + ".percent", r.percent()),
              validity(at, r));
        case "birthday", "anniversary":
          return new EarnRule.DateReward(id, settings, kind.equals("birthday")
              ? EarnRule.DateReward.Occasion.BIRTHDAY : EarnRule.DateReward.Occasion.ANNIVERSARY,
              grant(at + ".grant", r.grant()), Boolean.TRUE.equals(r.leapDayOnMarchFirst()));
        case "custom":
          return new EarnRule.Custom(id, settings, unit(at, r.unit()),
              required(at + ".extension", r.extension()), map(r.parameters()));
        case "formula":
          return new EarnRule.Formula(id, settings, unit(at, r.unit()),
              field(at + ".formula", () -> Expression.of(required(at + ".formula",
                  r.formula()))));
        default:
          throw new Located(at + ".kind", "'" + kind + "' is not one of rate, multiplier, "
              + "event-bonus, minimum-spend-bonus, first-purchase, spend-voucher, cashback, "
              + "birthday, anniversary, custom, formula");
      }
    });
  }

  private UnitId unit(String at, String unit) {
    return field(at + ".unit", () -> UnitId.of(required(at + ".unit", unit)));
  }

  private Optional<java.time.Period> validity(String at, RuleDefinition r) {
    return r.validity() == null ? Optional.empty()
        : Optional.of(field(at + ".validity", () -> Texts.period(r.validity())));
  }

  private static LineFilter lines(RuleDefinition r) {
    return lines(r.lines());
  }

  private static LineFilter lines(LinesDefinition l) {
    return l == null ? LineFilter.all()
        : new LineFilter(set(l.categories()), set(l.skus()), set(l.tags()),
            set(l.partners(), PartnerId::of));
  }

  private RuleSettings settings(String at, RuleDefinition r) {
    AudienceDefinition a = r.audience();
    Audience audience = a == null ? Audience.everyone() : field(at + ".audience",
        () -> new Audience(set(a.segments()), set(a.tiers(), TierId::of), map(a.attributes()),
            set(a.channels(), c -> Texts.enumValue(c, Channel.class)), set(a.instruments()),
            Boolean.TRUE.equals(a.birthdayMonth())));
    List<Cap> caps = new ArrayList<>();
    if (r.caps() != null) {
      for (int i = 0; i < r.caps().size(); i++) {
        CapDefinition c = r.caps().get(i);
        String capAt = at + ".caps[" + i + "]";
        caps.add(field(capAt, () -> Cap.of(enumOf(capAt + ".per", required(capAt + ".per",
            c.per()), CapScope.class, null), required(capAt + ".points", c.points()))));
      }
    }
    BudgetDefinition budget = r.budget();
    ConditionDefinition condition = r.condition();
    WindowDefinition window = r.window();
    return field(at, () -> new RuleSettings(
        r.group() == null ? 0 : r.group(),
        r.priority() == null ? 0 : r.priority(),
        enumOf(at + ".stacking", r.stacking(), Stacking.class, Stacking.STACKABLE),
        audience,
        window == null ? Optional.empty() : Optional.of(window(at + ".window", window)),
        caps,
        budget == null ? Optional.empty() : Optional.of(field(at + ".budget", () -> Budget.of(
            required(at + ".budget.id", budget.id()),
            required(at + ".budget.points", budget.points())))),
        condition == null ? Optional.empty() : Optional.of(field(at + ".condition", () ->
            new CustomCondition(required(at + ".condition.kind", condition.kind()),
                map(condition.parameters())))),
        r.when() == null ? Optional.empty() : Optional.of(field(at + ".when",
            () -> Expression.of(r.when()))),
        enumOf(at + ".onError", r.onError(), OnError.class, OnError.SKIP_RULE),
        r.fundedBy() == null ? Optional.empty()
            : Optional.of(field(at + ".fundedBy", () -> PartnerId.of(r.fundedBy())))));
  }

  private TimeWindow window(String at, WindowDefinition w) {
    java.time.LocalDateTime from = field(at + ".from",
        () -> Texts.dateTime(required(at + ".from", w.from())));
    java.time.LocalDateTime until = field(at + ".until",
        () -> Texts.dateTime(required(at + ".until", w.until())));
    if (!until.isAfter(from)) {
      throw new Located(at + ".until", "must be after from (" + w.from() + "), was "
          + w.until());
    }
    return new TimeWindow(from, until);
  }

  private Grant grant(String at, GrantDefinition g) {
    required(at, g);
    int given = (g.points() != null ? 1 : 0) + (g.reward() != null ? 1 : 0)
        + (g.voucher() != null ? 1 : 0);
    if (given != 1) {
      throw new Located(at, "give exactly one of points (with unit), reward and voucher");
    }
    if (g.points() != null) {
      return field(at, () -> Grant.points(UnitId.of(required(at + ".unit", g.unit())),
          g.points()));
    } else if (g.reward() != null) {
      return field(at + ".reward", () -> Grant.reward(RewardId.of(g.reward())));
    }
    return Grant.voucher(money(at + ".voucher", g.voucher()));
  }

  private Reward reward(String at, RewardDefinition r) {
    return part(at, () -> new Reward(
        field(at + ".id", () -> RewardId.of(required(at + ".id", r.id()))),
        required(at + ".name", r.name()),
        unit(at, r.unit()),
        required(at + ".cost", r.cost()),
        enumOf(at + ".kind", required(at + ".kind", r.kind()), RewardKind.class, null),
        r.value() == null ? Optional.empty() : Optional.of(money(at + ".value", r.value())),
        Optional.ofNullable(r.percent()),
        set(r.tiers(), TierId::of),
        r.partner() == null ? Optional.empty()
            : Optional.of(field(at + ".partner", () -> PartnerId.of(r.partner())))));
  }

  private Offer offer(String at, OfferDefinition o) {
    return part(at, () -> new Offer(
        field(at + ".id", () -> OfferId.of(required(at + ".id", o.id()))),
        required(at + ".name", o.name()),
        window(at, new WindowDefinition(o.from(), o.until())).from(),
        Texts.dateTime(o.until()),
        set(o.segments()),
        set(o.tiers(), TierId::of),
        unit(at, o.unit()),
        o.multiplier() == null ? BigDecimal.ONE : o.multiplier(),
        o.bonusPoints() == null ? 0 : o.bonusPoints(),
        o.when() == null ? Optional.empty()
            : Optional.of(field(at + ".when", () -> Expression.of(o.when())))));
  }

  private TierLadder tiers(TiersDefinition t) {
    return part("tiers", () -> {
      List<Tier> tiers = new ArrayList<>();
      List<TierDefinition> defs = required("tiers.tiers", t.tiers());
      for (int i = 0; i < defs.size(); i++) {
        TierDefinition d = defs.get(i);
        String at = "tiers.tiers[" + i + "]";
        Optional<QualificationWindow> window = d.window() == null ? Optional.empty()
            : Optional.of(field(at + ".window", () -> window(d.window())));
        Optional<Grant> entryBonus = d.entryBonus() == null ? Optional.empty()
            : Optional.of(grant(at + ".entryBonus", d.entryBonus()));
        tiers.add(field(at, () -> new Tier(TierId.of(required(at + ".id", d.id())),
            required(at + ".name", d.name()), required(at + ".threshold", d.threshold()),
            d.earnMultiplier() == null ? BigDecimal.ONE : d.earnMultiplier(),
            set(d.perks()), window, entryBonus)));
      }
      TierMetric metric = enumOf("tiers.metric", required("tiers.metric", t.metric()),
          TierMetric.class, null);
      Optional<UnitId> statusUnit = t.statusUnit() == null ? Optional.empty()
          : Optional.of(field("tiers.statusUnit", () -> UnitId.of(t.statusUnit())));
      Optional<Expression> credit = t.credit() == null ? Optional.empty()
          : Optional.of(field("tiers.credit", () -> Expression.of(t.credit())));
      QualificationWindow window = field("tiers.window",
          () -> window(required("tiers.window", t.window())));
      TierDowngrade downgrade = enumOf("tiers.downgrade", t.downgrade(), TierDowngrade.class,
          TierDowngrade.TO_EARNED);
      java.time.Period grace = t.grace() == null ? java.time.Period.ZERO
          : field("tiers.grace", () -> Texts.period(t.grace()));
      try {
        return new TierLadder(metric, statusUnit, credit, window, downgrade, grace, tiers);
      } catch (Located e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw ladderProblem(e.getMessage(), metric, tiers, defs);
      }
    });
  }

  /**
   * A problem the tier ladder reported, such as {@code tiers[2].window: only the lifetime window
   * may differ from the ladder's, was CalendarYear[]}, at its path in the file
   * ({@code tiers.tiers[2].window}), with the metric and windows written as the file writes them.
   */
  private static Located ladderProblem(String message, TierMetric metric, List<Tier> tiers,
      List<TierDefinition> defs) {
    String text = message == null ? "the tier ladder is invalid" : message;
    text = text.replace("metric " + metric.name(), "metric " + Texts.kebab(metric));
    for (int i = 0; i < tiers.size(); i++) {
      Optional<QualificationWindow> own = tiers.get(i).window();
      if (own.isPresent()) {
        text = text.replace("was " + own.get(), "was '" + defs.get(i).window() + "'");
      }
    }
    Matcher m = LADDER_PATH.matcher(text);
    if (!m.matches()) {
      return new Located("tiers", text);
    }
    String path = "tiers" + (m.group(1) == null ? "" : ".tiers[" + m.group(1) + "]")
        + (m.group(2) == null ? "" : "." + m.group(2));
    String rest = m.group(3);
    if (path.equals("tiers") && rest.startsWith("a status unit ")) {
      path = "tiers.statusUnit";
    } else if (path.equals("tiers") && rest.startsWith("a credit expression ")) {
      path = "tiers.credit";
    }
    return new Located(path, rest);
  }

  private static QualificationWindow window(String text) {
    switch (text) {
      case "calendar-year":
        return QualificationWindow.calendarYear();
      case "membership-year":
        return QualificationWindow.membershipYear();
      case "lifetime":
        return new QualificationWindow.Lifetime();
      default:
        Matcher m = ROLLING.matcher(text);
        if (m.matches()) {
          return QualificationWindow.rollingMonths(Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException("'" + text + "' is not one of calendar-year, "
            + "membership-year, lifetime, rolling N months");
    }
  }

  private MembershipPlan plan(String at, PlanDefinition p) {
    return part(at, () -> {
      PlanId id = field(at + ".id", () -> PlanId.of(required(at + ".id", p.id())));
      String name = required(at + ".name", p.name());
      Money fee = money(at + ".fee", p.fee());
      Optional<java.time.Period> term = p.term() == null ? Optional.empty()
          : Optional.of(field(at + ".term", () -> Texts.period(p.term())));
      Optional<java.time.Period> trial = p.trial() == null ? Optional.empty()
          : Optional.of(field(at + ".trial", () -> Texts.period(p.trial())));
      java.time.Period grace = p.grace() == null ? java.time.Period.ZERO
          : field(at + ".grace", () -> Texts.period(p.grace()));
      Optional<MemberDiscount> discount = p.discount() == null ? Optional.empty()
          : Optional.of(discount(at + ".discount", p.discount()));
      Optional<Dividend> dividend = p.dividend() == null ? Optional.empty()
          : Optional.of(dividend(at + ".dividend", p.dividend()));
      try {
        return new MembershipPlan(id, name, fee, term, set(p.perks()),
            p.earnMultiplier() == null ? BigDecimal.ONE : p.earnMultiplier(), trial, grace,
            discount, dividend);
      } catch (Located e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new Located(at + planField(e.getMessage(), id), e.getMessage());
      }
    });
  }

  /**
   * The field of a plan a problem the plan reported is about: {@code plan coop: grace P1M given,
   * but ...} is about {@code .grace}; empty if it names none of them.
   */
  private static String planField(String message, PlanId id) {
    String prefix = "plan " + id + ": ";
    if (message == null || !message.startsWith(prefix)) {
      return "";
    }
    String rest = message.substring(prefix.length());
    for (String[] f : PLAN_FIELDS) {
      if (rest.startsWith(f[0])) {
        return "." + f[1];
      }
    }
    return "";
  }

  private static final String[][] PLAN_FIELDS = {{"name", "name"}, {"fee", "fee"},
      {"term", "term"}, {"perks", "perks"}, {"earn multiplier", "earnMultiplier"},
      {"trial", "trial"}, {"grace", "grace"}, {"discount", "discount"},
      {"dividend", "dividend"}};

  private MemberDiscount discount(String at, DiscountDefinition d) {
    BigDecimal percent = required(at + ".percent", d.percent());
    LineFilter lines = field(at + ".lines", () -> lines(d.lines()));
    return field(at + ".percent", () -> new MemberDiscount(percent, lines));
  }

  private Dividend dividend(String at, DividendDefinition d) {
    BigDecimal percent = required(at + ".percent", d.percent());
    Dividend.ReturnPolicy onReturn = enumOf(at + ".onReturn", d.onReturn(),
        Dividend.ReturnPolicy.class, Dividend.ReturnPolicy.KEEP);
    Optional<java.time.Period> validity = d.validity() == null ? Optional.empty()
        : Optional.of(field(at + ".validity", () -> Texts.period(d.validity())));
    try {
      return new Dividend(percent, onReturn, validity);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new Located(at + (message.startsWith("dividend validity") ? ".validity"
          : ".percent"), message);
    }
  }

  private Partner partner(String at, PartnerDefinition p) {
    return part(at, () -> {
      Partner partner = new Partner(
          field(at + ".id", () -> PartnerId.of(required(at + ".id", p.id()))),
          required(at + ".name", p.name()), money(at + ".fundingCost", p.fundingCost()),
          money(at + ".reimbursement", p.reimbursement()));
      TransfersDefinition t = p.transfers();
      if (t == null) {
        return partner;
      }
      String tat = at + ".transfers";
      return partner.withTransfers(field(tat, () -> new TransferTerms(
          required(tat + ".partnerUnit", t.partnerUnit()), required(tat + ".points", t.points()),
          required(tat + ".partnerUnits", t.partnerUnits()),
          required(tat + ".minimum", t.minimum()), required(tat + ".step", t.step()))));
    });
  }

  private Cause cause(String at, CauseDefinition c) {
    return part(at, () -> new Cause(
        field(at + ".id", () -> CauseId.of(required(at + ".id", c.id()))),
        required(at + ".name", c.name()), money(at + ".pointValue", c.pointValue()),
        required(at + ".minimumPoints", c.minimumPoints()),
        required(at + ".stepPoints", c.stepPoints())));
  }

  private Challenge challenge(String at, ChallengeDefinition c) {
    return part(at, () -> new Challenge(
        field(at + ".id", () -> ChallengeId.of(required(at + ".id", c.id()))),
        required(at + ".name", c.name()),
        enumOf(at + ".goal", required(at + ".goal", c.goal()), ChallengeGoal.class, null),
        required(at + ".target", c.target()),
        set(c.categories()),
        c.event() == null ? Optional.empty()
            : Optional.of(enumOf(at + ".event", c.event(), EngagementType.class, null)),
        map(c.attributes()),
        enumOf(at + ".window", c.window(), ChallengeWindow.class, ChallengeWindow.NONE),
        c.runs() == null ? Optional.empty() : Optional.of(window(at + ".runs", c.runs())),
        c.streak() == null ? 1 : c.streak(),
        c.grant() == null ? Optional.empty() : Optional.of(grant(at + ".grant", c.grant())),
        Boolean.TRUE.equals(c.restarts())));
  }

  private Badge badge(String at, BadgeDefinition d) {
    List<BadgeLevel> levels = new ArrayList<>();
    List<BadgeLevelDefinition> given = required(at + ".levels", d.levels());
    for (int i = 0; i < given.size(); i++) {
      String level = at + ".levels[" + i + "]";
      BadgeLevelDefinition l = required(level, given.get(i));
      levels.add(field(level, () -> new BadgeLevel(required(level + ".name", l.name()),
          required(level + ".threshold", l.threshold()))));
    }
    return part(at, () -> new Badge(
        field(at + ".id", () -> BadgeId.of(required(at + ".id", d.id()))),
        required(at + ".name", d.name()),
        enumOf(at + ".metric", required(at + ".metric", d.metric()), BadgeMetric.class, null),
        d.challenge() == null ? Optional.empty()
            : Optional.of(field(at + ".challenge", () -> ChallengeId.of(d.challenge()))),
        d.event() == null ? Optional.empty()
            : Optional.of(enumOf(at + ".event", d.event(), EngagementType.class, null)),
        levels,
        d.validity() == null ? Optional.empty()
            : Optional.of(field(at + ".validity", () -> Texts.period(d.validity())))));
  }

  private ReferralTerms referral(String at, ReferralDefinition r) {
    return part(at, () -> {
      Grant friend = grant(at + ".friend", r.friend());
      Grant referrer = grant(at + ".referrer", r.referrer());
      Money minimum = field(at + ".minimumSpend", () -> Money.of(required(at + ".minimumSpend",
          r.minimumSpend()), currency));
      LineFilter lines = field(at + ".lines", () -> lines(r.lines()));
      Optional<ReferralTerms.Limit> limit = Optional.empty();
      if (r.limit() != null) {
        String lat = at + ".limit";
        int referrals = required(lat + ".referrals", r.limit().referrals());
        Optional<CalendarPeriod> per = r.limit().per() == null ? Optional.empty()
            : Optional.of(enumOf(lat + ".per", r.limit().per(), CalendarPeriod.class, null));
        limit = Optional.of(field(lat + ".referrals",
            () -> new ReferralTerms.Limit(referrals, per)));
      }
      java.time.Period window = field(at + ".returnWindow",
          () -> Texts.period(required(at + ".returnWindow", r.returnWindow())));
      Optional<ReferralTerms.Limit> chosen = limit;
      try {
        return new ReferralTerms(friend, referrer, minimum, lines, chosen, window);
      } catch (IllegalArgumentException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        throw new Located(at + (message.startsWith("referral minimum spend") ? ".minimumSpend"
            : message.startsWith("referral return window") ? ".returnWindow" : ""), message);
      }
    });
  }

  private Draw draw(String at, DrawDefinition d) {
    return part(at, () -> {
      DrawId id = field(at + ".id", () -> DrawId.of(required(at + ".id", d.id())));
      String name = required(at + ".name", d.name());
      List<EntryTrigger> earnedBy = triggers(at + ".earnedBy", d.earnedBy());
      Frequency frequency = enumOf(at + ".frequency", d.frequency(), Frequency.class,
          Frequency.EVERY_TIME);
      Optional<TimeWindow> window = d.window() == null ? Optional.empty()
          : Optional.of(window(at + ".window", d.window()));
      List<PrizeDefinition> defs = required(at + ".prizes", d.prizes());
      List<Prize> prizes = new ArrayList<>();
      for (int i = 0; i < defs.size(); i++) {
        String pat = at + ".prizes[" + i + "]";
        PrizeDefinition p = defs.get(i);
        PrizeId prize = field(pat + ".id", () -> PrizeId.of(required(pat + ".id", p.id())));
        Optional<Grant> grant = p.grant() == null ? Optional.empty()
            : Optional.of(grant(pat + ".grant", p.grant()));
        prizes.add(field(pat, () -> new Prize(prize, required(pat + ".name", p.name()),
            required(pat + ".quantity", p.quantity()), grant)));
      }
      return field(at, () -> new Draw(id, name, earnedBy, d.entries() == null ? 1 : d.entries(),
          frequency, window, prizes));
    });
  }

  private InstantWinGame game(String at, GameDefinition g) {
    return part(at, () -> {
      DrawId id = field(at + ".id", () -> DrawId.of(required(at + ".id", g.id())));
      String name = required(at + ".name", g.name());
      List<EntryTrigger> earnedBy = triggers(at + ".earnedBy", g.earnedBy());
      Frequency frequency = enumOf(at + ".frequency", g.frequency(), Frequency.class,
          Frequency.EVERY_TIME);
      Optional<TimeWindow> window = g.window() == null ? Optional.empty()
          : Optional.of(window(at + ".window", g.window()));
      List<GamePrizeDefinition> defs = required(at + ".prizes", g.prizes());
      List<GamePrize> prizes = new ArrayList<>();
      for (int i = 0; i < defs.size(); i++) {
        String pat = at + ".prizes[" + i + "]";
        GamePrizeDefinition p = defs.get(i);
        PrizeId prize = field(pat + ".id", () -> PrizeId.of(required(pat + ".id", p.id())));
        String prizeName = required(pat + ".name", p.name());
        BigDecimal odds = required(pat + ".odds", p.odds());
        long stock = required(pat + ".stock", p.stock());
        Optional<Grant> grant = p.grant() == null ? Optional.empty()
            : Optional.of(grant(pat + ".grant", p.grant()));
        prizes.add(field(pat + (odds.signum() > 0 && odds.compareTo(BigDecimal.ONE) <= 0
            ? "" : ".odds"), () -> new GamePrize(prize, prizeName, odds, stock, grant)));
      }
      if (g.lowOddsReason() != null && g.lowOddsReason().isBlank()) {
        throw new Located(at + ".lowOddsReason", "must state why the game's odds of winning "
            + "may be below 25 %, or be left out");
      }
      Optional<String> reason = Optional.ofNullable(g.lowOddsReason());
      return field(at, () -> new InstantWinGame(id, name, earnedBy, frequency, window, prizes,
          reason));
    });
  }

  /** What earns a draw's entries or a game's plays: each trigger an event or a minimum spend. */
  private List<EntryTrigger> triggers(String at, List<TriggerDefinition> defs) {
    required(at, defs);
    List<EntryTrigger> triggers = new ArrayList<>();
    for (int i = 0; i < defs.size(); i++) {
      String tat = at + "[" + i + "]";
      TriggerDefinition t = defs.get(i);
      if ((t.event() == null) == (t.minimumSpend() == null)) {
        throw new Located(tat, "give exactly one of event (with its attributes) and "
            + "minimumSpend");
      }
      if (t.minimumSpend() != null) {
        if (t.attributes() != null) {
          throw new Located(tat + ".attributes", "attributes go with an event, not with a "
              + "minimum spend");
        }
        Money minimum = money(tat + ".minimumSpend", t.minimumSpend());
        triggers.add(field(tat + ".minimumSpend", () -> EntryTrigger.purchase(minimum)));
      } else {
        EngagementType type = enumOf(tat + ".event", t.event(), EngagementType.class, null);
        Map<String, Set<String>> attributes = new java.util.LinkedHashMap<>();
        if (t.attributes() != null) {
          t.attributes().forEach((key, values) -> attributes.put(key, set(values)));
        }
        triggers.add(field(tat + ".attributes", () -> new EntryTrigger.Event(type,
            attributes)));
      }
    }
    return triggers;
  }

  private PointsPayment pointsPayment(String at, PointsPaymentDefinition p) {
    return part(at, () -> new PointsPayment(unit(at, p.unit()),
        required(at + ".pointsPerStep", p.pointsPerStep()),
        money(at + ".valuePerStep", p.valuePerStep()),
        p.maxShare() == null ? BigDecimal.ONE : p.maxShare()));
  }

  // ------------------------------------------------------------------------------------------
  // Program to file
  // ------------------------------------------------------------------------------------------

  /** Returns the definition of a program: what a program file for it says. */
  static ProgramDefinition toDefinition(Program p) {
    EarnPolicy policy = p.earnPolicy();
    EarnPolicy defaults = EarnPolicy.defaults();
    EarnPolicyDefinition earnPolicy = policy.equals(defaults) ? null : new EarnPolicyDefinition(
        policy.taxEarns() ? Boolean.TRUE : null,
        policy.shippingEarns() ? Boolean.TRUE : null,
        policy.pointsPaidEarns() ? Boolean.TRUE : null,
        policy.mode() == defaults.mode() ? null : Texts.kebab(policy.mode()),
        policy.scope() == defaults.scope() ? null : Texts.kebab(policy.scope()),
        policy.multipliers() == defaults.multipliers() ? null
            : Texts.kebab(policy.multipliers()));
    return new ProgramDefinition(ProgramDefinition.FORMAT, p.id().value(),
        p.name().equals(p.id().value()) ? null : p.name(),
        p.currency().getCurrencyCode(), p.zone().getId(),
        p.activityHorizon().equals(Program.DEFAULT_ACTIVITY_HORIZON) ? null
            : Texts.duration(p.activityHorizon()),
        earnPolicy,
        p.segments().isEmpty() ? null : List.copyOf(p.segments()),
        list(p.units().values(), ProgramConverter::unit),
        list(p.earnRules(), ProgramConverter::rule),
        list(p.rewards().values(), ProgramConverter::reward),
        list(p.offers().values(), ProgramConverter::offer),
        p.tiers().map(ProgramConverter::tiers).orElse(null),
        list(p.plans().values(), ProgramConverter::plan),
        list(p.partners().values(), x -> new PartnerDefinition(x.id().value(), x.name(),
            x.fundingCost().amount(), x.reimbursement().amount(), x.transfers().map(t -> new TransfersDefinition(
                t.partnerUnit(), t.points(), t.partnerUnits(), t.minimumPoints(),
                t.stepPoints())).orElse(null))),
        list(p.causes().values(), x -> new CauseDefinition(x.id().value(), x.name(),
            x.pointValue().amount(), x.minimumPoints(), x.stepPoints())),
        list(p.challenges().values(), ProgramConverter::challenge),
        list(p.badges().values(), ProgramConverter::badge),
        p.pointsPayment().map(x -> new PointsPaymentDefinition(x.unit().value(),
            x.pointsPerStep(), x.valuePerStep().amount(),
            x.maxShare().equals(BigDecimal.ONE) ? null : x.maxShare())).orElse(null),
        p.settlementRounding() == java.math.RoundingMode.HALF_EVEN ? null
            : new SettlementDefinition(Texts.kebab(p.settlementRounding())),
        p.referral().map(ProgramConverter::referral).orElse(null),
        list(p.draws().values(), ProgramConverter::draw),
        list(p.games().values(), ProgramConverter::game));
  }

  private static <T, D> List<D> list(java.util.Collection<T> values, Function<T, D> map) {
    return values.isEmpty() ? null : values.stream().map(map).toList();
  }

  private static List<String> strings(java.util.Collection<?> values) {
    return values.isEmpty() ? null : values.stream().map(v -> v instanceof Enum<?> e
        ? Texts.kebab(e) : v.toString()).toList();
  }

  private static UnitDefinition unit(PointUnit u) {
    ExpiryDefinition expiry;
    if (u.expiry() instanceof ExpiryPolicy.AfterPeriod e) {
      expiry = new ExpiryDefinition(Texts.period(e.period()), null, null, null);
    } else if (u.expiry() instanceof ExpiryPolicy.AtEndOfPeriod e) {
      expiry = new ExpiryDefinition(null, Texts.kebab(e.period()),
          e.periodsAfter() == 0 ? null : e.periodsAfter(), null);
    } else if (u.expiry() instanceof ExpiryPolicy.AfterInactivity e) {
      expiry = new ExpiryDefinition(null, null, null, Texts.period(e.period()));
    } else {
      expiry = null;
    }
    return new UnitDefinition(u.id().value(), u.name(),
        u.kind() == UnitKind.REDEEMABLE ? null : Texts.kebab(u.kind()),
        u.pendingPeriod().isZero() ? null : Texts.period(u.pendingPeriod()), expiry,
        u.shortfall() == ShortfallPolicy.STOP_AT_ZERO ? null : Texts.kebab(u.shortfall()));
  }

  private static RuleDefinition rule(EarnRule rule) {
    RuleSettings s = rule.settings();
    Audience a = s.audience();
    AudienceDefinition audience = a.equals(Audience.everyone()) ? null : new AudienceDefinition(
        strings(a.segments()), strings(a.tiers()),
        a.attributes().isEmpty() ? null : new java.util.TreeMap<>(a.attributes()),
        strings(a.channels()), strings(a.instruments()), a.birthdayMonth() ? Boolean.TRUE : null);
    WindowDefinition window = s.window().map(w -> new WindowDefinition(
        Texts.dateTime(w.from()), Texts.dateTime(w.until()))).orElse(null);
    List<CapDefinition> caps = s.caps().isEmpty() ? null : s.caps().stream()
        .map(c -> new CapDefinition(Texts.kebab(c.scope()), c.points())).toList();
    BudgetDefinition budget = s.budget().map(b -> new BudgetDefinition(b.id().value(),
        b.points())).orElse(null);
    ConditionDefinition condition = s.condition().map(c -> new ConditionDefinition(c.kind(),
        c.parameters().isEmpty() ? null : c.parameters())).orElse(null);
    String when = s.when().map(Expression::text).orElse(null);
    Integer group = s.group() == 0 ? null : s.group();
    Integer priority = s.priority() == 0 ? null : s.priority();
    String stacking = s.stacking() == Stacking.STACKABLE ? null : Texts.kebab(s.stacking());
    String onError = s.onError() == OnError.SKIP_RULE ? null : Texts.kebab(s.onError());
    String id = rule.id().value();
    RuleFields f = new RuleFields();
    if (rule instanceof EarnRule.Rate r) {
      f.kind = "rate";
      f.unit = r.unit().value();
      f.points = r.points();
      f.per = r.per().amount();
      f.lines = lines(r.lines());
    } else if (rule instanceof EarnRule.Multiplier r) {
      f.kind = "multiplier";
      f.unit = r.unit().value();
      f.factor = r.factor();
      f.lines = lines(r.lines());
    } else if (rule instanceof EarnRule.EventBonus r) {
      f.kind = "event-bonus";
      f.unit = r.unit().value();
      f.points = BigDecimal.valueOf(r.points());
      f.event = Texts.kebab(r.event());
      f.attributes = r.attributes().isEmpty() ? null : r.attributes();
      f.frequency = r.frequency() == Frequency.EVERY_TIME ? null : Texts.kebab(r.frequency());
    } else if (rule instanceof EarnRule.MinimumSpendBonus r) {
      f.kind = "minimum-spend-bonus";
      f.unit = r.unit().value();
      f.points = BigDecimal.valueOf(r.points());
      f.minimum = r.minimum().amount();
    } else if (rule instanceof EarnRule.FirstPurchase r) {
      f.kind = "first-purchase";
      f.grant = grant(r.grant());
    } else if (rule instanceof EarnRule.SpendVoucher r) {
      f.kind = "spend-voucher";
      f.every = r.every().amount();
      f.value = r.value().amount();
      f.validity = r.validity().map(Texts::period).orElse(null);
    } else if (rule instanceof EarnRule.Cashback r) {
      f.kind = "cashback";
      f.percent = r.percent();
      f.validity = r.validity().map(Texts::period).orElse(null);
    } else if (rule instanceof EarnRule.DateReward r) {
      f.kind = r.occasion() == EarnRule.DateReward.Occasion.BIRTHDAY ? "birthday"
          : "anniversary";
      f.grant = grant(r.grant());
      f.leapDayOnMarchFirst = r.leapDayOnMarchFirst() ? Boolean.TRUE : null;
    } else if (rule instanceof EarnRule.Custom r) {
      f.kind = "custom";
      f.unit = r.unit().value();
      f.extension = r.kind();
      f.parameters = r.parameters().isEmpty() ? null : r.parameters();
    } else if (rule instanceof EarnRule.Formula r) {
      f.kind = "formula";
      f.unit = r.unit().value();
      f.formula = r.points().text();
    }
    return new RuleDefinition(id, f.kind, f.unit, f.points, f.per, f.factor, f.lines, f.event,
        f.attributes, f.frequency, f.minimum, f.grant, f.every, f.value, f.validity, f.percent,
        f.leapDayOnMarchFirst, f.extension, f.parameters, f.formula, group, priority, stacking,
        audience, window, caps, budget, condition, when, onError,
        s.fundedBy().map(PartnerId::value).orElse(null));
  }

  /** The kind-specific fields of a rule, filled in by kind. */
  private static final class RuleFields {
    String kind;
    String unit;
    BigDecimal points;
    BigDecimal per;
    BigDecimal factor;
    LinesDefinition lines;
    String event;
    Map<String, String> attributes;
    String frequency;
    BigDecimal minimum;
    GrantDefinition grant;
    BigDecimal every;
    BigDecimal value;
    String validity;
    BigDecimal percent;
    Boolean leapDayOnMarchFirst;
    String extension;
    Map<String, String> parameters;
    String formula;
  }

  private static LinesDefinition lines(LineFilter l) {
    return l.matchesAll() ? null : new LinesDefinition(strings(l.categories()),
        strings(l.skus()), strings(l.tags()), strings(l.partners()));
  }

  private static GrantDefinition grant(Grant g) {
    if (g instanceof Grant.Points p) {
      return new GrantDefinition(p.points(), p.unit().value(), null, null);
    } else if (g instanceof Grant.FreeReward r) {
      return new GrantDefinition(null, null, r.reward().value(), null);
    }
    return new GrantDefinition(null, null, null, ((Grant.Voucher) g).value().amount());
  }

  private static RewardDefinition reward(Reward r) {
    return new RewardDefinition(r.id().value(), r.name(), r.unit().value(), r.cost(),
        Texts.kebab(r.kind()), r.value().map(Money::amount).orElse(null),
        r.percent().orElse(null), strings(r.tiers()),
        r.partner().map(PartnerId::value).orElse(null));
  }

  private static OfferDefinition offer(Offer o) {
    return new OfferDefinition(o.id().value(), o.name(), Texts.dateTime(o.from()),
        Texts.dateTime(o.until()), strings(o.segments()), strings(o.tiers()), o.unit().value(),
        o.multiplier().equals(BigDecimal.ONE) ? null : o.multiplier(),
        o.bonusPoints() == 0 ? null : o.bonusPoints(),
        o.when().map(Expression::text).orElse(null));
  }

  private static TiersDefinition tiers(TierLadder t) {
    return new TiersDefinition(Texts.kebab(t.metric()),
        t.statusUnit().map(UnitId::value).orElse(null),
        t.credit().map(Expression::text).orElse(null), windowText(t.window()),
        t.downgrade() == TierDowngrade.TO_EARNED ? null : Texts.kebab(t.downgrade()),
        t.grace().isZero() ? null : Texts.period(t.grace()),
        t.tiers().stream().map(x -> new TierDefinition(x.id().value(), x.name(),
            x.threshold(), x.earnMultiplier().equals(BigDecimal.ONE) ? null
                : x.earnMultiplier(), strings(x.perks()),
            x.window().map(ProgramConverter::windowText).orElse(null),
            x.entryBonus().map(ProgramConverter::grant).orElse(null))).toList());
  }

  /** A qualification window as a file writes it: {@code rolling 12 months}. */
  private static String windowText(QualificationWindow w) {
    if (w instanceof QualificationWindow.RollingMonths r) {
      return "rolling " + r.months() + " month" + (r.months() == 1 ? "" : "s");
    } else if (w instanceof QualificationWindow.MembershipYear) {
      return "membership-year";
    } else if (w instanceof QualificationWindow.Lifetime) {
      return "lifetime";
    }
    return "calendar-year";
  }

  private static PlanDefinition plan(MembershipPlan p) {
    return new PlanDefinition(p.id().value(), p.name(), p.fee().amount(),
        p.term().map(Texts::period).orElse(null), strings(p.perks()),
        p.earnMultiplier().equals(BigDecimal.ONE) ? null : p.earnMultiplier(),
        p.trial().map(Texts::period).orElse(null),
        p.grace().isZero() ? null : Texts.period(p.grace()),
        p.discount().map(d -> new DiscountDefinition(d.percent(), lines(d.lines())))
            .orElse(null),
        p.dividend().map(d -> new DividendDefinition(d.percent(),
            d.onReturn() == Dividend.ReturnPolicy.KEEP ? null : Texts.kebab(d.onReturn()),
            d.validity().map(Texts::period).orElse(null))).orElse(null));
  }

  private static ReferralDefinition referral(ReferralTerms r) {
    return new ReferralDefinition(grant(r.friend()), grant(r.referrer()),
        r.minimumSpend().amount(), lines(r.lines()),
        r.limit().map(l -> new ReferralLimitDefinition(l.referrals(),
            l.per().map(Texts::kebab).orElse(null))).orElse(null),
        Texts.period(r.returnWindow()));
  }

  private static DrawDefinition draw(Draw d) {
    return new DrawDefinition(d.id().value(), d.name(), triggers(d.earnedBy()),
        d.entries() == 1 ? null : d.entries(),
        d.frequency() == Frequency.EVERY_TIME ? null : Texts.kebab(d.frequency()),
        d.window().map(ProgramConverter::window).orElse(null),
        d.prizes().stream().map(p -> new PrizeDefinition(p.id().value(), p.name(), p.quantity(),
            p.grant().map(ProgramConverter::grant).orElse(null))).toList());
  }

  private static GameDefinition game(InstantWinGame g) {
    return new GameDefinition(g.id().value(), g.name(), triggers(g.earnedBy()),
        g.frequency() == Frequency.EVERY_TIME ? null : Texts.kebab(g.frequency()),
        g.window().map(ProgramConverter::window).orElse(null),
        g.prizes().stream().map(p -> new GamePrizeDefinition(p.id().value(), p.name(),
            p.odds(), p.stock(), p.grant().map(ProgramConverter::grant).orElse(null))).toList(),
        g.lowOddsReason().orElse(null));
  }

  private static List<TriggerDefinition> triggers(List<EntryTrigger> triggers) {
    return triggers.stream().map(t -> {
      if (t instanceof EntryTrigger.Purchase p) {
        return new TriggerDefinition(null, null, p.minimumSpend().amount());
      }
      EntryTrigger.Event e = (EntryTrigger.Event) t;
      Map<String, List<String>> attributes = new java.util.TreeMap<>();
      e.attributes().forEach((key, values) -> attributes.put(key, List.copyOf(values)));
      return new TriggerDefinition(Texts.kebab(e.type()),
          attributes.isEmpty() ? null : attributes, null);
    }).toList();
  }

  private static WindowDefinition window(TimeWindow w) {
    return new WindowDefinition(Texts.dateTime(w.from()), Texts.dateTime(w.until()));
  }

  private static ChallengeDefinition challenge(Challenge c) {
    return new ChallengeDefinition(c.id().value(), c.name(), Texts.kebab(c.goal()), c.target(),
        strings(c.categories()), c.event().map(Texts::kebab).orElse(null),
        c.attributes().isEmpty() ? null : new java.util.TreeMap<>(c.attributes()),
        c.window() == ChallengeWindow.NONE ? null : Texts.kebab(c.window()),
        c.runs().map(w -> new WindowDefinition(Texts.dateTime(w.from()),
            Texts.dateTime(w.until()))).orElse(null),
        c.streak() == 1 ? null : c.streak(),
        c.grant().map(ProgramConverter::grant).orElse(null), c.restarts() ? Boolean.TRUE : null);
  }

  private static BadgeDefinition badge(Badge b) {
    return new BadgeDefinition(b.id().value(), b.name(), Texts.kebab(b.metric()),
        b.challenge().map(ChallengeId::value).orElse(null),
        b.event().map(Texts::kebab).orElse(null),
        b.levels().stream().map(l -> new BadgeLevelDefinition(l.name(), l.threshold())).toList(),
        b.validity().map(Texts::period).orElse(null));
  }
}
