package org.loyaltyrules.examples.simulate;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The simulation report as one self-contained HTML page: inline CSS, inline SVG charts, no
 * script, and nothing fetched from anywhere (a content security policy forbids it). The page is
 * also well-formed XML (polyglot XHTML), so any XML parser reads it.
 *
 * <p>Per program it shows the summary table and three charts: outstanding liability over time
 * (a line), the tier distribution (stacked bars, one per snapshot) and the redemption curve
 * (cumulative points issued, redeemed and expired, one line each).
 *
 * <p>With {@link ReportData.Layout#SIDE_BY_SIDE} the programs are compared: one summary table
 * with a column per program; one liability chart with a line per program, since liabilities in
 * one unit read best on one set of axes; and the tier and redemption charts of the programs next
 * to each other on shared scales, since overlaying three lines or a stack of tiers per program
 * on one chart would be unreadable, while equal scales keep the bars and lines comparable at a
 * glance.
 *
 * <p>The page depends only on the data: no timestamp, no random id, no default locale, no hash
 * order, so the same data gives the same bytes. Every text from the data (program names come
 * from users' files) is escaped. Stateless and thread-safe.
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,\
      sans-serif;margin:2rem auto;max-width:1400px;padding:0 1rem;color:#1b1b1b;\
      background:#fff;line-height:1.4}
      h1{font-size:1.6rem;margin-bottom:.25rem}
      h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.25rem}
      h3{font-size:1rem;margin:.5rem 0}
      .parameters{color:#555;margin-top:0}
      .parameters span+span::before{content:" \\00B7  "}
      table{border-collapse:collapse;margin:.5rem 0 1rem}
      th,td{padding:.25rem .75rem;border-bottom:1px solid #eee}
      th{text-align:left;background:#f6f6f6}
      td.number,th.number{text-align:right;font-variant-numeric:tabular-nums}
      .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:1rem}
      figure{margin:0;max-width:720px}
      figcaption{font-weight:600;margin-bottom:.25rem}
      svg.chart{width:100%;height:auto;font-family:sans-serif;font-size:12px}
      svg.chart text{fill:#333}
      svg.chart line.grid{stroke:#e5e5e5}
      svg.chart line.axis{stroke:#333}
      .note{color:#555;font-style:italic}
      """;

  private HtmlReport() {}

  /**
   * The report as an HTML page.
   *
   * @throws IllegalArgumentException if the data is null
   */
  public static String render(ReportData data) {
    if (data == null) {
      throw new IllegalArgumentException("report data must not be null");
    }
    return new Page(data).render();
  }

  /**
   * A file name for the report, from its programs' names: lower-case letters and digits joined
   * by hyphens, for example {@code starbucks-rewards-simulation.html}, or
   * {@code starbucks-vs-sephora-simulation.html} for a comparison; {@code simulation.html} when
   * no name has a letter or digit; {@code all-programs-simulation.html} for more than three.
   *
   * @throws IllegalArgumentException if the data is null
   */
  public static String fileName(ReportData data) {
    if (data == null) {
      throw new IllegalArgumentException("report data must not be null");
    }
    List<String> slugs = new ArrayList<>();
    for (ProgramReport program : data.programs()) {
      String slug = slug(program.name());
      if (!slug.isEmpty()) {
        slugs.add(slug);
      }
    }
    String joined = data.programs().size() > 3 ? "all-programs" : String.join("-vs-", slugs);
    return (joined.isEmpty() ? "" : joined + "-") + "simulation.html";
  }

  /**
   * Writes the report, in UTF-8, to {@link #fileName} in the directory, replacing any file of
   * that name, and returns the file's path.
   *
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if the data or the directory is null
   */
  public static Path write(ReportData data, Path directory) throws IOException {
    if (directory == null) {
      throw new IllegalArgumentException("directory must not be null");
    }
    Path file = directory.resolve(fileName(data));
    Files.writeString(file, render(data), UTF_8);
    return file;
  }

  private static String slug(String name) {
    StringBuilder out = new StringBuilder();
    boolean gap = false;
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (gap && out.length() > 0) {
          out.append('-');
        }
        out.append(c);
        gap = false;
      } else {
        gap = true;
      }
      if (out.length() >= 40) {
        break;
      }
    }
    return out.toString();
  }

  /** One rendering: ids of charts are numbered in document order. */
  private static final class Page {
    private final ReportData data;
    private final StringBuilder html = new StringBuilder(64 * 1024);
    private int charts;

    Page(ReportData data) {
      this.data = data;
    }

    String render() {
      html.append("<!DOCTYPE html>\n")
          .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n")
          .append("<head>\n<meta charset=\"utf-8\"/>\n")
          .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
          .append("style-src 'unsafe-inline'\"/>\n")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
          .append("<title>").append(Xml.escape(data.title())).append("</title>\n")
          .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
          .append("<h1>").append(Xml.escape(data.title())).append("</h1>\n");
      if (!data.parameters().isEmpty()) {
        html.append("<p class=\"parameters\">");
        for (SummaryRow row : data.parameters()) {
          html.append("<span>").append(Xml.escape(row.label())).append(": ")
              .append(Xml.escape(row.value().formatted())).append("</span>");
        }
        html.append("</p>\n");
      }
      if (data.layout() == ReportData.Layout.SIDE_BY_SIDE) {
        sideBySide();
      } else {
        for (ProgramReport program : data.programs()) {
          separate(program);
        }
      }
      return html.append("</body>\n</html>\n").toString();
    }

    private void separate(ProgramReport program) {
      html.append("<section>\n<h2>").append(Xml.escape(program.name())).append("</h2>\n");
      table(List.of(program));
      html.append("<div class=\"charts\">\n");
      liability(List.of(program), program.name());
      tiers(program, 0, program.name());
      redemption(program, Optional.empty(), program.name());
      html.append("</div>\n</section>\n");
    }

    private void sideBySide() {
      List<ProgramReport> programs = data.programs();
      html.append("<section>\n<h2>Summary</h2>\n");
      table(programs);
      html.append("</section>\n");

      html.append("<section>\n<h2>Liability over time</h2>\n<div class=\"charts\">\n");
      boolean oneUnit = true;
      for (ProgramReport p : programs) {
        oneUnit &= p.liability().unit().equals(programs.get(0).liability().unit());
      }
      if (oneUnit) {
        List<Series> lines = new ArrayList<>();
        for (ProgramReport p : programs) {
          lines.add(new Series(p.name(), p.liability().unit(), p.liability().points()));
        }
        figure("Outstanding liability, all programs",
            Charts.line(nextId(), "Outstanding liability over time, one line per program",
                lines, lines.get(0).unit(), data.firstDay(), Optional.empty()));
      } else {
        for (ProgramReport p : programs) {
          liability(List.of(p), p.name());
        }
      }
      html.append("</div>\n</section>\n");

      long maxMembers = 0;
      for (ProgramReport p : programs) {
        for (TierDistribution.Snapshot s : p.tiers().snapshots()) {
          maxMembers = Math.max(maxMembers, s.total());
        }
      }
      html.append("<section>\n<h2>Tier distribution</h2>\n<div class=\"charts\">\n");
      for (ProgramReport p : programs) {
        tiers(p, maxMembers, p.name());
      }
      html.append("</div>\n</section>\n");

      List<Series> all = new ArrayList<>();
      boolean sameUnit = true;
      for (ProgramReport p : programs) {
        all.addAll(p.redemption());
        for (Series s : p.redemption()) {
          sameUnit &= s.unit().equals(all.get(0).unit());
        }
      }
      Optional<BigDecimal[]> shared = sameUnit ? Charts.range(all) : Optional.empty();
      html.append("<section>\n<h2>Redemption curve</h2>\n<div class=\"charts\">\n");
      for (ProgramReport p : programs) {
        redemption(p, shared, p.name());
      }
      html.append("</div>\n</section>\n");
    }

    private void liability(List<ProgramReport> programs, String caption) {
      ProgramReport p = programs.get(0);
      figure(caption + ": outstanding liability",
          Charts.line(nextId(), "Outstanding liability of " + p.name() + " over time",
              List.of(p.liability()), p.liability().unit(), data.firstDay(), Optional.empty()));
    }

    private void tiers(ProgramReport p, long sharedMax, String caption) {
      if (p.tiers().tiers().isEmpty()) {
        html.append("<figure>\n<figcaption>").append(Xml.escape(caption))
            .append(": tier distribution</figcaption>\n<p class=\"note\">")
            .append("This program has no tiers.</p>\n</figure>\n");
        return;
      }
      figure(caption + ": tier distribution",
          Charts.stackedBars(nextId(), "Members by tier in " + p.name() + " over time",
              p.tiers(), sharedMax));
    }

    private void redemption(ProgramReport p, Optional<BigDecimal[]> shared, String caption) {
      Unit unit = p.redemption().isEmpty() ? Unit.points() : p.redemption().get(0).unit();
      figure(caption + ": redemption curve",
          Charts.line(nextId(), "Cumulative points issued, redeemed and expired in "
              + p.name(), p.redemption(), unit, data.firstDay(), shared));
    }

    private void figure(String caption, String svg) {
      html.append("<figure>\n<figcaption>").append(Xml.escape(caption))
          .append("</figcaption>\n").append(svg).append("</figure>\n");
    }

    private void table(List<ProgramReport> programs) {
      html.append("<table>\n<thead><tr><th scope=\"col\">Measure</th>");
      for (ProgramReport p : programs) {
        html.append("<th scope=\"col\" class=\"number\">").append(Xml.escape(p.name()))
            .append("</th>");
      }
      html.append("</tr></thead>\n<tbody>\n");
      for (String label : SummaryTable.labels(programs)) {
        html.append("<tr><th scope=\"row\">").append(Xml.escape(label)).append("</th>");
        for (ProgramReport p : programs) {
          Optional<Value> value = SummaryTable.find(p, label);
          html.append("<td class=\"number\">")
              .append(Xml.escape(value.map(Value::formatted).orElse(SummaryTable.MISSING)))
              .append("</td>");
        }
        html.append("</tr>\n");
      }
      html.append("</tbody>\n</table>\n");
    }

    private String nextId() {
      return "chart-" + ++charts;
    }
  }
}
