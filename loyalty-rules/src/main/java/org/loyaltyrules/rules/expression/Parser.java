package org.loyaltyrules.rules.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses expression text into the library's own {@link Node syntax tree}, by recursive descent
 * over the closed grammar below. Anything outside it is refused with its position; the parser
 * never builds anything it does not understand. Bounded: nesting deeper than {@link #MAX_DEPTH}
 * is refused. One parser per text; not thread-safe.
 *
 * <pre>
 * expression     := or ('?' expression ':' expression)?
 * or             := and ('||' and)*
 * and            := equality ('&amp;&amp;' equality)*
 * equality       := comparison (('==' | '!=') comparison)?
 * comparison     := additive (('&lt;' | '&lt;=' | '&gt;' | '&gt;=') additive)?
 * additive       := multiplicative (('+' | '-') multiplicative)*
 * multiplicative := unary (('*' | '/' | '%') unary)*
 * unary          := ('!' | '-') unary | primary
 * primary        := NUMBER | STRING | 'true' | 'false' | '(' expression ')'
 *                 | FUNCTION '(' (expression (',' expression)*)? ')'
 *                 | NAME ('.' NAME)*
 * </pre>
 */
final class Parser {
  /** The deepest nesting of sub-expressions accepted. */
  static final int MAX_DEPTH = 32;

  private final Lexer lexer;
  private Token current;
  private int depth;

  private Parser(Lexer lexer) {
    this.lexer = lexer;
    this.current = lexer.next();
  }

  /** Parses {@code text}; throws {@link ExpressionException} with the position if it cannot. */
  static Node parse(String text) {
    if (text == null) {
      throw new ExpressionException(1, 1, "the expression must not be null");
    }
    Parser parser = new Parser(new Lexer(text));
    if (parser.peek().kind() == Token.Kind.END) {
      throw parser.peek().at().error("the expression is empty");
    }
    Node node = parser.expression();
    Token last = parser.peek();
    if (last.kind() != Token.Kind.END) {
      throw last.at().error("unexpected " + last.describe() + " after a complete expression");
    }
    return node;
  }

  private Node expression() {
    enter();
    Node condition = or();
    Node result = condition;
    if (peek().is("?")) {
      Token q = take();
      Node then = expression();
      expect(":", "to separate the two branches of '?'");
      Node otherwise = expression();
      result = new Node.Conditional(condition, then, otherwise, q.at());
    }
    depth--;
    return result;
  }

  private Node or() {
    Node left = and();
    while (peek().is("||")) {
      Token op = take();
      left = new Node.Binary("||", left, and(), op.at());
    }
    return left;
  }

  private Node and() {
    Node left = equality();
    while (peek().is("&&")) {
      Token op = take();
      left = new Node.Binary("&&", left, equality(), op.at());
    }
    return left;
  }

  private Node equality() {
    Node left = comparison();
    if (peek().is("==") || peek().is("!=")) {
      Token op = take();
      left = new Node.Binary(op.text(), left, comparison(), op.at());
      if (peek().is("==") || peek().is("!=")) {
        throw peek().at().error("comparisons cannot be chained; use '&&'");
      }
    }
    return left;
  }

  private Node comparison() {
    Node left = additive();
    if (isComparison(peek())) {
      Token op = take();
      left = new Node.Binary(op.text(), left, additive(), op.at());
      if (isComparison(peek())) {
        throw peek().at().error("comparisons cannot be chained; use '&&'");
      }
    }
    return left;
  }

  private static boolean isComparison(Token t) {
    return t.is("<") || t.is("<=") || t.is(">") || t.is(">=");
  }

  private Node additive() {
    Node left = multiplicative();
    while (peek().is("+") || peek().is("-")) {
      Token op = take();
      left = new Node.Binary(op.text(), left, multiplicative(), op.at());
    }
    return left;
  }

  private Node multiplicative() {
    Node left = unary();
    while (peek().is("*") || peek().is("/") || peek().is("%")) {
      Token op = take();
      left = new Node.Binary(op.text(), left, unary(), op.at());
    }
    return left;
  }

  private Node unary() {
    if (peek().is("!") || peek().is("-")) {
      Token op = take();
      enter();
      Node operand = unary();
      depth--;
      return new Node.Unary(op.text(), operand, op.at());
    }
    return primary();
  }

  private Node primary() {
    Token t = take();
    switch (t.kind()) {
      case NUMBER:
        return new Node.Number(new BigDecimal(t.text()), t.at());
      case STRING:
        return new Node.Text(t.text(), t.at());
      case NAME:
        return name(t);
      case END:
        throw t.at().error("the expression ends where a value was expected");
      default:
        if (t.is("(")) {
          Node inner = expression();
          expect(")", "to close the '(' at line " + t.at().line() + ", column "
              + t.at().column());
          return inner;
        }
        throw t.at().error("unexpected " + t.describe() + " where a value was expected");
    }
  }

  private Node name(Token first) {
    String word = first.text();
    if (word.equals("true") || word.equals("false")) {
      return new Node.Bool(word.equals("true"), first.at());
    }
    if (Functions.RESERVED.contains(word)) {
      throw first.at().error("'" + word + "' is not part of the language");
    }
    if (peek().is("(")) {
      return call(first);
    }
    List<String> names = new ArrayList<>();
    names.add(word);
    while (peek().is(".")) {
      take();
      Token part = take();
      if (part.kind() != Token.Kind.NAME) {
        throw part.at().error("a name is expected after '.', found " + part.describe());
      }
      if (peek().is("(")) {
        throw part.at().error("'" + part.text() + "(...)': method calls are not allowed; "
            + "only the functions " + Functions.ALL.keySet() + " can be called");
      }
      names.add(part.text());
    }
    return new Node.Path(List.copyOf(names), first.at());
  }

  private Node call(Token name) {
    Functions.Signature signature = Functions.ALL.get(name.text());
    if (signature == null) {
      throw name.at().error("unknown function '" + name.text() + "'" + Functions
          .nearest(name.text(), Functions.ALL.keySet()).map(n -> "; did you mean '" + n + "'?")
          .orElse("; the functions are " + Functions.ALL.keySet()));
    }
    take();
    enter();
    List<Node> arguments = new ArrayList<>();
    if (!peek().is(")")) {
      arguments.add(expression());
      while (peek().is(",")) {
        take();
        arguments.add(expression());
      }
    }
    expect(")", "to close the arguments of " + name.text());
    depth--;
    int arity = signature.arity();
    if (arguments.size() != arity) {
      throw name.at().error(name.text() + " takes " + arity + " argument"
          + (arity == 1 ? "" : "s") + ", was given " + arguments.size());
    }
    return new Node.Call(name.text(), List.copyOf(arguments), name.at());
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw peek().at().error("the expression nests deeper than " + MAX_DEPTH + " levels");
    }
  }

  private void expect(String operator, String why) {
    Token t = take();
    if (!t.is(operator)) {
      throw t.at().error("expected '" + operator + "' " + why + ", found " + t.describe());
    }
  }

  private Token peek() {
    return current;
  }

  private Token take() {
    Token t = current;
    if (t.kind() != Token.Kind.END) {
      current = lexer.next();
    }
    return t;
  }
}
