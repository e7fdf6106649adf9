package org.loyaltyrules.rules.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.loyaltyrules.core.program.Problem;
import tools.jackson.databind.JsonNode;

/**
 * Finds numbers in a document that no field of a program can hold — a whole number beyond a
 * {@code long}, or a fraction with more than 30 digits before the decimal point or 30 after —
 * before anything else reads them, so {@code 1e19} or {@code 1e999999999} is one clear problem
 * rather than an overflow or a million-digit message further on. (Money has tighter bounds,
 * which the model reports where they apply.) Stateless.
 */
final class Numbers {
  private static final int INTEGER_DIGITS = 30;
  private static final int FRACTION_DIGITS = 30;
  private static final BigDecimal LARGEST_WHOLE = BigDecimal.valueOf(Long.MAX_VALUE);

  private Numbers() {}

  /** Returns a problem for each number out of range, at its path, in document order. */
  static List<Problem> outOfRange(JsonNode document) {
    List<Problem> problems = new ArrayList<>();
    walk(document, "", problems);
    return problems;
  }

  private static void walk(JsonNode node, String path, List<Problem> problems) {
    if (node instanceof tools.jackson.databind.node.NumericNode n && n.isNaN()) {
      // YAML reads .nan and .inf as numbers (Jackson's isNaN covers both); no field holds one.
      problems.add(new Problem(path.isEmpty() ? "(file)" : path, "'" + n.asString()
          + "' is not a finite number; write the value out (quote it if it is text)"));
    } else if (node.isNumber()) {
      BigDecimal value = node.decimalValue();
      // precision - scale is the number of digits before the point, however large the exponent.
      long integerDigits = (long) value.precision() - value.scale();
      int fractionDigits = value.stripTrailingZeros().scale();
      boolean whole = fractionDigits <= 0;
      boolean fits = whole
          ? integerDigits <= 19 && value.abs().compareTo(LARGEST_WHOLE) <= 0
          : integerDigits <= INTEGER_DIGITS && fractionDigits <= FRACTION_DIGITS;
      if (!fits) {
        problems.add(new Problem(path.isEmpty() ? "(file)" : path, "the number "
            + shortly(value.toString()) + " is out of range: a whole number here is at most "
            + LARGEST_WHOLE + ", any other has at most " + INTEGER_DIGITS + " digits before the "
            + "decimal point and " + FRACTION_DIGITS + " after"));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", problems);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        walk(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
            problems);
      }
    }
  }

  private static String shortly(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
