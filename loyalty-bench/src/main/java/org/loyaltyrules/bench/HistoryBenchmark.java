package org.loyaltyrules.bench;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.rules.CompiledProgram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How a purchase decision's cost grows with the member's history: the outfitter's program of
 * {@link AdvanceFixture} (1 point per euro, points pending 14 days and expiring after a year,
 * three tiers), a member who made {@code purchases} purchases of 30 euros over the last 300 days,
 * all still inside the activity horizon and all holding a lot, deciding one more purchase. A
 * decision returns the member's whole new state, so what it copies of that state shows here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HistoryBenchmark {
  /** How many earlier purchases the member made. */
  @Param({"20", "200", "2000"})
  public int purchases;

  private CompiledProgram program;
  private ProgramState state;
  private Member member;
  private Purchase cart;
  private Instant at;
  private final SplittableRandom random = new SplittableRandom(1);

  /** Builds the member by deciding its purchases, in order; the last is an hour before. */
  @Setup
  public void setUp() {
    program = AdvanceFixture.program();
    state = AdvanceFixture.state();
    member = member(program, purchases);
    at = member.asOf().plusSeconds(3600);
    cart = AdvanceFixture.purchase("next", at, 30);
  }

  /** A member with {@code count} purchases of 30 euros spread evenly over 300 days. */
  static Member member(CompiledProgram program, int count) {
    Instant start = AdvanceFixture.at(2026, 1, 5);
    long step = 300L * 24 * 3600 / count;
    Member m = Member.enroll(MemberId.of("regular"), start);
    ProgramState state = AdvanceFixture.state();
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < count; i++) {
      Instant t = start.plusSeconds(step * i);
      m = program.decide(state, m, AdvanceFixture.purchase("h" + i, t, 30), t, random).member();
    }
    return m;
  }

  /** Decides one more purchase. */
  @Benchmark
  public Decision decideAfterHistory() {
    return program.decide(state, member, cart, at, random);
  }
}
