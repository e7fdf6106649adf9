package org.loyaltyrules.rules.expression;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.member.PurchaseContext;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators for the expression language's property tests: well-typed expressions
 * drawn from the whole grammar, mutations of them, random byte strings, and random purchases for
 * expressions to read.
 *
 * <p>An expression is generated as a checked {@link Node} tree of a chosen {@link Type} and bounded
 * depth, covering every production: number literals (whole, decimal such as {@code 0.1} and
 * {@code 12.50}, with leading zeros, up to 30 digits), string literals (with {@code \'} and
 * {@code \\} escapes and non-ASCII text), {@code true} and {@code false}, every variable of
 * {@link Schema#PURCHASE} ({@code line.*} only inside an aggregate), every function of
 * {@link Functions#ALL} ({@code date} only of a literal, {@code hasTag} only inside an aggregate,
 * aggregates never nested), unary {@code !} and {@code -}, the arithmetic, comparison, equality
 * and logical operators on every type they take, and {@code ?:}. Divisors are often zero, and now
 * and then a node of any type divides by zero, so that which of two failing operands an
 * evaluation reaches first is checked too. The tree is then printed as text with the parentheses
 * precedence needs, extra parentheses, and random spaces, tabs and line breaks between tokens;
 * the printer records where each node's token lands, so the tree the text must parse to,
 * positions included, is known.
 *
 * <p>Every choice is drawn from QuickTheories' randomness with 0 as the simplest choice (a leaf, no
 * decoration, the first entry of a list), so a falsified property shrinks to a small expression
 * and a small purchase.
 */
final class ExpressionGenerator {
  /** The position of a generated node before it is printed. */
  private static final Position NOWHERE = new Position(0, 0);
  /** How deep the generated trees are at most, besides {@link #BUDGET}. */
  private static final int MAX_DEPTH = 6;
  /** How many nodes a generated tree has at most, so its text stays within the lexer's limits. */
  private static final int BUDGET = 32;
  /** The parser nesting above which no extra parentheses are printed. */
  private static final int MAX_EXTRA_NESTING = 20;

  private static final List<String> NUMBER_PATHS = List.of("order.total", "order.earning",
      "order.quantity", "order.tax", "order.shipping", "now.hour", "now.minute");
  private static final List<String> LINE_NUMBER_PATHS = List.of("line.quantity",
      "line.unitPrice", "line.amount");
  private static final List<String> STRING_PATHS = List.of("order.currency", "order.channel",
      "order.partner", "member.tier", "program.id", "program.currency");
  private static final List<String> LINE_STRING_PATHS = List.of("line.sku", "line.category",
      "line.unit", "line.partner");

  private static final List<String> NUMBERS = List.of("0.1", "0.2", "0.3", "0.30", "12.50", "0",
      "0.00", "2.5", "0.5", "1.005", "99.99", "4.99", "45.50", "120.00", "300.47", "1000000",
      "0.001", "3", "7", "-0", "1");
  private static final List<String> HUGE_NUMBERS = List.of("999999999999999999999999999999",
      "123456789012345678901234567890", "100000000000000000000000000000",
      "0.0000000000000000000000000001", "0.3333333333333333333333333333",
      "99999999999999999.999999999999", "1.0000000000000000000000000000");

  /** Strings an expression compares with; some equal what a context holds. */
  private static final List<String> STRINGS = List.of("", "outdoor", "apparel", "food", "1",
      "1.0", "online", "in-store", "app", "USD", "EUR", "gold", "silver", "outfitters", "acme",
      "globex", "Seoul", "Zürich", "東京", "it's", "back\\slash", "'", "\\", "\\'", "each", "kg",
      "TENT-2", "Ü-1", "A'B", "eco", "sale", "students", "plus", "city", "a b", "tab\there",
      "emoji \uD83D\uDE00", "getClass()", "\"double\"", "${x}", "@{x}", "null", "0B");
  private static final List<String> SEGMENTS = List.of("students", "staff", "vip", "Students");
  private static final List<String> PLANS = List.of("plus", "family", "PLUS");
  private static final List<String> TAGS = List.of("eco", "sale", "new", "Eco");
  private static final List<String> ATTRIBUTES = List.of("city", "country", "it's", "1",
      "missing");
  private static final List<String> DATES = List.of("2026-03-14", "2024-02-29", "2026-01-01",
      "2025-12-31", "2000-01-01", "0001-01-01", "9999-12-31", "+999999999-12-31",
      "-999999999-01-01", "1970-01-01");
  private static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(2031, 12, 31);

  /** Whitespace between tokens: the lexer's blanks and line breaks, mostly one space. */
  private static final List<String> WHITESPACE = List.of(" ", " ", " ", " ", "  ", "\t", "\n",
      "\r\n", "\n    ", " \n", "\n\n", "   \t ");

  /** What a mutation inserts, a fifth of the time: what often leaves an expression valid. */
  private static final List<String> MILD_SNIPPETS = List.of(" ", "\n", "\t", "\r\n", "0", "5",
      "a", "é", " \\\\ ");
  /** What a mutation inserts, two fifths of the time: the grammar's alphabet and words. */
  private static final List<String> GRAMMAR_SNIPPETS = List.of("(", ")", "'", "\\", "\\'",
      "\\\\", ".", ",", "?", ":", "!", "-", "+", "*", "/", "%", "<", ">", "<=", ">=", "==", "!=",
      "&&", "||", " ", "\n", "\t", "\r", "0", "1", "9", "0.5", "12.50", "0.00", "_", "a", "x",
      "e", "true", "false", "order", "order.total", ".total", "line.", "line.amount", "now.date",
      "member.tier", "min(", "max(1, ", "sum(", "count(", "any(", "all(", "hasTag('eco')",
      "date('2026-01-01')", "date(", "floor(", "attribute('city')", "inSegment(", "'2026-02-30'",
      "1/0", "% 0", "-(", "!(", "? 1 : ", "? now.date : ", " && ", " || ", "'x'", "(((", ")))");
  /** What a mutation inserts, two fifths of the time: hostile snippets. */
  private static final List<String> HOSTILE_SNIPPETS = List.of("getClass()", "new ", "=",
      "~=", ";", "{", "}", "\"", "Runtime.getRuntime().exec('id')", "while(true){}", "$", "@",
      "#", "[", "]", "&", "|", "é", "東京", "\uD83D\uDE00", "\uD800", "\u0000", "\u00A0",
      "\u2028", "\uFEFF", "0B", "1e5", "0x10", "null", "this", "import ", "def ", "order.class",
      "${", "@{", "?:", "->", "`", "^", "**", "++", "--", "<<", ">>>", "instanceof ",
      "System.exit(0)", ".getClass()", "order.getTotal()", "'\n'", "\\u0027");

  private final RandomnessSource in;
  private int budget;
  // The printer's state.
  private StringBuilder out;
  private boolean plain;
  private int line;
  private int lineStart;
  private int nesting;
  private int tokens;

  private ExpressionGenerator(RandomnessSource in) {
    this.in = in;
  }

  // ------------------------------------------------------------------------------------------
  // What is generated
  // ------------------------------------------------------------------------------------------

  /**
   * A generated expression.
   *
   * @param text its text
   * @param tree the tree the text must parse to, with the positions of its tokens
   * @param type the type the checker must give it
   */
  record Generated(String text, Node tree, Type type) {
    @Override
    public String toString() {
      return type + " " + javaString(text);
    }
  }

  /**
   * A generated expression changed by a few edits, which may or may not still be in the
   * language.
   *
   * @param text the changed text
   * @param original the expression before the edits
   * @param edits the edits, as "insert 'x' at 3", "delete 2 at 5", ...
   */
  record Mutant(String text, Generated original, List<String> edits) {
    @Override
    public String toString() {
      return javaString(text) + " (" + String.join(", ", edits) + " of " + original + ")";
    }
  }

  /**
   * Random bytes.
   *
   * @param bytes the bytes
   */
  record Bytes(byte[] bytes) {
    /** The bytes read as ISO-8859-1: one character per byte. */
    String latin1() {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The bytes read as UTF-8, malformed sequences replaced by U+FFFD. */
    String utf8() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && java.util.Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Bytes" + java.util.Arrays.toString(bytes) + " = latin1 " + javaString(latin1())
          + ", utf8 " + javaString(utf8());
    }
  }

  /** Well-typed expressions of every type, printed as text. */
  static Gen<Generated> expressions() {
    return in -> new ExpressionGenerator(in).generated(BUDGET, MAX_DEPTH);
  }

  /** Generated expressions with one to four edits. */
  static Gen<Mutant> mutants() {
    return in -> {
      ExpressionGenerator g = new ExpressionGenerator(in);
      Generated original = g.generated(BUDGET / 3, 4);
      StringBuilder text = new StringBuilder(original.text());
      List<String> edits = new ArrayList<>();
      int n = Math.max(1, g.pick(0, 3));
      for (int i = 0; i < n; i++) {
        int at = g.pick(0, text.length());
        int kind = g.pick(0, 2);
        if (kind == 0 || text.length() == at) {
          String snippet = g.snippet();
          text.insert(at, snippet);
          edits.add("insert " + javaString(snippet) + " at " + at);
        } else if (kind == 1) {
          int length = Math.min(g.pick(1, 6), text.length() - at);
          text.delete(at, at + length);
          edits.add("delete " + length + " at " + at);
        } else {
          int length = Math.min(g.pick(1, 3), text.length() - at);
          String snippet = g.snippet();
          text.replace(at, at + length, snippet);
          edits.add("replace " + length + " at " + at + " with " + javaString(snippet));
        }
      }
      return new Mutant(text.toString(), original, List.copyOf(edits));
    };
  }

  /**
   * Byte strings of 0 to 300 bytes: uniformly random bytes, or printable ASCII and line breaks,
   * or bytes of the grammar's alphabet; and short strings of digits and operators, so that some
   * of them are in the language.
   */
  static Gen<Bytes> bytes() {
    String alphabet = "0123456789.+-*/%()<>=!&|?:,' \n\t\\_abcdelmnorstuxy";
    String arithmetic = "0123456789.+-*/%()<>=!&|?: ";
    return in -> {
      ExpressionGenerator g = new ExpressionGenerator(in);
      int flavour = g.pick(0, 3);
      byte[] bytes = new byte[flavour == 3 ? g.pick(0, 8) : g.pick(0, 300)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = switch (flavour) {
          case 0 -> (byte) g.pick(0, 255);
          case 1 -> (byte) g.pick(0x1f, 0x7e);
          case 2 -> (byte) alphabet.charAt(g.pick(0, alphabet.length() - 1));
          default -> (byte) arithmetic.charAt(g.pick(0, arithmetic.length() - 1));
        };
        if (flavour == 1 && bytes[i] == 0x1f) {
          bytes[i] = '\n';
        }
      }
      return new Bytes(bytes);
    };
  }

  /**
   * {@code n} random purchases, each with a member and a local time: one to five lines of a few
   * categories, tags, units and partners, whole and fractional quantities, unit prices from 0,
   * some lines returned in full (earning quantity 0) or in part; any channel, tax, shipping and
   * order partner; a tier or none, segments, attributes and plans; a local time from 2019 to 2031.
   * A purchase always has a line, so "no line earns" is the closest to an empty order.
   */
  static Gen<List<RandomContext>> contexts(int n) {
    return in -> {
      ExpressionGenerator g = new ExpressionGenerator(in);
      List<RandomContext> contexts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        contexts.add(g.context(i));
      }
      return List.copyOf(contexts);
    };
  }

  // ------------------------------------------------------------------------------------------
  // Choices
  // ------------------------------------------------------------------------------------------

  private int pick(int min, int max) {
    return (int) in.next(Constraint.between(min, max));
  }

  private <T> T oneOf(List<T> values) {
    return values.get(pick(0, values.size() - 1));
  }

  private String snippet() {
    return switch (pick(0, 4)) {
      case 0 -> oneOf(MILD_SNIPPETS);
      case 1, 2 -> oneOf(GRAMMAR_SNIPPETS);
      default -> oneOf(HOSTILE_SNIPPETS);
    };
  }

  /** True with the given chance in percent; false is the simpler choice. */
  private boolean chance(int percent) {
    return pick(0, 99) >= 100 - percent;
  }

  // ------------------------------------------------------------------------------------------
  // Trees
  // ------------------------------------------------------------------------------------------

  /** An expression of at most {@code budget} nodes and depth {@code maxDepth}, printed. */
  private Generated generated(int budget, int maxDepth) {
    Type type = switch (pick(0, 6)) {
      case 0, 1, 2 -> Type.NUMBER;
      case 3, 4 -> Type.BOOLEAN;
      case 5 -> Type.STRING;
      default -> Type.DATE;
    };
    this.budget = budget;
    Node tree = node(type, pick(1, maxDepth), false);
    Generated printed = print(tree, type, false);
    if (printed.text().length() > Lexer.MAX_LENGTH || tokens > Lexer.MAX_TOKENS) {
      printed = print(tree, type, true);
    }
    if (printed.text().length() > Lexer.MAX_LENGTH || tokens > Lexer.MAX_TOKENS) {
      throw new IllegalStateException("the generator made too big an expression: " + printed);
    }
    return printed;
  }

  /** A tree of {@code type}; {@code perLine} if it is read per line, inside an aggregate. */
  private Node node(Type type, int depth, boolean perLine) {
    budget--;
    int leaves = switch (type) {
      case NUMBER, BOOLEAN -> 15;
      case DATE -> 35;
      case STRING -> 50;
    };
    if (depth <= 0 || budget <= 0 || pick(0, 99) < leaves) {
      return leaf(type, perLine);
    }
    int d = depth - 1;
    if (chance(5)) {
      return failing(type, d, perLine);
    }
    return switch (type) {
      case NUMBER -> number(d, perLine);
      case BOOLEAN -> bool(d, perLine);
      case STRING -> pick(0, 2) == 1 ? call("attribute", node(Type.STRING, d, perLine))
          : conditional(Type.STRING, d, perLine);
      case DATE -> conditional(Type.DATE, d, perLine);
    };
  }

  private Node number(int d, boolean perLine) {
    switch (pick(0, 19)) {
      case 0:
      case 1:
        return new Node.Unary("-", node(Type.NUMBER, d, perLine), NOWHERE);
      case 2:
        return call(oneOf(List.of("min", "max")), node(Type.NUMBER, d, perLine),
            node(Type.NUMBER, d, perLine));
      case 3:
        return call(oneOf(List.of("abs", "floor", "ceil", "round")),
            node(Type.NUMBER, d, perLine));
      case 4:
        return call(oneOf(List.of("year", "month", "day", "dayOfWeek")),
            node(Type.DATE, d, perLine));
      case 5:
        return call("daysBetween", node(Type.DATE, d, perLine), node(Type.DATE, d, perLine));
      case 6:
        return perLine ? arithmetic(d, true) : call("count", node(Type.BOOLEAN, d, true));
      case 7:
        return perLine ? arithmetic(d, true)
            : call("sum", node(Type.NUMBER, d, true), node(Type.BOOLEAN, d, true));
      case 8:
        return conditional(Type.NUMBER, d, perLine);
      default:
        return arithmetic(d, perLine);
    }
  }

  private Node arithmetic(int d, boolean perLine) {
    String op = oneOf(List.of("+", "-", "*", "/", "%"));
    Node left = node(Type.NUMBER, d, perLine);
    Node right = (op.equals("/") || op.equals("%")) && chance(30) ? zero(perLine)
        : node(Type.NUMBER, d, perLine);
    return new Node.Binary(op, left, right, NOWHERE);
  }

  /** A divisor that is zero, or often is. */
  private Node zero(boolean perLine) {
    switch (pick(0, 5)) {
      case 0:
        return new Node.Number(BigDecimal.ZERO, NOWHERE);
      case 1:
        return new Node.Number(new BigDecimal("0.00"), NOWHERE);
      case 2: {
        Node x = leaf(Type.NUMBER, perLine);
        return new Node.Binary("-", x, x, NOWHERE);
      }
      case 3:
        return path("order.tax");
      case 4:
        return path("now.minute");
      default:
        return perLine ? path("line.quantity") : path("order.quantity");
    }
  }

  /**
   * A node of {@code type} that divides by a divisor that is zero, or often is: so that two
   * failing operands are common enough to check which one an evaluation reaches first.
   */
  private Node failing(Type type, int d, boolean perLine) {
    Node division = new Node.Binary(oneOf(List.of("/", "%")), leaf(Type.NUMBER, perLine),
        zero(perLine), NOWHERE);
    if (type == Type.NUMBER) {
      return division;
    }
    Node condition = new Node.Binary(">", division, leaf(Type.NUMBER, perLine), NOWHERE);
    if (type == Type.BOOLEAN) {
      return condition;
    }
    return new Node.Conditional(condition, node(type, d, perLine), node(type, d, perLine),
        NOWHERE);
  }

  private Node bool(int d, boolean perLine) {
    switch (pick(0, 19)) {
      case 0:
      case 1:
        return new Node.Unary("!", node(Type.BOOLEAN, d, perLine), NOWHERE);
      case 2:
      case 3:
      case 4:
      case 5:
        return new Node.Binary(oneOf(List.of("&&", "||")), node(Type.BOOLEAN, d, perLine),
            node(Type.BOOLEAN, d, perLine), NOWHERE);
      case 6:
      case 7:
      case 8:
      case 9:
      case 10: {
        Type type = pick(0, 4) == 4 ? Type.DATE : Type.NUMBER;
        return new Node.Binary(oneOf(List.of("<", "<=", ">", ">=")), node(type, d, perLine),
            node(type, d, perLine), NOWHERE);
      }
      case 11:
      case 12:
      case 13:
      case 14: {
        Type type = oneOf(List.of(Type.NUMBER, Type.NUMBER, Type.STRING, Type.STRING,
            Type.BOOLEAN, Type.DATE));
        return new Node.Binary(oneOf(List.of("==", "!=")), node(type, d, perLine),
            node(type, d, perLine), NOWHERE);
      }
      case 15:
      case 16:
        return perLine ? call("hasTag", node(Type.STRING, d, true))
            : call(oneOf(List.of("any", "all")), node(Type.BOOLEAN, d, true));
      case 17:
        return call(oneOf(List.of("inSegment", "hasPlan")), node(Type.STRING, d, perLine));
      default:
        return conditional(Type.BOOLEAN, d, perLine);
    }
  }

  private Node conditional(Type type, int d, boolean perLine) {
    return new Node.Conditional(node(Type.BOOLEAN, d, perLine), node(type, d, perLine),
        node(type, d, perLine), NOWHERE);
  }

  private Node leaf(Type type, boolean perLine) {
    switch (type) {
      case NUMBER:
        switch (pick(0, 4)) {
          case 0:
          case 1:
            return new Node.Number(numberLiteral(), NOWHERE);
          case 2:
            return path(oneOf(NUMBER_PATHS));
          default:
            return path(oneOf(perLine && chance(70) ? LINE_NUMBER_PATHS : NUMBER_PATHS));
        }
      case STRING:
        switch (pick(0, 3)) {
          case 0:
            return new Node.Text(oneOf(STRINGS), NOWHERE);
          case 1:
            return path(oneOf(STRING_PATHS));
          case 2:
            return call("attribute", new Node.Text(name(ATTRIBUTES), NOWHERE));
          default:
            return path(oneOf(perLine && chance(70) ? LINE_STRING_PATHS : STRING_PATHS));
        }
      case BOOLEAN:
        switch (pick(0, 5)) {
          case 0:
          case 1:
            return new Node.Bool(chance(50), NOWHERE);
          case 2:
            return call("inSegment", new Node.Text(name(SEGMENTS), NOWHERE));
          case 3:
            return call("hasPlan", new Node.Text(name(PLANS), NOWHERE));
          default:
            return perLine ? call("hasTag", new Node.Text(name(TAGS), NOWHERE))
                : chance(25) ? path("member.birthdayMonth") : new Node.Bool(chance(50), NOWHERE);
        }
      default:
        if (pick(0, 1) == 0) {
          return path("now.date");
        }
        String date = chance(50) ? oneOf(DATES)
            : FIRST_DAY.plusDays(pick(0, (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay())))
                .toString();
        return call("date", new Node.Text(date, NOWHERE));
    }
  }

  /** A name from {@code names}, or now and then any string. */
  private String name(List<String> names) {
    return chance(20) ? oneOf(STRINGS) : oneOf(names);
  }

  private BigDecimal numberLiteral() {
    switch (pick(0, 4)) {
      case 0:
        return BigDecimal.valueOf(pick(0, 12));
      case 1:
      case 2: {
        BigDecimal n = new BigDecimal(oneOf(NUMBERS));
        return n.signum() < 0 ? n.negate() : n;
      }
      case 3:
        return BigDecimal.valueOf(pick(0, 999_999), pick(0, 6));
      default:
        return new BigDecimal(oneOf(HUGE_NUMBERS));
    }
  }

  private static Node path(String dotted) {
    return new Node.Path(List.of(dotted.split("\\.")), NOWHERE);
  }

  private static Node call(String function, Node... arguments) {
    return new Node.Call(function, List.of(arguments), NOWHERE);
  }

  // ------------------------------------------------------------------------------------------
  // Printing
  // ------------------------------------------------------------------------------------------

  /**
   * Prints {@code tree} as text, with extra parentheses and whitespace unless {@code plain}, and
   * returns the text with the tree it must parse to.
   */
  private Generated print(Node tree, Type type, boolean plain) {
    this.out = new StringBuilder();
    this.plain = plain;
    this.line = 1;
    this.lineStart = 0;
    this.nesting = 1;
    this.tokens = 0;
    Node positioned = print(tree, 0);
    if (!plain && chance(20)) {
      whitespace();
    }
    return new Generated(out.toString(), positioned, type);
  }

  /** The parser's precedence level of a node: the lowest level it can be parsed at unwrapped. */
  private static int level(Node node) {
    if (node instanceof Node.Conditional) {
      return 0;
    } else if (node instanceof Node.Binary b) {
      return switch (b.operator()) {
        case "||" -> 1;
        case "&&" -> 2;
        case "==", "!=" -> 3;
        case "<", "<=", ">", ">=" -> 4;
        case "+", "-" -> 5;
        default -> 6;
      };
    } else if (node instanceof Node.Unary) {
      return 7;
    }
    return 8;
  }

  /** Prints {@code node} where the grammar wants a level of at least {@code min}. */
  private Node print(Node node, int min) {
    if (level(node) < min || (!plain && nesting < MAX_EXTRA_NESTING && chance(8))) {
      token("(");
      nesting++;
      Node inner = print(node, 0);
      nesting--;
      token(")");
      return inner;
    }
    if (node instanceof Node.Number n) {
      String text = n.value().toPlainString();
      if (!plain && text.length() <= 28 && chance(5)) {
        text = "00" + text;
      }
      return new Node.Number(new BigDecimal(text), token(text));
    } else if (node instanceof Node.Text t) {
      String escaped = t.value().replace("\\", "\\\\").replace("'", "\\'");
      return new Node.Text(t.value(), token("'" + escaped + "'"));
    } else if (node instanceof Node.Bool b) {
      return new Node.Bool(b.value(), token(String.valueOf(b.value())));
    } else if (node instanceof Node.Path p) {
      Position at = token(p.names().get(0));
      for (String name : p.names().subList(1, p.names().size())) {
        token(".");
        token(name);
      }
      return new Node.Path(p.names(), at);
    } else if (node instanceof Node.Call c) {
      Position at = token(c.function());
      token("(");
      nesting += 2;
      List<Node> arguments = new ArrayList<>();
      for (Node argument : c.arguments()) {
        if (!arguments.isEmpty()) {
          token(",");
        }
        arguments.add(print(argument, 0));
      }
      nesting -= 2;
      token(")");
      return new Node.Call(c.function(), List.copyOf(arguments), at);
    } else if (node instanceof Node.Unary u) {
      Position at = token(u.operator());
      nesting++;
      Node operand = print(u.operand(), 7);
      nesting--;
      return new Node.Unary(u.operator(), operand, at);
    } else if (node instanceof Node.Binary b) {
      int level = level(b);
      // Left-associative operators take their own level on the left; the others do not chain.
      boolean chains = level == 1 || level == 2 || level == 5 || level == 6;
      Node left = print(b.left(), chains ? level : level + 1);
      Position at = token(b.operator());
      Node right = print(b.right(), level + 1);
      return new Node.Binary(b.operator(), left, right, at);
    } else if (node instanceof Node.Conditional c) {
      Node condition = print(c.condition(), 1);
      Position at = token("?");
      nesting++;
      Node then = print(c.then(), 0);
      token(":");
      Node otherwise = print(c.otherwise(), 0);
      nesting--;
      return new Node.Conditional(condition, then, otherwise, at);
    }
    throw new AssertionError("unknown node " + node);
  }

  /** Appends a token, after random whitespace, and returns where it starts. */
  private Position token(String text) {
    if (!plain && chance(15)) {
      whitespace();
    }
    Position at = new Position(line, out.length() - lineStart + 1);
    out.append(text);
    tokens++;
    return at;
  }

  private void whitespace() {
    for (char c : oneOf(WHITESPACE).toCharArray()) {
      out.append(c);
      if (c == '\n') {
        line++;
        lineStart = out.length();
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Contexts
  // ------------------------------------------------------------------------------------------

  private RandomContext context(int k) {
    String currency = chance(20) ? "EUR" : "USD";
    List<PurchaseLine> lines = new ArrayList<>();
    Map<String, BigDecimal> earning = new HashMap<>();
    int n = pick(1, 5);
    for (int i = 0; i < n; i++) {
      String id = "l" + (i + 1);
      BigDecimal quantity = new BigDecimal(oneOf(List.of("1", "2", "3", "0.5", "1.25", "2.5",
          "10", "0.001")));
      PurchaseLine l = PurchaseLine.of(LineId.of(id), oneOf(List.of("TENT-2", "STOVE", "SOCK",
              "Ü-1", "A'B")), oneOf(List.of("outdoor", "apparel", "food", "1")), quantity,
              Money.of(oneOf(List.of("0", "4.99", "12.50", "45.5", "120", "0.01", "0.333",
                  "999999.99", "1234567.891234")), currency))
          .withTags(subset(List.of("eco", "sale", "new")))
          .withUnitOfMeasure(oneOf(List.of("each", "kg", "night")));
      if (chance(30)) {
        l = l.withPartner(PartnerId.of(oneOf(List.of("acme", "globex"))));
      }
      lines.add(l);
      BigDecimal earns = switch (pick(0, 5)) {
        case 0, 1 -> quantity;
        case 2 -> BigDecimal.ZERO;
        case 3 -> new BigDecimal("0.000");
        case 4 -> quantity.compareTo(BigDecimal.ONE) > 0 ? quantity.subtract(BigDecimal.ONE)
            : quantity.divide(BigDecimal.valueOf(2));
        default -> quantity.multiply(new BigDecimal("0.5"));
      };
      earning.put(id, earns);
    }
    LocalDateTime at = FIRST_DAY.plusDays(pick(0, (int) (LAST_DAY.toEpochDay()
        - FIRST_DAY.toEpochDay()))).atTime(pick(0, 23), pick(0, 59));
    Purchase.Builder purchase = Purchase.builder(ActivityId.of("p" + k),
            at.toInstant(ZoneOffset.UTC))
        .channel(oneOf(List.of(Channel.values())))
        .tax(Money.of(oneOf(List.of("0", "10.00", "3.5", "0.01")), currency))
        .shipping(Money.of(oneOf(List.of("0", "5.00", "12.345")), currency))
        .lines(lines);
    if (chance(30)) {
      purchase.partner(PartnerId.of(oneOf(List.of("acme", "globex"))));
    }
    Optional<TierId> tier = chance(70)
        ? Optional.of(TierId.of(oneOf(List.of("gold", "silver", "1")))) : Optional.empty();
    Map<String, String> attributes = new HashMap<>();
    if (chance(60)) {
      attributes.put("city", oneOf(List.of("Seoul", "Zürich", "", "東京")));
    }
    if (chance(40)) {
      attributes.put("country", "KR");
    }
    if (chance(20)) {
      attributes.put("it's", "it's");
    }
    if (chance(20)) {
      attributes.put("1", "1.0");
    }
    Set<PlanId> plans = new HashSet<>();
    for (String plan : subset(List.of("plus", "family"))) {
      plans.add(PlanId.of(plan));
    }
    PurchaseContext member = new PurchaseContext(tier, subset(List.of("students", "staff",
        "vip")), attributes, plans).withBirthdayMonth(chance(50));
    BigDecimal earningAmount = new BigDecimal(oneOf(List.of("0", "0.00", "300.47", "12.5",
        "99999.999")));
    return new RandomContext(purchase.build(), earning, earningAmount, member, at);
  }

  private Set<String> subset(List<String> values) {
    Set<String> subset = new HashSet<>();
    for (String v : values) {
      if (chance(40)) {
        subset.add(v);
      }
    }
    return subset;
  }

  // ------------------------------------------------------------------------------------------
  // Showing text
  // ------------------------------------------------------------------------------------------

  /** {@code text} as a Java string literal, so a failing case can be pasted into a test. */
  static String javaString(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> s.append("\\\\");
        case '"' -> s.append("\\\"");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c)
              || Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029') {
            s.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}
