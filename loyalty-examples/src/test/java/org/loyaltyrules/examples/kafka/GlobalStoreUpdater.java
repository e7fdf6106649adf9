package org.loyaltyrules.examples.kafka;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Copies the published program-level state into the global store every instance reads. */
final class GlobalStoreUpdater implements Processor<String, String, Void, Void> {
  private final String storeName;
  private KeyValueStore<String, String> store;

  GlobalStoreUpdater(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, String> record) {
    store.put(record.key(), record.value());
  }
}
