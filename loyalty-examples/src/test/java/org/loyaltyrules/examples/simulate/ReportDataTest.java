package org.loyaltyrules.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportDataTest {
  @Test
  void seriesDaysMustIncrease() {
    assertThatThrownBy(() -> new Series("Liability", Unit.points(), List.of(
        new Series.Point(3, BigDecimal.ONE), new Series.Point(3, BigDecimal.TEN))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series 'Liability' points[1] is day 3, not after day 3");
    assertThatThrownBy(() -> new Series.Point(-1, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    assertThatThrownBy(() -> new Series.Point(1, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("day 1");
  }

  @Test
  void aSnapshotHasOneCountPerTier() {
    assertThatThrownBy(() -> new TierDistribution(List.of("Green", "Gold"),
        List.of(new TierDistribution.Snapshot("2026-01", List.of(5L)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tier snapshot '2026-01' has 1 counts for 2 tiers");
    assertThatThrownBy(() -> new TierDistribution.Snapshot("2026-01", List.of(5L, -1L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counts[1]");
    assertThatThrownBy(() -> new TierDistribution(List.of("Gold", "Gold"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Gold' is named twice");
  }

  @Test
  void namesAndLabelsMustNotBeBlank() {
    assertThatThrownBy(() -> new SummaryRow(" ", Value.count(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    assertThatThrownBy(() -> Samples.program(null, Samples.series("L", Unit.points()),
        TierDistribution.none(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("program name");
  }

  @Test
  void summaryLabelsAreUniqueWithinAProgram() {
    assertThatThrownBy(() -> new ProgramReport("P", List.of(
        new SummaryRow("Members", Value.count(1)), new SummaryRow("Members", Value.count(2))),
        Samples.series("L", Unit.points()), TierDistribution.none(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("program 'P' summary row 'Members' appears twice");
  }

  @Test
  void redemptionSeriesShareOneUnit() {
    assertThatThrownBy(() -> Samples.program("P", Samples.series("L", Unit.points()),
        TierDistribution.none(), List.of(Samples.series("Issued", Unit.points(), 1),
            Samples.series("Redeemed", Samples.USD, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Redeemed' is in USD, not points");
  }

  @Test
  void aReportNeedsAProgram() {
    assertThatThrownBy(() -> new ReportData("T", List.of(), Optional.empty(),
        ReportData.Layout.SEPARATE, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
  }

  @Test
  void listsAreCopied() {
    List<SummaryRow> rows = new ArrayList<>(List.of(new SummaryRow("A", Value.count(1))));
    ProgramReport p = new ProgramReport("P", rows, Samples.series("L", Unit.points()),
        TierDistribution.none(), List.of());
    rows.add(new SummaryRow("B", Value.count(2)));
    assertThat(p.summary()).hasSize(1);
    assertThatThrownBy(() -> p.summary().add(rows.get(1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
