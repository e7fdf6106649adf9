package org.loyaltyrules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.decision.Decision;

/** The history benchmark's member holds what it says, and its decision earns. */
class HistoryBenchmarkTest {
  @Test
  void theMemberHoldsEveryPurchaseAndTheNextOneEarns() {
    HistoryBenchmark b = new HistoryBenchmark();
    b.purchases = 200;
    b.setUp();
    Decision d = b.decideAfterHistory();
    assertThat(d.isRefused()).isFalse();
    assertThat(d.member().purchases().records()).hasSize(201);
    assertThat(d.member().ledger().lots()).hasSize(201);
    assertThat(d.member().ledger().recentActivities()).hasSize(201);
    assertThat(d.postings()).hasSize(1);
    assertThat(b.decideAfterHistory()).isEqualTo(d);
  }
}
