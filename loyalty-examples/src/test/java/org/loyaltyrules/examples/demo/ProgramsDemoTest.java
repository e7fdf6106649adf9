package org.loyaltyrules.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class ProgramsDemoTest {
  private static String run() {
    StringWriter text = new StringWriter();
    new ProgramsDemo().run(new PrintWriter(text, true));
    return text.toString();
  }

  private static String lineWith(String text, String marker) {
    return text.lines().filter(l -> l.contains(marker)).findFirst().orElseThrow(() ->
        new AssertionError("no line contains '" + marker + "' in:\n" + text));
  }

  @Test
  void printsEachProgramsFiguresAsTheLibraryDecidesThem() {
    String text = run();
    assertThat(lineWith(text, "buys a USD 12.50 order  ")).contains("+25 stars (base)");
    assertThat(lineWith(text, "on Double Star Day"))
        .contains("+25 stars (base), +25 stars (offer:double-star-day)").contains("stars 75");
    assertThat(text).contains("refused: InsufficientPointsException: insufficient stars: "
        + "requested 200, available 199")
        .contains("a handcrafted drink for 200 stars")
        .contains("a handcrafted drink, free");

    assertThat(lineWith(text, "buys a USD 12.50 order in store")).contains("+100 points (base)");
    assertThat(lineWith(text, "redeems the $5 reward"))
        .contains("a $5 reward for 1000 points, USD 5.00 voucher");
    assertThat(lineWith(text, "donates 1,000 points"))
        .contains("1000 points give animal-charity USD 5.00");

    assertThat(lineWith(text, "buys a USD 70.00 order")).contains("2 x USD 5.00 voucher");
    assertThat(lineWith(text, "buys a USD 34.99 order")).contains("vouchers 2, USD 34.99 to next")
        .contains("nothing");
    assertThat(lineWith(text, "buys a USD 0.02 order")).contains("vouchers 3, USD 0.01 to next");
    assertThat(lineWith(text, "online, her first")).contains("vouchers 4");
    assertThat(lineWith(text, "online again")).contains("vouchers 4").contains("nothing");

    assertThat(lineWith(text, "follows on Instagram again"))
        .contains("already earned once ever").contains("points 300");
    assertThat(lineWith(text, "buys a USD 40.00 order")).contains("+40 points (base)");
    assertThat(lineWith(text, "pays 100 points"))
        .contains("100 points pay USD 5.00 of o-1, -5 points taken back from o-1")
        .contains("points 235");

    assertThat(lineWith(text, "Tue 9 Jun 09:00")).contains("stamps 9 of 10, cards 0");
    assertThat(lineWith(text, "Wed 10 Jun 09:00")).contains("stamps 0 of 10, cards 1")
        .contains("coffee-card completed, USD 5.00 voucher");
    assertThat(lineWith(text, "returns the 10th latte")).contains("stamps 9 of 10, cards 0")
        .contains("USD 5.00 voucher revoked, coffee-card completion taken back");
    assertThat(lineWith(text, "Thu 11 Jun 09:00")).contains("stamps 0 of 10, cards 1");
  }

  @Test
  void theOutputIsTheSameInAnyLocaleAndTimeZone() {
    String here = run();
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("ar-EG"));
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
      assertThat(run()).isEqualTo(here);
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
    assertThat(run()).as("and on every run").isEqualTo(here);
    assertThat(here).matches("(?s)[\\x20-\\x7E\\néÉ]*").doesNotContain("null");
  }

  @Test
  void tiersAndPaidMembershipsAreDecidedWithTheirPublishedFigures() {
    String text = run();

    assertThat(lineWith(text, "buys a USD 0.01 order")).contains("tier insider -> vib");
    assertThat(lineWith(text, "returns the USD 0.01 order")).contains("vib");
    assertThat(text).contains("points 349, insider             tier vib -> insider");
    assertThat(lineWith(text, "orders on the term's last day"))
        .contains("free-two-day-shipping (plan prime)");
    assertThat(lineWith(text, "orders the day after it ends"))
        .doesNotContain("free-two-day-shipping").contains("prime lapsed");
    assertThat(lineWith(text, "buys USD 300.00 before joining")).contains("no plan");
    assertThat(text).contains("co-op active                    USD 50.00 voucher");
  }
}
