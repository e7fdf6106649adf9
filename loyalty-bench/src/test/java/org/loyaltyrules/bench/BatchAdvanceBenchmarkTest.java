package org.loyaltyrules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;

/**
 * The batch benchmark's code on a small batch: the parallel advance gives the same decisions as
 * advancing the members one after another, and the batch does what its description says.
 */
class BatchAdvanceBenchmarkTest {
  private static final int SIZE = 4 * 27 * 12;   // every kind of member on every purchase day

  private final BatchAdvanceBenchmark bench = new BatchAdvanceBenchmark();

  BatchAdvanceBenchmarkTest() {
    bench.size = SIZE;
    bench.setUp();
  }

  @Test
  void theParallelBatchGivesTheDecisionsOfSequentialAdvances() {
    Decision[] parallel = bench.advanceBatch().clone();
    Decision[] sequential = new Decision[SIZE];
    MemberBatch.advanceSequential(AdvanceFixture.program(), AdvanceFixture.state(),
        bench.members(), MemberBatch.CLOSE, sequential);
    assertThat(parallel).doesNotContainNull().containsExactly(sequential);
  }

  @Test
  void theMembersAreBuiltTheSameOverAllCoresAsOneByOne() {
    Member[] oneByOne = new Member[SIZE];
    for (int i = 0; i < SIZE; i++) {
      oneByOne[i] = MemberBatch.member(AdvanceFixture.program(), i);
    }
    assertThat(bench.members()).containsExactly(oneByOne);
  }

  @Test
  void theCloseLowersKeepsAndLeavesTiersAndSomeLotsVestAndExpire() {
    Decision[] decisions = bench.advanceBatch();
    assertThat(bench.members()).allSatisfy(
        m -> assertThat(m.asOf()).isEqualTo(MemberBatch.STORED));
    Map<String, Long> changes = Arrays.stream(decisions)
        .flatMap(d -> d.effects(Effect.TierChanged.class).stream())
        .collect(Collectors.groupingBy(c -> c.from().map(TierId::value).orElse("") + ">"
            + c.to().value(), Collectors.counting()));
    assertThat(changes).containsOnly(
        Map.entry("gold>member", SIZE / 4L), Map.entry("gold>silver", SIZE / 4L));
    assertThat(Arrays.stream(decisions).filter(d -> d.member().tierId()
        .equals(Optional.of(TierId.of("gold"))))).hasSize(SIZE / 4);
    // Three kinds of member in four bought in 2026: 11 of the 27 December days vest, 14 of
    // the 27 January days expire.
    assertThat(Arrays.stream(decisions).filter(d -> has(d, PostingType.VEST))).hasSize(3 * 11);
    assertThat(Arrays.stream(decisions).filter(d -> has(d, PostingType.EXPIRE))).hasSize(3 * 14);
    assertThat(decisions).allSatisfy(
        d -> assertThat(d.member().asOf()).isEqualTo(MemberBatch.CLOSE));
  }

  private static boolean has(Decision d, PostingType type) {
    return d.postings().stream().anyMatch(p -> p.type() == type);
  }
}
