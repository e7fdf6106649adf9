package org.loyaltyrules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.UnitId;

/** The {@code advance} benchmark's member, and what happens inside the measured call. */
class AdvanceBenchmarkTest {
  private static final UnitId POINTS = UnitId.of("points");

  private final AdvanceBenchmark bench = new AdvanceBenchmark();

  AdvanceBenchmarkTest() {
    bench.setUp();
  }

  @Test
  void theStoredMemberHoldsTwentyLotsThreePendingAndGoldThrough2026() {
    Member member = AdvanceFixture.member(AdvanceFixture.program());
    assertThat(member.ledger().lots()).hasSize(20);
    assertThat(member.asOf()).isEqualTo(AdvanceFixture.at(2026, 12, 28));
    assertThat(member.pending(POINTS)).isEqualTo(40 + 36 + 35);
    assertThat(member.tierId()).contains(TierId.of("gold"));
  }

  @Test
  void oneCallVestsThreeLotsExpiresFourAndLowersTheTierAtTheReview() {
    Decision d = bench.advance();

    assertThat(lots(d, PostingType.VEST)).containsExactly(
        LotId.of("lot-18"), LotId.of("lot-19"), LotId.of("lot-20"));
    assertThat(lots(d, PostingType.EXPIRE)).containsExactly(
        LotId.of("lot-3"), LotId.of("lot-4"), LotId.of("lot-5"), LotId.of("lot-6"));
    assertThat(d.effects(Effect.PointsExpired.class))
        .extracting(Effect.PointsExpired::points).containsExactly(20L + 35 + 25 + 40);
    assertThat(d.effects(Effect.TierChanged.class)).containsExactly(
        new Effect.TierChanged(Optional.of(TierId.of("gold")), TierId.of("silver")));

    Member after = d.member();
    assertThat(after.pending(POINTS)).isZero();
    assertThat(after.tierId()).contains(TierId.of("silver"));
    assertThat(after.asOf()).isEqualTo(AdvanceFixture.ADVANCE_TO);
  }

  @Test
  void everyCallStartsFromTheSameMemberAndGivesTheSameDecision() {
    assertThat(bench.advance()).isEqualTo(bench.advance());
  }

  private static List<LotId> lots(Decision d, PostingType type) {
    return d.postings().stream().filter(p -> p.type() == type)
        .map(Posting::lot).flatMap(Optional::stream).toList();
  }
}
