package org.loyaltyrules.bench;

import java.util.concurrent.TimeUnit;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
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
 * REF-10 ({@link Ref10}): one five-line app purchase decided for a Gold member with 20 lots,
 * five ways. Each invocation decides the same cart for the same member; the decision is pure, so
 * every call does the same work and gives the same result. Everything is built in the setup,
 * which also checks that the variants agree ({@code Ref10AgreementTest} checks it in detail).
 *
 * <ul>
 *   <li>{@code declarative}: {@code CompiledProgram.decide}, built-in rule kinds only;
 *   <li>{@code expressions}: the same with three rules as expressions;
 *   <li>{@code handCoded}: Java with no rule engine, giving a decision equal to the library's;
 *   <li>{@code easyRules}: the ten rules in Easy Rules with MVEL, the points total only;
 *   <li>{@code preview}: {@code CompiledProgram.preview} of the same cart.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class Ref10Benchmark {
  private Ref10.Fixture declarative;
  private Ref10.Fixture expressions;
  private Ref10HandCoded handCoded;
  private Ref10EasyRules easyRules;

  /** Builds every variant once and checks that they earn the same points. */
  @Setup
  public void setUp() {
    declarative = Ref10.declarative();
    expressions = Ref10.expressions();
    handCoded = new Ref10HandCoded(declarative.program().program());
    easyRules = new Ref10EasyRules(declarative.program().program().zone());
    check("declarative", points(declarativeDecide()));
    check("expressions", points(expressionsDecide()));
    check("handCoded", points(handCodedDecide()));
    check("easyRules", easyRulesPoints());
    check("preview", points(previewCart()));
    if (!handCodedDecide().equals(declarativeDecide())) {
      throw new IllegalStateException("handCoded's decision differs from declarative's");
    }
  }

  /** Returns the points a decision earned. */
  static long points(Decision d) {
    return d.effects(Effect.PointsEarned.class).stream().mapToLong(Effect.PointsEarned::points)
        .sum();
  }

  private static void check(String name, long points) {
    if (points != Ref10.EXPECTED_POINTS) {
      throw new IllegalStateException(name + " earned " + points + ", expected "
          + Ref10.EXPECTED_POINTS);
    }
  }

  /** The library, built-in rule kinds only. */
  @Benchmark
  public Decision declarativeDecide() {
    return declarative.decide();
  }

  /** The library, three of the ten rules as expressions. */
  @Benchmark
  public Decision expressionsDecide() {
    return expressions.decide();
  }

  /** Hand-written Java giving the same decision: the floor. */
  @Benchmark
  public Decision handCodedDecide() {
    return handCoded.decide(declarative.member(), declarative.cart(), Ref10.AT);
  }

  /** Easy Rules with MVEL rules: the points total. */
  @Benchmark
  public long easyRulesPoints() {
    return easyRules.points(declarative.member(), declarative.cart(), Ref10.AT);
  }

  /** The library's preview of the same cart. */
  @Benchmark
  public Decision previewCart() {
    return declarative.preview();
  }
}
