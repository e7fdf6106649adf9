package org.loyaltyrules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.ledger.Posting;

/**
 * REF-10's variants agree before anything is measured: the same points from all four, a
 * hand-coded decision equal to the library's, and the expression variant's postings equal to the
 * declarative one's. The reference numbers are pinned here by hand.
 */
class Ref10AgreementTest {
  private static Ref10.Fixture declarative;
  private static Ref10.Fixture expressions;
  private static Decision decided;

  @BeforeAll
  static void build() {
    declarative = Ref10.declarative();
    expressions = Ref10.expressions();
    decided = declarative.decide();
  }

  @Test
  void theMemberIsGoldWithTwentyLotsAndTheCartHasFiveEarningLines() {
    assertThat(declarative.member().ledger().lots()).hasSize(20);
    assertThat(declarative.member().tierId()).hasValueSatisfying(
        t -> assertThat(t.value()).isEqualTo("gold"));
    assertThat(declarative.member().available(UnitId.of("points"))).isEqualTo(2_550);
    assertThat(declarative.cart().lines()).hasSize(5);
    assertThat(declarative.member().asOf()).isBefore(Ref10.AT);
  }

  @Test
  void theReferenceNumbersByHand() {
    // $308.93: electronics 89.99 + 19.99, outdoor 149.00 + 24.95, books 2 x 12.50.
    // base: 308 (308.93 down). Multipliers add their extra parts to every line's points before
    // rounding: electronics +1 on 109.98, outdoor +2 on 173.95, books +1 on 25.00, Gold +0.5,
    // spring +1 and birthday +1 on all 308.93: 308.93 + 109.98 + 347.90 + 25.00 + 154.465
    // + 308.93 + 308.93 = 1564.135, so 1564 - 308 = 1256 extra, shared by weight.
    // app bonus: 5 x 308.93 = 1544.65, so 1544; capped at 200 (1344 lost). The multipliers
    // multiply what it grants, its exact points scaled by 200 / 1544: 1544.65 x 200 / 1544 =
    // 200.08, so 200, and 5 x 1564.135 x 200 / 1544 = 1013.04, so 1013 - 200 = 813 extra on it.
    // Bonuses: first app order 100, $100 or more 50.
    Map<String, Long> byRule = decided.trace().stream().collect(Collectors.groupingBy(
        t -> t.rule().value(), java.util.LinkedHashMap::new,
        Collectors.summingLong(TraceEntry::granted)));
    assertThat(byRule).containsExactly(
        Map.entry("base", 308L), Map.entry("app-bonus", 200L),
        Map.entry("electronics-2x", 110L + 71L), Map.entry("outdoor-3x", 348L + 225L),
        Map.entry("books-2x", 25L + 16L), Map.entry("gold-1.5x", 154L + 100L),
        Map.entry("spring-double", 309L + 200L), Map.entry("birthday-month", 310L + 201L),
        Map.entry("first-app-order", 100L), Map.entry("big-basket", 50L));
    assertThat(decided.trace()).allMatch(TraceEntry::matched);
    assertThat(decided.trace().stream().filter(t -> t.rule().value().equals("app-bonus")))
        .singleElement().satisfies(t -> assertThat(t.lostToCap()).isEqualTo(1344));
    assertThat(Ref10Benchmark.points(decided)).isEqualTo(Ref10.EXPECTED_POINTS)
        .isEqualTo(308 + 1256 + 200 + 813 + 100 + 50);
    assertThat(decided.member().ledger().lots()).hasSize(36);
    assertThat(decided.errors()).isEmpty();
  }

  @Test
  void allFourGiveTheSamePoints() {
    Ref10HandCoded handCoded = new Ref10HandCoded(declarative.program().program());
    Ref10EasyRules easyRules = new Ref10EasyRules(declarative.program().program().zone());
    long hand = Ref10Benchmark.points(handCoded.decide(declarative.member(), declarative.cart(),
        Ref10.AT));
    long easy = easyRules.points(declarative.member(), declarative.cart(), Ref10.AT);
    assertThat(List.of(Ref10Benchmark.points(decided),
        Ref10Benchmark.points(expressions.decide()), hand, easy,
        Ref10Benchmark.points(declarative.preview())))
        .containsOnly(Ref10.EXPECTED_POINTS);
  }

  @Test
  void handCodedGivesTheLibrarysDecision() {
    Ref10HandCoded handCoded = new Ref10HandCoded(declarative.program().program());
    Decision hand = handCoded.decide(declarative.member(), declarative.cart(), Ref10.AT);
    assertThat(hand.effects()).isEqualTo(decided.effects());
    assertThat(hand.postings()).isEqualTo(decided.postings());
    assertThat(hand.trace()).isEqualTo(decided.trace());
    assertThat(hand.member()).isEqualTo(decided.member());
    assertThat(hand).isEqualTo(decided);
  }

  @Test
  void expressionsGiveTheSamePointsAndPostings() {
    Decision d = expressions.decide();
    List<Posting> postings = d.postings();
    assertThat(postings).isEqualTo(decided.postings());
    assertThat(d.effects()).isEqualTo(decided.effects());
    assertThat(d.errors()).isEmpty();
  }

  @Test
  void decidingTwiceGivesTheSameDecisionAndPreviewIsDecide() {
    assertThat(declarative.decide()).isEqualTo(decided);
    assertThat(declarative.preview()).isEqualTo(decided);
  }

  @Test
  void theBenchmarkSetupChecksItself() {
    new Ref10Benchmark().setUp();
  }
}
