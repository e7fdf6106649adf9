package org.loyaltyrules.rules.expression;

/**
 * Where a piece of expression text starts: line and column, both from 1. Immutable.
 *
 * @param line the line
 * @param column the column
 */
record Position(int line, int column) {
  ExpressionException error(String reason) {
    return new ExpressionException(line, column, reason);
  }
}
