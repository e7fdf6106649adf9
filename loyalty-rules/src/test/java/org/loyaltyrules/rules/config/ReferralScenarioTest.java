package org.loyaltyrules.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Give $10, get 1,000 points" as a program file and two scenario files, one for each side: the
 * friend's purchases and returns, and the referrer's credits and withdrawals that the host
 * carries over from the friend's decisions.
 */
class ReferralScenarioTest {
  private static final String PROGRAM = """
      format: loyalty-program/1
      id: friends
      currency: USD
      zone: America/New_York
      units:
        - id: points
          name: Points
      earnRules:
        - id: base
          kind: rate
          unit: points
          points: 1
          per: 1.00
      referral:
        friend: {voucher: 10}
        referrer: {points: 1000, unit: points}
        minimumSpend: 50
        limit: {referrals: 2, per: year}
        returnWindow: 30 days
      """;

  private static ScenarioResult run(String scenario) {
    return Scenarios.run(scenario, Map.of("friends.program.yaml", PROGRAM)::get);
  }

  @Test
  void theFriendsSideEarnsTheVoucherAndLosesItOnAReturnWithinTheWindow() {
    ScenarioResult result = run("""
        format: loyalty-scenario/1
        name: the friend
        program: friends.program.yaml
        member: {id: ana, enrolled: 2026-03-01T08:00, referredBy: bo}
        steps:
          - at: 2026-03-03T12:00
            purchase:
              id: p-1
              lines:
                - {id: shirt, category: apparel, price: 40}
                - {id: socks, category: apparel, quantity: 2, price: 10}
            expect:
              available: {points: 60}
              vouchers: [{value: 10}]
              effects: {referral-qualified: 1}
              referral: {qualified: bo}
              notes: {referral:friend: "first qualifying purchase"}
          - at: 2026-03-10T12:00
            return: {id: r-1, purchase: p-1, lines: [{line: socks}]}
            expect:
              available: {points: 50}
              vouchers: [{value: 10, status: issued}]
              effects: {referral-withdrawn: 0}
          - at: 2026-04-01T12:00
            return: {id: r-2, purchase: p-1, lines: [{line: shirt}]}
            expect:
              available: {points: 10}
              vouchers: [{value: 10, status: revoked}]
              referral: {withdrawn: bo}
        """);
    assertThat(result.problems()).isEmpty();
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void theReferrersSideIsCreditedWithinTheLimitAndWithdrawn() {
    ScenarioResult result = run("""
        format: loyalty-scenario/1
        name: the referrer
        program: friends.program.yaml
        member: {id: bo, enrolled: 2026-01-05T08:00}
        steps:
          - at: 2026-03-03T12:00
            referralCredit: {id: credit-p-1, friend: ana, purchase: p-1}
            expect:
              available: {points: 1000}
              granted: {referral:referrer: 1000}
          - at: 2026-03-04T12:00
            referralCredit: {id: credit-p-7, friend: cy, purchase: p-7}
            expect: {available: {points: 2000}}
          - at: 2026-03-05T12:00
            referralCredit: {id: credit-p-9, friend: dee, purchase: p-9}
            expect:
              available: {points: 2000}
              notes: {referral:referrer: "limit of 2 rewarded referrals per year is reached"}
          - at: 2026-04-01T12:00
            referralWithdrawal: {id: withdraw-r-2, friend: ana, purchase: p-1}
            expect:
              available: {points: 1000}
              effects: {points-reversed: 1}
          - at: 2026-04-02T12:00
            referralCredit: {id: credit-p-1, friend: ana, purchase: p-1}
            expect: {replay: true, available: {points: 1000}}
          - at: 2026-04-03T12:00
            referralCredit: {id: credit-bo, friend: bo, purchase: p-2}
            expect: {refused: cannot be credited for referring themselves}
        """);
    assertThat(result.problems()).isEmpty();
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void mistakesInReferralStepsAreProblemsAtTheirPaths() {
    ScenarioResult self = run("""
        format: loyalty-scenario/1
        program: friends.program.yaml
        member: {id: bo, enrolled: 2026-01-05T08:00, referredBy: bo}
        steps:
          - {at: 2026-03-03T12:00, advance: true}
        """);
    assertThat(self.problems()).extracting(Object::toString).containsExactly(
        "member.referredBy: member bo cannot be their own referrer");
    ScenarioResult missing = run("""
        format: loyalty-scenario/1
        program: friends.program.yaml
        member: {id: bo, enrolled: 2026-01-05T08:00}
        steps:
          - at: 2026-03-03T12:00
            referralCredit: {id: c-1, purchase: p-1}
        """);
    assertThat(missing.problems()).extracting(Object::toString).containsExactly(
        "steps[0].referralCredit.friend: is required");
    ScenarioResult wrong = run("""
        format: loyalty-scenario/1
        program: friends.program.yaml
        member: {id: ana, enrolled: 2026-03-01T08:00, referredBy: bo}
        steps:
          - at: 2026-03-03T12:00
            purchase: {id: p-1, lines: [{id: l1, category: apparel, price: 60}]}
            expect: {referral: {qualified: cy, withdrawn: bo}}
        """);
    assertThat(wrong.failures()).extracting(Object::toString).containsExactly(
        "step 1, steps[0].expect.referral.qualified: expected the referral by cy to qualify, "
            + "was [bo]",
        "step 1, steps[0].expect.referral.withdrawn: expected the referral by bo to be "
            + "withdrawn, but no referral was");
  }
}
