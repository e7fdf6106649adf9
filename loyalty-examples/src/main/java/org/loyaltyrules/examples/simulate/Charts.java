package org.loyaltyrules.examples.simulate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report's charts as inline SVG, drawn by hand: a line chart (one line per series) and a
 * stacked bar chart (one bar per snapshot, one segment per tier). Each has axes with round
 * ticks, labels, a legend, and an accessible {@code <title>} and {@code <desc>} that the
 * {@code svg} element is labelled by.
 *
 * <p>Every position is computed from the data alone with Java's strict floating point and
 * written with one decimal through {@link Numbers#coordinate}; text widths are estimated from
 * the number of characters rather than measured with a font, so the output is the same bytes on
 * every machine, with or without fonts or a display.
 */
final class Charts {
  static final int WIDTH = 640;
  static final int PLOT_HEIGHT = 220;
  /** The estimated width of a character at the charts' 12px font. */
  static final double CHAR_WIDTH = 7;
  private static final int TOP = 16;
  private static final int RIGHT = 40;
  private static final int LEGEND_ROW = 20;
  private static final int MAX_LEGEND_CHARS = 40;
  private static final int Y_TICKS = 5;
  /** Colour-blind-safe categorical colours (Okabe and Ito), used in order. */
  static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7",
      "#D55E00", "#56B4E9", "#999999", "#000000");

  private Charts() {}

  /** The colour of the series or tier at the index. */
  static String colour(int index) {
    return PALETTE.get(index % PALETTE.size());
  }

  /** The lowest and highest value over the series, if any has a point. */
  static Optional<BigDecimal[]> range(List<Series> series) {
    BigDecimal lo = null;
    BigDecimal hi = null;
    for (Series s : series) {
      for (Series.Point p : s.points()) {
        lo = lo == null ? p.value() : lo.min(p.value());
        hi = hi == null ? p.value() : hi.max(p.value());
      }
    }
    return lo == null ? Optional.empty() : Optional.of(new BigDecimal[] {lo, hi});
  }

  /**
   * A line chart of the series, all in the unit.
   *
   * @param id a document-unique id, prefix of the title and description ids
   * @param title what the chart shows, its accessible name
   * @param series the lines, in legend order
   * @param unit the unit of every series' values
   * @param firstDay the first day of the simulated calendar, to label the time axis with dates
   * @param shared the value range to cover at least, so charts side by side share a scale; the
   *     series' own range when empty
   */
  static String line(String id, String title, List<Series> series, Unit unit,
      Optional<LocalDate> firstDay, Optional<BigDecimal[]> shared) {
    Optional<BigDecimal[]> own = range(series);
    StringBuilder desc = new StringBuilder("Line chart");
    if (own.isEmpty()) {
      desc.append(" with no data.");
      return empty(id, title, desc.toString());
    }
    BigDecimal lo = own.get()[0].min(BigDecimal.ZERO);
    BigDecimal hi = own.get()[1].max(BigDecimal.ZERO);
    if (shared.isPresent()) {
      lo = lo.min(shared.get()[0]);
      hi = hi.max(shared.get()[1]);
    }
    Axis y = Axis.covering(lo, hi, Y_TICKS, unit.smallestStep());
    int firstX = Integer.MAX_VALUE;
    int lastX = Integer.MIN_VALUE;
    for (Series s : series) {
      if (!s.points().isEmpty()) {
        firstX = Math.min(firstX, s.points().get(0).day());
        lastX = Math.max(lastX, s.points().get(s.points().size() - 1).day());
      }
    }
    // One day alone is drawn in the middle of a two-day axis, so nothing divides by zero.
    int startX = lastX > firstX ? firstX : Math.max(0, firstX - 1);
    int endX = lastX > firstX ? lastX : startX + 2;
    desc.append(" of ").append(unit.symbol()).append(" by ")
        .append(firstDay.isPresent() ? "date, from " + firstDay.get().plusDays(firstX)
            + " to " + firstDay.get().plusDays(lastX) : "day, from day " + firstX
            + " to day " + lastX).append('.');
    for (Series s : series) {
      desc.append(' ').append(s.name()).append(": ");
      if (s.points().isEmpty()) {
        desc.append("no data.");
        continue;
      }
      BigDecimal max = s.points().get(0).value();
      for (Series.Point p : s.points()) {
        max = max.max(p.value());
      }
      desc.append("starts at ").append(unit.format(s.points().get(0).value()))
          .append(", ends at ").append(unit.format(s.points().get(s.points().size() - 1)
              .value())).append(", highest ").append(unit.format(max)).append('.');
    }

    List<String> yLabels = new ArrayList<>();
    for (BigDecimal t : y.ticks()) {
      yLabels.add(unit.axisLabel(t, y.decimals()));
    }
    Frame f = new Frame(yLabels, names(series));
    StringBuilder svg = open(id, title, desc.toString(), f.height);
    yAxis(svg, f, y, yLabels, unit.symbol());
    timeAxis(svg, f, startX, endX, firstDay);
    for (int i = 0; i < series.size(); i++) {
      List<Series.Point> points = series.get(i).points();
      String colour = colour(i);
      if (points.size() == 1) {
        Series.Point p = points.get(0);
        svg.append("<circle cx=\"").append(c(f.x((p.day() - startX) / (double) (endX - startX))))
            .append("\" cy=\"").append(c(f.y(y.fraction(p.value())))).append("\" r=\"3\" fill=\"")
            .append(colour).append("\"/>\n");
      } else if (points.size() > 1) {
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour)
            .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"");
        for (int k = 0; k < points.size(); k++) {
          Series.Point p = points.get(k);
          svg.append(k == 0 ? "" : " ")
              .append(c(f.x((p.day() - startX) / (double) (endX - startX)))).append(',')
              .append(c(f.y(y.fraction(p.value()))));
        }
        svg.append("\"/>\n");
      }
    }
    legend(svg, f, names(series));
    return svg.append("</svg>\n").toString();
  }

  /**
   * A stacked bar chart of the tier distribution: one bar per snapshot, tiers stacked lowest
   * first from the bottom.
   *
   * @param id a document-unique id, prefix of the title and description ids
   * @param title what the chart shows, its accessible name
   * @param tiers the distribution, with at least one tier
   * @param sharedMax the total to cover at least, so charts side by side share a scale
   */
  static String stackedBars(String id, String title, TierDistribution tiers, long sharedMax) {
    List<TierDistribution.Snapshot> snapshots = tiers.snapshots();
    if (snapshots.isEmpty()) {
      return empty(id, title, "Stacked bar chart with no data.");
    }
    long max = sharedMax;
    for (TierDistribution.Snapshot s : snapshots) {
      max = Math.max(max, s.total());
    }
    Axis y = Axis.covering(BigDecimal.ZERO, BigDecimal.valueOf(max), Y_TICKS, BigDecimal.ONE);
    StringBuilder desc = new StringBuilder("Stacked bar chart of members by tier at ")
        .append(snapshots.size()).append(snapshots.size() == 1 ? " moment" : " moments")
        .append(", from ").append(snapshots.get(0).label()).append(" to ")
        .append(snapshots.get(snapshots.size() - 1).label()).append(". At ")
        .append(snapshots.get(snapshots.size() - 1).label()).append(": ");
    TierDistribution.Snapshot last = snapshots.get(snapshots.size() - 1);
    for (int t = 0; t < tiers.tiers().size(); t++) {
      desc.append(t == 0 ? "" : ", ").append(tiers.tiers().get(t)).append(' ')
          .append(Unit.count().format(BigDecimal.valueOf(last.counts().get(t))));
    }
    desc.append('.');

    List<String> yLabels = new ArrayList<>();
    for (BigDecimal t : y.ticks()) {
      yLabels.add(Unit.count().axisLabel(t, y.decimals()));
    }
    Frame f = new Frame(yLabels, tiers.tiers());
    StringBuilder svg = open(id, title, desc.toString(), f.height);
    yAxis(svg, f, y, yLabels, "members");
    double band = f.plotWidth() / snapshots.size();
    double bar = band * 0.7;
    int widest = 0;
    for (TierDistribution.Snapshot s : snapshots) {
      widest = Math.max(widest, s.label().length());
    }
    int every = (int) Math.max(1, Math.ceil((widest * CHAR_WIDTH + 8) / band));
    for (int i = 0; i < snapshots.size(); i++) {
      TierDistribution.Snapshot s = snapshots.get(i);
      double left = f.left + band * i + (band - bar) / 2;
      long below = 0;
      for (int t = 0; t < s.counts().size(); t++) {
        long count = s.counts().get(t);
        if (count == 0) {
          continue;
        }
        double top = f.y(y.fraction(BigDecimal.valueOf(below + count)));
        double bottom = f.y(y.fraction(BigDecimal.valueOf(below)));
        svg.append("<rect x=\"").append(c(left)).append("\" y=\"").append(c(top))
            .append("\" width=\"").append(c(bar)).append("\" height=\"").append(c(bottom - top))
            .append("\" fill=\"").append(colour(t)).append("\"><title>")
            .append(Xml.escape(s.label() + ": " + tiers.tiers().get(t) + " "
                + Unit.count().format(BigDecimal.valueOf(count))))
            .append("</title></rect>\n");
        below += count;
      }
      if (i % every == 0) {
        svg.append("<text x=\"").append(c(f.left + band * i + band / 2)).append("\" y=\"")
            .append(c(f.bottom() + 16)).append("\" text-anchor=\"middle\">")
            .append(Xml.escape(s.label())).append("</text>\n");
      }
    }
    axisLine(svg, f);
    legend(svg, f, tiers.tiers());
    return svg.append("</svg>\n").toString();
  }

  /** A chart frame saying there is no data. */
  private static String empty(String id, String title, String desc) {
    return open(id, title, desc, 80)
        .append("<text x=\"").append(WIDTH / 2).append("\" y=\"44\" text-anchor=\"middle\">")
        .append("No data</text>\n</svg>\n").toString();
  }

  private static StringBuilder open(String id, String title, String desc, double height) {
    StringBuilder svg = new StringBuilder(4096);
    String safeId = Xml.escape(id);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
        .append(' ').append(c(height)).append("\" role=\"img\" aria-labelledby=\"")
        .append(safeId).append("-title ").append(safeId).append("-desc\" class=\"chart\">\n")
        .append("<title id=\"").append(safeId).append("-title\">").append(Xml.escape(title))
        .append("</title>\n<desc id=\"").append(safeId).append("-desc\">")
        .append(Xml.escape(desc)).append("</desc>\n");
    return svg;
  }

  private static void yAxis(StringBuilder svg, Frame f, Axis y, List<String> labels,
      String title) {
    List<BigDecimal> ticks = y.ticks();
    for (int i = 0; i < ticks.size(); i++) {
      double py = f.y(y.fraction(ticks.get(i)));
      svg.append("<line class=\"grid\" x1=\"").append(c(f.left)).append("\" y1=\"")
          .append(c(py)).append("\" x2=\"").append(c(f.right())).append("\" y2=\"")
          .append(c(py)).append("\"/>\n")
          .append("<text x=\"").append(c(f.left - 6)).append("\" y=\"").append(c(py + 4))
          .append("\" text-anchor=\"end\">").append(Xml.escape(labels.get(i)))
          .append("</text>\n");
    }
    double mid = f.top + PLOT_HEIGHT / 2.0;
    svg.append("<text x=\"14\" y=\"").append(c(mid)).append("\" text-anchor=\"middle\" ")
        .append("transform=\"rotate(-90 14 ").append(c(mid)).append(")\">")
        .append(Xml.escape(title)).append("</text>\n");
  }

  private static void axisLine(StringBuilder svg, Frame f) {
    svg.append("<line class=\"axis\" x1=\"").append(c(f.left)).append("\" y1=\"")
        .append(c(f.bottom())).append("\" x2=\"").append(c(f.right())).append("\" y2=\"")
        .append(c(f.bottom())).append("\"/>\n")
        .append("<line class=\"axis\" x1=\"").append(c(f.left)).append("\" y1=\"")
        .append(c(f.top)).append("\" x2=\"").append(c(f.left)).append("\" y2=\"")
        .append(c(f.bottom())).append("\"/>\n");
  }

  /**
   * The time axis from day {@code first} to day {@code end}: with a calendar, a tick on the
   * first of each month (every second or third month when there are many); otherwise, or when
   * no month starts in the range, ticks at round day numbers.
   */
  private static void timeAxis(StringBuilder svg, Frame f, int first, int end,
      Optional<LocalDate> firstDay) {
    List<Integer> days = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    if (firstDay.isPresent()) {
      for (int d = first; d <= end; d++) {
        if (firstDay.get().plusDays(d).getDayOfMonth() == 1) {
          days.add(d);
        }
      }
      int every = (days.size() + 6) / 7;
      List<Integer> kept = new ArrayList<>();
      for (int i = 0; i < days.size(); i++) {
        if (i % Math.max(1, every) == 0) {
          kept.add(days.get(i));
          labels.add(firstDay.get().plusDays(days.get(i)).toString().substring(0, 7));
        }
      }
      days = kept;
    }
    if (days.isEmpty()) {
      labels.clear();
      Axis x = Axis.covering(BigDecimal.valueOf(first), BigDecimal.valueOf(end),
          firstDay.isPresent() ? 4 : 6, BigDecimal.ONE);
      for (BigDecimal t : x.ticks()) {
        int d = t.intValueExact();
        if (d >= first && d <= end) {
          days.add(d);
          labels.add(firstDay.map(day -> day.plusDays(d).toString())
              .orElse(Numbers.grouped(t, 0)));
        }
      }
    }
    for (int i = 0; i < days.size(); i++) {
      double px = f.x((days.get(i) - first) / (double) (end - first));
      svg.append("<line class=\"axis\" x1=\"").append(c(px)).append("\" y1=\"")
          .append(c(f.bottom())).append("\" x2=\"").append(c(px)).append("\" y2=\"")
          .append(c(f.bottom() + 4)).append("\"/>\n")
          .append("<text x=\"").append(c(px)).append("\" y=\"").append(c(f.bottom() + 16))
          .append("\" text-anchor=\"middle\">").append(Xml.escape(labels.get(i)))
          .append("</text>\n");
    }
    svg.append("<text x=\"").append(c(f.left + f.plotWidth() / 2)).append("\" y=\"")
        .append(c(f.bottom() + 34)).append("\" text-anchor=\"middle\">")
        .append(firstDay.isPresent() ? "date" : "day").append("</text>\n");
    axisLine(svg, f);
  }

  /** The legend under the plot, entries flowing left to right and wrapping. */
  private static void legend(StringBuilder svg, Frame f, List<String> names) {
    double x = f.left;
    double y = f.bottom() + 52;
    for (int i = 0; i < names.size(); i++) {
      String name = shorten(names.get(i));
      double width = 18 + name.length() * CHAR_WIDTH + 16;
      if (x > f.left && x + width > WIDTH - RIGHT) {
        x = f.left;
        y += LEGEND_ROW;
      }
      svg.append("<g class=\"legend\"><title>").append(Xml.escape(names.get(i)))
          .append("</title><rect x=\"").append(c(x)).append("\" y=\"").append(c(y - 10))
          .append("\" width=\"12\" height=\"12\" fill=\"").append(colour(i))
          .append("\"/><text x=\"").append(c(x + 18)).append("\" y=\"").append(c(y))
          .append("\">").append(Xml.escape(name)).append("</text></g>\n");
      x += width;
    }
  }

  /** The number of legend rows the names need beside a plot whose left edge is at left. */
  private static int legendRows(List<String> names, double left) {
    int rows = names.isEmpty() ? 0 : 1;
    double x = 0;
    double available = WIDTH - RIGHT - left;
    for (String n : names) {
      double width = 18 + shorten(n).length() * CHAR_WIDTH + 16;
      if (x > 0 && x + width > available) {
        rows++;
        x = 0;
      }
      x += width;
    }
    return rows;
  }

  private static String shorten(String name) {
    return name.codePointCount(0, name.length()) <= MAX_LEGEND_CHARS ? name
        : name.substring(0, name.offsetByCodePoints(0, MAX_LEGEND_CHARS - 1)) + "\u2026";
  }

  private static List<String> names(List<Series> series) {
    List<String> names = new ArrayList<>();
    for (Series s : series) {
      names.add(s.name());
    }
    return names;
  }

  private static String c(double value) {
    return Numbers.coordinate(value);
  }

  /** The plot area of a chart: its left edge depends on the widest tick label. */
  private static final class Frame {
    final double left;
    final double top = TOP;
    final double height;

    Frame(List<String> yLabels, List<String> legend) {
      int widest = 1;
      for (String label : yLabels) {
        widest = Math.max(widest, label.length());
      }
      this.left = 30 + widest * CHAR_WIDTH + 8;
      this.height = TOP + PLOT_HEIGHT + 44 + legendRows(legend, left) * LEGEND_ROW + 8;
    }

    double right() {
      return WIDTH - RIGHT;
    }

    double bottom() {
      return top + PLOT_HEIGHT;
    }

    double plotWidth() {
      return right() - left;
    }

    double x(double fraction) {
      return left + fraction * plotWidth();
    }

    double y(double fraction) {
      return bottom() - fraction * PLOT_HEIGHT;
    }
  }
}
