package org.loyaltyrules.examples.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.rules.CompiledProgram;

/**
 * The loyalty library inside Kafka Streams: a topology that decides each member's activities
 * where that member's state lives, and keeps the program-level state in one place.
 *
 * <pre>
 *  loyalty-activities ──► [decide] ──► loyalty-decisions   (loyalty-decision/1, key: member id)
 *  (key: member id)          │ │  └──► loyalty-rejections  (key: member id)
 *                            │ └─────► loyalty-program-state-changes (key: program id)
 *                            │                      │
 *      task's stores:        │                      ▼
 *        loyalty-members ────┤          [keep-program-state] ── store loyalty-program-state-keeper
 *        (loyalty-member/1)  │                      │
 *        loyalty-wake-ups ───┤                      ▼
 *      global store:         │          loyalty-program-state (compacted, loyalty-program-state/1)
 *        loyalty-program-    │                      │
 *        state-view ◄────────┴──────────────────────┘
 * </pre>
 *
 * <ul>
 *   <li><b>Member state</b> is partitioned by member id: every activity of a member goes to the
 *       same task, which owns that member's state in a changelogged key-value store, so the
 *       decision function runs without any coordination and the application scales with the
 *       partitions of the input topic.
 *   <li><b>Time</b> moves with stream time. {@code decide} already applies everything due up to
 *       an activity, so a member's next activity needs no help; the punctuator is for members who
 *       are quiet: every {@code punctuateEvery} of stream time it advances the members whose
 *       {@linkplain WakeUps wake-up} (a lot or voucher expiring, a tier review, at the latest a
 *       month after their state) has come by stream time less the allowed lateness, stores them
 *       and writes each advance out. Stream time, not wall-clock time, so that reprocessing gives
 *       the same output; a partition that receives nothing does not move (send it heartbeat
 *       records if that matters).
 *   <li><b>Program-level state</b> (budgets, draw entries, prizes, settlement) spans members and
 *       so partitions. Decisions that change it are sent, keyed by the program's id, to one task
 *       that applies the changes in arrival order — they are counts and sums, so the order
 *       between partitions does not change the total — and publishes the state to a compacted
 *       topic every instance reads as a global store. A decision reads the state as last
 *       published, so a budget can be overspent by what decisions in flight grant between
 *       publication and arrival; see the README's "Running at scale".
 * </ul>
 *
 * <p>Configure {@link #config} (exactly-once v2). The library's idempotent activity ids make a
 * replayed record a decision marked {@code replay} that changes nothing, with or without it.
 */
final class LoyaltyTopology {
  static final String ACTIVITIES = "loyalty-activities";
  static final String DECISIONS = "loyalty-decisions";
  static final String REJECTIONS = "loyalty-rejections";
  static final String PROGRAM_STATE_CHANGES = "loyalty-program-state-changes";
  static final String PROGRAM_STATE = "loyalty-program-state";

  static final String MEMBERS_STORE = "loyalty-members";
  static final String WAKE_UPS_STORE = "loyalty-wake-ups";
  static final String PROGRAM_STATE_STORE = "loyalty-program-state-keeper";
  static final String PROGRAM_STATE_VIEW = "loyalty-program-state-view";

  private static final Serde<String> TEXT = Serdes.String();

  /**
   * How the topology runs.
   *
   * @param seed the seed every decision's random source derives from, with the member's and
   *     the activity's ids
   * @param lateness how far behind stream time members are advanced, so that an activity that
   *     arrives this late is still decided at its own instant
   * @param punctuateEvery how often, in stream time, the punctuator looks for members due
   * @param maxSleep the longest a member goes without being advanced; see {@link WakeUps}
   * @param persistent true for RocksDB stores, as in production; false for in-memory ones, for
   *     the test driver, which commits and writes a checkpoint file per persistent store after
   *     every record (the changelog topics, and so restoring, are the same either way)
   * @param cachedMembers how many decoded member states each task keeps beside the store, so a
   *     busy member's state is not read from JSON again; 0 for none
   */
  record Settings(long seed, Duration lateness, Duration punctuateEvery, Duration maxSleep,
      boolean persistent, int cachedMembers) {
    /** Production settings: an hour of lateness, stores in RocksDB, 100,000 cached members. */
    static Settings defaults(long seed) {
      return new Settings(seed, Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(31),
          true, 100_000);
    }

    /** The same settings with in-memory stores. */
    Settings inMemory() {
      return new Settings(seed, lateness, punctuateEvery, maxSleep, false, cachedMembers);
    }

    /** The same settings with a cache of {@code members} decoded member states per task. */
    Settings cachedMembers(int members) {
      return new Settings(seed, lateness, punctuateEvery, maxSleep, persistent, members);
    }

    KeyValueBytesStoreSupplier store(String name) {
      return persistent ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }
  }

  private LoyaltyTopology() {}

  /** Builds the topology for a compiled program. */
  static Topology build(CompiledProgram program, Settings settings) {
    Topology topology = new Topology();
    topology.addSource("activities", TEXT.deserializer(), TEXT.deserializer(), ACTIVITIES);
    topology.addProcessor("decide", () -> new MemberDecider(program, settings), "activities");
    topology.addStateStore(Stores.keyValueStoreBuilder(
        settings.store(MEMBERS_STORE), TEXT, TEXT).withCachingEnabled(),
        "decide");
    topology.addStateStore(Stores.keyValueStoreBuilder(
        settings.store(WAKE_UPS_STORE), TEXT, TEXT).withCachingEnabled(),
        "decide");
    topology.addSink("decisions", DECISIONS, TEXT.serializer(), TEXT.serializer(), "decide");
    topology.addSink("rejections", REJECTIONS, TEXT.serializer(), TEXT.serializer(), "decide");
    topology.addSink("changes-out", PROGRAM_STATE_CHANGES, TEXT.serializer(), TEXT.serializer(),
        "decide");

    topology.addSource("changes-in", TEXT.deserializer(), TEXT.deserializer(),
        PROGRAM_STATE_CHANGES);
    topology.addProcessor("keep-program-state",
        () -> new ProgramStateKeeper(program.program().currency()), "changes-in");
    topology.addStateStore(Stores.keyValueStoreBuilder(
        settings.store(PROGRAM_STATE_STORE), TEXT, TEXT), "keep-program-state");
    topology.addSink("program-state", PROGRAM_STATE, TEXT.serializer(), TEXT.serializer(),
        "keep-program-state");

    topology.addGlobalStore(Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(PROGRAM_STATE_VIEW), TEXT, TEXT).withLoggingDisabled(),
        "program-state-in", TEXT.deserializer(), TEXT.deserializer(), PROGRAM_STATE,
        "view-program-state", () -> new GlobalStoreUpdater(PROGRAM_STATE_VIEW));
    return topology;
  }

  /**
   * The configuration the topology is meant to run with: exactly-once processing (v2), string
   * keys and values.
   */
  static Properties config(String applicationId, String bootstrapServers) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    return config;
  }

  /**
   * The random source of one decision: derived from the seed and the member's and activity's
   * ids, so a decision made again — on a replay, after a restart, or by an auditor — draws the
   * same numbers.
   */
  static RandomGenerator random(long seed, MemberId member, ActivityId activity) {
    long h = 0xcbf29ce484222325L;
    for (byte b : (member.value() + '\u0000' + activity.value())
        .getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return new SplittableRandom(seed ^ h);
  }
}
