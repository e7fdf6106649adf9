package org.loyaltyrules.bench;

import java.util.concurrent.TimeUnit;
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
 * A period-close batch: 1,000,000 stored members ({@link MemberBatch}) advanced past the close
 * of 2026 over all cores, as a host's nightly job would, each decision kept in an array in place
 * of the host's write. One invocation is one whole batch, so the score is the time per batch;
 * divided by {@link #size} it is the time per member (with 1,000,000 members, the figure in ms
 * per batch is the figure in ns per member). Allocation per operation is likewise per batch.
 *
 * <p>The members are built once per fork, in the setup, by deciding their purchases (about half
 * a minute on 2 cores); they take about 2.2 KB each, the decisions of a batch about 0.7 KB more
 * each, hence the heap given to the fork. {@code -p size=100000} runs a smaller batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class BatchAdvanceBenchmark {
  /** The number of members in the batch. */
  @Param("1000000")
  public int size;

  private CompiledProgram program;
  private ProgramState state;
  private Member[] members;
  private Decision[] decisions;

  /** Compiles the program and builds the stored members, over all cores. */
  @Setup
  public void setUp() {
    program = AdvanceFixture.program();
    state = AdvanceFixture.state();
    members = MemberBatch.members(program, size);
    decisions = new Decision[size];
  }

  /** Advances every member past the close, over all cores. */
  @Benchmark
  public Decision[] advanceBatch() {
    MemberBatch.advanceParallel(program, state, members, MemberBatch.CLOSE, decisions);
    return decisions;
  }

  /** Returns the stored members. */
  Member[] members() {
    return members;
  }
}
