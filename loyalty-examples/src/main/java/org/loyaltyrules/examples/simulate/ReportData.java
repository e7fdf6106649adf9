package org.loyaltyrules.examples.simulate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything a simulation report shows, and nothing that varies between runs: no timing, no
 * date of the run, only figures of the simulated period. Rendered as text by
 * {@link SummaryTable} and as a self-contained page by {@link HtmlReport}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param title the report's title, for example {@code Simulation of Starbucks Rewards}; not
 *     blank
 * @param parameters what the run was (members, days, seed, program file), shown under the title
 *     in this order
 * @param firstDay the simulated calendar's first day, to label the time axes with dates; empty
 *     to label them with day numbers
 * @param layout one section per program, or the programs side by side
 * @param programs the programs, at least one, in the order shown
 */
public record ReportData(String title, List<SummaryRow> parameters, Optional<LocalDate> firstDay,
    Layout layout, List<ProgramReport> programs) {
  /**
   * Checks the data.
   *
   * @throws IllegalArgumentException if the title is blank, a part null, or there is no program
   */
  public ReportData {
    Checks.text(title, "report title");
    parameters = Checks.list(parameters, "report parameters");
    if (firstDay == null) {
      throw new IllegalArgumentException("firstDay must not be null (use Optional.empty())");
    }
    if (layout == null) {
      throw new IllegalArgumentException("layout must not be null");
    }
    programs = Checks.list(programs, "programs");
    if (programs.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one program");
    }
  }

  /** How several programs are laid out. */
  public enum Layout {
    /** One table and one set of charts per program, one after another (for {@code --all}). */
    SEPARATE,
    /**
     * The programs compared on the same population: one table with a column per program, and
     * charts on shared scales (for {@code --compare}).
     */
    SIDE_BY_SIDE
  }
}
