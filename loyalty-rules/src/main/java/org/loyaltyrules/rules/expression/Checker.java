package org.loyaltyrules.rules.expression;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves an expression's names against a {@link Schema} and checks its types: every operator
 * gets operands it is defined on, every function arguments of its parameter types, every path a
 * variable that exists where it is used. Each rejection names the position and both types or the
 * nearest known name. Stateless apart from the schema; immutable.
 */
final class Checker {
  private static final String AGGREGATES = "count, sum, any and all";

  private final Schema schema;

  Checker(Schema schema) {
    this.schema = schema;
  }

  /**
   * Checks {@code node} and returns its type.
   *
   * @throws ExpressionException naming the position and the problem
   */
  Type check(Node node) {
    return check(node, Optional.empty());
  }

  /**
   * Checks {@code node}, which must have type {@code expected} where it is used ({@code what},
   * such as "a condition").
   */
  void expect(Node node, Type expected, String what) {
    Type actual = check(node);
    if (actual != expected) {
      throw start(node).error(what + " must be " + article(expected) + ", but this expression "
          + "is " + article(actual));
    }
  }

  /** Where the text of {@code node} starts: its leftmost operand. */
  static Position start(Node node) {
    if (node instanceof Node.Binary b) {
      return start(b.left());
    }
    if (node instanceof Node.Conditional c) {
      return start(c.condition());
    }
    return node.at();
  }

  /** Checks {@code node}; {@code aggregate} names the aggregate it is inside, if any. */
  private Type check(Node node, Optional<String> aggregate) {
    if (node instanceof Node.Number) {
      return Type.NUMBER;
    } else if (node instanceof Node.Text) {
      return Type.STRING;
    } else if (node instanceof Node.Bool) {
      return Type.BOOLEAN;
    } else if (node instanceof Node.Path p) {
      return path(p, aggregate);
    } else if (node instanceof Node.Unary u) {
      Type operand = check(u.operand(), aggregate);
      Type wanted = u.operator().equals("!") ? Type.BOOLEAN : Type.NUMBER;
      if (operand != wanted) {
        throw u.at().error("'" + u.operator() + "' needs " + article(wanted) + ", was given "
            + article(operand));
      }
      return wanted;
    } else if (node instanceof Node.Binary b) {
      return binary(b, check(b.left(), aggregate), check(b.right(), aggregate));
    } else if (node instanceof Node.Conditional c) {
      Type condition = check(c.condition(), aggregate);
      if (condition != Type.BOOLEAN) {
        throw start(c.condition()).error("the condition before '?' must be a boolean, was "
            + article(condition));
      }
      Type then = check(c.then(), aggregate);
      Type otherwise = check(c.otherwise(), aggregate);
      if (then != otherwise) {
        throw c.at().error("the two branches of '?' must have the same type, but they are "
            + then + " and " + otherwise);
      }
      return then;
    } else if (node instanceof Node.Call c) {
      return call(c, aggregate);
    }
    throw new IllegalStateException("unknown node " + node);
  }

  private Type path(Node.Path p, Optional<String> aggregate) {
    String dotted = p.dotted();
    Optional<Schema.Variable> variable = schema.variable(dotted);
    if (variable.isEmpty()) {
      List<String> known = schema.paths().stream()
          .filter(path -> aggregate.isPresent() || !path.startsWith("line."))
          .collect(Collectors.toList());
      throw p.at().error("unknown name '" + dotted + "'" + Functions.nearest(dotted, known)
          .map(n -> "; did you mean '" + n + "'?")
          .orElse("; the names are " + known));
    }
    if (variable.get().perLine() && aggregate.isEmpty()) {
      throw p.at().error("'" + dotted + "' is a property of each line, known only inside "
          + AGGREGATES);
    }
    return variable.get().type();
  }

  private Type binary(Node.Binary b, Type left, Type right) {
    String op = b.operator();
    switch (op) {
      case "+", "-", "*", "/", "%" -> {
        if (left != Type.NUMBER || right != Type.NUMBER) {
          throw b.at().error("'" + op + "' needs two numbers, was given " + left + " and "
              + right);
        }
        return Type.NUMBER;
      }
      case "<", "<=", ">", ">=" -> {
        if (left != right || (left != Type.NUMBER && left != Type.DATE)) {
          throw b.at().error("'" + op + "' compares two numbers or two dates, was given "
              + left + " and " + right);
        }
        return Type.BOOLEAN;
      }
      case "==", "!=" -> {
        if (left != right) {
          throw b.at().error("'" + op + "' compares two values of the same type, was given "
              + left + " and " + right);
        }
        return Type.BOOLEAN;
      }
      case "&&", "||" -> {
        if (left != Type.BOOLEAN || right != Type.BOOLEAN) {
          throw b.at().error("'" + op + "' needs two booleans, was given " + left + " and "
              + right);
        }
        return Type.BOOLEAN;
      }
      default -> throw new IllegalStateException("unknown operator " + op);
    }
  }

  private Type call(Node.Call c, Optional<String> aggregate) {
    Functions.Signature signature = Functions.ALL.get(c.function());
    switch (signature.reads()) {
      case LINES -> {
        if (aggregate.isPresent()) {
          throw c.at().error(c.function() + " cannot be used inside " + aggregate.get()
              + "; " + AGGREGATES + " do not nest");
        }
        aggregate = Optional.of(c.function());
      }
      case LINE -> {
        if (aggregate.isEmpty()) {
          throw c.at().error(c.function() + " reads the current line, known only inside "
              + AGGREGATES);
        }
      }
      case LITERAL -> {
        date(c);
        return signature.result();
      }
      default -> { }
    }
    for (int i = 0; i < c.arguments().size(); i++) {
      Node argument = c.arguments().get(i);
      Type actual = check(argument, aggregate);
      Type wanted = signature.parameters().get(i);
      if (actual != wanted) {
        throw start(argument).error(c.function() + "'s argument " + (i + 1) + " must be "
            + article(wanted) + ", was given " + article(actual));
      }
    }
    return signature.result();
  }

  /** Checks that {@code date}'s argument is a literal date and returns it. */
  static LocalDate date(Node.Call c) {
    Node argument = c.arguments().get(0);
    if (!(argument instanceof Node.Text text)) {
      throw start(argument).error("date takes a literal date such as '2026-12-25', not a "
          + "computed value");
    }
    try {
      return LocalDate.parse(text.value());
    } catch (DateTimeParseException e) {
      throw argument.at().error("'" + text.value() + "' is not a date written yyyy-mm-dd");
    }
  }

  private static String article(Type type) {
    return type == Type.STRING ? "a string" : (type == Type.NUMBER ? "a number"
        : (type == Type.BOOLEAN ? "a boolean" : "a date"));
  }
}
