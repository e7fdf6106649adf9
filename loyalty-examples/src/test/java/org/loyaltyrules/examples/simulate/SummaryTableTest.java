package org.loyaltyrules.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.Money;

class SummaryTableTest {
  private static ProgramReport tiny(String name, List<SummaryRow> rows) {
    return new ProgramReport(name, rows, Samples.series("Liability", Samples.USD, 0),
        TierDistribution.none(), List.of());
  }

  private static ReportData tinyReport(ReportData.Layout layout) {
    return new ReportData("Simulation", List.of(new SummaryRow("Members", Value.count(1200)),
        new SummaryRow("Seed", Value.count(7))), Optional.empty(), layout, List.of(
            tiny("Coffee", List.of(new SummaryRow("Members enrolled", Value.count(1_000)),
                new SummaryRow("Redemption rate", Value.ratio(new BigDecimal("0.3125"))),
                new SummaryRow("Liability", Value.money(Money.of("4567.891", "USD"))))),
            tiny("Coffee x3", List.of(new SummaryRow("Members enrolled", Value.count(1_100)),
                new SummaryRow("Liability", Value.money(Money.of("13703.67", "USD"))),
                new SummaryRow("Breakage", Value.ratio(new BigDecimal("0.05")))))));
  }

  @Test
  void oneTablePerProgramWithAlignedColumns() {
    assertThat(SummaryTable.render(tinyReport(ReportData.Layout.SEPARATE))).isEqualTo("""
        Simulation
        Members: 1,200; Seed: 7

        Measure                 Coffee
        ----------------  ------------
        Members enrolled         1,000
        Redemption rate          31.3%
        Liability         USD 4,567.89

        Measure               Coffee x3
        ----------------  -------------
        Members enrolled          1,100
        Liability         USD 13,703.67
        Breakage                   5.0%
        """);
  }

  @Test
  void sideBySideHasAColumnPerProgramAndRowsMatchedByLabel() {
    assertThat(SummaryTable.render(tinyReport(ReportData.Layout.SIDE_BY_SIDE))).isEqualTo("""
        Simulation
        Members: 1,200; Seed: 7

        Measure                 Coffee      Coffee x3
        ----------------  ------------  -------------
        Members enrolled         1,000          1,100
        Redemption rate          31.3%            n/a
        Liability         USD 4,567.89  USD 13,703.67
        Breakage                   n/a           5.0%
        """);
  }

  @Test
  void theSameDataGivesTheSameTextInAnyLocale() {
    ReportData data = Samples.comparison();
    String first = SummaryTable.render(data);
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(SummaryTable.render(data)).isEqualTo(first);
      Locale.setDefault(Locale.forLanguageTag("hi-IN"));
      assertThat(SummaryTable.render(data)).isEqualTo(first);
    } finally {
      Locale.setDefault(before);
    }
    assertThat(first).contains("730,000").doesNotContain("730.000");
  }

  @Test
  void controlCharactersInNamesCannotDriveTheTerminal() {
    ReportData data = Samples.single(tiny("Evil\u001b[2J\nName", List.of(
        new SummaryRow("Members", Value.count(1)))), Optional.empty());
    String text = SummaryTable.render(data);
    assertThat(text).doesNotContain("\u001b").contains("Evil\uFFFD[2J\uFFFDName");
    assertThat(text.lines()).hasSize(5);
  }

  @Test
  void aProgramWithNoRowsStillHasItsHeader() {
    String text = SummaryTable.render(Samples.single(tiny("Empty", List.of()), Optional.empty()));
    assertThat(text).isEqualTo("Edge case\n\nMeasure  Empty\n-------  -----\n");
  }
}
