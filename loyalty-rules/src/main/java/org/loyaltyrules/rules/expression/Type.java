package org.loyaltyrules.rules.expression;

import java.util.Locale;

/** The types of the expression language. Every expression has exactly one. */
enum Type {
  /** An exact decimal number. */
  NUMBER,
  /** Text. */
  STRING,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** A calendar date, without a time. */
  DATE;

  /** The type's name as messages say it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
