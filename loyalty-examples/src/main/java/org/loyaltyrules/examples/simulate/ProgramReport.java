package org.loyaltyrules.examples.simulate;

import java.util.List;

/**
 * What the report shows for one program: its summary table and the series of its three
 * charts.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the program's name, as its file gives it (escaped wherever it is shown); not
 *     blank
 * @param summary the summary table's rows, in the order shown
 * @param liability outstanding points liability over the period (in money or in points)
 * @param tiers the tier distribution over the period
 * @param redemption the redemption curve: cumulative points issued, redeemed and expired over
 *     the period, one series each (or any other series in one unit), in legend order
 */
public record ProgramReport(String name, List<SummaryRow> summary, Series liability,
    TierDistribution tiers, List<Series> redemption) {
  /**
   * Checks the report.
   *
   * @throws IllegalArgumentException if the name is blank, a part null, two summary rows share a
   *     label, or the redemption series are not all in one unit
   */
  public ProgramReport {
    Checks.text(name, "program name");
    summary = Checks.list(summary, "program '" + name + "' summary");
    for (int i = 0; i < summary.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (summary.get(j).label().equals(summary.get(i).label())) {
          throw new IllegalArgumentException("program '" + name + "' summary row '"
              + summary.get(i).label() + "' appears twice");
        }
      }
    }
    if (liability == null) {
      throw new IllegalArgumentException("program '" + name + "' has no liability series");
    }
    if (tiers == null) {
      throw new IllegalArgumentException("program '" + name
          + "' has no tier distribution (use TierDistribution.none())");
    }
    redemption = Checks.list(redemption, "program '" + name + "' redemption");
    for (Series series : redemption) {
      if (!series.unit().equals(redemption.get(0).unit())) {
        throw new IllegalArgumentException("program '" + name + "' redemption series '"
            + series.name() + "' is in " + series.unit() + ", not "
            + redemption.get(0).unit() + " like '" + redemption.get(0).name() + "'");
      }
    }
  }
}
