package org.loyaltyrules.consumer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.random.RandomGenerator;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.config.ProgramFile;
import org.loyaltyrules.rules.config.ProgramFiles;
import org.loyaltyrules.rules.config.ScenarioResult;
import org.loyaltyrules.rules.config.StateJson;
import org.loyaltyrules.test.ScenarioTests;

/**
 * What a user of the published artifacts does first: the README's quickstart, word for word,
 * then a program file whose rules are expressions, decided often enough for the expression
 * engine to generate its own accessor classes, a member's state stored and read back, and a
 * scenario file run through the test kit. Run twice by the build, on the class path and on the
 * module path; the first argument says which, and is checked against where the library was
 * actually loaded. Any failure ends the JVM with a non-zero status, which fails the build.
 */
public final class Consumer {
  private Consumer() {}

  public static void main(String[] args) throws IOException {
    String path = args[0];
    Path files = Path.of(args[1]);
    loadedFrom(path);
    quickstart();
    programFileWithExpressions(files);
    scenario(files);
    System.out.println("consumer: every check passed on the " + path);
  }

  /** The library is where the build put it: named modules, or the class path. */
  private static void loadedFrom(String path) {
    Module core = Program.class.getModule();
    Module rules = LoyaltyRules.class.getModule();
    Module test = ScenarioTests.class.getModule();
    if (path.equals("module-path")) {
      check(core.isNamed() && core.getName().equals("org.loyaltyrules.core"), "core module", core);
      check(rules.isNamed() && rules.getName().equals("org.loyaltyrules.rules"), "rules module",
          rules);
      check(test.isNamed() && test.getName().equals("org.loyaltyrules.test"), "test module", test);
      check(Consumer.class.getModule().isNamed(), "consumer module", Consumer.class.getModule());
      check(ModuleLayer.boot().findModule("mvel2").isPresent(), "mvel2 resolved", "absent");
      check(!core.isExported("org.loyaltyrules.core.internal"), "core.internal not exported",
          "exported");
      check(core.isExported("org.loyaltyrules.core.internal", rules), "core.internal to rules",
          "not exported");
    } else if (path.equals("class-path")) {
      check(!core.isNamed() && !rules.isNamed() && !test.isNamed(), "class path", core);
    } else {
      throw new IllegalArgumentException("class-path or module-path, was '" + path + "'");
    }
    System.out.println("consumer: " + path + ": loyalty-core in " + core + ", loyalty-rules in "
        + rules + ", loyalty-test in " + test);
  }

  /** The README's quickstart, exactly as the README shows it (a test keeps them equal). */
  private static void quickstart() {
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
    check(ana.available(UnitId.of("stars")) == 26, "quickstart: 26 stars",
        ana.available(UnitId.of("stars")));
  }

  /**
   * A YAML program file (Jackson, the schema validator, snakeyaml-engine) whose second rule is a
   * formula with a condition (MVEL), decided for 500 members: past MVEL's threshold (50 runs of
   * an expression) for replacing reflection with generated accessor classes, so both ways it
   * reads the library's views are exercised. Each member's state is stored and read back.
   */
  private static void programFileWithExpressions(Path files) throws IOException {
    ProgramFile file = ProgramFiles.read(Files.readString(
        files.resolve("outfitters.program.yaml"), StandardCharsets.UTF_8),
        ProgramFiles.Syntax.YAML);
    check(file.problems().isEmpty(), "program file without problems", file.problems());
    CompiledProgram compiled = LoyaltyRules.compile(file.program());
    UnitId points = UnitId.of("points");
    Instant saturday = Instant.parse("2026-05-02T10:00:00Z");
    ProgramState state = ProgramState.initial(file.program().currency());
    for (int i = 0; i < 500; i++) {
      Member member = Member.enroll(MemberId.of("m" + i), saturday);
      Purchase order = Purchase.builder(ActivityId.of("order-" + i), saturday)
          .line(PurchaseLine.of("l1", "tent", "outdoor", 2, Money.of("40.00", "EUR")))
          .line(PurchaseLine.of("l2", "tea", "food", 1, Money.of("10.00", "EUR")))
          .build();
      Decision decision = compiled.decide(state, member, order, saturday,
          RandomGenerator.of("L64X128MixRandom"));
      check(decision.errors().isEmpty(), "decision " + i + " without errors", decision.errors());
      check(decision.member().available(points) == 130, "decision " + i + ": 90 + 40 points",
          decision.member().available(points));
      Member stored = StateJson.readMember(StateJson.write(decision.member()));
      check(stored.equals(decision.member()), "member " + i + " read back equal", stored);
    }
  }

  /** A scenario file, run by the test kit as a user's test suite would. */
  private static void scenario(Path files) {
    ScenarioResult result = ScenarioTests.run(files.resolve("outfitters.scenario.yaml"));
    check(result.passed(), "scenario passes", result);
  }

  private static void check(boolean holds, String what, Object actual) {
    if (!holds) {
      throw new AssertionError("consumer: " + what + " does not hold; was " + actual);
    }
  }
}
