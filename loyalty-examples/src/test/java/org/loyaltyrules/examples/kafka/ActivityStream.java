package org.loyaltyrules.examples.kafka;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.examples.kafka.ActivityJson.MemberActivity;

/**
 * A seeded stream of activities for the stream-points program, in the order a topic would hold
 * them: purchases of one to three lines, coffee redemptions (some for more points than the member
 * has), returns of a line of an earlier purchase (some of a line already returned), and records
 * sent twice (the second a replay). Each record's timestamp is the time it was sent.
 */
final class ActivityStream {
  /** The day the stream starts. */
  static final Instant START = Instant.parse("2026-03-01T06:00:00Z");

  private static final String[] CATEGORIES = {"grocery", "household", "drinks", "bakery"};

  private ActivityStream() {}

  /**
   * One record of the input topic.
   *
   * @param member the key
   * @param json the value, an {@link ActivityJson} document
   * @param timestamp the record's timestamp, epoch milliseconds
   * @param activity what the document holds
   */
  record Input(String member, String json, long timestamp, MemberActivity activity) {}

  /**
   * Generates {@code activities} records over {@code members} members spread over
   * {@code days} days, the same for the same seed.
   */
  static List<Input> generate(long seed, int members, int activities, int days) {
    SplittableRandom random = new SplittableRandom(seed);
    long span = Duration.ofDays(days).toMillis();
    List<List<Long>> times = new ArrayList<>();
    for (int m = 0; m < members; m++) {
      times.add(new ArrayList<>());
    }
    for (int i = 0; i < activities; i++) {
      times.get(random.nextInt(members)).add(START.toEpochMilli() + random.nextLong(span));
    }
    List<Input> all = new ArrayList<>(activities);
    for (int m = 0; m < members; m++) {
      List<Long> mine = times.get(m);
      mine.sort(Comparator.naturalOrder());
      all.addAll(member(random, String.format(java.util.Locale.ROOT, "m%05d", m), mine));
    }
    all.sort(Comparator.comparingLong(Input::timestamp).thenComparing(Input::member));
    return all;
  }

  private static List<Input> member(SplittableRandom random, String id, List<Long> times) {
    MemberId member = MemberId.of(id);
    List<Input> inputs = new ArrayList<>();
    List<Purchase> purchases = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      long time = times.get(i);
      Instant at = Instant.ofEpochMilli(time);
      ActivityId activityId = ActivityId.of(id + "-" + i);
      int roll = random.nextInt(100);
      if (!inputs.isEmpty() && roll < 2) {
        Input earlier = inputs.get(random.nextInt(inputs.size()));
        inputs.add(new Input(id, earlier.json(), time, earlier.activity()));
        continue;
      }
      Activity activity;
      if (purchases.isEmpty() || roll < 86) {
        Purchase purchase = purchase(random, activityId, at);
        purchases.add(purchase);
        activity = purchase;
      } else if (roll < 94) {
        activity = RedeemReward.of(activityId, at, RewardId.of("coffee"));
      } else {
        Purchase bought = purchases.get(random.nextInt(purchases.size()));
        PurchaseLine line = bought.lines().get(0);
        BigDecimal quantity = random.nextBoolean() ? line.quantity() : BigDecimal.ONE;
        activity = Return.of(activityId, at, bought.id(),
            List.of(new ReturnLine(line.id(), quantity)));
      }
      inputs.add(new Input(id, ActivityJson.write(member, activity), time,
          new MemberActivity(member, activity)));
    }
    return inputs;
  }

  private static Purchase purchase(SplittableRandom random, ActivityId id, Instant at) {
    Purchase.Builder purchase = Purchase.builder(id, at);
    int lines = 1 + random.nextInt(3);
    for (int l = 1; l <= lines; l++) {
      String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
      long cents = 250 + random.nextInt(4250);
      purchase.line(PurchaseLine.of("l" + l, category + "-" + random.nextInt(50), category,
          1 + random.nextInt(2), Money.of(BigDecimal.valueOf(cents, 2), Money.currency("USD"))));
    }
    return purchase.build();
  }
}
