package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.Challenge;
import org.loyaltyrules.rules.config.ProgramFiles;
import org.quicktheories.core.Gen;

/**
 * Invariants of challenges over random histories of purchases (coffee, pastries, goods; one to
 * three items), partial and whole returns, check-ins, and vouchers the member applies, over about
 * six weeks: a restarting stamp card, a weekly visit challenge, a restarting weekly spend
 * challenge paid in vouchers, a two-day streak, distinct pastries in a month, and weekly
 * check-ins.
 *
 * <ul>
 *   <li>A challenge that does not restart never completes twice in one window.
 *   <li>The stamps on a card — a window's count less its completions times the target — never
 *       reach the card's size, and the progress the host is shown never exceeds the target.
 *   <li>A purchase returned whole removes the stamps and progress it gave: the challenge counters,
 *       the balance and the vouchers still issued are as if it had never been made.
 *   <li>A streak of three days completes as often as the days kept allow, read in order, in
 *       whatever order the purchases are reported and whichever are returned.
 * </ul>
 */
class ChallengeProperties {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("EUR"));
  private static final Instant START = LocalDateTime.of(2026, 3, 2, 8, 0).atZone(ZONE)
      .toInstant();
  private static final UnitId STARS = UnitId.of("stars");
  private static final int EXAMPLES = 300;

  private static final CompiledProgram PROGRAM = LoyaltyRules.compile(ProgramFiles.read("""
      format: loyalty-program/1
      id: cafe
      currency: EUR
      zone: Europe/Berlin
      units:
        - {id: stars, name: Stars}
      earnRules:
        - {id: base, kind: rate, unit: stars, points: 1, per: 1}
      challenges:
        - {id: card, name: Coffee card, goal: purchases, target: 4, categories: [coffee],
           grant: {points: 10, unit: stars}, restarts: true}
        - {id: weekly, name: Three visits a week, goal: purchases, target: 3, window: week,
           grant: {points: 20, unit: stars}}
        - {id: spend, name: Every 30 a week, goal: amount, target: 30, window: week,
           grant: {voucher: 5}, restarts: true}
        - {id: streak, name: Two days in a row, goal: purchases, target: 1, window: day,
           streak: 2, grant: {points: 15, unit: stars}, restarts: true}
        - {id: pastries, name: Three pastries a month, goal: distinct-items, target: 3,
           categories: [pastry], window: month, grant: {points: 5, unit: stars}}
        - {id: check-ins, name: Two check-ins a week, goal: events, event: check-in, target: 2,
           window: week, grant: {points: 5, unit: stars}}
      """, ProgramFiles.Syntax.YAML).program());

  private static final List<String> CATEGORIES = List.of("coffee", "pastry", "goods");

  /**
   * One step after some hours: {@code kind} 0-4 a purchase, 5-6 a return of an earlier one, 7 a
   * check-in, 8 applying an issued voucher; {@code a} and {@code b} choose what.
   */
  record Step(int hours, int kind, int a, int b) {}

  private static Gen<List<Step>> histories(int kinds) {
    Gen<Step> step = integers().between(0, 40).zip(integers().between(0, kinds),
        integers().between(0, 999), integers().between(0, 999), Step::new);
    return lists().of(step).ofSizeBetween(1, 40);
  }

  private static Purchase purchase(String id, Instant at, int a, int b) {
    String category = CATEGORIES.get(a % 3);
    Purchase.Builder p = Purchase.builder(ActivityId.of(id), at)
        .line(PurchaseLine.of("l1", category + "-" + (b % 4), category, 1 + a % 3,
            Money.of(BigDecimal.valueOf(100 + b * 7L, 2), Money.currency("EUR"))));
    if (b % 3 == 0) {
      p.line(PurchaseLine.of("l2", "pastry-" + (a % 5), "pastry", 1,
          Money.of("2.50", "EUR")));
    }
    return p.build();
  }

  /** Every decision of a history, in order, and the member after it. */
  private record History(List<Decision> decisions, Member member, Instant at) {}

  private static History run(List<Step> steps) {
    RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    Member m = Member.enroll(MemberId.of("ana"), START);
    Instant t = START;
    List<Decision> decisions = new ArrayList<>();
    List<Purchase> open = new ArrayList<>();
    Map<String, Integer> returned = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      t = t.plusSeconds(s.hours() * 3600L + 60);
      Activity activity;
      if (s.kind() <= 4) {
        Purchase p = purchase("p-" + i, t, s.a(), s.b());
        open.add(p);
        activity = p;
      } else if (s.kind() <= 6 && !open.isEmpty()) {
        Purchase p = open.get(s.a() % open.size());
        PurchaseLine line = p.lines().get(s.b() % p.lines().size());
        int left = line.quantity().intValueExact() - returned.getOrDefault(
            p.id() + "/" + line.id(), 0);
        if (left == 0) {
          continue;
        }
        int quantity = 1 + s.b() % left;
        returned.merge(p.id() + "/" + line.id(), quantity, Integer::sum);
        activity = Return.of(ActivityId.of("r-" + i), t, p.id(),
            List.of(ReturnLine.of(line.id().value(), quantity)));
      } else if (s.kind() == 7) {
        activity = EngagementEvent.of(ActivityId.of("e-" + i), t, EngagementType.CHECK_IN);
      } else {
        m = applyAVoucher(m, s.a());
        continue;
      }
      Decision d = PROGRAM.decide(STATE, m, activity, t, random);
      assertThat(d.isRefused()).as("%s: %s", activity, d.errors()).isFalse();
      decisions.add(d);
      m = d.member();
    }
    return new History(decisions, m, t);
  }

  private static Member applyAVoucher(Member m, int pick) {
    List<Voucher> issued = m.vouchers().values().stream()
        .filter(v -> v.status() == VoucherStatus.ISSUED).toList();
    return issued.isEmpty() ? m
        : m.withVoucher(issued.get(pick % issued.size()).withStatus(VoucherStatus.APPLIED));
  }

  private static Challenge challenge(String id) {
    return PROGRAM.program().challenges().values().stream()
        .filter(c -> c.id().value().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aChallengeThatDoesNotRestartNeverCompletesTwiceInOneWindow() {
    qt().withExamples(EXAMPLES).forAll(histories(8)).checkAssert(steps -> {
      History h = run(steps);
      Map<String, Integer> net = new TreeMap<>();
      for (Decision d : h.decisions()) {
        for (Effect e : d.effects()) {
          if (e instanceof Effect.ChallengeCompleted c && !challenge(c.challenge().value())
              .restarts()) {
            String key = c.challenge() + "@" + c.window();
            int now = net.merge(key, 1, Integer::sum);
            assertThat(now).as("%s completed twice", key).isLessThanOrEqualTo(1);
            assertThat(c.completion()).isEqualTo(1);
          } else if (e instanceof Effect.ChallengeCompletionRevoked r) {
            net.merge(r.challenge() + "@" + r.window(), -1, Integer::sum);
          }
        }
      }
      h.member().progress().forEach((key, value) -> {
        if (key.endsWith("/done") && !key.startsWith("challenge/card/")
            && !key.startsWith("challenge/spend/") && !key.startsWith("challenge/streak/")) {
          assertThat(value).as(key).isLessThanOrEqualTo(BigDecimal.ONE);
        }
      });
    });
  }

  @Test
  void theStampsOnACardNeverReachItsSize() {
    qt().withExamples(EXAMPLES).forAll(histories(8)).checkAssert(steps -> {
      History h = run(steps);
      for (Decision d : h.decisions()) {
        Member m = d.member();
        for (Challenge c : PROGRAM.program().challenges().values()) {
          if (!c.restarts() || c.streak() > 1) {
            continue;
          }
          String prefix = "challenge/" + c.id() + "/";
          m.progress().forEach((key, count) -> {
            if (key.startsWith(prefix) && key.endsWith("/count")) {
              String window = key.substring(0, key.length() - "count".length());
              BigDecimal done = m.progress(window + "done");
              assertThat(count.subtract(c.target().multiply(done)))
                  .as("%s with %s completions", key, done).isLessThan(c.target());
            }
          });
        }
        for (Effect.ChallengeProgressed p : d.effects(Effect.ChallengeProgressed.class)) {
          assertThat(p.progress()).isLessThanOrEqualTo(p.target());
        }
        for (ChallengeProgress p : PROGRAM.challengeProgress(STATE, m, d.at())) {
          assertThat(p.progress()).as("%s", p).isBetween(BigDecimal.ZERO, p.target());
          if (challenge(p.challenge().value()).restarts() && p.streakTarget() == 1) {
            assertThat(p.progress()).as("%s", p).isLessThan(p.target());
          }
        }
      }
    });
  }

  @Test
  void aPurchaseReturnedWholeRemovesTheStampsAndProgressItGave() {
    qt().withExamples(EXAMPLES).forAll(histories(7), integers().between(0, 999),
        integers().between(0, 999), integers().between(0, 30)).checkAssert((steps, a, b, hours) -> {
          History h = run(steps);
          RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
          Instant at = h.at().plusSeconds(hours * 3600L + 60);
          Purchase p = purchase("late", at, a, b);
          Decision bought = PROGRAM.decide(STATE, h.member(), p, at, random);
          Instant back = at.plusSeconds(3600);
          Decision returned = PROGRAM.decide(STATE, bought.member(), Return.ofWholeLines(
              ActivityId.of("late-return"), back, p, p.lines().stream()
                  .map(PurchaseLine::id).toList()), back, random);
          Member never = PROGRAM.advance(STATE, h.member(), back).member();
          Member after = returned.member();
          assertThat(counters(after)).isEqualTo(counters(never));
          assertThat(after.available(STARS)).isEqualTo(never.available(STARS));
          assertThat(issued(after)).isEqualTo(issued(never));
          assertThat(PROGRAM.challengeProgress(STATE, after, back))
              .isEqualTo(PROGRAM.challengeProgress(STATE, never, back));
        });
  }

  private static final CompiledProgram STREAK = LoyaltyRules.compile(ProgramFiles.read("""
      format: loyalty-program/1
      id: cafe
      currency: EUR
      zone: Europe/Berlin
      units:
        - {id: stars, name: Stars}
      challenges:
        - {id: streak, name: Three days in a row, goal: purchases, target: 1, window: day,
           streak: 3, grant: {points: 1000, unit: stars}, restarts: true}
      """, ProgramFiles.Syntax.YAML).program());

  /** A purchase on day {@code day} of March, returned afterwards or not. */
  record Visit(int day, boolean returned) {}

  @Test
  void aStreakCompletesAsOftenAsItsDaysAllowWhateverOrderTheyAreReportedIn() {
    Gen<Visit> visit = integers().between(1, 20).zip(integers().between(0, 3),
        (day, r) -> new Visit(day, r == 0));
    qt().withExamples(EXAMPLES).forAll(lists().of(visit).ofSizeBetween(1, 25),
        integers().all()).checkAssert((visits, order) -> {
          RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
          Instant end = LocalDateTime.of(2026, 3, 22, 12, 0).atZone(ZONE).toInstant();
          List<Purchase> purchases = new ArrayList<>();
          for (int i = 0; i < visits.size(); i++) {
            purchases.add(Purchase.builder(ActivityId.of("p-" + i),
                LocalDateTime.of(2026, 3, visits.get(i).day(), 9, i).atZone(ZONE).toInstant())
                .line(PurchaseLine.of("l1", "latte", "coffee", 1, Money.of("3.00", "EUR")))
                .build());
          }
          List<Purchase> reported = new ArrayList<>(purchases);
          java.util.Collections.shuffle(reported, new java.util.Random(order));
          Member m = Member.enroll(MemberId.of("ana"), START);
          Instant t = end;
          for (Purchase p : reported) {
            m = STREAK.decide(STATE, m, p, t, random).member();
          }
          for (int i = 0; i < visits.size(); i++) {
            if (visits.get(i).returned()) {
              t = t.plusSeconds(60);
              m = STREAK.decide(STATE, m, Return.ofWholeLines(ActivityId.of("r-" + i), t,
                  purchases.get(i), List.of(org.loyaltyrules.core.LineId.of("l1"))), t, random)
                  .member();
            }
          }
          // The model: days with a purchase kept, read in order, every third in a row completes.
          java.util.Set<Integer> days = new java.util.TreeSet<>();
          visits.stream().filter(v -> !v.returned()).forEach(v -> days.add(v.day()));
          int streaks = 0;
          int run = 0;
          for (int day = 1; day <= 21; day++) {
            run = days.contains(day) ? run + 1 : 0;
            if (run == 3) {
              streaks++;
              run = 0;
            }
          }
          assertThat(m.available(STARS)).isEqualTo(streaks * 1000L);
          assertThat(STREAK.challengeProgress(STATE, m, t).get(0).completionsEver())
              .isEqualTo(streaks);
        });
  }

  private static Map<String, BigDecimal> counters(Member m) {
    Map<String, BigDecimal> counters = new TreeMap<>();
    m.progress().forEach((key, value) -> {
      if (key.startsWith("challenge/")) {
        counters.put(key, value);
      }
    });
    return counters;
  }

  private static List<Voucher> issued(Member m) {
    return m.vouchers().values().stream().filter(v -> v.status() == VoucherStatus.ISSUED)
        .toList();
  }
}
