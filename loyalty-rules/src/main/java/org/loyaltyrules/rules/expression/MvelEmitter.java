package org.loyaltyrules.rules.expression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loyaltyrules.rules.expression.runtime.Plan;

/**
 * Writes a checked syntax tree as canonical MVEL text over a
 * {@link org.loyaltyrules.rules.expression.runtime.Scope}. The text holds only what this class
 * writes: the scope's property paths and function names, operators, parentheses, and indexes
 * into the tables it builds — never a piece of the author's text. Literals are read from the
 * table ({@code n(0)}, {@code s(1)}, {@code d(2)}), so no string the author wrote is ever parsed
 * by MVEL, and nothing is folded or escaped. Each operand is written exactly once — a division or
 * a two-operand function takes its operands one call at a time
 * ({@code op(0).divisor(b).divide(a)}) — so the text grows in proportion to the expression,
 * however deeply it nests. One emitter per expression; not thread-safe.
 */
final class MvelEmitter {
  /**
   * The MVEL text of one aggregate.
   *
   * @param kind which aggregate
   * @param value the text of the summed value, for {@code sum}; otherwise null
   * @param condition the text of the condition
   */
  record AggregateText(Plan.Kind kind, String value, String condition) {}

  private final Map<Object, Integer> constantIndex = new HashMap<>();
  final List<Object> constants = new ArrayList<>();
  final List<int[]> sites = new ArrayList<>();
  final List<AggregateText> aggregates = new ArrayList<>();

  /** Returns the MVEL text of a checked tree. */
  String emit(Node node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private void write(Node node, StringBuilder out) {
    if (node instanceof Node.Number n) {
      out.append("n(").append(constant(n.value())).append(')');
    } else if (node instanceof Node.Text t) {
      out.append("s(").append(constant(t.value())).append(')');
    } else if (node instanceof Node.Bool b) {
      out.append(b.value() ? "true" : "false");
    } else if (node instanceof Node.Path p) {
      // The path was resolved against the schema, whose names are the scope's properties.
      out.append(p.dotted());
    } else if (node instanceof Node.Unary u) {
      out.append(u.operator().equals("!") ? "(!" : "(0B - ");
      write(u.operand(), out);
      out.append(')');
    } else if (node instanceof Node.Binary b) {
      binary(b, out);
    } else if (node instanceof Node.Conditional c) {
      out.append('(');
      write(c.condition(), out);
      out.append(" ? ");
      write(c.then(), out);
      out.append(" : ");
      write(c.otherwise(), out);
      out.append(')');
    } else if (node instanceof Node.Call c) {
      call(c, out);
    } else {
      throw new IllegalStateException("unknown node " + node);
    }
  }

  private void binary(Node.Binary b, StringBuilder out) {
    String op = b.operator();
    if (op.equals("/") || op.equals("%")) {
      // The divisor first, so a division by zero names its operator before the dividend runs.
      out.append("op(").append(site(b.at())).append(").divisor(");
      write(b.right(), out);
      out.append(op.equals("/") ? ").divide(" : ").remainder(");
      write(b.left(), out);
      out.append(')');
      return;
    }
    out.append('(');
    write(b.left(), out);
    out.append(' ').append(op).append(' ');
    write(b.right(), out);
    out.append(')');
  }

  private void call(Node.Call c, StringBuilder out) {
    List<Node> args = c.arguments();
    switch (c.function()) {
      case "min", "max" -> {
        out.append("op(").append(site(c.at())).append(").first(");
        write(args.get(0), out);
        out.append(").").append(c.function()).append('(');
        write(args.get(1), out);
        out.append(')');
      }
      case "daysBetween" -> {
        out.append("op(").append(site(c.at())).append(").from(");
        write(args.get(0), out);
        out.append(").daysTo(");
        write(args.get(1), out);
        out.append(')');
      }
      case "date" -> out.append("d(").append(constant(Checker.date(c))).append(')');
      case "count", "any", "all" -> aggregate(c.function(), Plan.Kind.valueOf(
          c.function().toUpperCase(java.util.Locale.ROOT)), null, args.get(0), out);
      case "sum" -> aggregate("sum", Plan.Kind.SUM, args.get(0), args.get(1), out);
      default -> {
        // A function of the allowlist, which the scope has under the same name.
        out.append(Functions.ALL.get(c.function()).name()).append('(');
        write(args.get(0), out);
        out.append(')');
      }
    }
  }

  private void aggregate(String name, Plan.Kind kind, Node value, Node condition,
      StringBuilder out) {
    int k = aggregates.size();
    aggregates.add(null);
    String valueText = value == null ? null : emit(value);
    aggregates.set(k, new AggregateText(kind, valueText, emit(condition)));
    out.append(name).append('(').append(k).append(')');
  }

  private int site(Position at) {
    sites.add(new int[] {at.line(), at.column()});
    return sites.size() - 1;
  }

  private int constant(Object value) {
    return constantIndex.computeIfAbsent(value, v -> {
      constants.add(v);
      return constants.size() - 1;
    });
  }
}
