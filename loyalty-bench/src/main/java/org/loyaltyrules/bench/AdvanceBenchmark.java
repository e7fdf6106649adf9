package org.loyaltyrules.bench;

import java.time.Instant;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link CompiledProgram#advance} for one member with 20 lots, over a month in which pending
 * points vest, lots expire and a tier period closes ({@link AdvanceFixture}). Every call starts
 * from the same stored member, made once in the setup; nothing is mutated, so each call does the
 * same work: 3 lots vest, 4 lots expire and the review of 2026 lowers the member from gold to
 * silver.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class AdvanceBenchmark {
  private CompiledProgram program;
  private ProgramState state;
  private Member member;
  private Instant to;

  /** Compiles the program and decides the member's 20 purchases, once. */
  @Setup
  public void setUp() {
    program = AdvanceFixture.program();
    state = AdvanceFixture.state();
    member = AdvanceFixture.member(program);
    to = AdvanceFixture.ADVANCE_TO;
  }

  /** Advances the stored member from 28 December 2026 to 25 January 2027. */
  @Benchmark
  public Decision advance() {
    return program.advance(state, member, to);
  }
}
