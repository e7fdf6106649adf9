package org.loyaltyrules.examples.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plain-text summary for standard output: the title, the run's parameters, then the summary
 * tables with aligned columns, labels left and values right. With
 * {@link ReportData.Layout#SEPARATE} there is one table per program; with
 * {@link ReportData.Layout#SIDE_BY_SIDE} one table with a column per program, rows matched by
 * label (a row a program lacks shows {@code n/a}). For example:
 *
 * <pre>
 * Simulation of Starbucks Rewards
 * Members: 10,000; Days: 365; Seed: 42
 *
 * Measure           Starbucks Rewards
 * ----------------  -----------------
 * Members                      10,000
 * Redemption rate               51.8%
 * Liability at end     USD 123,456.79
 * </pre>
 *
 * <p>Lines end with {@code \n} on every system; the output depends only on the data, so the same
 * data gives the same bytes. Control characters in names are replaced, so a program file's name
 * cannot drive the terminal. Stateless and thread-safe.
 */
public final class SummaryTable {
  /** What a row a program lacks shows in a comparison. */
  static final String MISSING = "n/a";
  private static final String GAP = "  ";

  private SummaryTable() {}

  /**
   * The summary as text, ending with a line break.
   *
   * @throws IllegalArgumentException if the data is null
   */
  public static String render(ReportData data) {
    if (data == null) {
      throw new IllegalArgumentException("report data must not be null");
    }
    StringBuilder out = new StringBuilder();
    out.append(clean(data.title())).append('\n');
    if (!data.parameters().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (SummaryRow row : data.parameters()) {
        parts.add(clean(row.label()) + ": " + clean(row.value().formatted()));
      }
      out.append(String.join("; ", parts)).append('\n');
    }
    if (data.layout() == ReportData.Layout.SIDE_BY_SIDE) {
      out.append('\n');
      table(data.programs(), out);
    } else {
      for (ProgramReport program : data.programs()) {
        out.append('\n');
        table(List.of(program), out);
      }
    }
    return out.toString();
  }

  /** One table with a column per program, its rows the union of their labels in first-seen order. */
  private static void table(List<ProgramReport> programs, StringBuilder out) {
    List<String> labels = labels(programs);
    int columns = programs.size() + 1;
    List<List<String>> cells = new ArrayList<>();
    List<String> header = new ArrayList<>();
    header.add("Measure");
    for (ProgramReport program : programs) {
      header.add(clean(program.name()));
    }
    cells.add(header);
    for (String label : labels) {
      List<String> line = new ArrayList<>();
      line.add(clean(label));
      for (ProgramReport program : programs) {
        line.add(find(program, label).map(v -> clean(v.formatted())).orElse(MISSING));
      }
      cells.add(line);
    }
    int[] widths = new int[columns];
    for (List<String> line : cells) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], width(line.get(c)));
      }
    }
    for (int r = 0; r < cells.size(); r++) {
      List<String> line = cells.get(r);
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          text.append(GAP);
        }
        if (c == 0) {
          text.append(line.get(c)).append(" ".repeat(widths[c] - width(line.get(c))));
        } else {
          text.append(" ".repeat(widths[c] - width(line.get(c)))).append(line.get(c));
        }
      }
      out.append(stripTrailing(text)).append('\n');
      if (r == 0) {
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
          rule.append(c > 0 ? GAP : "").append("-".repeat(widths[c]));
        }
        out.append(rule).append('\n');
      }
    }
  }

  /** Every label of the programs' summaries, each once, in the order first seen. */
  static List<String> labels(List<ProgramReport> programs) {
    List<String> labels = new ArrayList<>();
    for (ProgramReport program : programs) {
      for (SummaryRow row : program.summary()) {
        if (!labels.contains(row.label())) {
          labels.add(row.label());
        }
      }
    }
    return labels;
  }

  /** The program's value for the label, if it has one. */
  static Optional<Value> find(ProgramReport program, String label) {
    for (SummaryRow row : program.summary()) {
      if (row.label().equals(label)) {
        return Optional.of(row.value());
      }
    }
    return Optional.empty();
  }

  /** The text on one line with every control character replaced by U+FFFD. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? 0xFFFD : c));
    return out.toString();
  }

  /** The width of a text in a terminal, counted as one column per code point. */
  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  private static String stripTrailing(StringBuilder text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(0, end);
  }
}
