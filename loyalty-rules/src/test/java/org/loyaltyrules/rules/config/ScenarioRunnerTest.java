package org.loyaltyrules.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
            + "effects are [account-closed, discount-granted, dividend-adjusted, donation-made, "
            + "draw-entries-earned, draw-entries-withdrawn, instant-win-played, "
            + "membership-changed, paid-with-points, perk-granted, points-earned, points-expired, "
            + "points-restored, points-reversed, points-shortfall, points-transferred, "
            + "reward-redeemed, tier-changed, "
            + "voucher-expired, voucher-issued, voucher-revoked]",
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
        + "notes, effects, perks, discount, errors or replay could be checked; expect only "
        + "refused and balances");
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
            + "exactly one of purchase, return, event, redeem, payWithPoints, donate, transfer, "
            + "payFee, refundFee, startTrial, adjust and advance: true; this one has 2");
  }

  // -- paid plans, trials and adjustments -----------------------------------------------------

  private static final String PLANS = PROGRAM + """
      tiers:
        metric: spend
        window: calendar-year
        tiers:
          - id: green
            name: Green
            threshold: 0
          - id: gold
            name: Gold
            threshold: 500
            perks: [free-refill]
      plans:
        - id: plus
          name: Plus
          fee: 50.00
          term: 1 year
          perks: [free-shipping]
          trial: 14 days
          discount:
            percent: 10
        - id: coop
          name: Co-op
          fee: 20.00
          dividend:
            percent: 5
      """;

  private static ScenarioResult runWithPlans(String steps) {
    return Scenarios.run(scenario(steps).replace("coffee.program.yaml", "plans.program.yaml"),
        Map.of("plans.program.yaml", PLANS)::get);
  }

  private static List<String> problems(ScenarioResult result) {
    return result.problems().stream().map(Object::toString).toList();
  }

  @Test
  void feePaymentsRefundsTrialsAndAdjustmentsAreReadAsSteps() {
    ScenarioResult result = runWithPlans("""
        - at: 2026-03-02T09:00
          startTrial: {id: t-1, plan: plus}
        - at: 2026-03-10T09:00
          payFee: {id: f-1, plan: plus, amount: 50.00}
        - at: 2026-03-11T09:00
          refundFee: {id: r-1, plan: plus, amount: 12.50, payment: f-1}
        - at: 2026-03-12T09:00
          adjust: {id: a-1, points: 40, reason: goodwill}
          expect:
            available: {stars: 40}
            memberships: {coop: none}
        - at: 2026-03-12T09:01
          adjust: {id: a-2, unit: stars, points: -15, reason: correction}
          expect:
            available: {stars: 25}
            effects: {points-earned: 0}
            perks: []
            discount: 0
        """);
    assertThat(result.problems()).isEmpty();
    assertThat(result.steps()).isEqualTo(5);
    assertThat(result.failures()).filteredOn(f -> f.step() >= 4).isEmpty();
  }

  @Test
  void aPlanTheProgramDoesNotHaveIsAProblemAtItsPath() {
    assertThat(problems(runWithPlans("""
        - at: 2026-03-02T09:00
          payFee: {id: f-1, plan: pluss, amount: 50}
        """))).containsExactly("steps[0].payFee.plan: unknown plan 'pluss'; did you mean "
            + "'plus'?");
    assertThat(problems(runWithPlans("""
        - at: 2026-03-02T09:00
          refundFee: {id: r-1, plan: gold, amount: 50, payment: f-1}
        """))).containsExactly("steps[0].refundFee.plan: unknown plan 'gold'; the program's "
            + "plans are [coop, plus]");
    assertThat(problems(run(scenario("""
        - at: 2026-03-02T09:00
          startTrial: {id: t-1, plan: plus}
        """)))).containsExactly("steps[0].startTrial.plan: unknown plan 'plus'; the program "
            + "has no plans");
  }

  @Test
  void aMisshapenFeeTrialOrAdjustmentStepIsAProblemAtItsPath() {
    assertThat(problems(runWithPlans("""
        - at: 2026-03-02T09:00
          payFee: {id: f-1, plan: plus}
        - at: 2026-03-03T09:00
          refundFee: {id: r-1, plan: plus, amount: 0}
        - at: 2026-03-04T09:00
          startTrial: {id: t-1, plan: plus, days: 14}
        - at: 2026-03-05T09:00
          adjust: {id: a-1, points: 1.5}
        """))).containsExactly(
            "steps[0].payFee.amount: is required",
            "steps[1].refundFee.amount: must be more than 0, was 0",
            "steps[1].refundFee.payment: is required",
            "steps[2].startTrial.days: 'days' is not a field here; the fields here are "
                + "[id, plan]",
            "steps[3].adjust.points: must be a whole number, was 1.5",
            "steps[3].adjust.reason: is required");
    assertThat(problems(runWithPlans("""
        - at: 2026-03-02T09:00
          payFee: {id: f-1, plan: plus, amount: 50}
          startTrial: {id: t-1, plan: plus}
        """))).containsExactly("steps[0]: a step has exactly one of purchase, return, event, "
            + "redeem, payWithPoints, donate, transfer, payFee, refundFee, startTrial, adjust "
            + "and advance: true; this one has 2");
    assertThat(problems(runWithPlans("""
        - at: 2026-03-02T09:00
          adjust: {id: a-1, points: 0, reason: nothing}
        """))).containsExactly("steps[0].adjust: adjustment a-1: points must not be zero");
    assertThat(problems(runWithPlans("""
        - at: 2026-03-02T09:00
          adjust: {id: a-1, unit: starz, points: 5, reason: typo}
        """))).containsExactly("steps[0].adjust.unit: unknown unit 'starz'; the program's "
            + "units are [stars]");
    assertThat(problems(runWithPlans("""
        - at: 2026-03-02T09:00
          refundFee: {id: r-1, plan: plus, amount: 5, payment: r-1}
        """))).singleElement().asString().startsWith("steps[0].refundFee: membership fee "
            + "refund r-1: ");
  }

  @Test
  void perksMembershipsAndDiscountAreCheckedAfterAStep() {
    ScenarioResult passing = runWithPlans(BUY + """
          expect:
            perks: []
            memberships: {plus: none, coop: none}
            discount: 0.00
            effects: {discount-granted: 0, dividend-adjusted: 0, perk-granted: 0}
        """);
    assertThat(passing.problems()).isEmpty();
    assertThat(passing.failures()).isEmpty();
    ScenarioResult failing = runWithPlans(BUY + """
          expect:
            perks: [free-shipping, free-refill, free-shipping]
            memberships: {plus: active, pluss: active, coop: actve}
            discount: 1.25
        """);
    assertThat(failing.failures()).extracting(Object::toString).containsExactly(
        "step 1, steps[0].expect.memberships.pluss: unknown plan 'pluss'; did you mean 'plus'?",
        "step 1, steps[0].expect.memberships.coop: 'actve' is not one of [active, cancelled, "
            + "grace, lapsed, none, trial]",
        "step 1, steps[0].expect.memberships.plus: expected membership active, was none",
        "step 1, steps[0].expect.perks: expected perks [free-refill, free-shipping], were []",
        "step 1, steps[0].expect.discount: expected a discount of 1.25, was 0");
    assertThat(run(scenario(BUY + """
          expect:
            perks: [free-shipping]
        """)).failures()).extracting(Object::toString).containsExactly("step 1, "
            + "steps[0].expect.perks[0]: unknown perk 'free-shipping'; the program grants no "
            + "perks");
    assertThat(runWithPlans(BUY + """
          expect:
            perks: [free-shiping]
        """).failures()).extracting(Object::toString).containsExactly("step 1, "
            + "steps[0].expect.perks[0]: unknown perk 'free-shiping'; did you mean "
            + "'free-shipping'?");
  }

  @Test
  void membershipsCanBeCheckedAfterARefusedStepButPerksAndDiscountCannot() {
    ScenarioResult result = runWithPlans("""
        - at: 2026-03-03T09:00
          redeem: {id: d-1, reward: drink}
          expect:
            refused: insufficient
            memberships: {plus: none}
            discount: 0
        """);
    assertThat(result.failures()).extracting(Object::toString).containsExactly("step 1, "
        + "steps[0].expect: the step was refused, so there is no decision whose granted points, "
        + "notes, effects, perks, discount, errors or replay could be checked; expect only "
        + "refused and balances");
  }

  @Test
  void theExpectationsOfPlansHaveTheirShape() {
    assertThat(problems(runWithPlans(BUY + """
          expect:
            perks: free-shipping
            memberships: [plus]
            discount: -1
        """))).containsExactly(
            "steps[0].expect.discount: must be at least 0, was -1",
            "steps[0].expect.memberships: must be a mapping, was a list",
            "steps[0].expect.perks: must be a list, was 'free-shipping'");
  }
}
