package org.loyaltyrules.rules.expression;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables an expression may read where it is used: each dotted path with its type and the
 * read-only property the compiled expression reads it through. Paths under {@code line.} are read
 * per line, inside an aggregate only. Immutable.
 */
final class Schema {
  /**
   * One variable.
   *
   * @param path its dotted path, as an author writes it
   * @param type its type
   * @param perLine whether it is a property of the current line of an aggregate
   * @param doc what it is, for the documentation
   */
  record Variable(String path, Type type, boolean perLine, String doc) {}

  /** What an expression about a purchase may read: the order, its lines, member, time, program. */
  static final Schema PURCHASE = new Schema(
      new Variable("order.total", Type.NUMBER, false,
          "the goods' value: each line's unit price times its quantity that earns"),
      new Variable("order.earning", Type.NUMBER, false,
          "the earning amount, as the program's earn policy counts it"),
      new Variable("order.quantity", Type.NUMBER, false, "the number of items that earn"),
      new Variable("order.tax", Type.NUMBER, false, "the order's tax"),
      new Variable("order.shipping", Type.NUMBER, false, "the order's shipping"),
      new Variable("order.currency", Type.STRING, false, "the order's currency code"),
      new Variable("order.channel", Type.STRING, false, "'online', 'in-store' or 'app'"),
      new Variable("order.partner", Type.STRING, false,
          "the partner the order was placed with; '' if none"),
      new Variable("line.sku", Type.STRING, true, "the line's SKU"),
      new Variable("line.category", Type.STRING, true, "the line's category"),
      new Variable("line.quantity", Type.NUMBER, true, "the line's quantity that earns"),
      new Variable("line.unitPrice", Type.NUMBER, true, "the line's unit price"),
      new Variable("line.amount", Type.NUMBER, true,
          "the line's unit price times its quantity that earns"),
      new Variable("line.unit", Type.STRING, true, "the line's unit of measure, such as 'each'"),
      new Variable("line.partner", Type.STRING, true, "the line's partner; '' if none"),
      new Variable("member.tier", Type.STRING, false, "the member's tier; '' if none"),
      new Variable("member.birthdayMonth", Type.BOOLEAN, false,
          "whether the purchase falls in the member's birthday month, in the program's zone; "
          + "false if the member has shared no birthday"),
      new Variable("now.date", Type.DATE, false, "the purchase's date in the program's zone"),
      new Variable("now.hour", Type.NUMBER, false, "the purchase's hour, 0 to 23"),
      new Variable("now.minute", Type.NUMBER, false, "the purchase's minute, 0 to 59"),
      new Variable("program.id", Type.STRING, false, "the program's id"),
      new Variable("program.currency", Type.STRING, false, "the program's currency code"));

  private final Map<String, Variable> variables;

  private Schema(Variable... variables) {
    ImmutableMap.Builder<String, Variable> byPath = ImmutableMap.builder();
    for (Variable v : variables) {
      byPath.put(v.path(), v);
    }
    this.variables = byPath.buildOrThrow();
  }

  /** Returns the variable at {@code path}, if there is one. */
  Optional<Variable> variable(String path) {
    return Optional.ofNullable(variables.get(path));
  }

  /** Returns every path, in the documentation's order. */
  Set<String> paths() {
    return variables.keySet();
  }

  /** Returns every variable, in the documentation's order. */
  Iterable<Variable> variables() {
    return variables.values();
  }
}
