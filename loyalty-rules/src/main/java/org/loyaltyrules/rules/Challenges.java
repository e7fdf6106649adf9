package org.loyaltyrules.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.ledger.Lot;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.Badge;
import org.loyaltyrules.core.program.BadgeMetric;
import org.loyaltyrules.core.program.Challenge;
import org.loyaltyrules.core.program.ChallengeGoal;
import org.loyaltyrules.core.program.ChallengeWindow;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.Program;

/**
 * Challenges, stamp cards, bundles, streaks and badges, counted for one decision in the member's
 * progress counters.
 *
 * <p>Counters, with {@code ID} the challenge's or badge's id ({@code %} and {@code /} escaped) and
 * {@code W} a window key ({@code all}, {@code campaign}, an ISO date, week {@code 2026-W10} or
 * month):
 *
 * <ul>
 *   <li>{@code challenge/ID/W/count}: the progress counted in the window; for distinct items,
 *       how many skus have a positive {@code challenge/ID/W/sku/SKU} quantity;
 *   <li>{@code challenge/ID/W/done}: the completions in the window;
 *   <li>{@code challenge/ID/completions}: the completions ever, kept for good;
 *   <li>{@code badge/ID/level} and {@code badge/ID/until} (an epoch second): the level held and
 *       when a temporary badge lapses;
 *   <li>{@code tally/purchases}, {@code tally/spend} and {@code tally/event/TYPE}: what badges
 *       count, kept only when a badge counts it.
 * </ul>
 *
 * <p>A restarting challenge's completions in a window are those the count reached: progress is
 * {@code count - done * target}. A return lowers the count; a completion it undoes is taken back
 * with its grant — points reversed (the unit's shortfall policy applies), a voucher revoked if it
 * is still issued. A grant that cannot be taken back (a voucher already used, a reward handed
 * out) stands, and the completion with it: the stamps the return took are then owed, and the next
 * ones fill the debt before the card fills again.
 *
 * <p>A streak's windows count when their count meets the target; the streak is the run of
 * consecutive counting windows since its last completion, derived from the window counters, which
 * are kept as long as a streak or a late activity may still need them.
 */
final class Challenges {
  private static final String CHALLENGE = "challenge/";
  private static final String BADGE = "badge/";
  private static final String TALLY = "tally/";
  private static final String GRANT_RULE = "challenge:";
  /** The most completions one activity may make of one challenge. */
  static final int MAX_COMPLETIONS = 1_000;

  private final Program program;
  private final Run run;
  /** Points of lots this decision already took back, which the member's ledger does not show. */
  private final Map<LotId, Long> reversedHere = new java.util.HashMap<>();

  Challenges(Program program, Run run) {
    this.program = program;
    this.run = run;
  }

  /** True if a lot was earned by a challenge's grant rather than by an earning rule. */
  static boolean isGrant(RuleId rule) {
    return rule.value().startsWith(GRANT_RULE);
  }

  // ------------------------------------------------------------------------------------------
  // Activities
  // ------------------------------------------------------------------------------------------

  /** Counts a purchase toward every purchase challenge and badge. */
  void purchase(Purchase purchase, BigDecimal earning) {
    for (Challenge c : program.challenges().values()) {
      if (c.countsPurchases() && runs(c, purchase.occurredAt())) {
        count(c, purchase.occurredAt(), contribution(c, purchase, PurchaseLine::quantity),
            skus(c, purchase, PurchaseLine::quantity), purchase.id());
      }
    }
    if (earning.signum() > 0) {
      tally(BadgeMetric.PURCHASES, Optional.empty(), BigDecimal.ONE);
      tally(BadgeMetric.SPEND, Optional.empty(), earning);
    }
  }

  /**
   * Takes back what the returned part of a purchase gave: {@code before} and {@code after} are
   * the quantities left before and after the return, {@code earningBefore} and
   * {@code earningAfter} what earned of them.
   */
  void returned(Purchase purchase, Function<PurchaseLine, BigDecimal> before,
      Function<PurchaseLine, BigDecimal> after, BigDecimal earningBefore,
      BigDecimal earningAfter) {
    for (Challenge c : program.challenges().values()) {
      if (!c.countsPurchases() || !runs(c, purchase.occurredAt())) {
        continue;
      }
      BigDecimal taken = contribution(c, purchase, before)
          .subtract(contribution(c, purchase, after));
      Map<String, BigDecimal> skus = skus(c, purchase, after);
      Map<String, BigDecimal> skusTaken = new TreeMap<>();
      skus(c, purchase, before).forEach((sku, q) -> {
        BigDecimal gone = q.subtract(skus.getOrDefault(sku, BigDecimal.ZERO));
        if (gone.signum() > 0) {
          skusTaken.put(sku, gone.negate());
        }
      });
      if (taken.signum() > 0 || !skusTaken.isEmpty()) {
        count(c, purchase.occurredAt(), taken.negate(), skusTaken, purchase.id());
      }
    }
    if (earningBefore.signum() > 0 && earningAfter.signum() == 0) {
      tally(BadgeMetric.PURCHASES, Optional.empty(), BigDecimal.ONE.negate());
    }
    BigDecimal spend = earningBefore.subtract(earningAfter);
    if (spend.signum() > 0) {
      tally(BadgeMetric.SPEND, Optional.empty(), spend.negate());
    }
  }

  /** Counts an engagement event toward the challenges and badges of its type. */
  void event(EngagementEvent event) {
    for (Challenge c : program.challenges().values()) {
      if (c.event().filter(event.type()::equals).isPresent() && runs(c, event.occurredAt())
          && c.attributes().entrySet().stream()
              .allMatch(a -> a.getValue().equals(event.attributes().get(a.getKey())))) {
        count(c, event.occurredAt(), BigDecimal.ONE, Map.of(), event.id());
      }
    }
    tally(BadgeMetric.EVENTS, Optional.of(event.type().name()), BigDecimal.ONE);
  }

  // ------------------------------------------------------------------------------------------
  // Counting and completing
  // ------------------------------------------------------------------------------------------

  private boolean runs(Challenge c, Instant at) {
    return c.runs().map(w -> w.contains(local(at))).orElse(true);
  }

  /** What a purchase at the given quantities counts toward a challenge (distinct skus aside). */
  private static BigDecimal contribution(Challenge c, Purchase purchase,
      Function<PurchaseLine, BigDecimal> quantity) {
    BigDecimal sum = BigDecimal.ZERO;
    boolean any = false;
    for (PurchaseLine line : purchase.lines()) {
      BigDecimal q = quantity.apply(line);
      if (q.signum() <= 0 || !counts(c, line)) {
        continue;
      }
      any = true;
      if (c.goal() == ChallengeGoal.ITEMS) {
        sum = sum.add(q.setScale(0, RoundingMode.FLOOR));
      } else if (c.goal() == ChallengeGoal.AMOUNT) {
        sum = sum.add(line.unitPrice().amount().multiply(q));
      }
    }
    return switch (c.goal()) {
      case PURCHASES -> any ? BigDecimal.ONE : BigDecimal.ZERO;
      case ITEMS, AMOUNT -> sum;
      case DISTINCT_ITEMS, EVENTS -> BigDecimal.ZERO;
    };
  }

  /** The quantity of each sku a purchase counts toward a distinct-items challenge. */
  private static Map<String, BigDecimal> skus(Challenge c, Purchase purchase,
      Function<PurchaseLine, BigDecimal> quantity) {
    Map<String, BigDecimal> skus = new TreeMap<>();
    if (c.goal() != ChallengeGoal.DISTINCT_ITEMS) {
      return skus;
    }
    for (PurchaseLine line : purchase.lines()) {
      BigDecimal q = quantity.apply(line);
      if (q.signum() > 0 && counts(c, line)) {
        skus.merge(line.sku(), q, BigDecimal::add);
      }
    }
    return skus;
  }

  private static boolean counts(Challenge c, PurchaseLine line) {
    return c.categories().isEmpty() || c.categories().contains(line.category());
  }

  /**
   * Adds {@code delta} (or, for distinct items, the sku quantities) to the challenge's window of
   * {@code occurredAt}, then completes it or takes completions back as the new count says.
   */
  private void count(Challenge c, Instant occurredAt, BigDecimal delta,
      Map<String, BigDecimal> skus, ActivityId activity) {
    Window w = Window.of(c.window(), local(occurredAt).toLocalDate());
    String prefix = prefix(c) + w.key() + "/";
    BigDecimal before = run.progress(prefix + "count");
    BigDecimal after;
    if (c.goal() == ChallengeGoal.DISTINCT_ITEMS) {
      skus.forEach((sku, q) -> {
        String key = prefix + "sku/" + sku;
        run.set(key, run.progress(key).add(q).max(BigDecimal.ZERO));
      });
      after = BigDecimal.valueOf(run.counters().subMap(prefix + "sku/", prefix + "sku0")
          .values().stream().filter(v -> v.signum() > 0).count());
    } else {
      after = before.add(delta).max(BigDecimal.ZERO);
    }
    if (after.compareTo(before) == 0) {
      return;
    }
    run.set(prefix + "count", after);
    if (c.streak() > 1) {
      if ((before.compareTo(c.target()) >= 0) != (after.compareTo(c.target()) >= 0)) {
        reconcileStreak(c, w, activity);
      }
      run.effects.add(new Effect.ChallengeProgressed(c.id(), w.key(), after.min(c.target()),
          c.target(), done(c, w), streak(c, w)));
      return;
    }
    long done = done(c, w);
    if (after.compareTo(before) > 0) {
      int made = 0;
      while (canComplete(c, done) && after.compareTo(c.target().multiply(
          BigDecimal.valueOf(done + 1))) >= 0 && made < MAX_COMPLETIONS) {
        done++;
        made++;
        complete(c, w, done, activity);
      }
    } else {
      while (done > 0 && after.compareTo(c.target().multiply(BigDecimal.valueOf(done))) < 0
          && revoke(c, w)) {
        done--;
      }
    }
    BigDecimal progress = c.restarts()
        ? after.subtract(c.target().multiply(BigDecimal.valueOf(done))).max(BigDecimal.ZERO)
        : after.min(c.target());
    run.effects.add(new Effect.ChallengeProgressed(c.id(), w.key(), progress.min(c.target()),
        c.target(), done, 0));
  }

  private static boolean canComplete(Challenge c, long doneInWindow) {
    return c.restarts() || doneInWindow == 0;
  }

  /**
   * Brings a streak's completions in line with the windows that meet its target, after one of
   * them started or stopped meeting it. The streaks are read afresh from the kept windows: from
   * the first, each run of {@code streak} consecutive windows that meet the target completes at
   * its last window, and the next run begins after it (without restarts, only the first run
   * completes). A completion that no longer matches a run is taken back with its grant; one
   * whose grant cannot be taken back stands, and its windows count for no other run; a run with
   * no completion yet completes. A purchase reported late, or a return in the middle of
   * completed streaks, so ends where deciding the activities in order would.
   */
  private void reconcileStreak(Challenge c, Window any, ActivityId activity) {
    String prefix = prefix(c);
    java.util.Set<Long> met = new java.util.HashSet<>();
    java.util.TreeSet<Long> done = new java.util.TreeSet<>();
    LocalDate today = local(run.at()).toLocalDate();
    long now = Window.of(c.window(), today).index();
    long first = keptFrom(c, today, run.at().minus(program.activityHorizon())
        .atZone(program.zone()).toLocalDate());
    for (Map.Entry<String, BigDecimal> e : run.counters().subMap(prefix, prefix + '\uffff')
        .entrySet()) {
      String rest = e.getKey().substring(prefix.length());
      int slash = rest.indexOf('/');
      Optional<Window> w = slash < 0 ? Optional.empty()
          : Window.tryParse(c.window(), rest.substring(0, slash));
      if (w.isEmpty() || e.getValue().signum() <= 0) {
        continue;
      }
      String what = rest.substring(slash + 1);
      if (what.equals("count") && e.getValue().compareTo(c.target()) >= 0) {
        met.add(w.get().index());
      } else if (what.equals("done")) {
        done.add(w.get().index());
      }
    }
    // A completion some of whose windows are no longer kept cannot be read again: it stands.
    java.util.Set<Long> fixed = new java.util.TreeSet<>();
    for (long end : done) {
      if (end - c.streak() + 1 < first) {
        fixed.add(end);
      }
    }
    // Without restarts, a completion whose windows were all dropped still counts as the one.
    boolean used = !c.restarts() && completions(c) > done.size();
    java.util.Set<Long> runs = runs(c, first, now, met, fixed, used);
    for (long end : done) {
      if (!fixed.contains(end) && !runs.contains(end) && !revoke(c, any.at(end))) {
        fixed.add(end);
        runs = runs(c, first, now, met, fixed, used);
      }
    }
    for (long end : runs) {
      if (!done.contains(end)) {
        complete(c, any.at(end), 1, activity);
      }
    }
  }

  /**
   * The windows at which runs of {@code streak} consecutive windows meeting the target end,
   * reading from {@code first} to {@code now}; the windows of fixed completions belong to them.
   */
  private static java.util.Set<Long> runs(Challenge c, long first, long now,
      java.util.Set<Long> met, java.util.Set<Long> fixed, boolean used) {
    java.util.Set<Long> ends = new java.util.TreeSet<>();
    boolean once = used || !fixed.isEmpty();
    int length = 0;
    for (long i = first; i <= now; i++) {
      if (inFixed(i, fixed, c.streak())) {
        length = 0;
        continue;
      }
      length = met.contains(i) ? length + 1 : 0;
      if (length == c.streak()) {
        if (!c.restarts() && once) {
          break;
        }
        ends.add(i);
        once = true;
        length = 0;
      }
    }
    return ends;
  }

  /** Whether a window belongs to one of the fixed completions' runs. */
  private static boolean inFixed(long window, java.util.Set<Long> fixed, int streak) {
    for (long end : fixed) {
      if (window <= end && window > end - streak) {
        return true;
      }
    }
    return false;
  }

  private int streak(Challenge c, Window any) {
    return streak(c, run.counters(), Window.of(c.window(), local(run.at()).toLocalDate()));
  }

  /**
   * The streak so far: consecutive windows meeting the target, ending with the window {@code now}
   * or the one before it, since the last completion.
   */
  private static int streak(Challenge c, NavigableMap<String, BigDecimal> counters, Window now) {
    long last = lastCompletion(c, counters).orElse(Long.MIN_VALUE);
    long end = met(c, counters, now) ? now.index() : now.index() - 1;
    int length = 0;
    for (long i = end; i > last && met(c, counters, now.at(i)) && length < c.streak(); i--) {
      length++;
    }
    return length;
  }

  private static boolean met(Challenge c, NavigableMap<String, BigDecimal> counters, Window w) {
    return counters.getOrDefault(prefix(c) + w.key() + "/count", BigDecimal.ZERO)
        .compareTo(c.target()) >= 0;
  }

  /** The index of the latest window a streak completed in, if its counter is still kept. */
  private static Optional<Long> lastCompletion(Challenge c,
      NavigableMap<String, BigDecimal> counters) {
    String prefix = prefix(c);
    Optional<Long> last = Optional.empty();
    for (Map.Entry<String, BigDecimal> e : counters.subMap(prefix, prefix + '\uffff')
        .entrySet()) {
      String key = e.getKey();
      if (key.endsWith("/done") && e.getValue().signum() > 0) {
        String window = key.substring(prefix.length(), key.length() - "/done".length());
        Optional<Long> index = Window.tryParse(c.window(), window).map(Window::index);
        if (index.isPresent() && (last.isEmpty() || index.get() > last.get())) {
          last = index;
        }
      }
    }
    return last;
  }

  private long done(Challenge c, Window w) {
    return run.progress(prefix(c) + w.key() + "/done").longValueExact();
  }

  private long completions(Challenge c) {
    return run.progress(prefix(c) + "completions").longValueExact();
  }

  /** Records completion number {@code n} of a window and gives the challenge's grant. */
  private void complete(Challenge c, Window w, long n, ActivityId activity) {
    String prefix = prefix(c);
    run.set(prefix + w.key() + "/done", BigDecimal.valueOf(done(c, w) + 1));
    run.set(prefix + "completions", BigDecimal.valueOf(completions(c) + 1));
    run.effects.add(new Effect.ChallengeCompleted(c.id(), w.key(), n));
    RuleId rule = grantRule(c, w);
    c.grant().ifPresent(grant -> Grants.give(program, grant, rule, voucherId(activity, rule),
        activity, run.at(), run.transaction(), run::keepVoucher, run.effects));
    Optional<Grant.Points> points = c.grant().filter(Grant.Points.class::isInstance)
        .map(Grant.Points.class::cast);
    run.trace.add(new TraceEntry(rule, true, points.map(Grant.Points::unit),
        points.map(Grant.Points::points).orElse(0L), 0, 0, BigDecimal.ZERO,
        "challenge " + c.id() + " completed in window " + w.key() + " (completion " + n + ")"));
    badgesOf(c, true);
  }

  /**
   * Takes back the latest completion of a window with its grant; false, changing nothing, if the
   * grant cannot be taken back (a voucher used or expired, a reward handed out).
   */
  private boolean revoke(Challenge c, Window w) {
    RuleId rule = grantRule(c, w);
    Optional<Grant> grant = c.grant();
    if (grant.isPresent() && grant.get() instanceof Grant.Points) {
      Optional<Lot> lot = run.member().ledger().lots().stream()
          .filter(l -> l.rule().filter(rule::equals).isPresent() && left(l) > 0)
          .reduce((a, b) -> b);
      if (lot.isEmpty()) {
        return untaken(c, w, "its points are no longer in the ledger");
      }
      long points = left(lot.get());
      run.transaction().reverseEarning(lot.get().id(), points);
      reversedHere.merge(lot.get().id(), points, Long::sum);
      run.effects.add(new Effect.PointsReversed(lot.get().unit(), points,
          lot.get().activity()));
    } else if (grant.isPresent() && grant.get() instanceof Grant.Voucher) {
      String marker = "/" + rule + "/";
      Optional<Voucher> latest = run.vouchers().values().stream()
          .filter(v -> v.id().value().contains(marker) && v.status() != VoucherStatus.REVOKED)
          .reduce((a, b) -> b);
      if (latest.isEmpty() || latest.get().status() != VoucherStatus.ISSUED) {
        return untaken(c, w, "its voucher was already " + latest.map(v -> v.status().name()
            .toLowerCase(Locale.ROOT)).orElse("removed"));
      }
      Voucher revoked = latest.get().withStatus(VoucherStatus.REVOKED);
      run.keepVoucher(revoked);
      run.effects.add(new Effect.VoucherRevoked(revoked));
    } else if (grant.isPresent()) {
      return untaken(c, w, "its reward was handed out");
    }
    String prefix = prefix(c);
    run.set(prefix + w.key() + "/done", BigDecimal.valueOf(done(c, w) - 1));
    run.set(prefix + "completions", BigDecimal.valueOf(completions(c) - 1));
    run.effects.add(new Effect.ChallengeCompletionRevoked(c.id(), w.key()));
    run.trace.add(new TraceEntry(rule, true, Optional.empty(), 0, 0, 0, BigDecimal.ZERO,
        "challenge " + c.id() + ": a return undid a completion in window " + w.key()
            + "; its grant was taken back"));
    badgesOf(c, false);
    return true;
  }

  /** The points of a lot not yet taken back, counting what this decision took. */
  private long left(Lot lot) {
    return lot.amount() - lot.reversed() - reversedHere.getOrDefault(lot.id(), 0L);
  }

  private boolean untaken(Challenge c, Window w, String why) {
    run.trace.add(new TraceEntry(grantRule(c, w), true, Optional.empty(), 0, 0, 0,
        BigDecimal.ZERO, "challenge " + c.id() + ": a return took progress below a completion in "
            + "window " + w.key() + ", but " + why + "; the completion stands and the progress "
            + "is owed"));
    return false;
  }

  /** The id of the challenge whose grant a rule {@code challenge:ID@W} is. */
  static String challengeOf(RuleId grant) {
    String value = grant.value();
    return value.substring(GRANT_RULE.length(), value.lastIndexOf('@'));
  }

  /** The rule a challenge's grant in a window is attributed to: {@code challenge:ID@W}. */
  static RuleId grantRule(Challenge c, Window w) {
    return RuleId.of(GRANT_RULE + c.id() + "@" + w.key());
  }

  private VoucherId voucherId(ActivityId activity, RuleId rule) {
    String base = activity + "/" + rule + "/";
    int n = 1;
    while (run.vouchers().containsKey(VoucherId.of(base + n))) {
      n++;
    }
    return VoucherId.of(base + n);
  }

  // ------------------------------------------------------------------------------------------
  // Badges
  // ------------------------------------------------------------------------------------------

  private void badgesOf(Challenge c, boolean rose) {
    for (Badge badge : program.badges().values()) {
      if (badge.challenge().filter(c.id()::equals).isPresent()) {
        level(badge, BigDecimal.valueOf(completions(c)), rose);
      }
    }
  }

  /** Adds to a tally the badges count, when some badge counts it. */
  private void tally(BadgeMetric metric, Optional<String> event, BigDecimal delta) {
    String key = TALLY + switch (metric) {
      case PURCHASES -> "purchases";
      case SPEND -> "spend";
      case EVENTS -> "event/" + event.orElseThrow();
      case CHALLENGES -> throw new IllegalArgumentException("challenges are not tallied");
    };
    boolean counted = false;
    for (Badge badge : program.badges().values()) {
      if (badge.metric() == metric
          && badge.event().map(Enum::name).equals(event)) {
        if (!counted) {
          run.set(key, run.progress(key).add(delta).max(BigDecimal.ZERO));
          counted = true;
        }
        level(badge, run.progress(key), delta.signum() > 0);
      }
    }
  }

  /**
   * Sets a badge's level from its count after a change: a rise to a reached level earns or
   * renews it; a fall below the level held lowers it.
   */
  private void level(Badge badge, BigDecimal count, boolean rose) {
    String prefix = BADGE + escape(badge.id().value()) + "/";
    int held = run.progress(prefix + "level").intValueExact();
    int reached = badge.levelFor(count);
    if (reached < held) {
      run.set(prefix + "level", BigDecimal.valueOf(reached));
      if (reached == 0) {
        run.set(prefix + "until", BigDecimal.ZERO);
      }
      run.effects.add(new Effect.BadgeLost(badge.id(), held, reached, false));
    } else if (reached > 0 && (reached > held || rose && badge.validity().isPresent())) {
      Optional<Instant> until = badge.validity().map(v ->
          run.at().atZone(program.zone()).plus(v).toInstant());
      run.set(prefix + "level", BigDecimal.valueOf(reached));
      until.ifPresent(u -> run.set(prefix + "until", BigDecimal.valueOf(u.getEpochSecond())));
      run.effects.add(new Effect.BadgeEarned(badge.id(), reached,
          badge.levels().get(reached - 1).name(), until));
    }
  }

  // ------------------------------------------------------------------------------------------
  // Time: lapsed badges and counters no longer needed
  // ------------------------------------------------------------------------------------------

  /**
   * Lapses the temporary badges whose time ended by the member's instant and drops the window
   * counters no activity or streak can still reach; returns the counters to zero and announces
   * the lapses.
   */
  static List<String> tidy(Program program, Member member, Instant horizonStart,
      List<Effect> effects) {
    Map<String, BigDecimal> progress = member.progress();
    List<String> stale = new ArrayList<>();
    Instant now = member.asOf();
    for (Badge badge : program.badges().values()) {
      String prefix = BADGE + escape(badge.id().value()) + "/";
      BigDecimal until = progress.getOrDefault(prefix + "until", BigDecimal.ZERO);
      int level = progress.getOrDefault(prefix + "level", BigDecimal.ZERO).intValueExact();
      if (level > 0 && until.signum() > 0 && !Instant.ofEpochSecond(until.longValueExact())
          .isAfter(now)) {
        stale.add(prefix + "level");
        stale.add(prefix + "until");
        effects.add(new Effect.BadgeLost(badge.id(), level, 0, true));
      }
    }
    LocalDate horizonDay = horizonStart.atZone(program.zone()).toLocalDate();
    LocalDate today = now.atZone(program.zone()).toLocalDate();
    NavigableMap<String, BigDecimal> sorted = null;
    for (Challenge c : program.challenges().values()) {
      if (!c.window().isCalendar()) {
        continue;
      }
      if (sorted == null) {
        sorted = progress instanceof NavigableMap<String, BigDecimal> n ? n
            : new TreeMap<>(progress);
      }
      long keepFrom = keptFrom(c, today, horizonDay);
      String prefix = prefix(c);
      // Plain keys sort as their windows do, so a past window's key is told by comparing it
      // with the first kept window's key, without reading it as a date.
      String keepKey = new Window(c.window(), "", keepFrom).at(keepFrom).key();
      boolean plainDays = Window.plain(c.window(), keepKey);
      for (String key : sorted.subMap(prefix, prefix + '\uffff').keySet()) {
        String rest = key.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
          continue;
        }
        String window = rest.substring(0, slash);
        boolean past = plainDays && Window.plain(c.window(), window)
            && window.compareTo(keepKey) < 0;
        if (past || Window.tryParse(c.window(), window).map(w -> w.index() < keepFrom)
            .orElse(true)) {
          stale.add(key); // a window of a past period, or of the window the challenge had before
        }
      }
    }
    return stale;
  }

  /**
   * The first window whose counters are kept on {@code today}: a window is dropped once it ended
   * before the activity horizon (no late activity can reach it) and lies before the windows a
   * streak can still span. Every window from this one on is kept.
   */
  private static long keptFrom(Challenge c, LocalDate today, LocalDate horizonDay) {
    return Math.min(Window.of(c.window(), horizonDay).index(),
        Window.of(c.window(), today).index() - c.streak());
  }

  // ------------------------------------------------------------------------------------------
  // Reading progress
  // ------------------------------------------------------------------------------------------

  /** Where a member stands on a challenge at {@code at}; the member is already advanced. */
  static ChallengeProgress progress(Program program, Challenge c, Member member, Instant at) {
    LocalDateTime local = at.atZone(program.zone()).toLocalDateTime();
    Window w = Window.of(c.window(), local.toLocalDate());
    String prefix = prefix(c) + w.key() + "/";
    BigDecimal count = member.progress(prefix + "count");
    long done = member.progress(prefix + "done").longValueExact();
    BigDecimal progress;
    int streak = 0;
    long completions = member.progress(prefix(c) + "completions").longValueExact();
    if (c.streak() > 1) {
      progress = count.min(c.target());
      streak = streak(c, new TreeMap<>(member.progress()), w);
    } else if (c.restarts()) {
      progress = count.subtract(c.target().multiply(BigDecimal.valueOf(done)))
          .max(BigDecimal.ZERO).min(c.target());
    } else {
      progress = count.min(c.target());
    }
    boolean open = c.runs().map(r -> r.contains(local)).orElse(true)
        && (c.restarts() || (c.streak() > 1 ? completions == 0 : done == 0));
    Optional<Instant> ends = c.window().isCalendar()
        ? Optional.of(w.at(w.index() + 1).start().atStartOfDay(program.zone()).toInstant())
        : c.runs().map(r -> r.until().atZone(program.zone()).toInstant());
    return new ChallengeProgress(c.id(), w.key(), ends, progress, c.target(), done, completions,
        streak, c.streak(), open);
  }

  /** The badge a member holds at {@code at}, if any; the member is already advanced. */
  static Optional<BadgeStatus> badge(Badge badge, Member member) {
    String prefix = BADGE + escape(badge.id().value()) + "/";
    // A later version of the program may have fewer levels: the highest it has is held.
    int level = Math.min(member.progress(prefix + "level").intValueExact(),
        badge.levels().size());
    if (level == 0) {
      return Optional.empty();
    }
    BigDecimal until = member.progress(prefix + "until");
    return Optional.of(new BadgeStatus(badge.id(), level, badge.levels().get(level - 1).name(),
        until.signum() > 0 ? Optional.of(Instant.ofEpochSecond(until.longValueExact()))
            : Optional.empty()));
  }

  private static String prefix(Challenge c) {
    return CHALLENGE + escape(c.id().value()) + "/";
  }

  private static String escape(String id) {
    return id.replace("%", "%25").replace("/", "%2F");
  }

  private LocalDateTime local(Instant at) {
    return at.atZone(program.zone()).toLocalDateTime();
  }

  /** A challenge window: its kind, its key in the counters, and its index in time. */
  record Window(ChallengeWindow kind, String key, long index) {
    static Window of(ChallengeWindow kind, LocalDate day) {
      return switch (kind) {
        case NONE -> new Window(kind, "all", 0);
        case CAMPAIGN -> new Window(kind, "campaign", 0);
        case DAY -> new Window(kind, day.toString(), day.toEpochDay());
        case WEEK -> {
          LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
          yield new Window(kind, monday.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0"
              : "-W") + week, Math.floorDiv(monday.toEpochDay() + 3, 7));
        }
        case MONTH -> new Window(kind, YearMonth.from(day).toString(),
            day.getYear() * 12L + day.getMonthValue() - 1);
      };
    }

    /** The window of the same kind with the given index. */
    Window at(long index) {
      return kind.isCalendar() ? of(kind, new Window(kind, key, index).start()) : this;
    }

    /** The first day of a calendar window. */
    LocalDate start() {
      return switch (kind) {
        case NONE, CAMPAIGN -> LocalDate.EPOCH;
        case DAY -> LocalDate.ofEpochDay(index);
        case WEEK -> LocalDate.ofEpochDay(index * 7 - 3);
        case MONTH -> YearMonth.of((int) Math.floorDiv(index, 12),
            Math.floorMod(index, 12) + 1).atDay(1);
      };
    }

    /** Reads a window key back; empty if it is not a key of this kind of window. */
    static Optional<Window> tryParse(ChallengeWindow kind, String key) {
      if (plain(kind, key)) {
        // A plain key, the form every key is written in for years 0 to 9999, is read without a
        // formatter.
        try {
          return switch (kind) {
            case DAY -> Optional.of(new Window(kind, key, day(key).toEpochDay()));
            case MONTH -> {
              int month = Integer.parseInt(key, 5, 7, 10);
              yield month < 1 || month > 12 ? Optional.empty() : Optional.of(new Window(kind,
                  key, Integer.parseInt(key, 0, 4, 10) * 12L + month - 1));
            }
            case WEEK -> {
              int year = Integer.parseInt(key, 0, 4, 10);
              int week = Integer.parseInt(key, 6, 8, 10);
              LocalDate january4 = LocalDate.of(year, 1, 4);
              LocalDate firstMonday = january4.minusDays(january4.getDayOfWeek().getValue() - 1);
              LocalDate monday = firstMonday.plusWeeks(week - 1L);
              yield week < 1 || week > weeksIn(year) ? Optional.empty()
                  : Optional.of(new Window(kind, key, Math.floorDiv(monday.toEpochDay() + 3, 7)));
            }
            default -> Optional.empty();
          };
        } catch (java.time.DateTimeException e) {
          return Optional.empty();
        }
      }
      try {
        Window w = parse(kind, key);
        return w.key().equals(key) ? Optional.of(w) : Optional.empty();
      } catch (java.time.DateTimeException | IndexOutOfBoundsException
          | IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    /** The day of a plain {@code yyyy-mm-dd} key; throws if it is no such day. */
    private static LocalDate day(String key) {
      return LocalDate.of(Integer.parseInt(key, 0, 4, 10), Integer.parseInt(key, 5, 7, 10),
          Integer.parseInt(key, 8, 10, 10));
    }

    /** The ISO weeks of a week-based year: 53 if it starts on a Thursday, or on a Wednesday
     * in a leap year; else 52. */
    private static int weeksIn(int year) {
      DayOfWeek first = LocalDate.of(year, 1, 1).getDayOfWeek();
      return first == DayOfWeek.THURSDAY
          || first == DayOfWeek.WEDNESDAY && java.time.Year.isLeap(year) ? 53 : 52;
    }

    /** Whether a key is a plain {@code yyyy-mm-dd} day, read without a formatter. */
    static boolean isoDay(String key) {
      return plain(ChallengeWindow.DAY, key);
    }

    /**
     * Whether a key has the plain form of its kind's keys, a four-digit year first:
     * {@code yyyy-mm-dd}, {@code yyyy-Www} or {@code yyyy-mm}. Plain keys of one kind sort as
     * their windows do.
     */
    static boolean plain(ChallengeWindow kind, String key) {
      String form = switch (kind) {
        case DAY -> "0000-00-00";
        case WEEK -> "0000-W00";
        case MONTH -> "0000-00";
        default -> null;
      };
      if (form == null || key.length() != form.length()) {
        return false;
      }
      for (int i = 0; i < form.length(); i++) {
        char want = form.charAt(i);
        char got = key.charAt(i);
        if (want == '0' ? got < '0' || got > '9' : got != want) {
          return false;
        }
      }
      return true;
    }

    /** Reads a window key back. */
    static Window parse(ChallengeWindow kind, String key) {
      return switch (kind) {
        case NONE, CAMPAIGN -> of(kind, LocalDate.EPOCH);
        case DAY -> of(kind, isoDay(key) ? day(key) : LocalDate.parse(key));
        case WEEK -> of(kind, LocalDate.of(Integer.parseInt(key.substring(0, key.indexOf("-W"))),
                1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR,
                Long.parseLong(key.substring(key.indexOf("-W") + 2))));
        case MONTH -> of(kind, YearMonth.parse(key).atDay(1));
      };
    }
  }
}
