package org.loyaltyrules.examples.simulate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {
  private static final String SVG = "http://www.w3.org/2000/svg";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";

  /** Parses the page with the JDK's XML parser, namespace-aware, fetching nothing. */
  static Document parse(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(html.getBytes(UTF_8)));
  }

  static List<ReportData> cases() {
    Unit points = Unit.points();
    TierDistribution oneTier = new TierDistribution(List.of("Member"), List.of(
        new TierDistribution.Snapshot("M1", List.of(3L))));
    TierDistribution zeroTiers = new TierDistribution(List.of("Green", "Gold"), List.of(
        new TierDistribution.Snapshot("M1", List.of(0L, 0L)),
        new TierDistribution.Snapshot("M2", List.of(0L, 0L))));
    TierDistribution noSnapshots = new TierDistribution(List.of("Green"), List.of());
    return List.of(
        Samples.yearReport(),
        Samples.comparison(),
        Samples.single(Samples.program("One point", Samples.series("Liability", Samples.USD, 5),
            oneTier, List.of(Samples.series("Issued", points, 7))), Optional.empty()),
        Samples.single(Samples.program("One point, dated",
            new Series("Liability", Samples.USD, List.of(new Series.Point(40,
                new BigDecimal("12.5")))), oneTier, List.of()),
            Optional.of(LocalDate.of(2026, 2, 27))),
        Samples.single(Samples.program("All zeros", Samples.series("Liability", points, 0, 0, 0),
            zeroTiers, List.of(Samples.series("Issued", points, 0, 0, 0),
                Samples.series("Redeemed", points, 0, 0, 0),
                Samples.series("Expired", points, 0, 0, 0))), Optional.empty()),
        Samples.single(Samples.program("No data", Samples.series("Liability", points),
            noSnapshots, List.of(Samples.series("Issued", points))), Optional.empty()),
        Samples.single(Samples.program("No tiers", Samples.series("Liability", points, 0, 4),
            TierDistribution.none(), List.of(Samples.series("Issued", points, 0, 4),
                Samples.series("Redeemed", points))), Optional.of(LocalDate.of(2026, 1, 1))),
        new ReportData("Mixed units", List.of(), Optional.empty(),
            ReportData.Layout.SIDE_BY_SIDE, List.of(
                Samples.program("In money", Samples.series("Liability", Samples.USD, 1, 2),
                    TierDistribution.none(), List.of()),
                Samples.program("In points", Samples.series("Liability", points, 100, 200),
                    oneTier, List.of(Samples.series("Issued", points, 1, 2, 3))))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void thePageIsWellFormedAndEveryChartAccessible(ReportData data) throws Exception {
    String html = HtmlReport.render(data);
    Document page = parse(html);
    assertThat(page.getDocumentElement().getNamespaceURI()).isEqualTo(XHTML);
    assertThat(page.getDocumentElement().getLocalName()).isEqualTo("html");
    NodeList svgs = page.getElementsByTagNameNS(SVG, "svg");
    for (int i = 0; i < svgs.getLength(); i++) {
      Element svg = (Element) svgs.item(i);
      String[] labelledBy = svg.getAttribute("aria-labelledby").split(" ");
      assertThat(labelledBy).hasSize(2);
      Element title = page.getElementById(labelledBy[0]) != null
          ? page.getElementById(labelledBy[0]) : byId(svg, labelledBy[0]);
      Element desc = byId(svg, labelledBy[1]);
      assertThat(title.getLocalName()).isEqualTo("title");
      assertThat(title.getTextContent()).isNotBlank();
      assertThat(desc.getLocalName()).isEqualTo("desc");
      assertThat(desc.getTextContent()).isNotBlank();
      assertThat(svg.getAttribute("role")).isEqualTo("img");
    }
    assertThat(html).doesNotContain("NaN").doesNotContain("Infinity")
        .doesNotContainIgnoringCase("<script").doesNotContain("src=")
        .doesNotContain("href=").doesNotContain("url(").doesNotContain("@import");
    assertThat(urls(html)).containsOnly(XHTML, SVG);
    assertThat(ids(html)).doesNotHaveDuplicates();
  }

  @Test
  void everySvgFragmentParsesOnItsOwn() throws Exception {
    for (ReportData data : cases()) {
      Matcher svg = Pattern.compile("(?s)<svg .*?</svg>").matcher(HtmlReport.render(data));
      int count = 0;
      while (svg.find()) {
        Document fragment = parse(svg.group());
        assertThat(fragment.getDocumentElement().getNamespaceURI()).isEqualTo(SVG);
        count++;
      }
      assertThat(count).as(data.title()).isPositive();
    }
  }

  @Test
  void theSameDataGivesTheSameBytes() {
    for (ReportData data : cases()) {
      assertThat(HtmlReport.render(data)).isEqualTo(HtmlReport.render(data));
    }
    ReportData copy = Samples.comparison();
    assertThat(HtmlReport.render(copy)).isEqualTo(HtmlReport.render(Samples.comparison()));
  }

  @Test
  void theDefaultLocaleChangesNothing() {
    String before = HtmlReport.render(Samples.comparison());
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(HtmlReport.render(Samples.comparison())).isEqualTo(before);
      Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
      assertThat(HtmlReport.render(Samples.comparison())).isEqualTo(before);
    } finally {
      Locale.setDefault(saved);
    }
    assertThat(before).contains("USD 123,456.79");
  }

  @Test
  void namesFromFilesAreEscaped() throws Exception {
    String evil = "<b>Tom & \"Jerry's\"</b> <script>alert(1)</script>\u0007";
    ProgramReport program = new ProgramReport(evil,
        List.of(new SummaryRow("<i>Label</i>", Value.text("a & b"))),
        Samples.series("Liability <&\">", Unit.points(), 1, 2),
        new TierDistribution(List.of("<Gold & \"Co\">"), List.of(
            new TierDistribution.Snapshot("<M1>", List.of(2L)))),
        List.of(Samples.series("Issued & \"more\"", Unit.points(), 1, 2)));
    ReportData data = new ReportData("Report of <" + evil + ">",
        List.of(new SummaryRow("File", Value.text("\"x\" & <y>.yaml"))), Optional.empty(),
        ReportData.Layout.SIDE_BY_SIDE, List.of(program, Samples.year("Plain", 2)));
    String html = HtmlReport.render(data);
    assertThat(html).doesNotContain("<b>").doesNotContain("<script>").doesNotContain("<i>")
        .doesNotContain("<Gold").doesNotContain("<M1>").doesNotContain("\u0007")
        .contains("&lt;b&gt;Tom &amp; &quot;Jerry&#39;s&quot;&lt;/b&gt;");
    Document page = parse(html);
    assertThat(page.getElementsByTagNameNS(XHTML, "h1").item(0).getTextContent())
        .isEqualTo("Report of <<b>Tom & \"Jerry's\"</b> <script>alert(1)</script>\uFFFD>");
    Element header = (Element) page.getElementsByTagNameNS(XHTML, "thead").item(0);
    assertThat(header.getTextContent()).contains("<b>Tom & \"Jerry's\"</b>");
    assertThat(page.getElementsByTagNameNS(XHTML, "script").getLength()).isZero();
  }

  @Test
  void sideBySideHasOneTableWithAColumnPerProgramAndOneLiabilityChart() throws Exception {
    Document page = parse(HtmlReport.render(Samples.comparison()));
    NodeList tables = page.getElementsByTagNameNS(XHTML, "table");
    assertThat(tables.getLength()).isEqualTo(1);
    NodeList headings = ((Element) tables.item(0)).getElementsByTagNameNS(XHTML, "th");
    assertThat(headings.item(0).getTextContent()).isEqualTo("Measure");
    assertThat(headings.item(1).getTextContent()).isEqualTo("2 stars per $1");
    assertThat(headings.item(2).getTextContent()).isEqualTo("3 stars per $1");
    // one liability chart with a line per program, then two tier and two redemption charts
    NodeList svgs = page.getElementsByTagNameNS(SVG, "svg");
    assertThat(svgs.getLength()).isEqualTo(5);
    assertThat(((Element) svgs.item(0)).getElementsByTagNameNS(SVG, "polyline").getLength())
        .isEqualTo(2);
  }

  @Test
  void separateLayoutHasATableAndThreeChartsPerProgram() throws Exception {
    ReportData data = new ReportData("All", List.of(), Optional.empty(),
        ReportData.Layout.SEPARATE, List.of(Samples.year("A", 2), Samples.year("B", 3)));
    Document page = parse(HtmlReport.render(data));
    assertThat(page.getElementsByTagNameNS(XHTML, "table").getLength()).isEqualTo(2);
    assertThat(page.getElementsByTagNameNS(SVG, "svg").getLength()).isEqualTo(6);
    assertThat(page.getElementsByTagNameNS(XHTML, "h2").item(1).getTextContent()).isEqualTo("B");
  }

  @Test
  void chartsShowAxesTicksAndLegends() {
    String html = HtmlReport.render(Samples.yearReport());
    assertThat(html)
        .contains(">2026-01</text>") // month ticks on the time axis
        .contains(">Issued</text>").contains(">Redeemed</text>").contains(">Expired</text>")
        .contains(">Green</text>").contains(">Gold</text>")
        .contains(">USD</text>").contains(">points</text>").contains(">members</text>")
        .contains("<title>2026-12: Gold 1,800</title>");
  }

  @Test
  void aTierlessProgramSaysSo() {
    String html = HtmlReport.render(cases().get(6));
    assertThat(html).contains("This program has no tiers.");
    assertThat(HtmlReport.render(cases().get(5))).contains(">No data</text>");
  }

  @Test
  void writesAFileNamedAfterThePrograms(@TempDir Path dir) throws Exception {
    Path file = HtmlReport.write(Samples.comparison(), dir);
    assertThat(file.getFileName().toString())
        .isEqualTo("2-stars-per-1-vs-3-stars-per-1-simulation.html");
    assertThat(Files.readString(file, UTF_8)).isEqualTo(HtmlReport.render(Samples.comparison()));
    assertThat(HtmlReport.fileName(Samples.yearReport()))
        .isEqualTo("starbucks-rewards-simulation.html");
    assertThat(HtmlReport.fileName(Samples.single(Samples.program("\u2615", Samples.series("L",
        Unit.points()), TierDistribution.none(), List.of()), Optional.empty())))
        .isEqualTo("simulation.html");
  }

  private static Element byId(Element root, String id) {
    NodeList all = root.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (id.equals(e.getAttribute("id"))) {
        return e;
      }
    }
    throw new AssertionError("no element with id " + id);
  }

  private static List<String> urls(String html) {
    List<String> urls = new ArrayList<>();
    Matcher m = Pattern.compile("(?i)(https?:|//)[^\"'\\s)<]*").matcher(html);
    while (m.find()) {
      urls.add(m.group());
    }
    return urls;
  }

  private static List<String> ids(String html) {
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile(" id=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }
}
