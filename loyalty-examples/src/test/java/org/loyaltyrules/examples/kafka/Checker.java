package org.loyaltyrules.examples.kafka;

import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.config.StateJson;

/**
 * Checks what the topology wrote against the library called directly, record by record.
 *
 * <p>The input is taken in topic order. Before a member's activity is decided directly, the
 * advances the topology's punctuator wrote for that member are applied directly at the same
 * instants (when to advance is the host's choice; an advance touches no one else and no
 * program-level state, so applying it just before the member's next activity is the same as
 * applying it when it was written). Every decision must then be byte for byte the one the direct
 * call gives, every rejection the one the direct call's exception gives, and nothing may be left
 * over.
 */
final class Checker {
  private static final String ADVANCE = "{\"format\":\"loyalty-decision/1\",\"at\":\"";

  private final DirectRun direct;
  private final Map<String, ArrayDeque<Written>> decisions = new HashMap<>();
  private final Map<String, ArrayDeque<Written>> rejections = new HashMap<>();
  private long sent;
  private Decision last;

  int activities;
  int advances;
  int replays;
  int rejected;
  int expiries;
  int tierChanges;
  int changesToProgramState;

  Checker(CompiledProgram program, long seed) {
    this.direct = new DirectRun(program, seed);
  }

  DirectRun direct() {
    return direct;
  }

  /** The last decision of an activity, which the topology wrote the same. */
  Decision last() {
    return last;
  }

  /** A record the topology wrote after the {@code after}-th input (counting from 1). */
  private record Written(long after, String json) {}

  /**
   * Sends one input through the topology and checks what it wrote against the direct call. The
   * topology writes the input's decision or rejection first, then whatever a punctuation after
   * it advanced; the advances are applied directly before the member's next input.
   */
  void pipeAndCheck(StreamsRun run, ActivityStream.Input input) {
    run.pipe(input);
    sent++;
    StreamsRun.Outputs outputs = run.drain();
    for (KeyValue<String, String> kv : outputs.decisions()) {
      decisions.computeIfAbsent(kv.key, k -> new ArrayDeque<>()).add(new Written(sent, kv.value));
    }
    for (KeyValue<String, String> kv : outputs.rejections()) {
      rejections.computeIfAbsent(kv.key, k -> new ArrayDeque<>()).add(new Written(sent, kv.value));
    }
    check(input);
  }

  private void check(ActivityStream.Input input) {
    advances(input.member(), sent);
    DirectRun.Outcome outcome = direct.decide(input.activity());
    if (outcome.error() != null) {
      rejected++;
      String expected = Rejections.of(input.member(), input.json(), outcome.error());
      same(input.member(), "rejection", expected, next(rejections, input.member(), "rejection"));
      return;
    }
    Decision decision = outcome.decision();
    last = decision;
    activities++;
    replays += decision.replay() ? 1 : 0;
    changesToProgramState += decision.programStateChanges().isEmpty() ? 0 : 1;
    count(decision);
    same(input.member(), "decision of " + input.activity().activity().id(),
        StateJson.write(decision), next(decisions, input.member(), "decision"));
  }

  /** Applies the advances left for every member and checks nothing else is left. */
  void finish() {
    decisions.keySet().forEach(member -> advances(member, Long.MAX_VALUE));
    decisions.forEach((member, left) -> {
      if (!left.isEmpty()) {
        fail("member %s: the topology wrote %s decision(s) more than the direct calls made",
            member, left.size());
      }
    });
    rejections.forEach((member, left) -> {
      if (!left.isEmpty()) {
        fail("member %s: the topology rejected %s record(s) the library decided", member,
            left.size());
      }
    });
  }

  /** Applies the member's advances written before the {@code before}-th input. */
  private void advances(String member, long before) {
    ArrayDeque<Written> queue = decisions.get(member);
    while (queue != null && !queue.isEmpty() && queue.peek().after() < before
        && isAdvance(queue.peek().json())) {
      String written = queue.poll().json();
      Decision advance = direct.advance(MemberId.of(member), advanceInstant(written));
      advances++;
      count(advance);
      same(member, "advance to " + advance.at(), StateJson.write(advance), written);
    }
  }

  /**
   * A decision document without an activity is an advance. The documents are compact, their
   * properties in a fixed order (format, activity if any, at, ...), so the start says which —
   * without reading the whole document; a document read wrongly here would fail the comparison.
   */
  private static boolean isAdvance(String json) {
    return json.startsWith(ADVANCE);
  }

  private static Instant advanceInstant(String json) {
    return Instant.parse(json.substring(ADVANCE.length(), json.indexOf('"', ADVANCE.length())));
  }

  private void count(Decision decision) {
    expiries += decision.effects(Effect.PointsExpired.class).size();
    tierChanges += decision.effects(Effect.TierChanged.class).size();
  }

  private String next(Map<String, ArrayDeque<Written>> queues, String member, String what) {
    ArrayDeque<Written> queue = queues.get(member);
    if (queue == null || queue.isEmpty() || queue.peek().after() != sent) {
      fail("member %s: the direct call gave a %s the topology did not write for input %s",
          member, what, sent);
    }
    return queue.poll().json();
  }

  private static void same(String member, String what, String expected, String actual) {
    if (expected.equals(actual)) {
      return;
    }
    int at = 0;
    while (at < Math.min(expected.length(), actual.length())
        && expected.charAt(at) == actual.charAt(at)) {
      at++;
    }
    int from = Math.max(0, at - 120);
    fail("member %s, %s: the topology wrote%n  %s%nwhere the direct call gives%n  %s%n"
            + "(first difference at character %s)", member, what,
        actual.substring(from, Math.min(actual.length(), at + 200)),
        expected.substring(from, Math.min(expected.length(), at + 200)), at);
  }
}
