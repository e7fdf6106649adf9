package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.config.StateJson;

/**
 * The state a host stores for each example program — the member after purchases and a partial
 * return, and each decision — reads back from its JSON exactly.
 */
class ExampleStateTest {
  static Stream<Arguments> programs() {
    return Stream.of(Arguments.of(Starbucks.program()), Arguments.of(PetSmartTreats.program()),
        Arguments.of(Sweetgreen.program()), Arguments.of(Odacite.program()),
        Arguments.of(Sephora.program()), Arguments.of(VirginAtlantic.program()),
        Arguments.of(WorldOfHyatt.program()), Arguments.of(AmazonPrime.program()),
        Arguments.of(ReiCoop.program()), Arguments.of(TomsPassport.program()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void memberStateAndDecisionsRoundTrip(Program program) {
    CompiledProgram compiled = LoyaltyRules.compile(program);
    String currency = program.currency().getCurrencyCode();
    Instant start = Instant.parse("2026-03-02T17:00:00Z");
    Member member = Member.enroll(MemberId.of("ana"), start);
    ProgramState state = ProgramState.initial(program.currency());
    SplittableRandom random = new SplittableRandom(7);
    Instant at = start.plusSeconds(3_600);
    Decision bought = compiled.decide(state, member, Purchase.builder(ActivityId.of("o-1"), at)
        .line(PurchaseLine.of("l1", "latte", "drinks", 3, Money.of("14.50", currency)))
        .line(PurchaseLine.of("l2", "beans", "beans", 1, Money.of("22.00", currency)))
        .build(), at, random);
    Instant later = at.plusSeconds(86_400);
    Decision returned = compiled.decide(state.apply(bought.programStateChanges()),
        bought.member(), Return.of(ActivityId.of("r-1"), later, ActivityId.of("o-1"),
            List.of(ReturnLine.of("l1", 1))), later, random);
    for (Decision d : List.of(bought, returned)) {
      String json = StateJson.write(d.member());
      assertThat(StateJson.readMember(json)).isEqualTo(d.member());
      assertThat(StateJson.write(StateJson.readMember(json))).isEqualTo(json);
      assertThat(StateJson.readDecision(StateJson.write(d))).isEqualTo(d);
    }
  }
}
