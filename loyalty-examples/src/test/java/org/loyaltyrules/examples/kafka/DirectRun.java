package org.loyaltyrules.examples.kafka;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.loyaltyrules.core.LoyaltyException;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.examples.kafka.ActivityJson.MemberActivity;
import org.loyaltyrules.rules.CompiledProgram;

/**
 * The library called directly, in order, with no stream engine: each member's state in a map,
 * one program-level state with every decision's changes applied as it is made. What the topology
 * is checked against.
 */
final class DirectRun {
  private final CompiledProgram program;
  private final long seed;
  private final Map<MemberId, Member> members = new HashMap<>();
  private ProgramState state;

  DirectRun(CompiledProgram program, long seed) {
    this.program = program;
    this.seed = seed;
    this.state = ProgramState.initial(program.program().currency());
  }

  /** A decision, or the exception the library threw instead. */
  record Outcome(Decision decision, RuntimeException error) {}

  /**
   * Decides an activity: a new member is enrolled at the activity's instant, and the activity is
   * decided at its instant or at the member's state if that is later.
   */
  Outcome decide(MemberActivity input) {
    Member member = members.get(input.member());
    if (member == null) {
      member = Member.enroll(input.member(), input.activity().occurredAt());
    }
    Instant at = member.asOf().isAfter(input.activity().occurredAt())
        ? member.asOf() : input.activity().occurredAt();
    try {
      Decision decision = program.decide(state, member, input.activity(), at,
          LoyaltyTopology.random(seed, input.member(), input.activity().id()));
      if (!decision.isRefused()) {
        members.put(input.member(), decision.member());
      }
      state = state.apply(decision.programStateChanges());
      return new Outcome(decision, null);
    } catch (LoyaltyException | IllegalArgumentException e) {
      return new Outcome(null, e);
    }
  }

  /** Advances a member to an instant. */
  Decision advance(MemberId member, Instant to) {
    Decision decision = program.advance(state, member(member), to);
    members.put(member, decision.member());
    return decision;
  }

  Member member(MemberId member) {
    Member m = members.get(member);
    if (m == null) {
      throw new IllegalStateException("no member " + member);
    }
    return m;
  }

  Map<MemberId, Member> members() {
    return members;
  }

  ProgramState state() {
    return state;
  }
}
