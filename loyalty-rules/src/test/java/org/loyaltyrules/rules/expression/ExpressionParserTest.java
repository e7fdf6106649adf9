package org.loyaltyrules.rules.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

  /** Renders a tree back as fully parenthesised text, to assert its shape. */
  private static String show(Node node) {
    if (node instanceof Node.Number n) {
      return n.value().toPlainString();
    } else if (node instanceof Node.Text t) {
      return "'" + t.value() + "'";
    } else if (node instanceof Node.Bool b) {
      return String.valueOf(b.value());
    } else if (node instanceof Node.Path p) {
      return p.dotted();
    } else if (node instanceof Node.Call c) {
      return c.function() + c.arguments().stream().map(ExpressionParserTest::show).toList();
    } else if (node instanceof Node.Unary u) {
      return "(" + u.operator() + show(u.operand()) + ")";
    } else if (node instanceof Node.Binary b) {
      return "(" + show(b.left()) + " " + b.operator() + " " + show(b.right()) + ")";
    } else if (node instanceof Node.Conditional c) {
      return "(" + show(c.condition()) + " ? " + show(c.then()) + " : " + show(c.otherwise())
          + ")";
    }
    throw new AssertionError(node);
  }

  private static String parse(String text) {
    return show(Parser.parse(text));
  }

  /** The exception parsing {@code text} throws; fails the test if it throws none or another. */
  private static ExpressionException rejected(String text) {
    try {
      Parser.parse(text);
    } catch (ExpressionException e) {
      return e;
    }
    throw new AssertionError("accepted: " + text);
  }

  @Test
  void literals() {
    assertThat(parse("12.50")).isEqualTo("12.50");
    assertThat(((Node.Number) Parser.parse("0.1")).value()).isEqualTo(new BigDecimal("0.1"));
    assertThat(parse("'outdoor'")).isEqualTo("'outdoor'");
    assertThat(parse("'it\\'s'")).isEqualTo("'it's'");
    assertThat(parse("true")).isEqualTo("true");
    assertThat(parse("false")).isEqualTo("false");
  }

  @Test
  void pathsAndCalls() {
    assertThat(parse("order.total")).isEqualTo("order.total");
    assertThat(parse("member.profile.segments")).isEqualTo("member.profile.segments");
    assertThat(parse("floor(order.total)")).isEqualTo("floor[order.total]");
    assertThat(parse("max(1, 2)")).isEqualTo("max[1, 2]");
    assertThat(parse("count(line.category == 'outdoor')"))
        .isEqualTo("count[(line.category == 'outdoor')]");
  }

  @Test
  void precedenceAndAssociativity() {
    assertThat(parse("floor(order.total) * 2 + 50"))
        .isEqualTo("((floor[order.total] * 2) + 50)");
    assertThat(parse("1 - 2 - 3")).isEqualTo("((1 - 2) - 3)");
    assertThat(parse("8 / 4 % 3")).isEqualTo("((8 / 4) % 3)");
    assertThat(parse("-order.total")).isEqualTo("(-order.total)");
    assertThat(parse("!a || b && c")).isEqualTo("((!a) || (b && c))");
    assertThat(parse("a < 1 == b >= 2")).isEqualTo("((a < 1) == (b >= 2))");
    assertThat(parse("a ? 1 : b ? 2 : 3")).isEqualTo("(a ? 1 : (b ? 2 : 3))");
    assertThat(parse("(1 + 2) * 3")).isEqualTo("((1 + 2) * 3)");
    assertThat(parse("a != b")).isEqualTo("(a != b)");
    assertThat(parse("a <= b")).isEqualTo("(a <= b)");
    assertThat(parse("a > b")).isEqualTo("(a > b)");
  }

  @Test
  void positionsSpanLines() {
    Node node = Parser.parse("order.total >= 35\n  && inSegment('students')");
    Node.Binary and = (Node.Binary) node;
    assertThat(and.at()).isEqualTo(new Position(2, 3));
    assertThat(((Node.Call) and.right()).at()).isEqualTo(new Position(2, 6));
  }

  /** The rejections the language must make, each with its position. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Runtime.getRuntime().exec("id")        | 1 | 9  | 'getRuntime(...)': method calls are not allowed
      System.exit(0)                         | 1 | 8  | 'exit(...)': method calls are not allowed
      new java.io.File("/").list()           | 1 | 1  | 'new' is not part of the language
      order.getClass().getClassLoader()      | 1 | 7  | 'getClass(...)': method calls are not allowed
      Thread.sleep(10000)                    | 1 | 8  | 'sleep(...)': method calls are not allowed
      while (true) {}                        | 1 | 1  | 'while' is not part of the language
      order.total = 0                        | 1 | 13 | '=' is not an operator of the language
      'aaaaaaaaaaaaaaaaaaaaaaa!' ~= '(.*a){20}' | 1 | 28 | '~' is not an operator of the language
      """)
  void theListedAttacksAreRefusedWithTheirPosition(String text, int line, int column,
      String reason) {
    ExpressionException e = rejected(text);
    assertThat(e).as(text).isNotNull();
    assertThat(e.line()).as("line of %s", text).isEqualTo(line);
    assertThat(e.column()).as("column of %s", text).isEqualTo(column);
    assertThat(e.reason()).as(text).startsWith(reason);
    assertThat(e.getMessage()).startsWith("line " + line + ", column " + column + ": ");
  }

  @Test
  void everythingElseOutsideTheGrammarIsRefusedToo() {
    for (String text : List.of("a; b", "{a}", "a[0]", "\"double\"", "a = = b", "1 2", "(1",
        "max(1)", "max(1, 2, 3)", "a.", "a..b", "1 < 2 < 3", "a == b == c", "", "   ", "@x",
        "a -> b", "x `y`", "12abc", "'open", "a $ b", "#{x}", "import x", "this.x",
        "a instanceof b", "a in b", "null")) {
      assertThat(rejected(text)).as("%s is refused", text).isNotNull();
    }
  }

  @Test
  void unknownFunctionsSuggestTheNearestKnownOne() {
    ExpressionException e = rejected("flor(order.total)");
    assertThat(e.reason()).isEqualTo("unknown function 'flor'; did you mean 'floor'?");
    assertThat(rejected("frobnicate(1)").reason()).startsWith(
        "unknown function 'frobnicate'; the functions are [");
    assertThat(rejected("max(1)").reason()).isEqualTo("max takes 2 arguments, was given 1");
  }

  @Test
  void sizeAndNestingAreBounded() {
    assertThat(rejected("1+".repeat(1_001) + "1").reason())
        .isEqualTo("the expression is 2003 characters long; at most 2000 are allowed");
    assertThat(rejected("1" + "+1".repeat(300)).reason())
        .isEqualTo("the expression has more than 500 tokens");
    assertThat(rejected("(".repeat(40) + "1" + ")".repeat(40)).reason())
        .isEqualTo("the expression nests deeper than 32 levels");
    assertThat(rejected("-".repeat(40) + "1").reason())
        .isEqualTo("the expression nests deeper than 32 levels");
    assertThat(Parser.parse("(".repeat(20) + "1" + ")".repeat(20))).isNotNull();
  }

  @Test
  void stringsAndCharactersGiveActionableReasons() {
    assertThat(rejected("'open").reason()).isEqualTo("a string is not closed with '");
    assertThat(rejected("\"double\"").reason())
        .isEqualTo("strings are written in single quotes, not '\"'");
    assertThat(rejected("'a\\nb'").reason()).isEqualTo("only \\' and \\\\ may be escaped in a "
        + "string");
    assertThat(rejected("a\u0000b").reason()).isEqualTo("'?' (U+0000) is not part of the "
        + "language");
    assertThatThrownBy(() -> Parser.parse(null)).isInstanceOf(ExpressionException.class)
        .hasMessage("line 1, column 1: the expression must not be null");
  }
}
