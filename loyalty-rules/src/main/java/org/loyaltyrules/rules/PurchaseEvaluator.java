package org.loyaltyrules.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.member.PurchaseContext;
import org.loyaltyrules.core.rule.EarnPolicy;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.rules.spi.RuleContext;

/**
 * Computes what each rule earns on a purchase, before caps: the pure arithmetic of the compiled
 * rules, with no state but the program's. The same function evaluates a purchase when it is
 * decided and its remainder when part of it is returned, so a return takes back exactly the
 * difference. Immutable and thread-safe.
 *
 * <p>Points are kept as exact numerators over each rate's money denominator until they are
 * rounded, so {@code 1 point per $3} on $3.00 earns exactly 1, never 0.999….
 */
final class PurchaseEvaluator {
  private static final int TRACE_SCALE = 6;


  private final RuleBook book;
  private final EarnPolicy policy;
  private final java.time.ZoneId zone;

  PurchaseEvaluator(RuleBook book, EarnPolicy policy, java.time.ZoneId zone) {
    this.book = book;
    this.policy = policy;
    this.zone = zone;
  }

  /** A part of the order that earns: a line (with its remaining quantity) or tax and shipping. */
  /**
   * A line, or the order's charges beyond its lines ({@code line} empty), with its amount; a
   * line that names no partner carries the order's.
   */
  private record Part(Optional<PurchaseLine> line, Optional<PartnerId> partner,
      BigDecimal amount) {
    boolean matches(LineFilter filter) {
      return line.isPresent() ? filter.matches(line.get()) : filter.matchesCharges(partner);
    }
  }

  /** A rate's earning on the order: its exact numerators per part, over its denominator. */
  private record RateEarning(RuleSpec.Rate rate, List<Part> parts, List<BigDecimal> numerators,
      BigDecimal denominator) {}

  /**
   * The share of the order that earns, as an exact fraction: all of it, or what was not paid
   * with points where the program says that part does not earn.
   */
  record Share(BigDecimal numerator, BigDecimal denominator) {
    static final Share ALL = new Share(BigDecimal.ONE, BigDecimal.ONE);

    /** The share {@code part} of {@code whole} leaves; all of it when the whole is zero. */
    static Share of(BigDecimal part, BigDecimal whole) {
      return whole.signum() == 0 || part.signum() <= 0 ? ALL
          : new Share(whole.subtract(part).max(BigDecimal.ZERO), whole);
    }

    BigDecimal of(BigDecimal amount) {
      return amount.multiply(numerator).divide(denominator, 12, RoundingMode.DOWN);
    }
  }

  /**
   * Evaluates the order.
   *
   * @param purchase the purchase
   * @param quantity the quantity of each line that still earns (all of it, or what was not
   *     returned)
   * @param share the share of the order's amount that earns
   * @param member what the rules know of the member
   * @param at the purchase's local date-time in the program's zone
   * @param firstAvailable whether a first-purchase rule may still grant to this member
   * @return one outcome per rule and unit, in evaluation order
   */
  List<Outcome> evaluate(Purchase purchase, Function<PurchaseLine, BigDecimal> quantity,
      Share share, PurchaseContext member, LocalDateTime at, Predicate<RuleId> firstAvailable) {
    List<Part> parts = parts(purchase, quantity);
    BigDecimal earning = share.of(sum(parts));
    RuleContext context = new Context(purchase, quantity, earning, member, at);
    Map<Integer, RuleSpec.Head> winners = exclusiveWinners(purchase, parts, earning, member, at,
        context, firstAvailable);
    List<Outcome> outcomes = new ArrayList<>();
    List<RateEarning> rates = new ArrayList<>();

    for (RuleSpec.Rate rate : book.rates) {
      Optional<Outcome> not = whyNot(rate.head(), purchase, member, at, context);
      if (not.isPresent()) {
        outcomes.add(not.get());
        continue;
      }
      List<Part> matching = parts.stream().filter(p -> p.matches(rate.lines())).toList();
      if (matching.isEmpty() || matching.stream().allMatch(p -> p.amount().signum() == 0)) {
        outcomes.add(Outcome.notMatched(rate.head(), "no line that earns under this rule"));
        continue;
      }
      List<BigDecimal> numerators = matching.stream()
          .map(p -> p.amount().multiply(rate.points()).multiply(share.numerator())).toList();
      BigDecimal denominator = rate.per().multiply(share.denominator());
      if (excluded(rate.head(), winners)) {
        long wouldBe;
        try {
          wouldBe = value(numerators, denominator);
        } catch (ArithmeticException e) {
          outcomes.add(Outcome.failed(rate.head(), "the points overflow: " + e.getMessage()));
          continue;
        }
        outcomes.add(Outcome.excluded(rate.head(), rate.unit(), wouldBe,
            excludedBy(rate.head(), winners)));
        continue;
      }
      rates.add(new RateEarning(rate, matching, numerators, denominator));
    }

    List<RuleSpec.Multiplier> multipliers = new ArrayList<>();
    List<Outcome> multiplied = new ArrayList<>();
    for (RuleSpec.Multiplier m : book.multipliers) {
      Optional<Outcome> not = whyNot(m.head(), purchase, member, at, context);
      if (not.isPresent()) {
        multiplied.add(not.get());
      } else if (rates.stream().noneMatch(r -> applies(m, r.rate().unit())
          && r.parts().stream().anyMatch(p -> p.matches(m.lines())))) {
        multiplied.add(Outcome.notMatched(m.head(), "no earning it multiplies"));
      } else if (excluded(m.head(), winners)) {
        multiplied.add(Outcome.notMatched(m.head(),
            excludedBy(m.head(), winners)));
      } else {
        multipliers.add(m);
      }
    }

    for (RateEarning r : rates) {
      List<Outcome> own;
      try {
        own = rateOutcomes(r, multipliers);
      } catch (ArithmeticException e) {
        outcomes.add(Outcome.failed(r.rate().head(), "the points overflow: " + e.getMessage()));
        continue;
      }
      outcomes.add(own.get(0));
      multiplied.addAll(own.subList(1, own.size()));
    }
    // The trace follows evaluation order: rates, then multipliers, then bonuses.
    outcomes.sort(java.util.Comparator.comparing(Outcome::head, RuleSpec.Head.ORDER));
    multiplied.sort(java.util.Comparator.comparing(Outcome::head, RuleSpec.Head.ORDER));
    outcomes.addAll(multiplied);

    for (RuleSpec.SpendBonus bonus : book.bonuses) {
      Optional<Outcome> not = whyNot(bonus.head(), purchase, member, at, context);
      if (not.isPresent()) {
        outcomes.add(not.get());
      } else if (bonus.firstOnly() && !firstAvailable.test(bonus.head().id())) {
        outcomes.add(Outcome.notMatched(bonus.head(), "the first-purchase bonus was already "
            + "earned"));
      } else if (earning.signum() == 0) {
        outcomes.add(Outcome.notMatched(bonus.head(), "nothing in the order earns"));
      } else if (earning.compareTo(bonus.minimum()) < 0) {
        outcomes.add(Outcome.notMatched(bonus.head(), "earning amount " + plain(earning)
            + " is below the minimum " + plain(bonus.minimum())));
      } else if (excluded(bonus.head(), winners)) {
        outcomes.add(Outcome.excluded(bonus.head(), bonus.unit(), bonus.points(),
            excludedBy(bonus.head(), winners)));
      } else {
        outcomes.add(new Outcome(bonus.head(), Optional.of(bonus.unit()), true, bonus.points(),
            0, BigDecimal.ZERO, List.of(), bonus.firstOnly(), bonus.minimum().signum() == 0
                ? "bonus" : "earning amount " + plain(earning) + " reaches "
                    + plain(bonus.minimum())));
      }
    }
    for (RuleSpec.Custom custom : book.customs) {
      Optional<Outcome> not = whyNot(custom.head(), purchase, member, at, context);
      if (not.isPresent()) {
        outcomes.add(not.get());
        continue;
      }
      long points;
      try {
        points = custom.extension().points(context);
      } catch (RuntimeException e) {
        outcomes.add(Outcome.failed(custom.head(), describe(e)));
        continue;
      }
      if (points < 0) {
        outcomes.add(Outcome.failed(custom.head(), "returned negative points " + points));
      } else if (points == 0) {
        outcomes.add(Outcome.notMatched(custom.head(), "granted nothing"));
      } else if (excluded(custom.head(), winners)) {
        outcomes.add(Outcome.excluded(custom.head(), custom.unit(), points,
            excludedBy(custom.head(), winners)));
      } else {
        outcomes.add(new Outcome(custom.head(), Optional.of(custom.unit()), true, points, 0,
            BigDecimal.ZERO, lines(parts), false, custom.note()));
      }
    }
    return outcomes;
  }

  /**
   * The exclusive rule that applies in each group: of the exclusive rules of every purchase kind
   * that would apply, the first in evaluation order (group, then priority, then declaration).
   */
  private Map<Integer, RuleSpec.Head> exclusiveWinners(Purchase purchase, List<Part> parts,
      BigDecimal earning, PurchaseContext member, LocalDateTime at, RuleContext context,
      Predicate<RuleId> firstAvailable) {
    List<RuleSpec.Head> candidates = new ArrayList<>();
    for (RuleSpec.Rate rate : book.rates) {
      if (rate.head().exclusive() && earns(rate, parts, purchase, member, at, context)) {
        candidates.add(rate.head());
      }
    }
    for (RuleSpec.Multiplier m : book.multipliers) {
      if (m.head().exclusive() && whyNot(m.head(), purchase, member, at, context).isEmpty()
          && book.rates.stream().anyMatch(r -> applies(m, r.unit())
              && earns(r, parts, purchase, member, at, context)
              && parts.stream().anyMatch(p -> p.matches(r.lines()) && p.matches(m.lines())
                  && p.amount().signum() > 0))) {
        candidates.add(m.head());
      }
    }
    for (RuleSpec.SpendBonus bonus : book.bonuses) {
      if (bonus.head().exclusive()
          && whyNot(bonus.head(), purchase, member, at, context).isEmpty()
          && (!bonus.firstOnly() || firstAvailable.test(bonus.head().id()))
          && earning.signum() > 0 && earning.compareTo(bonus.minimum()) >= 0) {
        candidates.add(bonus.head());
      }
    }
    for (RuleSpec.Custom custom : book.customs) {
      if (custom.head().exclusive()
          && whyNot(custom.head(), purchase, member, at, context).isEmpty()) {
        try {
          if (custom.extension().points(context) > 0) {
            candidates.add(custom.head());
          }
        } catch (RuntimeException e) {
          // reported when the rule itself is evaluated
        }
      }
    }
    // A rule whose caps or budget had no room left when the purchase was decided does not
    // compete, so it cannot exclude a rule that would still earn.
    candidates.removeIf(h -> member.exhausted().contains(h.id()));
    candidates.sort(RuleSpec.Head.ORDER);
    Map<Integer, RuleSpec.Head> winners = new java.util.HashMap<>();
    candidates.forEach(h -> winners.putIfAbsent(h.group(), h));
    return winners;
  }

  private boolean earns(RuleSpec.Rate rate, List<Part> parts, Purchase purchase,
      PurchaseContext member, LocalDateTime at, RuleContext context) {
    return whyNot(rate.head(), purchase, member, at, context).isEmpty() && parts.stream()
        .anyMatch(p -> p.matches(rate.lines()) && p.amount().signum() > 0);
  }

  private static String excludedBy(RuleSpec.Head head, Map<Integer, RuleSpec.Head> winners) {
    return "excluded by rule " + winners.get(head.group()).id() + ", first of exclusive group "
        + head.group();
  }

  private static boolean excluded(RuleSpec.Head head, Map<Integer, RuleSpec.Head> winners) {
    return head.exclusive() && winners.containsKey(head.group())
        && !winners.get(head.group()).id().equals(head.id());
  }

  /** Why a rule does not apply — its audience, window, plan or Java condition — if it does not. */
  private Optional<Outcome> whyNot(RuleSpec.Head head, Purchase purchase,
      PurchaseContext member, LocalDateTime at, RuleContext context) {
    Optional<String> why = head.whyNot(member, Optional.of(purchase.channel()),
        purchase.paymentInstrument(), purchase.occurredAt(), zone);
    if (why.isPresent()) {
      return Optional.of(Outcome.notMatched(head, why.get()));
    }
    if (head.condition().isPresent()) {
      try {
        if (!head.condition().get().test(context)) {
          return Optional.of(Outcome.notMatched(head, "its condition does not hold"));
        }
      } catch (RuntimeException e) {
        return Optional.of(Outcome.failed(head, "condition: " + describe(e)));
      }
    }
    return Optional.empty();
  }

  private static String describe(RuntimeException e) {
    if (e instanceof org.loyaltyrules.core.LoyaltyException) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** The read-only view extensions get; valid during one evaluation. */
  private record Context(Purchase purchase, Function<PurchaseLine, BigDecimal> quantities,
      BigDecimal earningAmount, PurchaseContext member, LocalDateTime localTime)
      implements RuleContext {
    @Override
    public BigDecimal quantity(PurchaseLine line) {
      return quantities.apply(line);
    }
  }

  /** Returns the read-only view an expression evaluates a purchase through. */
  RuleContext context(Purchase purchase, Function<PurchaseLine, BigDecimal> quantity,
      PurchaseContext member, LocalDateTime at) {
    return new Context(purchase, quantity, earningAmount(purchase, quantity, Share.ALL), member,
        at);
  }

  /**
   * Returns the order's earning amount: the goods at the given quantities, plus tax and shipping
   * where the program says they earn.
   */
  BigDecimal earningAmount(Purchase purchase, Function<PurchaseLine, BigDecimal> quantity,
      Share share) {
    return share.of(sum(parts(purchase, quantity)));
  }

  /** Returns the value of the goods at the given quantities, before any share. */
  BigDecimal goodsValue(Purchase purchase, Function<PurchaseLine, BigDecimal> quantity) {
    BigDecimal sum = BigDecimal.ZERO;
    for (PurchaseLine line : purchase.lines()) {
      sum = sum.add(line.unitPrice().amount().multiply(quantity.apply(line)));
    }
    return sum;
  }

  /** The line as bought: from its own partner, or else from the purchase's. */
  static PurchaseLine atPartner(Purchase purchase, PurchaseLine line) {
    return line.partner().isEmpty() && purchase.partner().isPresent()
        ? line.withPartner(purchase.partner().get()) : line;
  }

  private List<Part> parts(Purchase purchase, Function<PurchaseLine, BigDecimal> quantity) {
    List<Part> parts = new ArrayList<>();
    boolean anyLeft = false;
    for (PurchaseLine line : purchase.lines()) {
      BigDecimal q = quantity.apply(line);
      anyLeft |= q.signum() > 0;
      PurchaseLine at = atPartner(purchase, line);
      parts.add(new Part(Optional.of(at), at.partner(), line.unitPrice().amount().multiply(q)));
    }
    BigDecimal extras = BigDecimal.ZERO;
    if (policy.taxEarns()) {
      extras = extras.add(purchase.tax().amount());
    }
    if (policy.shippingEarns()) {
      extras = extras.add(purchase.shipping().amount());
    }
    if (anyLeft && extras.signum() > 0) {
      parts.add(new Part(Optional.empty(), purchase.partner(), extras));
    }
    return parts;
  }

  private static boolean applies(RuleSpec.Multiplier m, UnitId unit) {
    return m.unit().map(unit::equals).orElse(true);
  }

  /** The rate's own outcome and one per multiplier that multiplies it. */
  private List<Outcome> rateOutcomes(RateEarning r, List<RuleSpec.Multiplier> multipliers) {
    RuleSpec.Rate rate = r.rate();
    BigDecimal per = r.denominator();
    List<BigDecimal> n = r.numerators();
    long base = value(n, per);
    BigDecimal exact = n.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(per, TRACE_SCALE, RoundingMode.DOWN);
    List<Outcome> outcomes = new ArrayList<>();
    outcomes.add(new Outcome(rate.head(), Optional.of(rate.unit()), true, base, 0,
        lost(exact, base), lines(r.parts()), false, plain(sum(r.parts())) + " at "
            + plain(rate.points()) + " per " + plain(rate.per())));

    List<RuleSpec.Multiplier> applying = new ArrayList<>();
    for (RuleSpec.Multiplier m : multipliers) {
      if (applies(m, rate.unit()) && anyMatches(r.parts(), m.lines())) {
        applying.add(m);
      }
    }
    if (applying.isEmpty()) {
      return outcomes;
    }
    // A multiplier multiplies what the rate grants: when a cap per activity holds the rate back,
    // every part's numerator is scaled by the share the cap lets through, over a common
    // denominator, so the extras stay exact.
    long capped = activityCap(rate.head(), base);
    String onWhat = rate.head().id() + "'s " + rate.unit();
    if (capped < base) {
      List<BigDecimal> scaled = new ArrayList<>(n.size());
      for (BigDecimal numerator : n) {
        scaled.add(numerator.multiply(BigDecimal.valueOf(capped)));
      }
      n = scaled;
      per = per.multiply(BigDecimal.valueOf(base));
      base = value(n, per);
      onWhat += ", as capped at " + capped;
    }
    // Each multiplier's exact extra, as numerators over the same denominator.
    List<List<BigDecimal>> extras = new ArrayList<>();
    for (RuleSpec.Multiplier m : applying) {
      List<BigDecimal> extra = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        extra.add(r.parts().get(i).matches(m.lines())
            ? n.get(i).multiply(m.factor().subtract(BigDecimal.ONE)) : BigDecimal.ZERO);
      }
      extras.add(extra);
    }
    long[] granted = new long[applying.size()];
    if (policy.multipliers() == EarnPolicy.MultiplierTiming.BEFORE_ROUNDING) {
      List<BigDecimal> total = new ArrayList<>(n);
      for (List<BigDecimal> extra : extras) {
        for (int i = 0; i < total.size(); i++) {
          total.set(i, total.get(i).add(extra.get(i)));
        }
      }
      long all = value(total, per) - base;
      BigDecimal weight = BigDecimal.ZERO;
      List<BigDecimal> weights = extras.stream()
          .map(e -> e.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).toList();
      for (BigDecimal w : weights) {
        weight = weight.add(w);
      }
      long left = weight.signum() > 0 ? Math.max(0, all) : 0;
      for (int k = 0; k < applying.size(); k++) {
        long share = k == applying.size() - 1 || left == 0 ? left
            : BigDecimal.valueOf(Math.max(0, all)).multiply(weights.get(k))
                .divide(weight, 0, RoundingMode.FLOOR).longValueExact();
        share = Math.min(share, left);
        granted[k] = share;
        left -= share;
      }
    } else {
      for (int k = 0; k < applying.size(); k++) {
        List<BigDecimal> own = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
          if (r.parts().get(i).matches(applying.get(k).lines())) {
            own.add(n.get(i));
          }
        }
        BigDecimal rounded = BigDecimal.valueOf(value(own, per));
        granted[k] = rounded.multiply(applying.get(k).factor().subtract(BigDecimal.ONE))
            .setScale(0, policy.mode()).longValueExact();
      }
    }
    for (int k = 0; k < applying.size(); k++) {
      RuleSpec.Multiplier m = applying.get(k);
      BigDecimal exactExtra = extras.get(k).stream().reduce(BigDecimal.ZERO, BigDecimal::add)
          .divide(per, TRACE_SCALE, RoundingMode.DOWN);
      List<LineId> on = new ArrayList<>();
      for (Part p : r.parts()) {
        if (p.matches(m.lines())) {
          p.line().ifPresent(l -> on.add(l.id()));
        }
      }
      outcomes.add(new Outcome(m.head(), Optional.of(rate.unit()), true, granted[k], 0,
          lost(exactExtra, granted[k]), on, false, "x" + plain(m.factor()) + " on " + onWhat,
          Optional.empty(), Optional.of(rate.head().id())));
    }
    return outcomes;
  }

  /** What a rule may grant on one activity: {@code points}, or less if a cap per activity says. */
  static long activityCap(RuleSpec.Head head, long points) {
    long most = points;
    for (org.loyaltyrules.core.rule.Cap cap : head.caps()) {
      if (cap.scope() == org.loyaltyrules.core.rule.CapScope.ACTIVITY) {
        most = Math.min(most, cap.points());
      }
    }
    return most;
  }

  private static boolean anyMatches(List<Part> parts, LineFilter filter) {
    for (Part p : parts) {
      if (p.matches(filter)) {
        return true;
      }
    }
    return false;
  }

  /** Rounds exact numerators over a denominator as the policy says: per line or per order. */
  private long value(List<BigDecimal> numerators, BigDecimal denominator) {
    if (policy.scope() == EarnPolicy.Scope.PER_LINE) {
      long sum = 0;
      for (BigDecimal n : numerators) {
        sum = Math.addExact(sum, n.divide(denominator, 0, policy.mode()).longValueExact());
      }
      return sum;
    }
    return numerators.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(denominator, 0, policy.mode()).longValueExact();
  }

  private static BigDecimal lost(BigDecimal exact, long granted) {
    BigDecimal lost = exact.subtract(BigDecimal.valueOf(granted));
    return lost.signum() > 0 ? lost.stripTrailingZeros() : BigDecimal.ZERO;
  }

  private static List<LineId> lines(List<Part> parts) {
    List<LineId> ids = new ArrayList<>();
    parts.forEach(p -> p.line().ifPresent(l -> ids.add(l.id())));
    return ids;
  }

  private static BigDecimal sum(List<Part> parts) {
    return parts.stream().map(Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
