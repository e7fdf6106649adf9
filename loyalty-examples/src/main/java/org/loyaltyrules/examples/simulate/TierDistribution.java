package org.loyaltyrules.examples.simulate;

import java.util.List;

/**
 * How many members are in each tier at a series of moments (typically each month end): the
 * stacked bars of the tier chart.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tiers the tiers' names, lowest first, the order the bars stack in; empty for a
 *     program without tiers (the chart says so)
 * @param snapshots the counts at each moment, in time order
 */
public record TierDistribution(List<String> tiers, List<Snapshot> snapshots) {
  /**
   * Checks the distribution.
   *
   * @throws IllegalArgumentException if a tier name is blank or repeated, or a snapshot does
   *     not have one count per tier
   */
  public TierDistribution {
    tiers = Checks.list(tiers, "tiers");
    for (int i = 0; i < tiers.size(); i++) {
      Checks.text(tiers.get(i), "tiers[" + i + "]");
      if (tiers.indexOf(tiers.get(i)) != i) {
        throw new IllegalArgumentException("tier '" + tiers.get(i) + "' is named twice");
      }
    }
    snapshots = Checks.list(snapshots, "tier snapshots");
    for (int i = 0; i < snapshots.size(); i++) {
      if (snapshots.get(i).counts().size() != tiers.size()) {
        throw new IllegalArgumentException("tier snapshot '" + snapshots.get(i).label()
            + "' has " + snapshots.get(i).counts().size() + " counts for " + tiers.size()
            + " tiers");
      }
    }
  }

  /** A program without tiers. */
  public static TierDistribution none() {
    return new TierDistribution(List.of(), List.of());
  }

  /**
   * The members in each tier at one moment.
   *
   * <p>Immutable and thread-safe.
   *
   * @param label the moment, as the axis shows it (for example {@code 2026-01} or
   *     {@code M1}); not blank
   * @param counts the members in each tier, in the distribution's tier order; none negative
   */
  public record Snapshot(String label, List<Long> counts) {
    /**
     * Checks the snapshot.
     *
     * @throws IllegalArgumentException if the label is blank or a count null or negative
     */
    public Snapshot {
      Checks.text(label, "tier snapshot label");
      counts = Checks.list(counts, "tier snapshot '" + label + "' counts");
      for (int i = 0; i < counts.size(); i++) {
        if (counts.get(i) < 0) {
          throw new IllegalArgumentException("tier snapshot '" + label + "' counts[" + i
              + "] is negative: " + counts.get(i));
        }
      }
    }

    /** The members in all tiers. */
    public long total() {
      long total = 0;
      for (long count : counts) {
        total = Math.addExact(total, count);
      }
      return total;
    }
  }
}
