package org.loyaltyrules.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner decides each step as a host would and reports every expectation that fails. */
class ScenarioRunnerTest {
  private static final String PROGRAM = """
      format: loyalty-program/1
      id: coffee
      currency: USD
      zone: America/New_York
      units:
        - id: stars
          name: Stars
      earnRules:
        - id: base
          kind: rate
          unit: stars
          points: 2
          per: 1.00
      rewards:
        - id: drink
          name: Drink
          unit: stars
          cost: 50
          kind: free-item
      """;

  private static ScenarioResult run(String scenario) {
    return Scenarios.run(scenario, Map.of("coffee.program.yaml", PROGRAM)::get);
  }

  private static String scenario(String steps) {
    return """
        format: loyalty-scenario/1
        name: coffee
        program: coffee.program.yaml
        member:
          id: ana
          enrolled: 2026-03-01T08:00
        steps:
        """ + steps.indent(2);
  }

  private static final String BUY = """
      - at: 2026-03-02T09:00
        purchase:
          id: o-1
          lines:
            - {id: l1, category: drinks, price: 12.50}
      """;

  @Test
  void expectationsThatHoldPass() {
    ScenarioResult result = run(scenario(BUY + """
          expect:
            available: {stars: 25}
            pending: {stars: 0}
            granted: {base: 25}
            effects: {points-earned: 1}
            errors: []
            replay: false
        - at: 2026-03-02T09:01
          purchase:
            id: o-1
            lines:
              - {id: l1, category: drinks, price: 12.50}
          expect:
            replay: true
            available: {stars: 25}
        - at: 2026-03-02T09:02
          return: {id: r-1, purchase: o-1, lines: [{line: l1}]}
          expect:
            available: {stars: 0}
            effects: {points-reversed: 1}
        - at: 2026-03-03T09:00
          redeem: {id: d-1, reward: drink}
          expect:
            refused: insufficient
        - at: 2026-04-01T00:00
          advance: true
          expect:
            available: {stars: 0}
        """));
    assertThat(result.problems()).isEmpty();
    assertThat(result.failures()).isEmpty();
    assertThat(result.passed()).isTrue();
    assertThat(result.steps()).isEqualTo(5);
    assertThat(result.name()).isEqualTo("coffee");
  }

  @Test
  void everyFailedExpectationIsReportedWithItsStepAndPath() {
    ScenarioResult result = run(scenario(BUY + """
          expect:
            available: {stars: 24}
            granted: {base: 20, bonus: 5}
            effects: {voucher-issued: 1}
            notes: {base: double}
            tier: gold
            vouchers: [{value: 5}]
            errors: [division]
        - at: 2026-03-03T09:00
          redeem: {id: d-1, reward: drink}
          expect:
            available: {stars: 0}
        - at: 2026-03-03T09:01
          purchase:
            id: o-2
            lines:
              - {id: l1, category: drinks, price: 1.00}
          expect:
            refused: nope
        """));
    assertThat(result.passed()).isFalse();
    assertThat(result.failures()).extracting(ScenarioResult.Failure::toString).containsExactly(
        "step 1, steps[0].expect.granted.bonus: unknown rule 'bonus'; the program's rules are "
            + "[base]",
        "step 1, steps[0].expect.available.stars: expected 24, was 25",
        "step 1, steps[0].expect.tier: expected tier gold, was none",
        "step 1, steps[0].expect.vouchers: expected vouchers [5 issued], were []",
        "step 1, steps[0].expect.granted.base: expected 20, was 25",
        "step 1, steps[0].expect.notes.base: expected a trace note containing 'double', was "
            + "[12.5 at 2 per 1]",
        "step 1, steps[0].expect.effects.voucher-issued: expected 1, was 0",
        "step 1, steps[0].expect.errors: expected 1 error, was []",
        "step 2, steps[1].expect: the step was refused: insufficient stars: requested 50, "
            + "available 25",
        "step 2, steps[1].expect.available.stars: expected 0, was 25",
        "step 3, steps[2].expect.refused: expected the step to be refused (nope), but it was "
            + "decided");
  }

  @Test
  void anExpectationNamingWhatTheProgramDoesNotHaveFailsInsteadOfComparingToNothing() {
    ScenarioResult result = run(scenario(BUY + """
          expect:
            available: {starz: 0}
            granted: {bsae: 0}
            effects: {points-earnt: 0}
            vouchers: [{value: 5, status: used}]
        """));
    assertThat(result.failures()).extracting(ScenarioResult.Failure::toString).containsExactly(
        "step 1, steps[0].expect.available.starz: unknown unit 'starz'; the program's units "
            + "are [stars]",
        "step 1, steps[0].expect.granted.bsae: unknown rule 'bsae'; did you mean 'base'?",
        "step 1, steps[0].expect.effects.points-earnt: unknown effect 'points-earnt'; the "
            + "effects are [account-closed, donation-made, membership-changed, paid-with-points, "
            + "perk-granted, points-earned, points-expired, points-restored, points-reversed, "
            + "points-shortfall, reward-redeemed, tier-changed, voucher-expired, voucher-issued, "
            + "voucher-revoked]",
        "step 1, steps[0].expect.vouchers[0].status: 'used' is not one of [applied, expired, "
            + "issued, revoked]");
  }

  @Test
  void mistakesInTheScenarioAreProblemsAtTheirPathsNeverExceptions() {
    assertThat(run(scenario(BUY + """
          expect:
            available: {stars: 25.9}
        """)).problems()).extracting(Object::toString).singleElement().asString()
        .startsWith("steps[0].expect.available.stars: ");
    assertThat(run(scenario(BUY.replace("2026-03-02T09:00", "2026-02-01T09:00")))
        .problems()).extracting(Object::toString).containsExactly("steps[0].at: "
            + "2026-02-01T09:00 is before the member's state, as of 2026-03-01T08:00; steps go "
            + "forward in time");
    assertThat(run(scenario(BUY).replace("  steps:", "  stpes:").replace("steps:\n", "stpes:\n"))
        .problems()).extracting(Object::toString).containsExactly("steps: is required",
            "stpes: 'stpes' is not a field here; did you mean 'steps'?");
    assertThat(run(scenario(BUY.replace("price: 12.50", "price: free").replace("id: o-1",
            "idd: o-1") + """
          expect:
            available: {stars: many}
        """)).problems()).extracting(Object::toString).as("every shape problem at once")
        .containsExactly(
            "steps[0].expect.available.stars: must be a whole number, was 'many'",
            "steps[0].purchase.id: is required",
            "steps[0].purchase.idd: 'idd' is not a field here; did you mean 'id'?",
            "steps[0].purchase.lines[0].price: must be a number, was 'free'");
    assertThat(run(scenario(BUY.replace("2026-03-02T09:00", "2026-03-02 09:00"))).problems())
        .extracting(Object::toString).singleElement().asString().startsWith("steps[0].at: ");
    assertThat(run(scenario(BUY + """
          expect:
            available: {stars: ~}
        """)).problems()).extracting(Object::toString).containsExactly(
            "steps[0].expect.available.stars: must be a whole number, was '~'");
    assertThat(run(scenario(BUY + """
          expect:
            refused: ''
        """)).problems()).extracting(Object::toString).containsExactly(
            "steps[0].expect.refused: must not be empty");
    assertThat(run(scenario(BUY.replace("2026-03-02T09:00", "2026-03-08T02:30"))).problems())
        .extracting(Object::toString).containsExactly("steps[0].at: 2026-03-08T02:30 does not "
            + "exist in America/New_York: the clocks skip it");
    assertThat(run(scenario("- \n")).problems()).extracting(Object::toString)
        .containsExactly("steps[0]: must be a mapping, was empty");
    assertThat(run(scenario(BUY).replace("coffee.program.yaml", "/etc/passwd")).problems())
        .extracting(Object::toString).containsExactly("program: '/etc/passwd' is neither "
            + ".yaml, .yml nor .json");
  }

  @Test
  void aRefusedStepHasNoDecisionToCheck() {
    ScenarioResult result = run(scenario("""
        - at: 2026-03-03T09:00
          redeem: {id: d-1, reward: drink}
          expect:
            refused: insufficient
            granted: {base: 0}
        """));
    assertThat(result.failures()).extracting(Object::toString).containsExactly("step 1, "
        + "steps[0].expect: the step was refused, so there is no decision whose granted points, "
        + "notes, effects, errors or replay could be checked; expect only refused and balances");
  }

  @Test
  void aStepRefusedUnexpectedlyIsAFailure() {
    ScenarioResult result = run(scenario("""
        - at: 2026-03-03T09:00
          redeem: {id: d-1, reward: drink}
          expect:
            available: {stars: 0}
        """));
    assertThat(result.failures()).singleElement().satisfies(f -> {
      assertThat(f.step()).isEqualTo(1);
      assertThat(f.path()).isEqualTo("steps[0].expect");
      assertThat(f.message()).startsWith("the step was refused: ");
    });
  }

  @Test
  void problemsReadingTheScenarioOrItsProgramStopIt() {
    assertThat(run("").problems()).extracting(Object::toString)
        .containsExactly("(file): the file is empty");
    assertThat(run("format: loyalty-scenario/2\n").problems()).extracting(Object::toString)
        .containsExactly("format: a scenario file starts with 'format: loyalty-scenario/1', "
            + "not 'loyalty-scenario/2'");
    assertThat(run(scenario(BUY).replace("coffee.program.yaml", "missing.program.yaml"))
        .problems()).extracting(Object::toString).containsExactly("program: cannot read "
            + "'missing.program.yaml': text must not be null");
    assertThat(run(scenario(BUY).replace("    purchase:", "    purchse:")).problems())
        .extracting(Object::toString).containsExactly(
            "steps[0].purchse: 'purchse' is not a field here; did you mean 'purchase'?");
    assertThat(run(scenario("""
        - at: 2026-03-03T09:00
          redeem: {id: d-1, reward: drink}
          advance: true
        """)).problems()).extracting(Object::toString).containsExactly("steps[0]: a step has "
            + "exactly one of purchase, return, event, redeem, payWithPoints, donate and "
            + "advance: true; this one has 2");
  }
}
