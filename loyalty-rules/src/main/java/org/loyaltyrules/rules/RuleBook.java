package org.loyaltyrules.rules;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.Offer;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.rule.Audience;
import org.loyaltyrules.core.ledger.Ledger;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Expression;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.RuleSettings;
import org.loyaltyrules.core.rule.TimeWindow;
import org.loyaltyrules.rules.expression.CompiledExpression;
import org.loyaltyrules.rules.expression.ExpressionEvaluationException;
import org.loyaltyrules.rules.expression.ExpressionException;
import org.loyaltyrules.rules.spi.ConditionExtension;
import org.loyaltyrules.rules.spi.Extensions;
import org.loyaltyrules.rules.spi.RuleExtension;

/**
 * A program's earning rules compiled into plain specs, sorted into evaluation order: the rules
 * it declares, its offers, and the multipliers of its tiers and paid plans. Immutable and
 * thread-safe.
 */
final class RuleBook {
  final ImmutableList<RuleSpec.Rate> rates;
  final ImmutableList<RuleSpec.Multiplier> multipliers;
  final ImmutableList<RuleSpec.SpendBonus> bonuses;
  final ImmutableList<RuleSpec.EventBonus> events;
  final ImmutableList<RuleSpec> vouchers;
  final ImmutableList<RuleSpec.DateReward> dates;
  final ImmutableList<RuleSpec.Custom> customs;
  /** The tier ladder's credit expression, for metric EXPRESSION; null otherwise. */
  CompiledExpression tierCredit;
  /** Every rule's head by id, for returns that look a rule up from its lot. */
  final com.google.common.collect.ImmutableMap<RuleId, RuleSpec.Head> heads;

  private RuleBook(List<RuleSpec.Rate> rates, List<RuleSpec.Multiplier> multipliers,
      List<RuleSpec.SpendBonus> bonuses, List<RuleSpec.EventBonus> events,
      List<RuleSpec> vouchers, List<RuleSpec.DateReward> dates, List<RuleSpec.Custom> customs) {
    this.rates = ImmutableList.sortedCopyOf(RuleSpec.ORDER, rates);
    this.multipliers = ImmutableList.sortedCopyOf(RuleSpec.ORDER, multipliers);
    this.bonuses = ImmutableList.sortedCopyOf(RuleSpec.ORDER, bonuses);
    this.events = ImmutableList.sortedCopyOf(RuleSpec.ORDER, events);
    this.vouchers = ImmutableList.sortedCopyOf(RuleSpec.ORDER, vouchers);
    this.dates = ImmutableList.sortedCopyOf(RuleSpec.ORDER, dates);
    this.customs = ImmutableList.sortedCopyOf(RuleSpec.ORDER, customs);
    Map<RuleId, RuleSpec.Head> byId = new java.util.LinkedHashMap<>();
    java.util.stream.Stream.of(this.rates, this.multipliers, this.bonuses, this.events,
            this.vouchers, this.dates, this.customs)
        .flatMap(List::stream).forEach(r -> byId.putIfAbsent(r.head().id(), r.head()));
    this.heads = com.google.common.collect.ImmutableMap.copyOf(byId);
  }

  /** Compiles the program's rules, adding a problem for each this version cannot decide. */
  static RuleBook compile(Program program, Extensions extensions, List<Problem> problems) {
    List<RuleSpec.Rate> rates = new ArrayList<>();
    List<RuleSpec.Multiplier> multipliers = new ArrayList<>();
    List<RuleSpec.SpendBonus> bonuses = new ArrayList<>();
    List<RuleSpec.EventBonus> events = new ArrayList<>();
    List<RuleSpec> vouchers = new ArrayList<>();
    List<RuleSpec.DateReward> dates = new ArrayList<>();
    List<RuleSpec.Custom> customs = new ArrayList<>();
    int index = 0;
    for (EarnRule rule : program.earnRules()) {
      String at = "earnRules[" + index + "]";
      Optional<ConditionExtension> condition = Optional.empty();
      RuleSettings settings = rule.settings();
      if (settings.condition().isPresent() || settings.when().isPresent()) {
        boolean onPurchases = rule instanceof EarnRule.Rate || rule instanceof EarnRule.Multiplier
            || rule instanceof EarnRule.MinimumSpendBonus || rule instanceof EarnRule.Custom
            || rule instanceof EarnRule.Formula
            || (rule instanceof EarnRule.FirstPurchase f && f.grant() instanceof Grant.Points);
        if (!onPurchases) {
          String which = settings.condition().isPresent() ? ".settings.condition"
              : ".settings.when";
          problems.add(new Problem(at + which, "a condition applies only to rules that earn "
              + "points on purchases, not to " + rule.getClass().getSimpleName()));
        } else {
          List<ConditionExtension> all = new ArrayList<>();
          settings.condition().ifPresent(c -> all.add(extension(at + ".settings.condition",
              c.kind(), c.parameters(), extensions.condition(c.kind()),
              extensions.conditionKinds(), problems)));
          settings.when().ifPresent(w -> all.add(when(at + ".settings.when", program, w,
              problems)));
          condition = both(all);
        }
      }
      capWarnings(at, rule, problems);
      RuleSpec.Head head = RuleSpec.Head.of(rule.id(), rule.settings(), index++, condition);
      boolean grantsMoneyOrOnADate = rule instanceof EarnRule.DateReward
          || rule instanceof EarnRule.SpendVoucher || rule instanceof EarnRule.Cashback
          || (rule instanceof EarnRule.FirstPurchase f && !(f.grant() instanceof Grant.Points));
      if (grantsMoneyOrOnADate && (!rule.settings().caps().isEmpty()
          || rule.settings().budget().isPresent())) {
        problems.add(new Problem(at + ".settings", "caps and budgets count points; they do not "
            + "apply to " + rule.getClass().getSimpleName() + " rules that grant vouchers, "
            + "rewards or points on a date"));
      }
      if ((rule instanceof EarnRule.DateReward || rule instanceof EarnRule.EventBonus)
          && !rule.settings().audience().channels().isEmpty()) {
        problems.add(new Problem(at + ".settings.audience.channels", "channels are those of "
            + "purchases; " + rule.getClass().getSimpleName() + " rules have none to match"));
      }
      if (rule instanceof EarnRule.Rate r) {
        rates.add(new RuleSpec.Rate(head, r.unit(), r.points(), r.per().amount(), r.lines()));
      } else if (rule instanceof EarnRule.Multiplier r) {
        multipliers.add(new RuleSpec.Multiplier(head, Optional.of(r.unit()), r.factor(),
            r.lines()));
      } else if (rule instanceof EarnRule.MinimumSpendBonus r) {
        bonuses.add(new RuleSpec.SpendBonus(head, r.unit(), r.points(), r.minimum().amount(),
            false));
      } else if (rule instanceof EarnRule.FirstPurchase r) {
        if (r.grant() instanceof Grant.Points g) {
          bonuses.add(new RuleSpec.SpendBonus(head, g.unit(), g.points(), BigDecimal.ZERO,
              true));
        } else if (r.grant() instanceof Grant.Voucher g) {
          vouchers.add(new RuleSpec.FirstVoucher(head, g.value()));
        } else {
          problems.add(new Problem(at + ".grant", "a first-purchase grant of "
              + r.grant().getClass().getSimpleName() + " is not decided by this version; grant "
              + "points instead"));
        }
      } else if (rule instanceof EarnRule.EventBonus r) {
        events.add(new RuleSpec.EventBonus(head, r.unit(), r.points(), r.event(), r.attributes(),
            r.frequency()));
      } else if (rule instanceof EarnRule.SpendVoucher r) {
        vouchers.add(new RuleSpec.SpendVoucher(head, r.every(), r.value(), r.validity()));
      } else if (rule instanceof EarnRule.Cashback r) {
        vouchers.add(new RuleSpec.Cashback(head, r.percent(), r.validity()));
      } else if (rule instanceof EarnRule.Custom r) {
        RuleExtension extension = extension(at, r.kind(), r.parameters(),
            extensions.rule(r.kind()), extensions.ruleKinds(), problems);
        if (extension != null) {
          customs.add(new RuleSpec.Custom(head, r.unit(), extension, "Java rule"));
        }
      } else if (rule instanceof EarnRule.Formula r) {
        RuleExtension formula = formula(at + ".points", program, r.points(), problems);
        if (formula != null) {
          customs.add(new RuleSpec.Custom(head, r.unit(), formula, "formula"));
        }
      } else if (rule instanceof EarnRule.DateReward r) {
        dates.add(new RuleSpec.DateReward(head, r.occasion(), r.grant(),
            r.leapDayOnMarchFirst()));
      } else {
        problems.add(new Problem(at, "earning rules of kind "
            + rule.getClass().getSimpleName() + " are not decided by this version"));
      }
    }
    int offerIndex = 0;
    for (Offer offer : program.offers().values()) {
      String offerAt = "offers[" + offerIndex++ + "]";
      RuleSettings settings = RuleSettings.defaults()
          .audience(Audience.everyone().withSegments(offer.segments()).withTiers(offer.tiers()))
          .window(new TimeWindow(offer.from(), offer.until()));
      RuleId id = RuleId.of("offer:" + offer.id());
      Optional<ConditionExtension> targeting = offer.when().flatMap(w -> Optional.ofNullable(
          when(offerAt + ".when", program, w, problems)));
      if (offer.multiplier().compareTo(BigDecimal.ONE) > 0) {
        multipliers.add(new RuleSpec.Multiplier(RuleSpec.Head.of(id, settings, index++,
            targeting), Optional.of(offer.unit()), offer.multiplier(), LineFilter.all()));
      }
      if (offer.bonusPoints() > 0) {
        bonuses.add(new RuleSpec.SpendBonus(RuleSpec.Head.of(RuleId.of(id.value() + ":bonus"),
            settings, index++, targeting), offer.unit(), offer.bonusPoints(), BigDecimal.ZERO,
            false));
      }
    }
    if (program.tiers().isPresent()) {
      for (Tier tier : program.tiers().get().tiers()) {
        if (tier.earnMultiplier().compareTo(BigDecimal.ONE) > 0) {
          RuleSettings settings = RuleSettings.defaults()
              .audience(Audience.everyone().withTiers(Set.of(tier.id())));
          multipliers.add(new RuleSpec.Multiplier(RuleSpec.Head.of(
              RuleId.of("tier:" + tier.id()), settings, index++), Optional.empty(),
              tier.earnMultiplier(), LineFilter.all()));
        }
      }
    }
    for (MembershipPlan plan : program.plans().values()) {
      if (plan.earnMultiplier().compareTo(BigDecimal.ONE) > 0) {
        RuleSpec.Head head = RuleSpec.Head.of(RuleId.of("plan:" + plan.id()),
            RuleSettings.defaults(), index++).withPlan(plan.id());
        multipliers.add(new RuleSpec.Multiplier(head, Optional.empty(), plan.earnMultiplier(),
            LineFilter.all()));
      }
    }
    RuleBook book = new RuleBook(rates, multipliers, bonuses, events, vouchers, dates, customs);
    program.tiers().ifPresent(ladder -> {
      ladder.credit().ifPresent(credit -> {
        try {
          book.tierCredit = CompiledExpression.formula(program, credit.text());
        } catch (ExpressionException e) {
          problems.add(new Problem("tiers.credit", e.getMessage()));
        }
      });
      ladder.statusUnit().ifPresent(unit -> {
        boolean earned = java.util.stream.Stream.of(rates, bonuses, events, customs)
            .flatMap(List::stream).anyMatch(r -> unitOf(r).equals(Optional.of(unit)))
            || dates.stream().anyMatch(d -> d.grant() instanceof Grant.Points g
                && g.unit().equals(unit))
            || program.earnRules().stream().anyMatch(r -> r instanceof EarnRule.FirstPurchase f
                && f.grant() instanceof Grant.Points g && g.unit().equals(unit));
        if (!earned && ladder.tiers().size() > 1) {
          problems.add(Problem.warning("tiers.statusUnit", "no earning rule earns '" + unit
              + "', so tiers above '" + ladder.base().id() + "' can be reached only by "
              + "adjustments"));
        }
      });
    });
    return book;
  }

  private static Optional<UnitId> unitOf(RuleSpec rule) {
    if (rule instanceof RuleSpec.Rate r) {
      return Optional.of(r.unit());
    } else if (rule instanceof RuleSpec.SpendBonus r) {
      return Optional.of(r.unit());
    } else if (rule instanceof RuleSpec.EventBonus r) {
      return Optional.of(r.unit());
    } else if (rule instanceof RuleSpec.Custom r) {
      return Optional.of(r.unit());
    }
    return Optional.empty();
  }

  /**
   * Warns of a cap smaller than one ordinary earn of its rule — what one {@code per} earns under
   * a rate, or the whole bonus of a fixed bonus — which the author probably did not mean.
   */
  private static void capWarnings(String at, EarnRule rule, List<Problem> problems) {
    BigDecimal ordinary;
    String what;
    if (rule instanceof EarnRule.Rate r) {
      ordinary = r.points();
      what = "what " + r.per() + " earns under this rule";
    } else if (rule instanceof EarnRule.MinimumSpendBonus r) {
      ordinary = BigDecimal.valueOf(r.points());
      what = "its bonus";
    } else if (rule instanceof EarnRule.EventBonus r) {
      ordinary = BigDecimal.valueOf(r.points());
      what = "its bonus";
    } else if (rule instanceof EarnRule.FirstPurchase r && r.grant() instanceof Grant.Points g) {
      ordinary = BigDecimal.valueOf(g.points());
      what = "its bonus";
    } else {
      return;
    }
    List<org.loyaltyrules.core.rule.Cap> caps = rule.settings().caps();
    for (int i = 0; i < caps.size(); i++) {
      org.loyaltyrules.core.rule.Cap cap = caps.get(i);
      if (BigDecimal.valueOf(cap.points()).compareTo(ordinary) < 0) {
        problems.add(Problem.warning(at + ".settings.caps[" + i + "]", "a cap of "
            + cap.points() + (cap.points() == 1 ? " point" : " points") + " per " + cap.scope().name().toLowerCase(java.util.Locale.ROOT)
            + " is smaller than " + what + " (" + ordinary.stripTrailingZeros().toPlainString()
            + " points), so the rule can never grant even one ordinary earn in full"));
      }
    }
  }

  /** All of the conditions; empty if there are none, or one could not be made. */
  private static Optional<ConditionExtension> both(List<ConditionExtension> conditions) {
    if (conditions.isEmpty() || conditions.contains(null)) {
      return Optional.empty();
    }
    if (conditions.size() == 1) {
      return Optional.of(conditions.get(0));
    }
    ConditionExtension first = conditions.get(0);
    ConditionExtension second = conditions.get(1);
    return Optional.of(context -> first.test(context) && second.test(context));
  }

  /** Compiles a condition expression, or adds a problem with its position and returns null. */
  private static ConditionExtension when(String at, Program program, Expression when,
      List<Problem> problems) {
    try {
      CompiledExpression compiled = CompiledExpression.condition(program, when.text());
      return compiled::test;
    } catch (ExpressionException e) {
      problems.add(new Problem(at, e.getMessage()));
      return null;
    }
  }

  /**
   * Compiles a points formula into a rule that rounds its value as the program's earn policy
   * says, or adds a problem with its position and returns null.
   */
  private static RuleExtension formula(String at, Program program, Expression points,
      List<Problem> problems) {
    CompiledExpression compiled;
    try {
      compiled = CompiledExpression.formula(program, points.text());
    } catch (ExpressionException e) {
      problems.add(new Problem(at, e.getMessage()));
      return null;
    }
    RoundingMode mode = program.earnPolicy().mode();
    BigDecimal ceiling = BigDecimal.valueOf(Ledger.MAX_POINTS);
    return context -> {
      BigDecimal value = compiled.evaluate(context);
      BigDecimal rounded = value.setScale(0, mode);
      if (rounded.signum() < 0) {
        throw new ExpressionEvaluationException("the formula gave negative points: "
            + value.toPlainString());
      }
      if (rounded.compareTo(ceiling) > 0) {
        throw new ExpressionEvaluationException("the formula's value " + value
            + " overflows the ledger's ceiling of " + Ledger.MAX_POINTS + " points");
      }
      return rounded.longValueExact();
    };
  }

  /** Makes an extension from its factory, or adds a problem and returns null. */
  private static <T> T extension(String at, String kind, Map<String, String> parameters,
      Optional<Function<Map<String, String>, T>> factory, Set<String> known,
      List<Problem> problems) {
    if (factory.isEmpty()) {
      problems.add(new Problem(at + ".kind", "no extension is registered as '" + kind
          + "'; registered: " + known));
      return null;
    }
    try {
      T made = factory.get().apply(parameters);
      if (made == null) {
        problems.add(new Problem(at + ".parameters", "extension '" + kind + "' made nothing of "
            + parameters));
      }
      return made;
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(at + ".parameters", "extension '" + kind + "' rejects "
          + parameters + ": " + e.getMessage()));
      return null;
    }
  }

  /** The partner a rule names to fund its points, if it names one. */
  java.util.Optional<org.loyaltyrules.core.PartnerId> fundedBy(RuleId rule) {
    RuleSpec.Head head = heads.get(rule);
    return head == null ? java.util.Optional.empty() : head.fundedBy();
  }
}
