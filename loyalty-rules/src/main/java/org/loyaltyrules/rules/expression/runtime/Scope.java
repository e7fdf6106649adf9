package org.loyaltyrules.rules.expression.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.rules.expression.ExpressionEvaluationException;
import org.loyaltyrules.rules.spi.RuleContext;

/**
 * Internal: the root a compiled expression is evaluated on — the read-only views of the order,
 * its current line, the member, the time and the program, the literals, and the functions of the
 * language. Made for one evaluation and used by one thread; its only state besides the inputs is
 * the line an aggregate is reading.
 *
 * <p>Arithmetic follows {@link MathContext#DECIMAL128}: exact for every result of up to 34
 * significant digits.
 */
public final class Scope {
  private static final MathContext MATH = MathContext.DECIMAL128;

  private final Plan plan;
  private final RuleContext context;
  private PurchaseLine line;
  private Order order;
  private Member member;
  private Now now;
  private Program program;
  private Line lineView;
  private Operands[] operands;

  /**
   * Creates the scope of one evaluation.
   *
   * @param plan what the compiled expression fixes
   * @param context what the expression reads
   */
  public Scope(Plan plan, RuleContext context) {
    this.plan = plan;
    this.context = context;
  }

  // ---- literals

  /** Returns number literal {@code k}. */
  public BigDecimal n(int k) {
    return (BigDecimal) plan.constants().get(k);
  }

  /** Returns string literal {@code k}. */
  public String s(int k) {
    return (String) plan.constants().get(k);
  }

  /** Returns date literal {@code k}. */
  public LocalDate d(int k) {
    return (LocalDate) plan.constants().get(k);
  }

  // ---- views

  /** Returns the order. */
  public Order getOrder() {
    if (order == null) {
      order = new Order();
    }
    return order;
  }

  /** Returns the line an aggregate is reading. */
  public Line getLine() {
    if (line == null) {
      throw new IllegalStateException("no line is being read");
    }
    if (lineView == null) {
      lineView = new Line();
    }
    return lineView;
  }

  /** Returns the member. */
  public Member getMember() {
    if (member == null) {
      member = new Member();
    }
    return member;
  }

  /** Returns the purchase's local time. */
  public Now getNow() {
    if (now == null) {
      now = new Now();
    }
    return now;
  }

  /** Returns the program. */
  public Program getProgram() {
    if (program == null) {
      program = new Program();
    }
    return program;
  }

  // ---- functions

  /** Returns the largest whole number not above {@code x}. */
  public BigDecimal floor(BigDecimal x) {
    return x.setScale(0, RoundingMode.FLOOR);
  }

  /** Returns the smallest whole number not below {@code x}. */
  public BigDecimal ceil(BigDecimal x) {
    return x.setScale(0, RoundingMode.CEILING);
  }

  /** Returns the nearest whole number, halves away from zero. */
  public BigDecimal round(BigDecimal x) {
    return x.setScale(0, RoundingMode.HALF_UP);
  }

  /** Returns {@code x} without its sign. */
  public BigDecimal abs(BigDecimal x) {
    return x.abs();
  }

  /** Returns the date's year. */
  public BigDecimal year(LocalDate date) {
    return BigDecimal.valueOf(date.getYear());
  }

  /** Returns the date's month, 1 to 12. */
  public BigDecimal month(LocalDate date) {
    return BigDecimal.valueOf(date.getMonthValue());
  }

  /** Returns the date's day of the month. */
  public BigDecimal day(LocalDate date) {
    return BigDecimal.valueOf(date.getDayOfMonth());
  }

  /** Returns the date's day of the week, 1 (Monday) to 7 (Sunday). */
  public BigDecimal dayOfWeek(LocalDate date) {
    return BigDecimal.valueOf(date.getDayOfWeek().getValue());
  }

  /** Returns whether the member is in the segment. */
  public boolean inSegment(String segment) {
    return context.member().segments().contains(segment);
  }

  /** Returns whether the member holds the plan. */
  public boolean hasPlan(String plan) {
    return context.member().activePlans().stream().anyMatch(p -> p.value().equals(plan));
  }

  /** Returns the member's attribute, or {@code ""}. */
  public String attribute(String name) {
    return context.member().attributes().getOrDefault(name, "");
  }

  /** Returns whether the current line has the tag. */
  public boolean hasTag(String tag) {
    return current().tags().contains(tag);
  }

  /**
   * Returns the operands of site {@code k}: a division, remainder, {@code min}, {@code max} or
   * {@code daysBetween}, which takes its operands one call at a time, so the compiled text
   * writes each operand once. A site is never inside itself, so one holder per site is enough.
   */
  public Operands op(int k) {
    if (operands == null) {
      operands = new Operands[plan.sites().size()];
    }
    if (operands[k] == null) {
      operands[k] = new Operands(k);
    }
    return operands[k];
  }

  // ---- aggregates

  /** Returns the number of earning lines for which aggregate {@code k}'s condition holds. */
  public BigDecimal count(int k) {
    Plan.Aggregate a = plan.aggregates().get(k);
    long n = 0;
    for (PurchaseLine l : context.purchase().lines()) {
      if (holds(a, l)) {
        n++;
      }
    }
    return BigDecimal.valueOf(n);
  }

  /** Returns the sum of aggregate {@code k}'s value over the earning lines where it holds. */
  public BigDecimal sum(int k) {
    Plan.Aggregate a = plan.aggregates().get(k);
    BigDecimal sum = BigDecimal.ZERO;
    for (PurchaseLine l : context.purchase().lines()) {
      if (holds(a, l)) {
        sum = sum.add(read(a.value(), l), MATH);
      }
    }
    return sum;
  }

  /** Returns whether aggregate {@code k}'s condition holds for some earning line. */
  public boolean any(int k) {
    Plan.Aggregate a = plan.aggregates().get(k);
    for (PurchaseLine l : context.purchase().lines()) {
      if (holds(a, l)) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether aggregate {@code k}'s condition holds for every earning line. */
  public boolean all(int k) {
    Plan.Aggregate a = plan.aggregates().get(k);
    for (PurchaseLine l : context.purchase().lines()) {
      if (earns(l) && !holds(a, l)) {
        return false;
      }
    }
    return true;
  }

  private boolean earns(PurchaseLine l) {
    return context.quantity(l).signum() > 0;
  }

  /** Whether the line earns and the aggregate's condition holds for it. */
  private boolean holds(Plan.Aggregate a, PurchaseLine l) {
    if (!earns(l)) {
      return false;
    }
    return (Boolean) readObject(a.condition(), l);
  }

  private BigDecimal read(Plan.Term term, PurchaseLine l) {
    return (BigDecimal) readObject(term, l);
  }

  private Object readObject(Plan.Term term, PurchaseLine l) {
    PurchaseLine outer = line;
    line = l;
    try {
      return term.evaluate(this);
    } finally {
      line = outer;
    }
  }

  private PurchaseLine current() {
    if (line == null) {
      throw new IllegalStateException("no line is being read");
    }
    return line;
  }

  /** The operands of one site, given one at a time: the first, then the operation on the second. */
  public final class Operands {
    private final int site;
    private BigDecimal number;
    private LocalDate date;

    private Operands(int site) {
      this.site = site;
    }

    /** Keeps the first operand of {@code min} or {@code max}. */
    public Operands first(BigDecimal first) {
      this.number = first;
      return this;
    }

    /** Returns the smaller of the first operand and {@code second}; the first if equal. */
    public BigDecimal min(BigDecimal second) {
      return number.compareTo(second) <= 0 ? number : second;
    }

    /** Returns the larger of the first operand and {@code second}; the first if equal. */
    public BigDecimal max(BigDecimal second) {
      return number.compareTo(second) >= 0 ? number : second;
    }

    /** Keeps the first date of {@code daysBetween}. */
    public Operands from(LocalDate from) {
      this.date = from;
      return this;
    }

    /** Returns the days from the first date to {@code to}. */
    public BigDecimal daysTo(LocalDate to) {
      return BigDecimal.valueOf(to.toEpochDay() - date.toEpochDay());
    }

    /**
     * Keeps a divisor, which is evaluated before its dividend.
     *
     * @throws ExpressionEvaluationException at the operator's position if it is zero
     */
    public Operands divisor(BigDecimal divisor) {
      if (divisor.signum() == 0) {
        int[] at = plan.sites().get(site);
        throw new ExpressionEvaluationException(at[0], at[1], "division by zero");
      }
      this.number = divisor;
      return this;
    }

    /** Returns {@code dividend} divided by the divisor, to 34 significant digits. */
    public BigDecimal divide(BigDecimal dividend) {
      return dividend.divide(number, MATH);
    }

    /** Returns the remainder of {@code dividend} divided by the divisor. */
    public BigDecimal remainder(BigDecimal dividend) {
      return dividend.remainder(number);
    }
  }

  // ---- the views

  /** The order: what it is worth and where it was placed. */
  public final class Order {
    private BigDecimal total;
    private BigDecimal quantity;

    private Order() {}

    /** Returns the goods' value at the quantities that earn. */
    public BigDecimal getTotal() {
      if (total == null) {
        BigDecimal sum = BigDecimal.ZERO;
        for (PurchaseLine l : context.purchase().lines()) {
          sum = sum.add(l.unitPrice().amount().multiply(context.quantity(l)));
        }
        total = sum;
      }
      return total;
    }

    /** Returns the earning amount. */
    public BigDecimal getEarning() {
      return context.earningAmount();
    }

    /** Returns the number of items that earn. */
    public BigDecimal getQuantity() {
      if (quantity == null) {
        BigDecimal sum = BigDecimal.ZERO;
        for (PurchaseLine l : context.purchase().lines()) {
          sum = sum.add(context.quantity(l));
        }
        quantity = sum;
      }
      return quantity;
    }

    /** Returns the tax. */
    public BigDecimal getTax() {
      return context.purchase().tax().amount();
    }

    /** Returns the shipping. */
    public BigDecimal getShipping() {
      return context.purchase().shipping().amount();
    }

    /** Returns the currency code. */
    public String getCurrency() {
      return context.purchase().currency().getCurrencyCode();
    }

    /** Returns the channel's name. */
    public String getChannel() {
      return context.purchase().channel().name().toLowerCase(java.util.Locale.ROOT)
          .replace('_', '-');
    }

    /** Returns the partner, or {@code ""}. */
    public String getPartner() {
      return context.purchase().partner().map(p -> p.value()).orElse("");
    }
  }

  /** The line an aggregate is reading. */
  public final class Line {
    private Line() {}

    /** Returns the SKU. */
    public String getSku() {
      return current().sku();
    }

    /** Returns the category. */
    public String getCategory() {
      return current().category();
    }

    /** Returns the quantity that earns. */
    public BigDecimal getQuantity() {
      return context.quantity(current());
    }

    /** Returns the unit price. */
    public BigDecimal getUnitPrice() {
      return current().unitPrice().amount();
    }

    /** Returns the unit price times the quantity that earns. */
    public BigDecimal getAmount() {
      return current().unitPrice().amount().multiply(context.quantity(current()));
    }

    /** Returns the unit of measure. */
    public String getUnit() {
      return current().unitOfMeasure();
    }

    /** Returns the partner, or {@code ""}. */
    public String getPartner() {
      return current().partner().map(p -> p.value()).orElse("");
    }
  }

  /** The member. */
  public final class Member {
    private Member() {}

    /** Returns the tier, or {@code ""}. */
    public String getTier() {
      return context.member().tier().map(t -> t.value()).orElse("");
    }

    /** Returns whether the purchase falls in the member's birthday month. */
    public boolean isBirthdayMonth() {
      return context.member().birthdayMonth();
    }
  }

  /** The purchase's local time in the program's zone. */
  public final class Now {
    private Now() {}

    /** Returns the date. */
    public LocalDate getDate() {
      return context.localTime().toLocalDate();
    }

    /** Returns the hour. */
    public BigDecimal getHour() {
      return BigDecimal.valueOf(context.localTime().getHour());
    }

    /** Returns the minute. */
    public BigDecimal getMinute() {
      return BigDecimal.valueOf(context.localTime().getMinute());
    }
  }

  /** The program. */
  public final class Program {
    private Program() {}

    /** Returns the id. */
    public String getId() {
      return plan.programId();
    }

    /** Returns the currency code. */
    public String getCurrency() {
      return plan.programCurrency();
    }
  }
}
