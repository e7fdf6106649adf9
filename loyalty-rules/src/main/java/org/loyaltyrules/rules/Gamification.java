package org.loyaltyrules.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.ProgramStateChange;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.program.Draw;
import org.loyaltyrules.core.program.EntryTrigger;
import org.loyaltyrules.core.program.GamePrize;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.InstantWinGame;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.TimeWindow;

/**
 * One decision's sweepstakes entries and instant-win plays: a qualifying purchase or event earns
 * entries in each draw and plays each game whose trigger it matches, as often as the draw's or
 * game's frequency allows and inside its window; a return that takes a purchase below every
 * minimum spend of a draw withdraws the entries the purchase earned there, unless the draw has
 * run since (they were in its pool, and the entries the member holds now belong to the next
 * run), and never more than the member still holds. Withdrawing them also releases the claim
 * the purchase made on its period, so the next qualifying activity of a once-a-day (month,
 * year, ever) draw earns entries again.
 *
 * <p>Counters kept in the member's progress: {@code draw/ID/FREQUENCY/PERIOD} marks entries or
 * a play earned in a period, like an event bonus's; {@code draw/ID/purchase/PURCHASE/DAY/DATE}
 * holds the entries a purchase earned and {@code draw/ID/purchase-run/PURCHASE/DAY/DATE} the
 * run of the draw they belong to, counted from 1: the draw's runs in the program-level state
 * ({@link ProgramState#drawRuns(DrawId)}) when they were earned, plus one. Both are kept while a
 * return of the purchase can still come (the run drops them with the day's counters once the
 * day leaves the activity horizon). A return withdraws the entries only while the draw's runs
 * are still below the recorded run.
 *
 * <p>A play takes, once per decision, one number from the random source and mixes it with the
 * game's id and the activity's id ({@link Chance}) into a value from 0 to 2<sup>64</sup> - 1. The
 * prizes' odds are laid out one after another from 0 in declared order; the play wins the prize
 * whose share the value falls in, or nothing past the last, and a prize whose stock is given
 * away (the program-level state and this decision) is not won. A host that passes
 * {@code new SplittableRandom(campaignSeed)} to each decision therefore gets outcomes that depend
 * only on the campaign seed and the stable ids, which the trace records with the value drawn. A
 * prize won is not taken back by a return. Made per decision; not thread-safe.
 */
final class Gamification {
  static final String COUNTER = "draw/";
  private static final String PRIZE_RULE = "prize:";

  /** Gives a grant for a source activity under a rule, with the given voucher id. */
  @FunctionalInterface
  interface Giver {
    void give(Grant grant, RuleId rule, VoucherId voucher, ActivityId source, Instant at);
  }

  private final Program program;
  private final ProgramState state;
  private final MemberId member;
  private final RandomGenerator random;
  private final Function<String, BigDecimal> progress;
  private final BiConsumer<String, BigDecimal> set;
  private final Giver giver;
  private final List<ProgramStateChange> changes;
  private final List<Effect> effects;
  private final List<TraceEntry> trace;
  private final Map<String, Long> awarded = new HashMap<>();
  private Long seed;

  Gamification(Program program, ProgramState state, MemberId member, RandomGenerator random,
      Function<String, BigDecimal> progress, BiConsumer<String, BigDecimal> set, Giver giver,
      List<ProgramStateChange> changes, List<Effect> effects, List<TraceEntry> trace) {
    this.program = program;
    this.state = state;
    this.member = member;
    this.random = random;
    this.progress = progress;
    this.set = set;
    this.giver = giver;
    this.changes = changes;
    this.effects = effects;
    this.trace = trace;
  }

  /** Whether a lot was earned from an instant-win prize, which returns do not take back. */
  static boolean isPrize(RuleId rule) {
    return rule.value().startsWith(PRIZE_RULE);
  }

  /** Earns the entries and plays the games a purchase of {@code amount} earns. */
  void purchase(Purchase purchase, BigDecimal amount) {
    for (Draw draw : program.draws().values()) {
      if (meetsMinimum(draw.earnedBy(), amount)) {
        enter(draw, purchase.id(), purchase.occurredAt(), true);
      }
    }
    for (InstantWinGame game : program.games().values()) {
      if (meetsMinimum(game.earnedBy(), amount)) {
        play(game, purchase.id(), purchase.occurredAt());
      }
    }
  }

  /** Earns the entries and plays the games an engagement event earns. */
  void event(EngagementEvent event) {
    for (Draw draw : program.draws().values()) {
      if (matches(draw.earnedBy(), event)) {
        enter(draw, event.id(), event.occurredAt(), false);
      }
    }
    for (InstantWinGame game : program.games().values()) {
      if (matches(game.earnedBy(), event)) {
        play(game, event.id(), event.occurredAt());
      }
    }
  }

  /**
   * Withdraws the entries a purchase earned in each draw whose every minimum spend the rest of
   * the order, {@code left}, no longer meets, unless the draw has run since, and releases the
   * period the purchase claimed.
   */
  void ret(Purchase purchase, BigDecimal left, ActivityId ret) {
    for (Draw draw : program.draws().values()) {
      String key = purchaseKey(draw.id(), purchase, "/purchase/");
      long earned = progress.apply(key).longValue();
      if (earned <= 0 || meetsMinimum(draw.earnedBy(), left)) {
        continue;
      }
      String runKey = purchaseKey(draw.id(), purchase, "/purchase-run/");
      long run = progress.apply(runKey).longValue();
      set.accept(key, BigDecimal.ZERO);
      set.accept(runKey, BigDecimal.ZERO);
      RuleId rule = rule(draw.id());
      String why = "return " + ret + " leaves "
          + Money.of(left.stripTrailingZeros(), program.currency()) + " of purchase "
          + purchase.id() + ", below the minimum spend: ";
      long runs = state.drawRuns(draw.id());
      if (run <= runs) {
        trace.add(new TraceEntry(rule, true, Optional.empty(), 0, 0, 0, BigDecimal.ZERO, why
            + "the " + earned + " entries it earned in draw " + draw.id() + " were in run "
            + run + ", already drawn (the draw has run " + (runs == 1 ? "once" : runs + " times")
            + "): none withdrawn"));
        continue;
      }
      long take = Math.min(earned, held(draw.id()));
      if (take > 0) {
        changes.add(new ProgramStateChange.DrawEntered(draw.id(), member, -take));
        effects.add(new Effect.DrawEntriesWithdrawn(draw.id(), take));
      }
      Optional<String> claim = frequencyKey(draw.id(), draw.frequency(),
          day(purchase.occurredAt())).filter(k -> progress.apply(k).signum() > 0);
      claim.ifPresent(k -> set.accept(k, BigDecimal.ZERO));
      trace.add(new TraceEntry(rule, true, Optional.empty(), 0, 0, 0, BigDecimal.ZERO, why
          + take + " of the " + earned + " entries it earned in draw " + draw.id()
          + " withdrawn" + (take < earned ? " (the member holds no more)" : "")
          + claim.map(k -> "; the period it claimed ("
              + draw.frequency().name().toLowerCase(Locale.ROOT).replace('_', '-') + ", "
              + k.substring(k.lastIndexOf('/') + 1) + ") is released").orElse("")));
    }
  }

  private void enter(Draw draw, ActivityId activity, Instant occurredAt, boolean purchase) {
    RuleId rule = rule(draw.id());
    Optional<String> whyNot = whyNot(draw.id(), draw.window(), draw.frequency(), occurredAt);
    if (whyNot.isPresent()) {
      trace.add(TraceEntry.notMatched(rule, whyNot.get()));
      return;
    }
    claim(draw.id(), draw.frequency(), occurredAt);
    changes.add(new ProgramStateChange.DrawEntered(draw.id(), member, draw.entries()));
    effects.add(new Effect.DrawEntriesEarned(draw.id(), draw.entries()));
    if (purchase) {
      String suffix = activity + "/DAY/" + day(occurredAt);
      set.accept(COUNTER + draw.id() + "/purchase/" + suffix, BigDecimal.valueOf(draw.entries()));
      set.accept(COUNTER + draw.id() + "/purchase-run/" + suffix,
          BigDecimal.valueOf(Math.addExact(state.drawRuns(draw.id()), 1)));
    }
    trace.add(new TraceEntry(rule, true, Optional.empty(), 0, 0, 0, BigDecimal.ZERO,
        draw.entries() + (draw.entries() == 1 ? " entry" : " entries") + " in draw "
            + draw.id()));
  }

  private void play(InstantWinGame game, ActivityId activity, Instant occurredAt) {
    RuleId rule = rule(game.id());
    Optional<String> whyNot = whyNot(game.id(), game.window(), game.frequency(), occurredAt);
    if (whyNot.isPresent()) {
      trace.add(TraceEntry.notMatched(rule, whyNot.get()));
      return;
    }
    claim(game.id(), game.frequency(), occurredAt);
    if (seed == null) {
      seed = random.nextLong();
    }
    long value = Chance.value(seed, game.id().value(), activity.value());
    BigInteger drawn = Chance.unsigned(value);
    BigDecimal below = BigDecimal.ZERO;
    GamePrize hit = null;
    for (GamePrize prize : game.prizes()) {
      below = below.add(prize.odds());
      if (drawn.compareTo(Chance.threshold(below)) < 0) {
        hit = prize;
        break;
      }
    }
    String drew = String.format(Locale.ROOT, "play of game %s by activity %s: seed %d drew %s "
        + "(%s of 1)", game.id(), activity, seed, drawn, Chance.fraction(value));
    if (hit == null) {
      effects.add(new Effect.InstantWinPlayed(game.id(), Optional.empty()));
      trace.add(new TraceEntry(rule, true, Optional.empty(), 0, 0, 0, BigDecimal.ZERO, drew
          + ", past the odds of winning " + game.odds().toPlainString() + ": no prize"));
      return;
    }
    String key = game.id() + "\n" + hit.id();
    long given = state.prizesAwarded(game.id(), hit.id()) + awarded.getOrDefault(key, 0L);
    if (given >= hit.stock()) {
      effects.add(new Effect.InstantWinPlayed(game.id(), Optional.empty()));
      trace.add(new TraceEntry(rule, true, Optional.empty(), 0, 0, 0, BigDecimal.ZERO, drew
          + ": prize " + hit.id() + ", but all " + hit.stock() + " of it are given away"));
      return;
    }
    awarded.merge(key, 1L, Long::sum);
    changes.add(new ProgramStateChange.PrizeAwarded(game.id(), hit.id(), 1));
    effects.add(new Effect.InstantWinPlayed(game.id(), Optional.of(hit.id())));
    trace.add(new TraceEntry(rule, true, Optional.empty(), 0, 0, 0, BigDecimal.ZERO, drew
        + ": won prize " + hit.id() + " (odds " + hit.odds().toPlainString() + "), "
        + (hit.stock() - given - 1) + " of " + hit.stock() + " left"));
    if (hit.grant().isPresent()) {
      RuleId prizeRule = RuleId.of(PRIZE_RULE + game.id() + "/" + hit.id());
      giver.give(hit.grant().get(), prizeRule, VoucherId.of(activity + "/" + prizeRule),
          activity, occurredAt);
    }
  }

  /** Why an activity at an instant earns nothing in a draw or game; empty if it earns. */
  private Optional<String> whyNot(DrawId id, Optional<TimeWindow> window, Frequency frequency,
      Instant occurredAt) {
    LocalDateTime local = occurredAt.atZone(program.zone()).toLocalDateTime();
    if (window.isPresent() && !window.get().contains(local)) {
      return Optional.of("outside the window of " + id + ", from " + window.get().from()
          + " until " + window.get().until());
    }
    Optional<String> key = frequencyKey(id, frequency, local.toLocalDate());
    if (key.isPresent() && progress.apply(key.get()).signum() > 0) {
      return Optional.of(id + " already earned "
          + frequency.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    return Optional.empty();
  }

  private void claim(DrawId id, Frequency frequency, Instant occurredAt) {
    frequencyKey(id, frequency, day(occurredAt)).ifPresent(k -> set.accept(k, BigDecimal.ONE));
  }

  private static Optional<String> frequencyKey(DrawId id, Frequency frequency, LocalDate day) {
    String period = switch (frequency) {
      case EVERY_TIME -> null;
      case ONCE_PER_DAY -> day.toString();
      case ONCE_PER_MONTH -> YearMonth.from(day).toString();
      case ONCE_PER_YEAR -> String.valueOf(day.getYear());
      case ONCE_EVER -> "all";
    };
    return period == null ? Optional.empty()
        : Optional.of(COUNTER + id + "/" + frequency + "/" + period);
  }

  /** The counter of a purchase in a draw: {@code /purchase/} its entries, or its run. */
  private String purchaseKey(DrawId draw, Purchase purchase, String kind) {
    return COUNTER + draw + kind + purchase.id() + "/DAY/" + day(purchase.occurredAt());
  }

  private LocalDate day(Instant instant) {
    return instant.atZone(program.zone()).toLocalDate();
  }

  /** The entries the member holds in a draw: the state's and this decision's. */
  private long held(DrawId draw) {
    long held = state.drawEntries(draw).getOrDefault(member, 0L);
    for (ProgramStateChange change : changes) {
      if (change instanceof ProgramStateChange.DrawEntered e && e.draw().equals(draw)
          && e.member().equals(member)) {
        held += e.entries();
      }
    }
    return held;
  }

  private static boolean meetsMinimum(List<EntryTrigger> triggers, BigDecimal amount) {
    return triggers.stream().anyMatch(t -> t instanceof EntryTrigger.Purchase p
        && amount.compareTo(p.minimumSpend().amount()) >= 0);
  }

  private static boolean matches(List<EntryTrigger> triggers, EngagementEvent event) {
    return triggers.stream().anyMatch(t -> t instanceof EntryTrigger.Event e && e.matches(event));
  }

  private static RuleId rule(DrawId id) {
    return RuleId.of(COUNTER + id);
  }
}
