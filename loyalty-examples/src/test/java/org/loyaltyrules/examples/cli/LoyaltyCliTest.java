package org.loyaltyrules.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LoyaltyCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return LoyaltyCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void demoRunsAndSucceeds() {
    assertThat(run("demo")).isZero();
    assertThat(out.toString()).contains("Corner Coffee Rewards").contains("sum");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void demoGoesOnWithTheFourExamplePrograms() {
    assertThat(run("demo")).isZero();
    String text = out.toString();
    assertThat(text.indexOf("Four points programs")).isGreaterThan(text.indexOf("sum"));
    assertThat(text)
        .contains("Starbucks Rewards (starbucks-rewards)")
        .contains("PetSmart Treats (petsmart-treats)")
        .contains("Sweetgreen Sweet Rewards (sweetgreen-sweet-rewards)")
        .contains("Odacité Rewards (odacite-rewards)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void unknownCommandIsAUsageErrorNamingIt() {
    assertThat(run("simulate-everything")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown command: 'simulate-everything'")
        .contains("usage: java -jar loyalty.jar");
  }

  @Test
  void noCommandPrintsUsage() {
    assertThat(run()).isZero();
    assertThat(out.toString()).contains("commands:").contains("demo");
  }

  @Test
  void demoTakesNoArguments() {
    assertThat(run("demo", "extra")).isEqualTo(2);
    assertThat(err.toString()).contains("demo takes no arguments");
  }
}
