package org.loyaltyrules.rules.expression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.rules.spi.RuleContext;

/**
 * The specification of the expression language's evaluation, written as a direct walk over the
 * parsed {@link Node} tree, for differential tests of {@link CompiledExpression}, which compiles
 * the tree to MVEL. It shares no code with the compiled path, only the tree, and is meant to be
 * obviously right rather than fast:
 *
 * <ul>
 *   <li>numbers are {@link BigDecimal}s; {@code + - * /} use {@link MathContext#DECIMAL128},
 *       {@code %} is {@link BigDecimal#remainder(BigDecimal)}, unary {@code -x} is {@code 0 - x};
 *   <li>a division or remainder evaluates its divisor first and fails with an
 *       {@link ExpressionEvaluationException} at its operator's position if the divisor is zero;
 *   <li>{@code ==} and {@code !=} compare numbers by value ({@code 0.30 == 0.3}) and anything else
 *       with {@code equals}; {@code < <= > >=} compare numbers by value and dates
 *       chronologically;
 *   <li>{@code &&}, {@code ||} and {@code ?:} evaluate only what decides the result; everything
 *       else evaluates its operands from left to right;
 *   <li>the aggregates read the purchase's lines in order, skipping the lines whose earning
 *       quantity is not above zero, and test a line's condition before reading its value.
 * </ul>
 *
 * <p>One evaluator per context; not thread-safe (it holds the line an aggregate is reading).
 */
final class ReferenceEvaluator {
  private static final MathContext MATH = MathContext.DECIMAL128;

  private final RuleContext context;
  private final String programId;
  private final String programCurrency;
  private PurchaseLine line;

  /**
   * Creates an evaluator of expressions over {@code context}, compiled for the program
   * {@code programId} whose currency is {@code programCurrency}.
   */
  ReferenceEvaluator(RuleContext context, String programId, String programCurrency) {
    this.context = context;
    this.programId = programId;
    this.programCurrency = programCurrency;
  }

  /**
   * Evaluates a checked tree.
   *
   * @return a {@link BigDecimal}, {@link Boolean}, {@link String} or {@link LocalDate}
   * @throws ExpressionEvaluationException at the operator's position for a division by zero
   */
  Object evaluate(Node node) {
    if (node instanceof Node.Number n) {
      return n.value();
    } else if (node instanceof Node.Text t) {
      return t.value();
    } else if (node instanceof Node.Bool b) {
      return b.value();
    } else if (node instanceof Node.Path p) {
      return path(p.dotted());
    } else if (node instanceof Node.Unary u) {
      return u.operator().equals("!") ? !bool(u.operand())
          : BigDecimal.ZERO.subtract(number(u.operand()), MATH);
    } else if (node instanceof Node.Binary b) {
      return binary(b);
    } else if (node instanceof Node.Conditional c) {
      return bool(c.condition()) ? evaluate(c.then()) : evaluate(c.otherwise());
    } else if (node instanceof Node.Call c) {
      return call(c);
    }
    throw new AssertionError("unknown node " + node);
  }

  private BigDecimal number(Node node) {
    return (BigDecimal) evaluate(node);
  }

  private boolean bool(Node node) {
    return (Boolean) evaluate(node);
  }

  private String text(Node node) {
    return (String) evaluate(node);
  }

  private LocalDate date(Node node) {
    return (LocalDate) evaluate(node);
  }

  private Object binary(Node.Binary b) {
    String op = b.operator();
    switch (op) {
      case "&&":
        return bool(b.left()) && bool(b.right());
      case "||":
        return bool(b.left()) || bool(b.right());
      case "/":
      case "%": {
        BigDecimal divisor = number(b.right());
        if (divisor.compareTo(BigDecimal.ZERO) == 0) {
          throw new ExpressionEvaluationException(b.at().line(), b.at().column(),
              "division by zero");
        }
        BigDecimal dividend = number(b.left());
        return op.equals("/") ? dividend.divide(divisor, MATH) : dividend.remainder(divisor);
      }
      default:
        break;
    }
    Object left = evaluate(b.left());
    Object right = evaluate(b.right());
    switch (op) {
      case "+":
        return ((BigDecimal) left).add((BigDecimal) right, MATH);
      case "-":
        return ((BigDecimal) left).subtract((BigDecimal) right, MATH);
      case "*":
        return ((BigDecimal) left).multiply((BigDecimal) right, MATH);
      case "==":
        return same(left, right);
      case "!=":
        return !same(left, right);
      case "<":
        return compare(left, right) < 0;
      case "<=":
        return compare(left, right) <= 0;
      case ">":
        return compare(left, right) > 0;
      case ">=":
        return compare(left, right) >= 0;
      default:
        throw new AssertionError("unknown operator " + op);
    }
  }

  private static boolean same(Object left, Object right) {
    if (left instanceof BigDecimal l) {
      return l.compareTo((BigDecimal) right) == 0;
    }
    return left.equals(right);
  }

  private static int compare(Object left, Object right) {
    if (left instanceof BigDecimal l) {
      return l.compareTo((BigDecimal) right);
    }
    LocalDate l = (LocalDate) left;
    LocalDate r = (LocalDate) right;
    return l.isBefore(r) ? -1 : (l.isAfter(r) ? 1 : 0);
  }

  private Object call(Node.Call c) {
    List<Node> args = c.arguments();
    switch (c.function()) {
      case "min": {
        BigDecimal a = number(args.get(0));
        BigDecimal b = number(args.get(1));
        return a.compareTo(b) <= 0 ? a : b;
      }
      case "max": {
        BigDecimal a = number(args.get(0));
        BigDecimal b = number(args.get(1));
        return a.compareTo(b) >= 0 ? a : b;
      }
      case "abs":
        return number(args.get(0)).abs();
      case "floor":
        return number(args.get(0)).setScale(0, RoundingMode.FLOOR);
      case "ceil":
        return number(args.get(0)).setScale(0, RoundingMode.CEILING);
      case "round":
        return number(args.get(0)).setScale(0, RoundingMode.HALF_UP);
      case "date":
        return LocalDate.parse(((Node.Text) args.get(0)).value());
      case "year":
        return BigDecimal.valueOf(date(args.get(0)).getYear());
      case "month":
        return BigDecimal.valueOf(date(args.get(0)).getMonthValue());
      case "day":
        return BigDecimal.valueOf(date(args.get(0)).getDayOfMonth());
      case "dayOfWeek":
        return BigDecimal.valueOf(date(args.get(0)).getDayOfWeek().getValue());
      case "daysBetween": {
        LocalDate from = date(args.get(0));
        LocalDate to = date(args.get(1));
        return BigDecimal.valueOf(to.toEpochDay() - from.toEpochDay());
      }
      case "inSegment":
        return context.member().segments().contains(text(args.get(0)));
      case "hasPlan": {
        String plan = text(args.get(0));
        return context.member().activePlans().stream().anyMatch(p -> p.value().equals(plan));
      }
      case "attribute":
        return context.member().attributes().getOrDefault(text(args.get(0)), "");
      case "hasTag":
        return current().tags().contains(text(args.get(0)));
      case "count":
        return count(args.get(0));
      case "sum":
        return sum(args.get(0), args.get(1));
      case "any":
        return any(args.get(0));
      case "all":
        return all(args.get(0));
      default:
        throw new AssertionError("unknown function " + c.function());
    }
  }

  private BigDecimal count(Node condition) {
    long n = 0;
    for (PurchaseLine l : context.purchase().lines()) {
      if (earns(l) && holds(condition, l)) {
        n++;
      }
    }
    return BigDecimal.valueOf(n);
  }

  private BigDecimal sum(Node value, Node condition) {
    BigDecimal sum = BigDecimal.ZERO;
    for (PurchaseLine l : context.purchase().lines()) {
      if (earns(l) && holds(condition, l)) {
        sum = sum.add((BigDecimal) onLine(value, l), MATH);
      }
    }
    return sum;
  }

  private boolean any(Node condition) {
    for (PurchaseLine l : context.purchase().lines()) {
      if (earns(l) && holds(condition, l)) {
        return true;
      }
    }
    return false;
  }

  private boolean all(Node condition) {
    for (PurchaseLine l : context.purchase().lines()) {
      if (earns(l) && !holds(condition, l)) {
        return false;
      }
    }
    return true;
  }

  private boolean earns(PurchaseLine l) {
    return context.quantity(l).compareTo(BigDecimal.ZERO) > 0;
  }

  private boolean holds(Node condition, PurchaseLine l) {
    return (Boolean) onLine(condition, l);
  }

  private Object onLine(Node node, PurchaseLine l) {
    if (line != null) {
      throw new AssertionError("aggregates do not nest");
    }
    line = l;
    try {
      return evaluate(node);
    } finally {
      line = null;
    }
  }

  private PurchaseLine current() {
    if (line == null) {
      throw new AssertionError("a line is read outside an aggregate");
    }
    return line;
  }

  private Object path(String dotted) {
    switch (dotted) {
      case "order.total": {
        BigDecimal total = BigDecimal.ZERO;
        for (PurchaseLine l : context.purchase().lines()) {
          total = total.add(l.unitPrice().amount().multiply(context.quantity(l)));
        }
        return total;
      }
      case "order.earning":
        return context.earningAmount();
      case "order.quantity": {
        BigDecimal quantity = BigDecimal.ZERO;
        for (PurchaseLine l : context.purchase().lines()) {
          quantity = quantity.add(context.quantity(l));
        }
        return quantity;
      }
      case "order.tax":
        return context.purchase().tax().amount();
      case "order.shipping":
        return context.purchase().shipping().amount();
      case "order.currency":
        return context.purchase().currency().getCurrencyCode();
      case "order.channel":
        return context.purchase().channel().name().toLowerCase(java.util.Locale.ROOT)
            .replace('_', '-');
      case "order.partner":
        return context.purchase().partner().map(p -> p.value()).orElse("");
      case "line.sku":
        return current().sku();
      case "line.category":
        return current().category();
      case "line.quantity":
        return context.quantity(current());
      case "line.unitPrice":
        return current().unitPrice().amount();
      case "line.amount":
        return current().unitPrice().amount().multiply(context.quantity(current()));
      case "line.unit":
        return current().unitOfMeasure();
      case "line.partner":
        return current().partner().map(p -> p.value()).orElse("");
      case "member.tier":
        return context.member().tier().map(t -> t.value()).orElse("");
      case "member.birthdayMonth":
        return context.member().birthdayMonth();
      case "now.date":
        return context.localTime().toLocalDate();
      case "now.hour":
        return BigDecimal.valueOf(context.localTime().getHour());
      case "now.minute":
        return BigDecimal.valueOf(context.localTime().getMinute());
      case "program.id":
        return programId;
      case "program.currency":
        return programCurrency;
      default:
        throw new AssertionError("unknown path " + dotted);
    }
  }
}
