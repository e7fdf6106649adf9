package org.loyaltyrules.examples.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.loyaltyrules.examples.kafka.ActivityStream.Input;

/**
 * Measures activities per second through the topology on Kafka's in-memory test driver: one
 * thread, one task, every record's member state read from and written to the store as
 * {@code loyalty-member/1} JSON, every decision written as {@code loyalty-decision/1} JSON. Not
 * a test; run it by hand after {@code mvn -o -q verify -pl loyalty-examples -am}:
 *
 * <pre>{@code
 * cd loyalty-examples && mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.loyaltyrules.examples.kafka.TopologyThroughput [members] [activities] [rounds] \
 *     [memory|rocksdb] [cached members]
 * }</pre>
 *
 * <p>Each round runs a fresh topology over the same seeded stream (10,000 members and 100,000
 * activities over 120 days by default); the first rounds warm the JIT up, and each round's time
 * and rate is printed. Stores are in memory unless {@code rocksdb} is given: the test
 * driver commits after every record, and with RocksDB stores each commit writes a checkpoint file
 * per store, which a running application does once per commit interval.
 */
public final class TopologyThroughput {
  private TopologyThroughput() {}

  /** Runs the measurement; see the class comment for the arguments. */
  public static void main(String[] args) {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int activities = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    boolean persistent = args.length > 3 && args[3].equals("rocksdb");
    int cached = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
    LoyaltyTopology.Settings settings = (persistent ? LoyaltyTopology.Settings.defaults(12)
        : LoyaltyTopology.Settings.defaults(12).inMemory()).cachedMembers(cached);
    List<Input> inputs = ActivityStream.generate(12, members, activities, 120);
    for (int round = 1; round <= rounds; round++) {
      Path dir = temporary();
      long decisions = 0;
      long start = System.nanoTime();
      try (StreamsRun run = new StreamsRun(StreamPoints.PROGRAM, settings, dir)) {
        for (int i = 0; i < inputs.size(); i++) {
          run.pipe(inputs.get(i));
          if (i % 1_000 == 999 || i == inputs.size() - 1) {
            StreamsRun.Outputs out = run.drain();
            decisions += out.decisions().size() + out.rejections().size();
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "round %d: %,d activities (%,d records written to "
              + "decisions and rejections) in %.2f s: %,.0f activities/s%n", round,
          inputs.size(), decisions, seconds, inputs.size() / seconds);
    }
  }

  private static Path temporary() {
    try {
      Path dir = Files.createTempDirectory("loyalty-kafka-throughput");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
