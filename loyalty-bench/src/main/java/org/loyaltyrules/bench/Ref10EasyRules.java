package org.loyaltyrules.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.mvel.MVELRule;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.member.Member;

/**
 * REF-10's ten rules in Easy Rules 4.1 with MVEL rules, as a careful Easy Rules user would write
 * them: the rules and the engine are built once; each call makes the facts (the cart and the
 * customer) and fires the engine. Multipliers run first (priority 1) and mark the lines; the
 * rates (priority 2) earn on the marked lines; the bonuses come last (priority 3). It computes
 * the points total only — no ledger, lots, member state or trace — with the library's
 * arithmetic: exact amounts, multipliers adding their extra parts before rounding down, and the
 * app bonus's cap on its own points. Thread-safe: the rules and engine hold no per-call state.
 */
final class Ref10EasyRules {
  private final Rules rules;
  private final RulesEngine engine;
  private final ZoneId zone;
  private final Window offer = new Window(LocalDateTime.of(2026, 3, 1, 0, 0),
      LocalDateTime.of(2026, 4, 1, 0, 0));

  Ref10EasyRules(ZoneId zone) {
    this.zone = zone;
    this.rules = new Rules(
        rule("electronics-2x", 1, "cart.has('electronics')", "cart.multiply('electronics', 1B)"),
        rule("outdoor-3x", 1, "cart.has('outdoor')", "cart.multiply('outdoor', 2B)"),
        rule("books-2x", 1, "cart.has('books')", "cart.multiply('books', 1B)"),
        rule("gold-1.5x", 1, "customer.tier == 'gold'", "cart.multiplyAll(0.5B)"),
        rule("spring-double", 1, "customer.segments.contains('spring-promo')"
            + " && offer.contains(cart.localTime)", "cart.multiplyAll(1B)"),
        rule("birthday-month", 1, "customer.birthMonth == cart.localTime.monthValue",
            "cart.multiplyAll(1B)"),
        rule("base", 2, "true", "cart.rate(1B, -1)"),
        rule("app-bonus", 2, "cart.channel == 'APP'", "cart.rate(5B, 200)"),
        rule("first-app-order", 3, "cart.channel == 'APP' && !customer.orderedInApp",
            "cart.bonus(100)"),
        rule("big-basket", 3, "cart.total >= 100B", "cart.bonus(50)"));
    this.engine = new DefaultRulesEngine();
  }

  private static MVELRule rule(String name, int priority, String when, String then) {
    return new MVELRule().name(name).priority(priority).when(when).then(then);
  }

  /** Returns the points the purchase earns the member. */
  long points(Member member, Purchase purchase, Instant at) {
    Facts facts = new Facts();
    Cart cart = new Cart(purchase, LocalDateTime.ofInstant(purchase.occurredAt(), zone));
    facts.put("cart", cart);
    facts.put("customer", new Customer(member));
    facts.put("offer", offer);
    engine.fire(rules, facts);
    return cart.getPoints();
  }

  /** A time window, from inclusive to until exclusive, in local time. */
  public static final class Window {
    private final LocalDateTime from;
    private final LocalDateTime until;

    Window(LocalDateTime from, LocalDateTime until) {
      this.from = from;
      this.until = until;
    }

    /** Returns whether the time is in the window. */
    public boolean contains(LocalDateTime time) {
      return !time.isBefore(from) && time.isBefore(until);
    }
  }

  /** What the rules know of the customer. */
  public static final class Customer {
    private final Member member;

    Customer(Member member) {
      this.member = member;
    }

    /** Returns the tier's id, or "". */
    public String getTier() {
      return member.tierId().map(t -> t.value()).orElse("");
    }

    /** Returns the segments. */
    public Set<String> getSegments() {
      return member.profile().segments();
    }

    /** Returns the month of the birthday, 1 to 12, or 0 if none was shared. */
    public int getBirthMonth() {
      return member.profile().birthday().map(b -> b.getMonthValue()).orElse(0);
    }

    /** Returns whether the customer already earned the first-app-order bonus. */
    public boolean isOrderedInApp() {
      return member.progress("first/first-app-order").signum() > 0;
    }
  }

  /** The cart being evaluated, and the points it has earned so far. */
  public static final class Cart {
    private final Purchase purchase;
    private final LocalDateTime localTime;
    private final List<PurchaseLine> lines;
    private final BigDecimal[] amounts;
    /** Each line's extra multiplier parts: 1 for x2, 2 for x3; they add up. */
    private final BigDecimal[] extras;
    private long points;

    Cart(Purchase purchase, LocalDateTime localTime) {
      this.purchase = purchase;
      this.localTime = localTime;
      this.lines = purchase.lines();
      this.amounts = new BigDecimal[lines.size()];
      this.extras = new BigDecimal[lines.size()];
      for (int i = 0; i < amounts.length; i++) {
        PurchaseLine l = lines.get(i);
        amounts[i] = l.unitPrice().amount().multiply(l.quantity());
        extras[i] = BigDecimal.ZERO;
      }
    }

    /** Returns the purchase's local time. */
    public LocalDateTime getLocalTime() {
      return localTime;
    }

    /** Returns the channel's name, such as APP. */
    public String getChannel() {
      return purchase.channel().name().toUpperCase(Locale.ROOT);
    }

    /** Returns the goods' total. */
    public BigDecimal getTotal() {
      BigDecimal sum = BigDecimal.ZERO;
      for (BigDecimal a : amounts) {
        sum = sum.add(a);
      }
      return sum;
    }

    /** Returns whether a line is of the category. */
    public boolean has(String category) {
      for (PurchaseLine l : lines) {
        if (l.category().equals(category)) {
          return true;
        }
      }
      return false;
    }

    /** Adds {@code extra} to the multiplier of the lines of the category. */
    public void multiply(String category, BigDecimal extra) {
      for (int i = 0; i < extras.length; i++) {
        if (lines.get(i).category().equals(category)) {
          extras[i] = extras[i].add(extra);
        }
      }
    }

    /** Adds {@code extra} to the multiplier of every line. */
    public void multiplyAll(BigDecimal extra) {
      for (int i = 0; i < extras.length; i++) {
        extras[i] = extras[i].add(extra);
      }
    }

    /**
     * Earns {@code perDollar} points per $1 on every line, multiplied, rounded down; the
     * rate's own points are capped at {@code cap}, or not if negative, and the multipliers
     * multiply what the capped rate grants.
     */
    public void rate(BigDecimal perDollar, long cap) {
      BigDecimal own = BigDecimal.ZERO;
      BigDecimal all = BigDecimal.ZERO;
      for (int i = 0; i < amounts.length; i++) {
        BigDecimal exact = amounts[i].multiply(perDollar);
        own = own.add(exact);
        all = all.add(exact.multiply(BigDecimal.ONE.add(extras[i])));
      }
      long ownPoints = own.setScale(0, RoundingMode.FLOOR).longValueExact();
      long capped = cap < 0 ? ownPoints : Math.min(ownPoints, cap);
      if (capped < ownPoints) {
        // The multipliers multiply what the capped rate grants: scale by capped / own points.
        BigDecimal scale = BigDecimal.valueOf(capped);
        BigDecimal over = BigDecimal.valueOf(ownPoints);
        own = own.multiply(scale);
        all = all.multiply(scale);
        ownPoints = own.divide(over, 0, RoundingMode.FLOOR).longValueExact();
        points += capped + all.divide(over, 0, RoundingMode.FLOOR).longValueExact() - ownPoints;
        return;
      }
      long allPoints = all.setScale(0, RoundingMode.FLOOR).longValueExact();
      points += capped + allPoints - ownPoints;
    }

    /** Earns a fixed bonus. */
    public void bonus(long bonus) {
      points += bonus;
    }

    /** Returns the points earned so far. */
    public long getPoints() {
      return points;
    }
  }
}
