package org.loyaltyrules.examples.simulate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loyaltyrules.core.Money;

/** Report data for the tests: a year-long program, a tiny one, and edge cases. */
final class Samples {
  private Samples() {}

  static final Unit USD = Unit.money(Money.currency("USD"));

  /** A year of a two-tier program, figures made up but shaped like a real run. */
  static ProgramReport year(String name, int earnPerDollar) {
    List<Series.Point> liability = new ArrayList<>();
    List<Series.Point> issued = new ArrayList<>();
    List<Series.Point> redeemed = new ArrayList<>();
    List<Series.Point> expired = new ArrayList<>();
    for (int day = 0; day <= 365; day++) {
      long i = 1_000L * day * earnPerDollar;
      long r = day < 30 ? 0 : 600L * (day - 30) * earnPerDollar;
      long e = day < 180 ? 0 : 40L * (day - 180) * earnPerDollar;
      issued.add(new Series.Point(day, BigDecimal.valueOf(i)));
      redeemed.add(new Series.Point(day, BigDecimal.valueOf(r)));
      expired.add(new Series.Point(day, BigDecimal.valueOf(e)));
      liability.add(new Series.Point(day, BigDecimal.valueOf(i - r - e, 3)
          .multiply(new BigDecimal("0.033"))));
    }
    List<TierDistribution.Snapshot> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      long gold = 150L * m * earnPerDollar / 2;
      months.add(new TierDistribution.Snapshot(String.format(java.util.Locale.ROOT,
          "2026-%02d", m), List.of(10_000 - gold, gold)));
    }
    return new ProgramReport(name,
        List.of(new SummaryRow("Members", Value.count(10_000)),
            new SummaryRow("Points issued", Value.points(BigDecimal.valueOf(365_000L
                * earnPerDollar))),
            new SummaryRow("Redemption rate", Value.ratio(new BigDecimal("0.5178"))),
            new SummaryRow("Liability at end", Value.money(Money.of("123456.785", "USD"))),
            new SummaryRow("NPS", Value.of(new BigDecimal("23.45"), Unit.decimal(1)))),
        new Series("Liability", USD, liability),
        new TierDistribution(List.of("Green", "Gold"), months),
        List.of(new Series("Issued", Unit.points(), issued),
            new Series("Redeemed", Unit.points(), redeemed),
            new Series("Expired", Unit.points(), expired)));
  }

  static ReportData yearReport() {
    return new ReportData("Simulation of Starbucks Rewards", parameters(),
        Optional.of(LocalDate.of(2026, 1, 1)), ReportData.Layout.SEPARATE,
        List.of(year("Starbucks Rewards", 2)));
  }

  static ReportData comparison() {
    return new ReportData("Comparison", parameters(), Optional.of(LocalDate.of(2026, 1, 1)),
        ReportData.Layout.SIDE_BY_SIDE,
        List.of(year("2 stars per $1", 2), year("3 stars per $1", 3)));
  }

  static List<SummaryRow> parameters() {
    return List.of(new SummaryRow("Members", Value.count(10_000)),
        new SummaryRow("Days", Value.count(365)), new SummaryRow("Seed", Value.count(42)));
  }

  /** A program with the given pieces and nothing else. */
  static ProgramReport program(String name, Series liability, TierDistribution tiers,
      List<Series> redemption) {
    return new ProgramReport(name, List.of(new SummaryRow("Members", Value.count(3))),
        liability, tiers, redemption);
  }

  static ReportData single(ProgramReport program, Optional<LocalDate> firstDay) {
    return new ReportData("Edge case", List.of(), firstDay, ReportData.Layout.SEPARATE,
        List.of(program));
  }

  static Series series(String name, Unit unit, long... values) {
    List<Series.Point> points = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(new Series.Point(i, BigDecimal.valueOf(values[i])));
    }
    return new Series(name, unit, points);
  }
}
