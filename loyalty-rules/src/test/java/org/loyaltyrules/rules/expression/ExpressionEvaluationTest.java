package org.loyaltyrules.rules.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;

/**
 * Compiled expressions give exact values: every variable, function, operator and aggregate, read
 * from {@link TestContext#standard() the standard order}. Each expression is evaluated well past
 * the point where MVEL replaces its first accessors with generated ones, so both paths are
 * checked.
 */
class ExpressionEvaluationTest {
  static final Program PROGRAM = Program.builder(ProgramId.of("outfitters"),
          Money.currency("USD"), ZoneOffset.UTC)
      .unit(PointUnit.redeemable("points", "Points"))
      .build();
  private static final TestContext ORDER = TestContext.standard();
  /** More evaluations than MVEL makes before it generates accessors. */
  private static final int RUNS = 300;

  /** Evaluates {@code text} {@link #RUNS} times; every run must give the same value. */
  static Object value(String text, TestContext context) {
    Node tree = Parser.parse(text);
    Type type = new Checker(Schema.PURCHASE).check(tree);
    CompiledExpression compiled = CompiledExpression.compile(tree, text, type,
        PROGRAM.id().value(), "USD");
    Object first = compiled.value(context);
    for (int i = 1; i < RUNS; i++) {
      assertThat(compiled.value(context)).as("run %s of %s", i, text).isEqualTo(first);
    }
    return first;
  }

  private static BigDecimal number(String text) {
    return (BigDecimal) value(text, ORDER);
  }

  private static ExpressionEvaluationException failure(String text) {
    try {
      value(text, ORDER);
    } catch (ExpressionEvaluationException e) {
      return e;
    }
    throw new AssertionError("evaluated: " + text);
  }

  @Test
  void decimalArithmeticIsExact() {
    assertThat(value("0.1 + 0.2 == 0.3", ORDER)).isEqualTo(true);
    assertThat(number("12.50 * 2")).isEqualByComparingTo("25.00").hasToString("25.00");
    assertThat(number("1 / 3 * 3")).hasToString("0.9999999999999999999999999999999999");
    assertThat(number("10 - 2 - 3")).isEqualByComparingTo("5");
    assertThat(number("100 / 10 / 5")).isEqualByComparingTo("2");
    assertThat(number("1 + 2 * 3")).isEqualByComparingTo("7");
    assertThat(number("12.50 % 3")).hasToString("0.50");
    assertThat(number("-7 % 3")).isEqualByComparingTo("-1");
    assertThat(number("-(12.50)")).hasToString("-12.50");
    assertThat(value("0.30 == 0.3", ORDER)).isEqualTo(true);
    assertThat(value("0.3 < 0.30", ORDER)).isEqualTo(false);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "order.total       | 300.47",
      "order.earning     | 300.47",
      "order.quantity    | 6",
      "order.tax         | 10.00",
      "order.shipping    | 5.00",
      "now.hour          | 12",
      "now.minute        | 30",
      "floor(order.total)| 300",
      "ceil(order.total) | 301",
      "round(2.5)        | 3",
      "round(-2.5)       | -3",
      "round(2.49)       | 2",
      "abs(-4.5)         | 4.5",
      "min(3, 2.5)       | 2.5",
      "max(3, 2.5)       | 3",
      "year(now.date)    | 2026",
      "month(now.date)   | 3",
      "day(now.date)     | 14",
      "dayOfWeek(now.date) | 6",
      "daysBetween(date('2026-01-01'), now.date) | 72",
      "daysBetween(now.date, date('2026-01-01')) | -72",
      "count(line.category == 'outdoor') | 2",
      "count(true)       | 3",
      "sum(line.quantity, line.category == 'outdoor') | 3",
      "sum(line.amount, true) | 300.47",
      "sum(line.unitPrice, hasTag('eco')) | 120.00",
      "floor(order.total) * 2 + 50 | 650",
  })
  void numbers(String text, String expected) {
    assertThat(number(text)).isEqualByComparingTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "order.currency == 'USD'",
      "order.channel == 'online'",
      "order.partner == ''",
      "member.tier == 'gold'",
      "program.id == 'outfitters'",
      "program.currency == 'USD'",
      "inSegment('students')",
      "!inSegment('staff')",
      "hasPlan('plus')",
      "attribute('city') == 'Seoul'",
      "attribute('country') == ''",
      "any(hasTag('eco'))",
      "!all(line.category == 'outdoor')",
      "all(line.quantity >= 1)",
      "any(line.sku == 'STOVE' && line.unit == 'each' && line.partner == '')",
      "now.date == date('2026-03-14')",
      "now.date > date('2026-03-13') && now.date < date('2026-03-15')",
      "now.date >= date('2026-03-14') && now.date <= date('2026-03-14')",
      "now.date != date('2026-03-15')",
      "sum(line.quantity, line.category == 'outdoor') >= 3 && dayOfWeek(now.date) >= 6",
      "true || 1 / 0 > 0",
      "!(false && 1 / 0 > 0)",
      "(order.total > 100 ? 'big' : 'small') == 'big'",
      "inSegment('students') == true",
      "1 != 2",
  })
  void conditionsThatHold(String text) {
    assertThat(value(text, ORDER)).isEqualTo(true);
  }

  @Test
  void aggregatesReadOnlyTheQuantityThatStillEarns() {
    TestContext returned = ORDER.withQuantity("l1", BigDecimal.ZERO)
        .withQuantity("l3", BigDecimal.ONE);
    assertThat(value("count(true)", returned)).isEqualTo(BigDecimal.valueOf(2));
    assertThat(value("any(hasTag('eco'))", returned)).isEqualTo(false);
    assertThat((BigDecimal) value("order.total", returned)).isEqualByComparingTo("50.49");
    assertThat((BigDecimal) value("order.quantity", returned)).isEqualByComparingTo("2");
    assertThat((BigDecimal) value("sum(line.amount, true)", returned))
        .isEqualByComparingTo("50.49");
  }

  @Test
  void divisionByZeroNamesItsOperator() {
    ExpressionEvaluationException e = failure("order.total / (order.tax - 10)");
    assertThat(e.reason()).isEqualTo("division by zero");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(13);
    assertThat(e).hasMessage("division by zero at line 1, column 13");
    ExpressionEvaluationException remainder = failure("order.total\n  % 0");
    assertThat(remainder.line()).isEqualTo(2);
    assertThat(remainder.column()).isEqualTo(3);
    ExpressionEvaluationException inAggregate = failure("sum(line.amount / 0, true)");
    assertThat(inAggregate.column()).isEqualTo(17);
  }

  @Test
  void operandsAreEvaluatedLeftToRightButADivisorFirst() {
    assertThat(failure("daysBetween(1/0 > 0 ? now.date : now.date, 2/0 > 0 ? now.date : now.date)")
        .column()).isEqualTo(14);
    assertThat(failure("min(1 % 0, 2 / 0)").column()).isEqualTo(7);
    assertThat(failure("(1 / 0) / (2 / 0)").column()).isEqualTo(14);
  }

  /** Each operand is written once, so nesting never multiplies the text MVEL compiles. */
  @Test
  void theCompiledTextGrowsInProportionToTheExpression() {
    String divisions = "1 / (".repeat(16) + "2" + ")".repeat(16);
    String minimums = "min(".repeat(15) + "order.total" + ", 3)".repeat(15);
    String days = "daysBetween(now.date, date('2026-03-18'))";
    for (String text : List.of(divisions, minimums, days)) {
      CompiledExpression compiled = CompiledExpression.formula(PROGRAM, text);
      assertThat(compiled.mvel().length()).as(compiled.mvel()).isLessThan(10 * text.length());
    }
    assertThat(number(divisions)).isEqualByComparingTo("2");
    assertThat(number(minimums)).isEqualByComparingTo("3");
    assertThat(number(days)).isEqualByComparingTo("4");
  }

  @Test
  void conditionsAndFormulasAreCheckedForTheirType() {
    assertThat(CompiledExpression.condition(PROGRAM, "order.total > 100").test(ORDER)).isTrue();
    assertThat(CompiledExpression.formula(PROGRAM, "order.total * 2").evaluate(ORDER))
        .isEqualByComparingTo("600.94");
    assertThatThrownBy(() -> CompiledExpression.condition(PROGRAM, "order.total * 2"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("line 1, column 1: a condition must be a boolean, but this expression is a "
            + "number");
    assertThatThrownBy(() -> CompiledExpression.formula(PROGRAM, "\n  order.total > 2"))
        .hasMessage("line 2, column 3: a formula must be a number, but this expression is a "
            + "boolean");
  }

  @Test
  void aLiteralThatCanNeverMatchAClosedSetIsRefused() {
    assertThatThrownBy(() -> CompiledExpression.condition(PROGRAM, "order.channel == 'IN_STORE'"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("line 1, column 18: 'IN_STORE' is not a value of order.channel; its values "
            + "are [online, in-store, app]");
    assertThatThrownBy(() -> CompiledExpression.condition(PROGRAM, "'onlne' != order.channel"))
        .hasMessage("line 1, column 1: 'onlne' is not a value of order.channel; did you mean "
            + "'online'?");
    assertThatThrownBy(() -> CompiledExpression.condition(PROGRAM, "member.tier == 'gold'"))
        .hasMessage("line 1, column 16: 'gold' is not a value of member.tier; its values are []");
    assertThat(CompiledExpression.condition(PROGRAM, "member.tier == ''").test(ORDER)).isFalse();
    assertThat(CompiledExpression.condition(PROGRAM, "order.channel == 'in-store'").test(ORDER))
        .isFalse();
  }

  @Test
  void misuseIsASpecificError() {
    CompiledExpression formula = CompiledExpression.formula(PROGRAM, "order.total");
    assertThatThrownBy(() -> formula.test(ORDER)).isInstanceOf(IllegalStateException.class)
        .hasMessage("'order.total' is a formula, not a condition");
    CompiledExpression condition = CompiledExpression.condition(PROGRAM, "true");
    assertThatThrownBy(() -> condition.evaluate(ORDER)).isInstanceOf(IllegalStateException.class)
        .hasMessage("'true' is a condition, not a formula");
    assertThatThrownBy(() -> condition.test(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("context must not be null");
    assertThatThrownBy(() -> CompiledExpression.condition(null, "true"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("program must not be null");
    assertThatThrownBy(() -> CompiledExpression.condition(PROGRAM, null))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("line 1, column 1: the expression must not be null");
  }

  @Test
  void theMvelTextHoldsNothingTheAuthorWrote() {
    CompiledExpression e = CompiledExpression.condition(PROGRAM,
        "order.partner == 'x\\' + getClass() + \\'' && sum(line.amount, hasTag('a')) > 1.5");
    assertThat(e.mvel()).isEqualTo("((order.partner == s(0)) && (sum(0) > n(2)))");
    assertThat(e.test(ORDER)).isFalse();
  }
}
