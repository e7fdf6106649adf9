package org.loyaltyrules.rules.expression;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Names are resolved and types checked against what a purchase expression may read, and every
 * rejection gives the position and a reason an author can act on: the nearest known name for a
 * typo, both types for a type error.
 */
class ExpressionCheckerTest {
  private static final Checker CHECKER = new Checker(Schema.PURCHASE);

  private static ExpressionException rejected(String text) {
    try {
      CHECKER.check(Parser.parse(text));
    } catch (ExpressionException e) {
      return e;
    }
    throw new AssertionError("accepted: " + text);
  }

  private static Type type(String text) {
    return CHECKER.check(Parser.parse(text));
  }

  @Test
  void everyVariableHasItsDeclaredType() {
    for (Schema.Variable v : Schema.PURCHASE.variables()) {
      String text = v.perLine() ? "any(" + v.path() + " == " + v.path() + ")" : v.path();
      assertThat(type(text)).as(text).isEqualTo(v.perLine() ? Type.BOOLEAN : v.type());
    }
    assertThat(type("sum(line.amount, true)")).isEqualTo(Type.NUMBER);
    assertThat(type("date('2026-12-25')")).isEqualTo(Type.DATE);
  }

  @Test
  void anUnknownNameSuggestsTheNearestKnownOne() {
    ExpressionException e = rejected("order.totl > 10");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.reason()).isEqualTo("unknown name 'order.totl'; did you mean 'order.total'?");
    assertThat(rejected("2 * ordr.total").reason())
        .isEqualTo("unknown name 'ordr.total'; did you mean 'order.total'?");
    assertThat(rejected("any(line.categroy == 'x')").reason())
        .isEqualTo("unknown name 'line.categroy'; did you mean 'line.category'?");
    ExpressionException far = rejected("1 +\n  basket.contents");
    assertThat(far.line()).isEqualTo(2);
    assertThat(far.column()).isEqualTo(3);
    assertThat(far.reason()).startsWith("unknown name 'basket.contents'; the names are "
        + "[order.total, order.earning,");
    assertThat(far.reason()).doesNotContain("line.");
  }

  @Test
  void linePropertiesAndTagsAreKnownOnlyInsideAggregates() {
    ExpressionException e = rejected("order.total > 1 && line.category == 'outdoor'");
    assertThat(e.column()).isEqualTo(20);
    assertThat(e.reason()).isEqualTo("'line.category' is a property of each line, known only "
        + "inside count, sum, any and all");
    assertThat(rejected("hasTag('eco')").reason())
        .isEqualTo("hasTag reads the current line, known only inside count, sum, any and all");
    ExpressionException nested = rejected("count(any(true))");
    assertThat(nested.column()).isEqualTo(7);
    assertThat(nested.reason())
        .isEqualTo("any cannot be used inside count; count, sum, any and all do not nest");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', value = {
      "order.total + 'x' # 13 # '+' needs two numbers, was given number and string",
      "'a' < 'b' # 5 # '<' compares two numbers or two dates, was given string "
          + "and string",
      "now.date >= 3 # 10 # '>=' compares two numbers or two dates, was given date "
          + "and number",
      "1 == 'a' # 3 # '==' compares two values of the same type, was given "
          + "number and string",
      "now.date != 'x' # 10 # '!=' compares two values of the same type, was given "
          + "date and string",
      "1 && true # 3 # '&&' needs two booleans, was given number and boolean",
      "true || 'x' # 6 # '||' needs two booleans, was given boolean and string",
      "!order.total # 1 # '!' needs a boolean, was given a number",
      "-member.tier # 1 # '-' needs a number, was given a string",
      "true ? 1 : 'a' # 6 # the two branches of '?' must have the same type, but "
          + "they are number and string",
      "order.total ? 2 : 3 # 1 # the condition before '?' must be a boolean, was a "
          + "number",
      "floor('x') # 7 # floor's argument 1 must be a number, was given a string",
      "min(1, true) # 8 # min's argument 2 must be a number, was given a boolean",
      "inSegment(3) # 11 # inSegment's argument 1 must be a string, was given a "
          + "number",
      "year(order.total) # 6 # year's argument 1 must be a date, was given a number",
      "sum('x', true) # 5 # sum's argument 1 must be a number, was given a string",
      "count(1) # 7 # count's argument 1 must be a boolean, was given a number",
      "date(order.currency) # 6 # date takes a literal date such as '2026-12-25', not a "
          + "computed value",
      "date('2026-02-30') # 6 # '2026-02-30' is not a date written yyyy-mm-dd",
      "date('tomorrow') # 6 # 'tomorrow' is not a date written yyyy-mm-dd",
  })
  void typeErrorsNameBothTypes(String text, int column, String reason) {
    ExpressionException e = rejected(text);
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(column);
    assertThat(e).hasMessage("line 1, column " + column + ": " + reason);
  }
}
