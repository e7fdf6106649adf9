package org.loyaltyrules.examples.kafka;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.loyaltyrules.rules.CompiledProgram;

/**
 * One instance of the application on Kafka's in-memory test driver: no broker, no network. It
 * reads what the topology writes as it goes — the driver keeps every record written until it is
 * read — and keeps the latest value of each key of the stores' changelog topics, as compaction
 * would, so that another instance can be restored from them.
 */
final class StreamsRun implements AutoCloseable {
  static final String APPLICATION_ID = "loyalty-example";
  private static final List<String> STORES = List.of(LoyaltyTopology.MEMBERS_STORE,
      LoyaltyTopology.WAKE_UPS_STORE, LoyaltyTopology.PROGRAM_STATE_STORE);

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, String> activities;
  private final TestOutputTopic<String, String> decisions;
  private final TestOutputTopic<String, String> rejections;
  private final TestOutputTopic<String, String> changes;
  private final TestOutputTopic<String, String> programStates;
  private final Map<String, TestOutputTopic<String, String>> changelogs = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> compacted = new LinkedHashMap<>();
  private final Map<String, String> published = new LinkedHashMap<>();

  /** What the topology wrote since the last call to {@link #drain}, in order. */
  record Outputs(List<KeyValue<String, String>> decisions,
      List<KeyValue<String, String>> rejections) {}

  StreamsRun(CompiledProgram program, LoyaltyTopology.Settings settings, Path stateDir) {
    Properties config = LoyaltyTopology.config(APPLICATION_ID, "no-broker:9092");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(LoyaltyTopology.build(program, settings), config,
        Instant.EPOCH);
    StringSerializer out = new StringSerializer();
    StringDeserializer in = new StringDeserializer();
    activities = driver.createInputTopic(LoyaltyTopology.ACTIVITIES, out, out);
    decisions = driver.createOutputTopic(LoyaltyTopology.DECISIONS, in, in);
    rejections = driver.createOutputTopic(LoyaltyTopology.REJECTIONS, in, in);
    changes = driver.createOutputTopic(LoyaltyTopology.PROGRAM_STATE_CHANGES, in, in);
    programStates = driver.createOutputTopic(LoyaltyTopology.PROGRAM_STATE, in, in);
    for (String store : STORES) {
      changelogs.put(store, driver.createOutputTopic(changelog(store), in, in));
      compacted.put(store, new LinkedHashMap<>());
    }
  }

  static String changelog(String store) {
    return APPLICATION_ID + "-" + store + "-changelog";
  }

  /** Sends one record to the input topic; the topology processes it before this returns. */
  void pipe(ActivityStream.Input input) {
    activities.pipeInput(input.member(), input.json(), input.timestamp());
  }

  /** Reads what the topology wrote since the last call. */
  Outputs drain() {
    changes.readRecordsToList();
    programStates.readKeyValuesToList().forEach(kv -> published.put(kv.key, kv.value));
    changelogs.forEach((store, topic) ->
        topic.readKeyValuesToList().forEach(kv -> compact(compacted.get(store), kv)));
    return new Outputs(decisions.readKeyValuesToList(), rejections.readKeyValuesToList());
  }

  private static void compact(Map<String, String> log, KeyValue<String, String> kv) {
    if (kv.value == null) {
      log.remove(kv.key);
    } else {
      log.put(kv.key, kv.value);
    }
  }

  /**
   * A new instance whose stores are restored from this one's changelog topics and whose global
   * store from the published program-level state, as Kafka Streams restores an instance that
   * starts without its local state. Call after {@link #drain} and {@link #close}.
   */
  StreamsRun restart(CompiledProgram program, LoyaltyTopology.Settings settings, Path stateDir) {
    StreamsRun next = new StreamsRun(program, settings, stateDir);
    compacted.forEach((store, entries) -> {
      KeyValueStore<String, String> restored = next.driver.getKeyValueStore(store);
      entries.forEach(restored::put);
    });
    TestInputTopic<String, String> state = next.driver.createInputTopic(
        LoyaltyTopology.PROGRAM_STATE, Serdes.String().serializer(), Serdes.String().serializer());
    published.forEach(state::pipeInput);
    next.drain();
    return next;
  }

  /** The member store of this instance. */
  KeyValueStore<String, String> members() {
    return driver.getKeyValueStore(LoyaltyTopology.MEMBERS_STORE);
  }

  /** The program-level state as the keeper task stores it, or null before any change. */
  String programState(String programId) {
    KeyValueStore<String, String> store =
        driver.getKeyValueStore(LoyaltyTopology.PROGRAM_STATE_STORE);
    return store.get(programId);
  }

  /** The program-level state as the deciding tasks see it, through the global store. */
  String programStateView(String programId) {
    KeyValueStore<String, String> store =
        driver.getKeyValueStore(LoyaltyTopology.PROGRAM_STATE_VIEW);
    return store.get(programId);
  }

  @Override
  public void close() {
    driver.close();
  }
}
