package org.loyaltyrules.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartsTest {
  private static final double PLOT_TOP = 16;
  private static final double PLOT_BOTTOM = PLOT_TOP + Charts.PLOT_HEIGHT;

  @Test
  void aLineRunsFromTheBottomLeftToTheTopRight() {
    String svg = Charts.line("c", "T", List.of(Samples.series("S", Unit.points(), 0, 5, 10)),
        Unit.points(), Optional.empty(), Optional.empty());
    List<double[]> points = polyline(svg);
    assertThat(points).hasSize(3);
    assertThat(points.get(0)[1]).isEqualTo(PLOT_BOTTOM);
    assertThat(points.get(2)[1]).isEqualTo(PLOT_TOP); // 10 is the axis' top tick
    assertThat(points.get(1)[1]).isEqualTo((PLOT_TOP + PLOT_BOTTOM) / 2);
    assertThat(points.get(2)[0]).isEqualTo(Charts.WIDTH - 40.0);
    assertThat(points.get(1)[0]).isEqualTo((points.get(0)[0] + points.get(2)[0]) / 2);
  }

  @Test
  void sharedRangesPutSideBySideChartsOnOneScale() {
    String small = Charts.line("a", "T", List.of(Samples.series("S", Unit.points(), 0, 10)),
        Unit.points(), Optional.empty(),
        Optional.of(new BigDecimal[] {BigDecimal.ZERO, BigDecimal.valueOf(20)}));
    assertThat(polyline(small).get(1)[1]).isEqualTo((PLOT_TOP + PLOT_BOTTOM) / 2);
    assertThat(small).contains(">20</text>");
  }

  @Test
  void barsStackTiersInOrderAndScaleToTheTotal() {
    TierDistribution tiers = new TierDistribution(List.of("Green", "Gold"), List.of(
        new TierDistribution.Snapshot("M1", List.of(6L, 4L)),
        new TierDistribution.Snapshot("M2", List.of(0L, 5L))));
    String svg = Charts.stackedBars("b", "T", tiers, 0);
    Matcher rect = Pattern.compile("<rect x=\"[^\"]+\" y=\"([^\"]+)\" width=\"[^\"]+\" "
        + "height=\"([^\"]+)\" fill=\"([^\"]+)\"><title>([^<]+)</title>").matcher(svg);
    List<String> found = new ArrayList<>();
    while (rect.find()) {
      found.add(rect.group(4) + " " + rect.group(3) + " y=" + rect.group(1) + " h="
          + rect.group(2));
    }
    // axis 0..10 over 220px: 22px a member; zero counts draw nothing
    assertThat(found).containsExactly(
        "M1: Green 6 #0072B2 y=104 h=132",
        "M1: Gold 4 #E69F00 y=16 h=88",
        "M2: Gold 5 #E69F00 y=126 h=110");
  }

  @Test
  void aLongLegendWrapsAndTheChartGrows() {
    List<Series> many = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      many.add(Samples.series("A rather long series name " + i, Unit.points(), 1, 2));
    }
    String one = Charts.line("a", "T", many.subList(0, 1), Unit.points(), Optional.empty(),
        Optional.empty());
    String eight = Charts.line("a", "T", many, Unit.points(), Optional.empty(),
        Optional.empty());
    assertThat(height(eight)).isGreaterThan(height(one));
    assertThat(eight).contains("#000000"); // the eighth colour of the palette
  }

  private static double height(String svg) {
    Matcher m = Pattern.compile("viewBox=\"0 0 640 ([0-9.]+)\"").matcher(svg);
    assertThat(m.find()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static List<double[]> polyline(String svg) {
    Matcher m = Pattern.compile("<polyline [^>]*points=\"([^\"]+)\"").matcher(svg);
    assertThat(m.find()).isTrue();
    List<double[]> points = new ArrayList<>();
    for (String pair : m.group(1).split(" ")) {
      String[] xy = pair.split(",");
      points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
    }
    return points;
  }
}
