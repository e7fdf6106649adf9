package org.loyaltyrules.rules.expression;

import java.math.BigDecimal;
import java.util.List;

/**
 * The library's own syntax tree of an expression: every node knows where its text starts. Only
 * what the grammar has can be represented, so nothing else can reach the evaluator. Immutable.
 */
sealed interface Node {
  Position at();

  /** An exact decimal number. */
  record Number(BigDecimal value, Position at) implements Node {}

  /** A single-quoted string. */
  record Text(String value, Position at) implements Node {}

  /** {@code true} or {@code false}. */
  record Bool(boolean value, Position at) implements Node {}

  /** A variable path over a declared read-only view, such as {@code order.total}. */
  record Path(List<String> names, Position at) implements Node {
    String dotted() {
      return String.join(".", names);
    }
  }

  /** A call of a function of the allowlist. */
  record Call(String function, List<Node> arguments, Position at) implements Node {}

  /** {@code !e} or {@code -e}. */
  record Unary(String operator, Node operand, Position at) implements Node {}

  /** An arithmetic, comparison or logical operator between two operands. */
  record Binary(String operator, Node left, Node right, Position at) implements Node {}

  /** {@code condition ? then : otherwise}. */
  record Conditional(Node condition, Node then, Node otherwise, Position at) implements Node {}
}
