package org.loyaltyrules.bench;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.config.ProgramFile;
import org.loyaltyrules.rules.config.ProgramFiles;

/**
 * The program and the stored member of the {@code advance} benchmarks: an outfitter's points
 * program whose points are pending for 14 days and expire a year after they are earned, with
 * three tiers by money spent in the calendar year (reviewed when the year closes, lowered to the
 * tier earned, the library's defaults).
 *
 * <p>The member enrolled on 6 January 2025, reached gold with two large purchases in 2025 (gold
 * is then held through 2026), and made 18 smaller purchases in 2026, the last on 28 December,
 * which is the member's "as of" instant. Each purchase earns one lot at 1 point per euro.
 * Advancing from there to {@link #ADVANCE_TO}, 25 January 2027, one call:
 *
 * <ul>
 *   <li>vests the points of the three purchases of 18, 22 and 28 December 2026 (pending until 1,
 *       5 and 11 January);
 *   <li>expires what is left of the four lots earned on 5, 10, 15 and 20 January 2026;
 *   <li>closes the tier period of 2026 on 1 January 2027: 2026's spend is below gold's threshold,
 *       so the review lowers the member from gold to silver.
 * </ul>
 *
 * <p>The member's ledger holds 20 lots (the two of 2025 already expired during 2026) and the
 * postings of all 20 purchases. Everything here is deterministic.
 */
final class AdvanceFixture {
  /** The program, as a program file. */
  static final String PROGRAM = """
      format: loyalty-program/1
      id: outfitters
      name: Outfitters
      currency: EUR
      zone: Europe/Berlin
      units:
        - id: points
          name: Points
          pending: 14 days
          expiry:
            after: 1 year
      earnRules:
        - id: base
          kind: rate
          unit: points
          points: 1
          per: 1.00
      tiers:
        metric: spend
        window: calendar-year
        tiers:
          - id: member
            name: Member
            threshold: 0
          - id: silver
            name: Silver
            threshold: 500
          - id: gold
            name: Gold
            threshold: 1000
      """;

  /** The program's zone. */
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** Where the benchmark advances the member to: 25 January 2027, noon. */
  static final Instant ADVANCE_TO = at(2027, 1, 25);

  /** The days of the member's purchases: year, month, day, and the amount in euros. */
  private static final int[][] PURCHASES = {
      // 2025: 1,100 EUR, gold for the rest of 2025 and all of 2026. Expired during 2026.
      {2025, 3, 21, 550}, {2025, 5, 23, 550},
      // January 2026: these four lots expire inside the measured call.
      {2026, 1, 5, 20}, {2026, 1, 10, 35}, {2026, 1, 15, 25}, {2026, 1, 20, 40},
      // The rest of 2026: 2026 closes at 731 EUR, silver.
      {2026, 2, 7, 45}, {2026, 3, 7, 30}, {2026, 4, 4, 50}, {2026, 5, 2, 60},
      {2026, 6, 6, 25}, {2026, 7, 4, 55}, {2026, 8, 1, 40}, {2026, 9, 5, 35},
      {2026, 10, 3, 65}, {2026, 11, 7, 45}, {2026, 12, 10, 50},
      // Still pending at the member's "as of" instant; they vest inside the measured call.
      {2026, 12, 18, 40}, {2026, 12, 22, 36}, {2026, 12, 28, 35},
  };

  private AdvanceFixture() {}

  /** Reads and compiles {@link #PROGRAM}. */
  static CompiledProgram program() {
    ProgramFile file = ProgramFiles.read(PROGRAM, ProgramFiles.Syntax.YAML);
    return LoyaltyRules.compile(file.program());
  }

  /** Returns the program-level state: nothing spans members in this program. */
  static ProgramState state() {
    return ProgramState.initial(Money.currency("EUR"));
  }

  /** Builds the stored member by deciding its 20 purchases, in order. */
  static Member member(CompiledProgram program) {
    return member(program, MemberId.of("ana"));
  }

  /** Builds a stored member with the given id by deciding its 20 purchases, in order. */
  static Member member(CompiledProgram program, MemberId id) {
    ProgramState state = state();
    Member m = Member.enroll(id, at(2025, 1, 6));
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < PURCHASES.length; i++) {
      int[] p = PURCHASES[i];
      Instant at = at(p[0], p[1], p[2]);
      Decision d = program.decide(state, m, purchase("p" + (i + 1), at, p[3]), at, random);
      m = d.member();
    }
    return m;
  }

  /**
   * A purchase of {@code euros} in all: two thirds outdoor goods, the rest apparel, as two
   * lines.
   */
  static Purchase purchase(String id, Instant at, int euros) {
    int outdoor = euros * 2 / 3;
    List<PurchaseLine> lines = new ArrayList<>();
    lines.add(PurchaseLine.of("l1", "TENT", "outdoor", 1, Money.of(outdoor + ".00", "EUR")));
    if (euros - outdoor > 0) {
      lines.add(PurchaseLine.of("l2", "SOCK", "apparel", 1,
          Money.of((euros - outdoor) + ".00", "EUR")));
    }
    return Purchase.builder(ActivityId.of(id), at)
        .channel(Channel.IN_STORE)
        .lines(lines)
        .build();
  }

  /** Noon on a day in the program's zone. */
  static Instant at(int year, int month, int day) {
    return LocalDateTime.of(year, month, day, 12, 0).atZone(ZONE).toInstant();
  }
}
