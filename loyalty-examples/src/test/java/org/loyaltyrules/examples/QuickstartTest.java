package org.loyaltyrules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Expression;
import org.loyaltyrules.core.rule.RuleSettings;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.config.ProgramFile;

/** The README's quickstart, line for line, so it always compiles and gives what it says. */
class QuickstartTest {
  @Test
  void readmeQuickstart() {
    // --- README quickstart begins ---
    Program program = Program.builder(ProgramId.of("coffee"), Money.currency("USD"),
            ZoneId.of("America/New_York"))
        .unit(PointUnit.redeemable("stars", "Stars"))
        .earnRule(EarnRule.Rate.of("base", UnitId.of("stars"), 2, Money.of("1", "USD")))
        .build();
    CompiledProgram compiled = LoyaltyRules.compile(program);     // once; share it freely
    Instant now = Instant.parse("2026-03-14T15:00:00Z");
    Member ana = Member.enroll(MemberId.of("ana"), now);
    Purchase order = Purchase.builder(ActivityId.of("order-1"), now)
        .line(PurchaseLine.of("l1", "latte", "drinks", 2, Money.of("6.50", "USD")))
        .build();
    Decision decision = compiled.decide(ProgramState.initial(program.currency()), ana, order,
        now, RandomGenerator.of("L64X128MixRandom"));
    ana = decision.member();                                      // the host stores this
    System.out.println(ana.available(UnitId.of("stars")));         // 26
    // --- README quickstart ends ---
    assertThat(ana.available(UnitId.of("stars"))).isEqualTo(26);
  }

  @Test
  void readmeExpressions() {
    UnitId points = UnitId.of("points");
    // --- README expressions begin ---
    EarnRule outdoorWeekend = new EarnRule.MinimumSpendBonus(RuleId.of("outdoor-weekend"),
        RuleSettings.defaults().when(Expression.of(
            "sum(line.quantity, line.category == 'outdoor') >= 3 && dayOfWeek(now.date) >= 6")),
        points, 50, Money.of("1", "EUR"));
    EarnRule students = EarnRule.Formula.of("students", points,
        "inSegment('students') ? floor(order.total) * 2 + 50 : 0");
    // --- README expressions end ---
    Program program = Program.builder(ProgramId.of("outfitters"), Money.currency("EUR"),
            ZoneId.of("Europe/Berlin"))
        .unit(PointUnit.redeemable("points", "Points"))
        .earnRule(outdoorWeekend)
        .earnRule(students)
        .build();
    Instant saturday = Instant.parse("2026-05-02T10:00:00Z");
    Member ana = Member.enroll(MemberId.of("ana"), saturday);
    ana = ana.withProfile(ana.profile().withSegments(java.util.Set.of("students")));
    Purchase order = Purchase.builder(ActivityId.of("order-1"), saturday)
        .line(PurchaseLine.of("l1", "tent", "outdoor", 3, Money.of("40.00", "EUR")))
        .build();
    Decision decision = LoyaltyRules.compile(program).decide(ProgramState.initial(
        program.currency()), ana, order, saturday, RandomGenerator.of("L64X128MixRandom"));
    assertThat(decision.member().available(points)).isEqualTo(50 + 120 * 2 + 50);
  }

  @Test
  void readmeShowsExactlyThisQuickstart() throws IOException {
    Path self = Path.of("src/test/java/org/loyaltyrules/examples/QuickstartTest.java");
    assertThat(snippet(Path.of("../README.md"), "```java", "```", 0)).isEqualTo(snippet(self,
        "// --- README quickstart begins ---", "// --- README quickstart ends ---", 0));
    assertThat(snippet(Path.of("../README.md"), "```java", "```", 1)).isEqualTo(snippet(self,
        "// --- README expressions begin ---", "// --- README expressions end ---", 0));
  }

  @Test
  void readmeTiersAndPlansAreAValidPartOfAProgram() throws IOException {
    ProgramFile file = readmeYaml(0, "format: loyalty-program/1",
        "id: shop", "name: Shop", "currency: USD", "zone: America/Los_Angeles",
        "units: [{id: points, name: Points}]",
        "earnRules: [{id: base, kind: rate, unit: points, points: 1, per: 1.00}]");

    assertThat(file.problems()).isEmpty();
    assertThat(file.program().tiers().orElseThrow().tiers()).hasSize(3);
    assertThat(file.program().plans().values().iterator().next().dividend()).isPresent();
  }

  @Test
  void readmeCoalitionIsAValidPartOfAProgram() throws IOException {
    ProgramFile file = readmeYaml(1, "format: loyalty-program/1",
        "id: pack", "name: Pack", "currency: USD", "zone: America/Los_Angeles",
        "units: [{id: points, name: Points}]");

    assertThat(file.problems()).isEmpty();
    assertThat(file.program().partners()).hasSize(3);
    assertThat(file.program().rewards().values().iterator().next().partner()).isPresent();
  }

  @Test
  void readmeGamesAreAValidPartOfAProgram() throws IOException {
    ProgramFile file = readmeYaml(2, "format: loyalty-program/1",
        "id: cafe", "name: Cafe", "currency: USD", "zone: America/Los_Angeles",
        "units: [{id: points, name: Points}]",
        "rewards: [{id: free-drink, name: Free drink, unit: points, cost: 200, kind: free-item}]");

    assertThat(file.problems()).isEmpty();
    assertThat(file.program().challenges()).hasSize(3);
    assertThat(file.program().badges()).hasSize(1);
    assertThat(file.program().draws()).hasSize(1);
    assertThat(file.program().games()).hasSize(1);
    assertThat(file.program().referral()).isPresent();
  }

  /**
   * Reads the README's {@code occurrence}th YAML block (from 0) as part of a program file that
   * begins with the given lines.
   */
  private static ProgramFile readmeYaml(int occurrence,
      String... head) throws IOException {
    String text = String.join("\n", head) + "\n" + String.join("\n",
        snippet(Path.of("../README.md"), "```yaml", "```", occurrence));
    return org.loyaltyrules.rules.config.ProgramFiles.read(text,
        org.loyaltyrules.rules.config.ProgramFiles.Syntax.YAML);
  }

  /**
   * The lines between the {@code occurrence}th pair of markers (from 0), with their common
   * indentation removed.
   */
  private static List<String> snippet(Path file, String begin, String end, int occurrence)
      throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int from = -1;
    int seen = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(begin) && seen++ == occurrence) {
        from = i + 1;
        break;
      }
    }
    assertThat(from).as("%s has %s", file, begin).isPositive();
    int to = from;
    while (!lines.get(to).strip().equals(end)) {
      to++;
    }
    List<String> body = lines.subList(from, to);
    int indent = body.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }
}
