package org.loyaltyrules.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
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
 * REF-10, the reference program of the benchmarks, with its member and its purchase. Everything
 * is built from fixed values, so every fixture is the same.
 *
 * <p>The program ({@code ref10.program.yaml}): points plus tiers by calendar-year spend (Member
 * from $0, Silver from $500, Gold from $2,000) and ten earn rules, of the built-in kinds only: a
 * base rate of 1 point per $1; electronics x2, outdoor x3 and books x2; Gold x1.5; a spring
 * double-points offer for segment {@code spring-promo} in March 2026; 100 points for the first
 * order in the app; 50 points for an order of $100 or more; an app bonus of 5 points per $1,
 * capped at 200 an order; double points in the member's birthday month.
 *
 * <p>The member: enrolled in 2019, born on 21 March, in segment {@code spring-promo}, with ten
 * in-store purchases of $205.00 in January and February 2026 already decided, which earned two
 * lots each (base and the $100 bonus): 20 lots, and $2,050 of spend, so the member is Gold. None
 * of those was in the app, so the first-app-order bonus is still to be earned.
 *
 * <p>The purchase: an app order on Saturday 14 March 2026 at 12:30 New York time, five lines,
 * every one earning, $308.93 in all.
 */
public final class Ref10 {
  /** The program's zone. */
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  /** When the purchase is made and decided. */
  static final Instant AT = LocalDateTime.of(2026, 3, 14, 12, 30).atZone(ZONE).toInstant();
  /** The points the purchase earns, as the trace shows rule by rule. */
  static final long EXPECTED_POINTS = 2727;

  private Ref10() {}

  /**
   * One benchmark input: a compiled program, the program state, the member and the purchase.
   *
   * @param program the compiled program
   * @param state the program-level state
   * @param member the member, as of the last earlier purchase
   * @param cart the purchase to decide
   * @param random the random source decisions are given; REF-10 draws nothing
   */
  record Fixture(CompiledProgram program, ProgramState state, Member member, Purchase cart,
      RandomGenerator random) {
    /** Decides the purchase at {@link #AT}. */
    Decision decide() {
      return program.decide(state, member, cart, AT, random);
    }

    /** Previews the purchase at {@link #AT}. */
    Decision preview() {
      return program.preview(state, member, cart, AT, random);
    }
  }

  /** Returns REF-10 with built-in rule kinds only. */
  static Fixture declarative() {
    return fixture("ref10.program.yaml");
  }

  /** Returns REF-10 with three rules written as expressions. */
  static Fixture expressions() {
    return fixture("ref10-expressions.program.yaml");
  }

  /** Returns the text of a program file of this package. */
  static String programText(String name) {
    try (InputStream in = Ref10.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + name + " next to " + Ref10.class);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
  }

  /** Reads and compiles a program file; fails naming every problem if it is not clean. */
  static CompiledProgram compile(String name) {
    ProgramFile file = ProgramFiles.read(programText(name), ProgramFiles.Syntax.of(name));
    if (!file.problems().isEmpty()) {
      throw new IllegalStateException(name + ": " + file.problems());
    }
    return LoyaltyRules.compile(file.program());
  }

  private static Fixture fixture(String name) {
    CompiledProgram program = compile(name);
    ProgramState state = ProgramState.initial(program.program().currency());
    RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    return new Fixture(program, state, member(program, state, random), cart(), random);
  }

  /**
   * The member: enrolled in 2019, born on 21 March 1988, in segment {@code spring-promo}, after
   * ten in-store purchases of $205.00, every fourth day from 5 January 2026.
   */
  static Member member(CompiledProgram program, ProgramState state, RandomGenerator random) {
    Member m = Member.enroll(MemberId.of("ref10-member"),
        LocalDateTime.of(2019, 5, 2, 10, 0).atZone(ZONE).toInstant());
    m = m.withProfile(m.profile().withBirthday(LocalDate.of(1988, 3, 21))
        .withSegments(Set.of("spring-promo")));
    for (int i = 0; i < 10; i++) {
      Instant at = LocalDate.of(2026, 1, 5).plusDays(4L * i).atTime(11, 0).atZone(ZONE)
          .toInstant();
      Purchase earlier = Purchase.builder(ActivityId.of("store-" + i), at)
          .channel(Channel.IN_STORE)
          .lines(List.of(PurchaseLine.of("l1", "JACKET", "apparel", 1,
              Money.of("205.00", "USD"))))
          .build();
      m = program.decide(state, m, earlier, at, random).member();
    }
    return m;
  }

  /**
   * The purchase: headphones and a charger (electronics), a tent and a lantern (outdoor), two
   * novels (books); $308.93 in the app.
   */
  static Purchase cart() {
    return Purchase.builder(ActivityId.of("app-order-1"), AT)
        .channel(Channel.APP)
        .lines(List.of(
            PurchaseLine.of("l1", "HEADPHONES", "electronics", 1, Money.of("89.99", "USD")),
            PurchaseLine.of("l2", "TENT-2", "outdoor", 1, Money.of("149.00", "USD")),
            PurchaseLine.of("l3", "NOVEL", "books", 2, Money.of("12.50", "USD")),
            PurchaseLine.of("l4", "LANTERN", "outdoor", 1, Money.of("24.95", "USD")),
            PurchaseLine.of("l5", "CHARGER", "electronics", 1, Money.of("19.99", "USD"))))
        .build();
  }
}
