package org.loyaltyrules.bench;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.rules.expression.CompiledExpression;
import org.loyaltyrules.rules.spi.RuleContext;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluating compiled expressions over a five-line purchase ({@link BenchContext#standard()}),
 * against the same logic written by hand in Java and as hand-written MVEL compiled with strict
 * typing over a plain object ({@link MvelFacts}). Compiling is done once, in the setup; only
 * evaluation is measured.
 *
 * <p>Every variant reads the same context and does the same domain work: the order total is
 * summed from the lines on each evaluation, as the library's views do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ExpressionBenchmark {
  static final String CONDITION = "order.total >= 20 && inSegment('students')";
  static final String FORMULA = "floor(order.total) * 2 + 50";
  static final String AGGREGATE =
      "sum(line.quantity, line.category == 'outdoor') >= 3 && dayOfWeek(now.date) >= 6";

  /** The hand-written MVEL equivalents of {@link #CONDITION} and {@link #FORMULA}. */
  static final String RAW_MVEL_CONDITION = "total >= 20B && inSegment('students')";
  static final String RAW_MVEL_FORMULA = "floor(total) * 2B + 50B";

  private static final BigDecimal TWENTY = BigDecimal.valueOf(20);
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal THREE = BigDecimal.valueOf(3);
  private static final BigDecimal FIFTY = BigDecimal.valueOf(50);

  private RuleContext context;

  private CompiledExpression condition;
  private CompiledExpression formula;
  private CompiledExpression aggregate;

  private Predicate<RuleContext> conditionJava;
  private Function<RuleContext, BigDecimal> formulaJava;
  private Predicate<RuleContext> aggregateJava;

  private Serializable conditionMvel;
  private Serializable formulaMvel;

  /** Compiles every variant once and checks that they all agree on the standard order. */
  @Setup
  public void setUp() {
    context = BenchContext.standard();
    Program program = Program.builder(ProgramId.of("outfitters"), Money.currency("USD"),
            ZoneOffset.UTC)
        .unit(PointUnit.redeemable("points", "Points"))
        .build();

    condition = CompiledExpression.condition(program, CONDITION);
    formula = CompiledExpression.formula(program, FORMULA);
    aggregate = CompiledExpression.condition(program, AGGREGATE);

    conditionJava = c -> total(c).compareTo(TWENTY) >= 0
        && c.member().segments().contains("students");
    formulaJava = c -> total(c).setScale(0, RoundingMode.FLOOR).multiply(TWO).add(FIFTY);
    aggregateJava = c -> {
      BigDecimal sum = BigDecimal.ZERO;
      for (PurchaseLine l : c.purchase().lines()) {
        BigDecimal quantity = c.quantity(l);
        if (quantity.signum() > 0 && l.category().equals("outdoor")) {
          sum = sum.add(quantity);
        }
      }
      return sum.compareTo(THREE) >= 0 && c.localTime().getDayOfWeek().getValue() >= 6;
    };

    conditionMvel = rawMvel(RAW_MVEL_CONDITION);
    formulaMvel = rawMvel(RAW_MVEL_FORMULA);

    for (int i = 0; i < 1_000; i++) {
      // Well past the point where MVEL replaces its first accessors with generated ones.
      check("conditionCompiled", conditionCompiled(), true);
      check("conditionJava", conditionJava(), true);
      check("conditionRawMvel", conditionRawMvel(), true);
      check("formulaCompiled", formulaCompiled(), new BigDecimal("718"));
      check("formulaJava", formulaJava(), new BigDecimal("718"));
      check("formulaRawMvel", formulaRawMvel(), new BigDecimal("718"));
      check("aggregateCompiled", aggregateCompiled(), true);
      check("aggregateJava", aggregateJava(), true);
    }
  }

  private static BigDecimal total(RuleContext c) {
    BigDecimal sum = BigDecimal.ZERO;
    for (PurchaseLine l : c.purchase().lines()) {
      sum = sum.add(l.unitPrice().amount().multiply(c.quantity(l)));
    }
    return sum;
  }

  /** Compiles hand-written MVEL with strict typing over {@link MvelFacts}. */
  private static Serializable rawMvel(String text) {
    ParserContext parser = new ParserContext();
    parser.setStrictTypeEnforcement(true);
    parser.setStrongTyping(true);
    parser.addInput("this", MvelFacts.class);
    return MVEL.compileExpression(text, parser);
  }

  private static void check(String name, Object actual, Object expected) {
    boolean same = actual instanceof BigDecimal a && expected instanceof BigDecimal e
        ? a.compareTo(e) == 0 : expected.equals(actual);
    if (!same) {
      throw new IllegalStateException(name + " gave " + actual + ", expected " + expected);
    }
  }

  // ---- order.total >= 20 && inSegment('students')

  /** The compiled condition. */
  @Benchmark
  public boolean conditionCompiled() {
    return condition.test(context);
  }

  /** The same condition as a Java lambda. */
  @Benchmark
  public boolean conditionJava() {
    return conditionJava.test(context);
  }

  /** The same condition as hand-written MVEL over a plain object. */
  @Benchmark
  public Object conditionRawMvel() {
    return MVEL.executeExpression(conditionMvel, new MvelFacts(context));
  }

  // ---- floor(order.total) * 2 + 50

  /** The compiled formula. */
  @Benchmark
  public BigDecimal formulaCompiled() {
    return formula.evaluate(context);
  }

  /** The same formula as a Java lambda. */
  @Benchmark
  public BigDecimal formulaJava() {
    return formulaJava.apply(context);
  }

  /** The same formula as hand-written MVEL over a plain object. */
  @Benchmark
  public Object formulaRawMvel() {
    return MVEL.executeExpression(formulaMvel, new MvelFacts(context));
  }

  // ---- sum(line.quantity, line.category == 'outdoor') >= 3 && dayOfWeek(now.date) >= 6

  /** The compiled aggregate condition. */
  @Benchmark
  public boolean aggregateCompiled() {
    return aggregate.test(context);
  }

  /** The same aggregate condition as a Java lambda. */
  @Benchmark
  public boolean aggregateJava() {
    return aggregateJava.test(context);
  }
}
