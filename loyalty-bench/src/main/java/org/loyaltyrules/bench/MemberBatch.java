package org.loyaltyrules.bench;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.rules.CompiledProgram;

/**
 * A batch of stored members of {@link AdvanceFixture}'s program, and the period-close advance of
 * the batch benchmark, run over all cores or, to check it, one member after another.
 *
 * <p>Member {@code i} enrolled on 1 January 2025 and made one or two purchases, chosen by {@code i
 * % 4} so that the review of 2026 on 1 January 2027 does each thing a review can do:
 *
 * <ol start="0">
 *   <li>1,100 EUR in 2025 (gold through 2026), nothing in 2026: lowered to member;
 *   <li>1,100 EUR in 2025 and 600 EUR in 2026: lowered to silver;
 *   <li>1,200 EUR in 2026: gold through 2027, kept;
 *   <li>40 EUR in 2026: member, nothing to review.
 * </ol>
 *
 * <p>Each member is stored as of {@link #STORED}, the day before the close. The days of the
 * purchases spread over the year (the 2nd to the 28th of each month), so the advance to {@link
 * #CLOSE} also vests the points of purchases made from 18 December 2026 (1 member in 39)
 * and expires the lots earned from 2 to 15 January 2026 (1 in 31); the 2025 lots expired
 * during 2026. Each member holds one or two lots. Everything depends only on {@code i}.
 */
final class MemberBatch {
  /**
   * Where the members are stored as of: 31 December 2026, noon, as last year's batch and their
   * own activity left them.
   */
  static final Instant STORED = AdvanceFixture.at(2026, 12, 31);

  /** Where the batch advances to: 15 January 2027, noon, past the close of 2026. */
  static final Instant CLOSE = AdvanceFixture.at(2027, 1, 15);

  private MemberBatch() {}

  /** Builds {@code size} stored members over all cores. */
  static Member[] members(CompiledProgram program, int size) {
    Member[] members = new Member[size];
    IntStream.range(0, size).parallel().forEach(i -> members[i] = member(program, i));
    return members;
  }

  /** Builds member {@code i} by deciding its purchases, then advancing it to {@link #STORED}. */
  static Member member(CompiledProgram program, int i) {
    ProgramState state = AdvanceFixture.state();
    SplittableRandom random = new SplittableRandom(i);
    Member m = Member.enroll(MemberId.of("m" + i), AdvanceFixture.at(2025, 1, 1));
    int kind = i % 4;
    int day = 2 + (i / 4) % 27;
    int month = 1 + (i / 108) % 12;
    if (kind <= 1) {
      m = buy(program, state, m, random, "p1", AdvanceFixture.at(2025, month, day), 1_100);
    }
    if (kind >= 1) {
      int euros = kind == 1 ? 600 : kind == 2 ? 1_200 : 40;
      m = buy(program, state, m, random, "p2", AdvanceFixture.at(2026, month, day), euros);
    }
    return program.advance(state, m, STORED).member();
  }

  private static Member buy(CompiledProgram program, ProgramState state, Member m,
      SplittableRandom random, String id, Instant at, int euros) {
    return program.decide(state, m, AdvanceFixture.purchase(id, at, euros), at, random).member();
  }

  /**
   * Advances every member to {@code to} over all cores (a parallel stream on the common
   * fork-join pool), each decision into the same index of {@code out}.
   */
  static void advanceParallel(CompiledProgram program, ProgramState state, Member[] members,
      Instant to, Decision[] out) {
    IntStream.range(0, members.length).parallel()
        .forEach(i -> out[i] = program.advance(state, members[i], to));
  }

  /** The same, one member after another on this thread. */
  static void advanceSequential(CompiledProgram program, ProgramState state, Member[] members,
      Instant to, Decision[] out) {
    for (int i = 0; i < members.length; i++) {
      out[i] = program.advance(state, members[i], to);
    }
  }
}
