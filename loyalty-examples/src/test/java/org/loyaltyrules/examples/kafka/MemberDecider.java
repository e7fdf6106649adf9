package org.loyaltyrules.examples.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.loyaltyrules.core.LoyaltyException;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.examples.kafka.ActivityJson.MemberActivity;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.config.StateJson;

/**
 * Decides each activity against the member's state in the task's store, and advances the
 * task's quiet members as stream time passes the instants their state says something is due.
 *
 * <p>For each record (key: member id, value: an {@link ActivityJson} document):
 *
 * <ol>
 *   <li>the member's state is read from the store ({@code loyalty-member/1}); a member not yet
 *       seen is enrolled at the activity's instant;
 *   <li>the activity is decided at its own instant, or at the member's state if that is later (an
 *       activity that arrives late, after the member was advanced past it), with the
 *       program-level state as last published and a random source derived from the ids;
 *   <li>the new member state is stored — unless the decision is a replay or refused, which change
 *       nothing — with the member's next {@linkplain WakeUps wake-up}, and the decision
 *       ({@code loyalty-decision/1}) is written to {@code loyalty-decisions}; if it changes the
 *       program-level state it is also sent to {@code loyalty-program-state-changes}, keyed by
 *       the program's id;
 *   <li>a record the library rejects (a document it cannot read, points the member does not
 *       have, a return of an unknown purchase) goes to {@code loyalty-rejections} with the error,
 *       and changes nothing.
 * </ol>
 *
 * <p>Every {@code punctuateEvery} of stream time, the members whose wake-up has come by stream
 * time less the lateness are advanced to that instant; each advance is stored and written to
 * {@code loyalty-decisions} (a decision document without an activity).
 */
final class MemberDecider implements Processor<String, String, String, String> {
  private final CompiledProgram program;
  private final LoyaltyTopology.Settings settings;
  private final String programId;
  private final ProgramState initial;
  private final MemberCache cache;

  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> members;
  private KeyValueStore<String, String> wakeUps;
  private ReadOnlyKeyValueStore<String, String> programStates;
  private String stateText;
  private ProgramState state;

  MemberDecider(CompiledProgram program, LoyaltyTopology.Settings settings) {
    this.program = program;
    this.settings = settings;
    this.programId = program.program().id().value();
    this.initial = ProgramState.initial(program.program().currency());
    this.cache = new MemberCache(settings.cachedMembers());
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.members = context.getStateStore(LoyaltyTopology.MEMBERS_STORE);
    this.wakeUps = context.getStateStore(LoyaltyTopology.WAKE_UPS_STORE);
    this.programStates = context.getStateStore(LoyaltyTopology.PROGRAM_STATE_VIEW);
    context.schedule(settings.punctuateEvery(), PunctuationType.STREAM_TIME, this::advance);
  }

  @Override
  public void process(Record<String, String> record) {
    String key = record.key();
    try {
      MemberActivity input = ActivityJson.read(record.value());
      if (!input.member().value().equals(key)) {
        throw new IllegalArgumentException("record key '" + key + "' is not the activity's member '"
            + input.member() + "': activities must be keyed by member id");
      }
      String stored = members.get(key);
      Member member = stored == null
          ? Member.enroll(input.member(), input.activity().occurredAt())
          : cache.read(key, stored);
      Instant at = latest(member.asOf(), input.activity().occurredAt());
      Decision decision = program.decide(programState(), member, input.activity(), at,
          LoyaltyTopology.random(settings.seed(), input.member(), input.activity().id()));
      if (!decision.replay() && !decision.isRefused()) {
        store(key, stored == null ? null : member, decision.member());
      }
      String json = StateJson.write(decision);
      context.forward(new Record<>(key, json, record.timestamp()), "decisions");
      if (!decision.programStateChanges().isEmpty()) {
        context.forward(new Record<>(programId, json, record.timestamp()), "changes-out");
      }
    } catch (LoyaltyException | IllegalArgumentException e) {
      context.forward(new Record<>(key, Rejections.of(key, record.value(), e),
          record.timestamp()), "rejections");
    }
  }

  /** Stores a member's new state and moves its wake-up. */
  private void store(String key, Member before, Member after) {
    if (before != null) {
      wakeUps.delete(WakeUps.key(wakeUp(before), key));
    }
    String json = StateJson.write(after);
    members.put(key, json);
    cache.wrote(key, json, after);
    wakeUps.put(WakeUps.key(wakeUp(after), key), "");
  }

  private Instant wakeUp(Member member) {
    return WakeUps.next(program, initial, member, settings.maxSleep());
  }

  /** Advances the members whose wake-up has come by stream time less the lateness. */
  private void advance(long streamTime) {
    Instant to = Instant.ofEpochMilli(streamTime).minus(settings.lateness());
    List<String> due = new ArrayList<>();
    try (KeyValueIterator<String, String> range = wakeUps.range("", WakeUps.after(to))) {
      range.forEachRemaining(entry -> due.add(entry.key));
    }
    ProgramState now = programState();
    for (String wakeUp : due) {
      String key = WakeUps.member(wakeUp);
      Member member = cache.read(key, members.get(key));
      if (!member.asOf().isBefore(to)) {
        continue;
      }
      Decision decision = program.advance(now, member, to);
      store(key, member, decision.member());
      context.forward(new Record<>(key, StateJson.write(decision), streamTime), "decisions");
    }
  }

  /** The program-level state as last published, read again only when it changed. */
  private ProgramState programState() {
    String text = programStates.get(programId);
    if (text == null) {
      return initial;
    }
    if (!text.equals(stateText)) {
      state = StateJson.readProgramState(text);
      stateText = text;
    }
    return state;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
