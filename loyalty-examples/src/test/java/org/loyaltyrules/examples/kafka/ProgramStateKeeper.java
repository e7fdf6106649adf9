package org.loyaltyrules.examples.kafka;

import java.util.Currency;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.rules.config.StateJson;

/**
 * Keeps the program-level state: the one task that receives every decision that changes it
 * (they are keyed by the program's id, so they all land on one partition), applies the changes
 * in arrival order, stores the state ({@code loyalty-program-state/1}) and publishes it to
 * {@code loyalty-program-state}, which every instance reads as a global store.
 *
 * <p>The changes are counts and sums (budget points spent, entries, prizes, money owed), so the
 * total does not depend on how the decisions of different partitions interleave on the way here.
 * A change the state refuses (a budget taken below zero) is a bug in the sender, not bad input:
 * it stops the task rather than being skipped.
 */
final class ProgramStateKeeper implements Processor<String, String, String, String> {
  private final ProgramState initial;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> states;

  ProgramStateKeeper(Currency currency) {
    this.initial = ProgramState.initial(currency);
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.states = context.getStateStore(LoyaltyTopology.PROGRAM_STATE_STORE);
  }

  @Override
  public void process(Record<String, String> record) {
    Decision decision = StateJson.readDecision(record.value());
    String stored = states.get(record.key());
    ProgramState state = stored == null ? initial : StateJson.readProgramState(stored);
    String next = StateJson.write(state.apply(decision.programStateChanges()));
    states.put(record.key(), next);
    context.forward(new Record<>(record.key(), next, record.timestamp()));
  }
}
