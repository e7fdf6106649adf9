package org.loyaltyrules.bench;

import java.util.Locale;

/**
 * Writes the program file of the file-reading benchmark: a department store's points program
 * with a given number of earn rules, of the built-in kinds and expressions mixed as a large
 * program would mix them. The text depends only on the number of rules, so every run reads the
 * same file.
 *
 * <p>The file declares one unit, five segments and a three-tier ladder by spend. Its rules go
 * round ten shapes, over 40 categories, 200 SKUs, 10 tags and the 12 months of 2026:
 *
 * <ol start="0">
 *   <li>a rate on two categories (1 to 4 points per 1.00);
 *   <li>a rate on two categories for one segment, online or in the app, capped per day;
 *   <li>a rate on two SKUs for a tier;
 *   <li>a multiplier on two categories (×1.5 to ×3) in the first half of a month;
 *   <li>a multiplier on a tag, exclusive in its group;
 *   <li>a minimum-spend bonus with an expression condition
 *       (for example {@code order.total >= 105 && inSegment('students')});
 *   <li>an engagement bonus (check-in, review or social share) at a frequency;
 *   <li>a formula rule, an expression over the lines
 *       (for example {@code floor(sum(line.amount, line.category == 'cat-9')) * 2});
 *   <li>a rate with an expression condition on the day and an aggregate (for example
 *       {@code dayOfWeek(now.date) >= 6 && count(line.category == 'cat-16') >= 2}), capped per
 *       month and per member;
 *   <li>a first-purchase bonus for one channel and segment, or (one time in two) a rate on all
 *       lines for a segment, capped per year.
 * </ol>
 *
 * <p>So three rules in ten carry an expression. Rule ids are {@code r0000}, {@code r0001}, ...
 */
final class LargeProgramFile {
  static final int CATEGORIES = 40;
  static final int SKUS = 200;
  private static final String[] SEGMENTS = {"students", "staff", "seniors", "families", "vip"};
  private static final String[] TIERS = {"bronze", "silver", "gold"};
  private static final String[] TAGS = {
      "eco", "new", "sale", "local", "organic", "premium", "kids", "gift", "bulk", "exclusive"};
  private static final String[] EVENTS = {"check-in", "review", "social-share"};
  private static final String[] FREQUENCIES = {
      "once-per-day", "once-per-month", "once-per-year", "once-ever"};
  private static final String[] CHANNELS = {"online", "app", "in-store"};

  private LargeProgramFile() {}

  /** Returns the YAML text of a program with {@code rules} earn rules. */
  static String yaml(int rules) {
    StringBuilder b = new StringBuilder(rules * 200);
    b.append("""
        format: loyalty-program/1
        id: department-store
        name: Department Store Rewards
        currency: USD
        zone: America/New_York
        segments: [students, staff, seniors, families, vip]
        units:
          - id: points
            name: Points
            pending: 14 days
            expiry:
              after: 2 years
        earnRules:
        """);
    for (int i = 0; i < rules; i++) {
      rule(b, i);
    }
    b.append("""
        tiers:
          metric: spend
          window: calendar-year
          tiers:
            - id: bronze
              name: Bronze
              threshold: 0
            - id: silver
              name: Silver
              threshold: 500
              earnMultiplier: 1.25
            - id: gold
              name: Gold
              threshold: 2000
              earnMultiplier: 1.5
        """);
    return b.toString();
  }

  private static void rule(StringBuilder b, int i) {
    int category = (i * 7) % CATEGORIES;
    int k = i / 10;
    int month = 1 + k % 12;
    line(b, "  - id: r%04d", i);
    switch (i % 10) {
      case 0 -> {
        line(b, "    kind: rate");
        points(b, 1 + k % 4, "1.00");
        categories(b, category);
      }
      case 1 -> {
        line(b, "    kind: rate");
        points(b, 2, "1.00");
        categories(b, category);
        line(b, "    audience:");
        line(b, "      segments: [%s]", SEGMENTS[k % SEGMENTS.length]);
        line(b, "      channels: [online, app]");
        line(b, "    caps:");
        line(b, "      - {per: day, points: %d}", 200 + i % 300);
      }
      case 2 -> {
        line(b, "    kind: rate");
        points(b, 5, "10.00");
        line(b, "    lines:");
        line(b, "      skus: [sku-%03d, sku-%03d]", i % SKUS, (i + 1) % SKUS);
        line(b, "    audience:");
        line(b, "      tiers: [%s]", TIERS[k % TIERS.length]);
      }
      case 3 -> {
        line(b, "    kind: multiplier");
        line(b, "    unit: points");
        line(b, "    factor: %s", new String[] {"1.5", "2", "3"}[k % 3]);
        categories(b, category);
        line(b, "    window:");
        line(b, "      from: 2026-%02d-01T00:00", month);
        line(b, "      until: 2026-%02d-15T00:00", month);
      }
      case 4 -> {
        line(b, "    kind: multiplier");
        line(b, "    unit: points");
        line(b, "    factor: 2");
        line(b, "    lines:");
        line(b, "      tags: [%s]", TAGS[k % TAGS.length]);
        line(b, "    group: %d", 1 + k % 5);
        line(b, "    priority: %d", k % 7);
        line(b, "    stacking: exclusive");
      }
      case 5 -> {
        line(b, "    kind: minimum-spend-bonus");
        line(b, "    unit: points");
        line(b, "    points: %d", 50 + i % 200);
        line(b, "    minimum: %d.00", 50 + i % 100);
        line(b, "    when: order.total >= %d && inSegment('%s')", 100 + i % 100,
            SEGMENTS[k % SEGMENTS.length]);
        line(b, "    onError: skip-rule");
      }
      case 6 -> {
        line(b, "    kind: event-bonus");
        line(b, "    unit: points");
        line(b, "    points: %d", 5 + k % 20);
        line(b, "    event: %s", EVENTS[k % EVENTS.length]);
        line(b, "    frequency: %s", FREQUENCIES[k % FREQUENCIES.length]);
      }
      case 7 -> {
        line(b, "    kind: formula");
        line(b, "    unit: points");
        line(b, "    formula: floor(sum(line.amount, line.category == 'cat-%d')) * %d",
            category, 2 + k % 3);
        line(b, "    onError: skip-rule");
      }
      case 8 -> {
        line(b, "    kind: rate");
        points(b, 3, "1.00");
        line(b, "    when: dayOfWeek(now.date) >= 6 && count(line.category == 'cat-%d') >= 2",
            category);
        line(b, "    caps:");
        line(b, "      - {per: month, points: %d}", 500 + i % 500);
        line(b, "      - {per: member, points: %d}", 5_000 + i);
      }
      default -> {
        if (i % 20 == 9) {
          line(b, "    kind: first-purchase");
          line(b, "    grant: {points: %d, unit: points}", 100 + i % 400);
          line(b, "    audience:");
          line(b, "      channels: [%s]", CHANNELS[k % CHANNELS.length]);
          line(b, "      segments: [%s]", SEGMENTS[k % SEGMENTS.length]);
        } else {
          line(b, "    kind: rate");
          points(b, 1, "2.00");
          line(b, "    audience:");
          line(b, "      segments: [%s]", SEGMENTS[k % SEGMENTS.length]);
          line(b, "    caps:");
          line(b, "      - {per: year, points: %d}", 10_000 + i);
        }
      }
    }
  }

  private static void points(StringBuilder b, int points, String per) {
    line(b, "    unit: points");
    line(b, "    points: %d", points);
    line(b, "    per: %s", per);
  }

  private static void categories(StringBuilder b, int category) {
    line(b, "    lines:");
    line(b, "      categories: [cat-%d, cat-%d]", category, (category + 13) % CATEGORIES);
  }

  private static void line(StringBuilder b, String format, Object... args) {
    b.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
