package org.loyaltyrules.rules.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.rules.expression.runtime.Plan;
import org.loyaltyrules.rules.expression.runtime.Scope;
import org.loyaltyrules.rules.spi.RuleContext;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;
import org.mvel2.compiler.ExecutableStatement;
import org.mvel2.integration.impl.ImmutableDefaultFactory;

/**
 * An expression of the library's language, parsed, checked and compiled once, then evaluated as
 * often as needed: a purchase rule's condition or a points formula.
 *
 * <p>Compiling parses the text into the library's own syntax tree, resolves its names and checks
 * its types against what a purchase expression may read, writes the tree as canonical MVEL text
 * of the library's own making, and compiles that text once with strict typing. Evaluating binds
 * the inputs and runs the compiled form: nothing is parsed or looked up per call.
 *
 * <pre>{@code
 * CompiledExpression outdoor = CompiledExpression.condition(program,
 *     "sum(line.quantity, line.category == 'outdoor') >= 3 && dayOfWeek(now.date) >= 6");
 * boolean holds = outdoor.test(context);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CompiledExpression {
  private final String text;
  private final Type type;
  private final String mvel;
  private final ExecutableStatement statement;
  private final Plan plan;

  private CompiledExpression(String text, Type type, String mvel, ExecutableStatement statement,
      Plan plan) {
    this.text = text;
    this.type = type;
    this.mvel = mvel;
    this.statement = statement;
    this.plan = plan;
  }

  /**
   * Compiles a condition about a purchase, which must be boolean.
   *
   * @param program the program it belongs to
   * @param text the expression
   * @return the compiled condition
   * @throws ExpressionException with the line, column and reason if the text is not a boolean
   *     expression of the language, or names what a purchase expression cannot read
   * @throws IllegalArgumentException if the program is null
   */
  public static CompiledExpression condition(Program program, String text) {
    return compile(program, text, Type.BOOLEAN, "a condition");
  }

  /**
   * Compiles a formula over a purchase, which must be numeric.
   *
   * @param program the program it belongs to
   * @param text the expression
   * @return the compiled formula
   * @throws ExpressionException with the line, column and reason if the text is not a numeric
   *     expression of the language, or names what a purchase expression cannot read
   * @throws IllegalArgumentException if the program is null
   */
  public static CompiledExpression formula(Program program, String text) {
    return compile(program, text, Type.NUMBER, "a formula");
  }

  private static CompiledExpression compile(Program program, String text, Type expected,
      String what) {
    if (program == null) {
      throw new IllegalArgumentException("program must not be null");
    }
    Node tree = Parser.parse(text);
    new Checker(Schema.PURCHASE).expect(tree, expected, what);
    checkSegments(tree, program.segments());
    checkPlans(tree, program.plans().keySet().stream().map(p -> p.value())
        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
    java.util.Set<String> tiers = new java.util.LinkedHashSet<>();
    program.tiers().ifPresent(t -> t.tiers().forEach(x -> tiers.add(x.id().value())));
    tiers.add("");
    checkLiterals(tree, Map.of("member.tier", tiers, "order.channel", CHANNELS));
    return compile(tree, text, expected, program.id().value(),
        program.currency().getCurrencyCode());
  }

  /**
   * Refuses {@code inSegment('x')} for a segment the program does not declare, when it declares
   * any, so a misspelt segment is found when the program is compiled.
   */
  private static void checkSegments(Node node, java.util.Set<String> segments) {
    if (!segments.isEmpty()) {
      checkNames(node, "inSegment", "segment", segments);
    }
  }

  /** Refuses {@code hasPlan('x')} for a plan the program does not have. */
  private static void checkPlans(Node node, java.util.Set<String> plans) {
    checkNames(node, "hasPlan", "plan", plans);
  }

  private static void checkNames(Node node, String function, String kind,
      java.util.Set<String> names) {
    if (node instanceof Node.Call c) {
      if (c.function().equals(function) && c.arguments().get(0) instanceof Node.Text t
          && !names.contains(t.value())) {
        throw t.at().error("unknown " + kind + " '" + t.value() + "'" + (names.isEmpty()
            ? "; the program has none" : Functions.nearest(t.value(), names)
                .map(n -> "; did you mean '" + n + "'?")
                .orElse("; the program's " + kind + "s are " + names)));
      }
      c.arguments().forEach(a -> checkNames(a, function, kind, names));
    } else if (node instanceof Node.Unary u) {
      checkNames(u.operand(), function, kind, names);
    } else if (node instanceof Node.Binary b) {
      checkNames(b.left(), function, kind, names);
      checkNames(b.right(), function, kind, names);
    } else if (node instanceof Node.Conditional c) {
      checkNames(c.condition(), function, kind, names);
      checkNames(c.then(), function, kind, names);
      checkNames(c.otherwise(), function, kind, names);
    }
  }

  /** The channels as expressions read them, the way program files write them. */
  private static final java.util.Set<String> CHANNELS = java.util.Arrays.stream(
          org.loyaltyrules.core.activity.Channel.values())
      .map(c -> c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
      .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));

  /**
   * Refuses comparing a variable with a closed set of values — the member's tier, the order's
   * channel — to a literal outside it, such as {@code member.tier == 'gld'}, which could never
   * hold.
   */
  private static void checkLiterals(Node node, Map<String, java.util.Set<String>> values) {
    if (node instanceof Node.Binary b && (b.operator().equals("==")
        || b.operator().equals("!="))) {
      literal(b.left(), b.right(), values);
      literal(b.right(), b.left(), values);
    }
    if (node instanceof Node.Call c) {
      c.arguments().forEach(a -> checkLiterals(a, values));
    } else if (node instanceof Node.Unary u) {
      checkLiterals(u.operand(), values);
    } else if (node instanceof Node.Binary b) {
      checkLiterals(b.left(), values);
      checkLiterals(b.right(), values);
    } else if (node instanceof Node.Conditional c) {
      checkLiterals(c.condition(), values);
      checkLiterals(c.then(), values);
      checkLiterals(c.otherwise(), values);
    }
  }

  private static void literal(Node variable, Node other,
      Map<String, java.util.Set<String>> values) {
    if (variable instanceof Node.Path p && other instanceof Node.Text t
        && values.containsKey(p.dotted()) && !values.get(p.dotted()).contains(t.value())) {
      java.util.Set<String> known = new java.util.LinkedHashSet<>(values.get(p.dotted()));
      known.remove("");
      throw t.at().error("'" + t.value() + "' is not a value of " + p.dotted()
          + Functions.nearest(t.value(), known).map(n -> "; did you mean '" + n + "'?")
              .orElse("; its values are " + known));
    }
  }

  /** Compiles a checked tree; for the tests, which make trees of their own. */
  static CompiledExpression compile(Node tree, String text, Type type, String programId,
      String currency) {
    MvelEmitter emitter = new MvelEmitter();
    String mvel = emitter.emit(tree);
    List<Plan.Aggregate> aggregates = new ArrayList<>();
    for (MvelEmitter.AggregateText a : emitter.aggregates) {
      aggregates.add(new Plan.Aggregate(a.kind(),
          a.value() == null ? null : term(a.value()), term(a.condition())));
    }
    Plan plan = new Plan(emitter.constants, aggregates, emitter.sites, programId, currency);
    return new CompiledExpression(text, type, mvel, statement(mvel), plan);
  }

  private static Plan.Term term(String mvel) {
    ExecutableStatement statement = statement(mvel);
    return scope -> statement.getValue(scope, new ImmutableDefaultFactory());
  }

  /**
   * Compiles text this package wrote. A fresh parser context each time, with strict typing and
   * the scope as the only input; MVEL's JVM-wide settings are left as they are.
   */
  private static ExecutableStatement statement(String mvel) {
    ParserContext context = new ParserContext();
    context.setStrictTypeEnforcement(true);
    context.setStrongTyping(true);
    context.addInput("this", Scope.class);
    return (ExecutableStatement) MVEL.compileExpression(mvel, context);
  }

  /** Returns the expression's text, as written. */
  public String text() {
    return text;
  }

  /**
   * Returns the canonical MVEL text the expression was compiled from, for review: it names only
   * the library's read-only views and functions, with literals read from a table.
   */
  public String mvel() {
    return mvel;
  }

  /**
   * Evaluates a condition.
   *
   * @param context what the expression reads
   * @return whether it holds
   * @throws ExpressionEvaluationException if it cannot be evaluated, such as a division by zero
   * @throws IllegalStateException if this expression is a formula, not a condition
   * @throws IllegalArgumentException if the context is null
   */
  public boolean test(RuleContext context) {
    if (type != Type.BOOLEAN) {
      throw new IllegalStateException("'" + text + "' is a formula, not a condition");
    }
    return (Boolean) value(context);
  }

  /**
   * Evaluates a formula, exactly to 34 significant digits.
   *
   * @param context what the expression reads
   * @return its value
   * @throws ExpressionEvaluationException if it cannot be evaluated, such as a division by zero
   * @throws IllegalStateException if this expression is a condition, not a formula
   * @throws IllegalArgumentException if the context is null
   */
  public BigDecimal evaluate(RuleContext context) {
    if (type != Type.NUMBER) {
      throw new IllegalStateException("'" + text + "' is a condition, not a formula");
    }
    return (BigDecimal) value(context);
  }

  /** Evaluates the expression to a value of its type. */
  Object value(RuleContext context) {
    if (context == null) {
      throw new IllegalArgumentException("context must not be null");
    }
    try {
      return statement.getValue(new Scope(plan, context), new ImmutableDefaultFactory());
    } catch (RuntimeException e) {
      throw unwrap(e);
    }
  }

  /**
   * The library's own evaluation error inside whatever MVEL wrapped it in; any other failure as
   * an evaluation error that names it, so a decision can report it.
   */
  private RuntimeException unwrap(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ExpressionEvaluationException found) {
        return found;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return new ExpressionEvaluationException("'" + text + "' could not be evaluated: "
        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  @Override
  public String toString() {
    return text;
  }
}
