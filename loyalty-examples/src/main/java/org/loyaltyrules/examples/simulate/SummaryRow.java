package org.loyaltyrules.examples.simulate;

/**
 * One line of a summary table: what is measured and its value, for example
 * {@code ("Redemption rate", Value.ratio(0.31))}. In a comparison, rows of different programs
 * with the same label share a line.
 *
 * <p>Immutable and thread-safe.
 *
 * @param label what is measured; not blank
 * @param value its value
 */
public record SummaryRow(String label, Value value) {
  /**
   * Checks the row.
   *
   * @throws IllegalArgumentException if the label is null or blank, or the value null
   */
  public SummaryRow {
    Checks.text(label, "summary row label");
    if (value == null) {
      throw new IllegalArgumentException("summary row '" + label + "' has no value");
    }
  }
}
