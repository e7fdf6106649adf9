package org.loyaltyrules.rules.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.Donation;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.MembershipFeePayment;
import org.loyaltyrules.core.activity.MembershipTrial;
import org.loyaltyrules.core.activity.PayWithPoints;
import org.loyaltyrules.core.activity.PointsTransfer;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.ReferralCredit;
import org.loyaltyrules.core.activity.ReferralWithdrawal;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.DecisionError;
import org.loyaltyrules.core.decision.DrawResult;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.MemberProfile;
import org.loyaltyrules.core.member.Membership;
import org.loyaltyrules.core.program.Cause;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.PointsPayment;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TransferTerms;
import org.loyaltyrules.rules.CompiledProgram;

/**
 * One simulation run: the simulated host. It keeps the members' states and the program-level
 * state, processes the customers' visits and returns day by day in time order, and advances
 * every member at each month end. Mutable and single-use; see {@link Simulation} for the
 * behaviour it implements.
 */
final class Engine {
  private static final int OPENS = 7 * 60;
  private static final int OPEN_MINUTES = 14 * 60;
  private static final int MONTH_DAYS = 30;
  private static final int MILLION = 1_000_000;
  private static final int SKUS_PER_CATEGORY = 8;
  private static final int SAMPLE_DAYS = 7;
  private static final int MAX_RETURN_DELAY = 14;

  private enum Kind { VISIT, RETURN }

  /** Something a customer does at an instant; ordered by instant, customer, then sequence. */
  private record Event(Instant at, int customer, int sequence, Kind kind, Purchase purchase,
      PurchaseLine line) {}

  private static final Comparator<Event> ORDER = Comparator.comparing(Event::at)
      .thenComparingInt(Event::customer).thenComparingInt(Event::sequence);

  private final CompiledProgram compiled;
  private final Program program;
  private final Population population;
  private final LocalDate start;
  private final int days;
  private final long seed;
  private final SimulationListener listener;
  /** Whether a sample advances a copy of each member to its instant, or reads it as stored. */
  private final boolean advanceSamples;
  private final ZoneId zone;
  private final Currency currency;
  private final ProgramProfile profile;
  private final Tally tally;
  private final Customer[] customers;
  private final Map<MemberId, Customer> byId = new TreeMap<>();
  private final List<Customer> enrolled = new ArrayList<>();
  private final List<List<Event>> agenda;
  private final SplittableRandom hostRandom;
  private final long minPriceUnits;
  private final long maxPriceUnits;
  private final int priceScale;
  private final List<SimulationResult.Sample> samples = new ArrayList<>();
  private final List<SimulationResult.TierSnapshot> snapshots = new ArrayList<>();
  private ProgramState state;
  private LocalDate today;

  Engine(CompiledProgram compiled, Population population, LocalDate start, int days, long seed,
      SimulationListener listener) {
    this(compiled, population, start, days, seed, listener, false);
  }

  /**
   * Creates a run; with {@code alwaysAdvanceSamples} every sample advances copies of the members
   * even where the program's balances cannot move with time (for tests of that shortcut).
   */
  Engine(CompiledProgram compiled, Population population, LocalDate start, int days, long seed,
      SimulationListener listener, boolean alwaysAdvanceSamples) {
    this.compiled = compiled;
    this.program = compiled.program();
    this.population = population;
    this.start = start;
    this.days = days;
    this.seed = seed;
    this.listener = listener;
    this.zone = program.zone();
    this.currency = program.currency();
    this.profile = new ProgramProfile(program);
    this.advanceSamples = alwaysAdvanceSamples || profile.balancesMoveWithTime;
    this.priceScale = Math.max(0, currency.getDefaultFractionDigits());
    this.minPriceUnits = population.minLinePrice().movePointRight(priceScale)
        .setScale(0, RoundingMode.CEILING).longValueExact();
    this.maxPriceUnits = population.maxLinePrice().movePointRight(priceScale)
        .setScale(0, RoundingMode.FLOOR).longValueExact();
    if (maxPriceUnits < minPriceUnits) {
      throw new IllegalArgumentException("population.minLinePrice " + population.minLinePrice()
          .toPlainString() + " to maxLinePrice " + population.maxLinePrice().toPlainString()
          + " holds no amount in " + currency.getCurrencyCode() + "'s smallest unit ("
          + priceScale + " decimal places)");
    }
    int width = String.valueOf(population.customers()).length();
    this.tally = new Tally(program, Pattern.compile("\\bc\\d{" + width + "}[.a-z0-9]*"));
    this.state = ProgramState.initial(currency);
    this.agenda = new ArrayList<>(days);
    for (int d = 0; d < days; d++) {
      agenda.add(new ArrayList<>());
    }
    SplittableRandom root = new SplittableRandom(seed);
    this.hostRandom = root.split();
    Money zero = Money.zero(currency);
    this.customers = new Customer[population.customers()];
    String format = "c%0" + width + "d";
    for (int i = 0; i < customers.length; i++) {
      Customer c = new Customer(i, MemberId.of(String.format(java.util.Locale.ROOT, format, i)),
          root.split(), zero);
      draw(c);
      customers[i] = c;
      byId.put(c.id, c);
    }
  }

  /** Draws a customer's own figures and their first visit. */
  private void draw(Customer c) {
    SplittableRandom r = c.random;
    int low = population.minVisitsPerMonth().movePointRight(2).intValueExact();
    int high = population.maxVisitsPerMonth().movePointRight(2).intValueExact();
    int hundredths = low + r.nextInt(high - low + 1);
    c.visitMillionths = (int) Math.min(MILLION, (long) hundredths * MILLION / (100L * MONTH_DAYS));
    c.willEnrol = c.chance(population.enrolmentBasisPoints());
    c.enrolDay = 0;
    if (population.enrolment() == Population.Enrolment.DAILY_CHANCE) {
      c.enrolDay = Customer.NEVER;
      for (int d = 0; d < days; d++) {
        if (c.chance(population.dailyEnrolmentBasisPoints())) {
          c.enrolDay = d;
          break;
        }
      }
    }
    for (int month = 0; month * MONTH_DAYS < days; month++) {
      if (c.chance(population.monthlyChurnBasisPoints())) {
        c.churnDay = month * MONTH_DAYS + r.nextInt(MONTH_DAYS);
        break;
      }
    }
    if (c.chance(population.birthdayBasisPoints())) {
      c.birthday = Optional.of(LocalDate.of(1950 + r.nextInt(56), 1, 1).plusDays(r.nextInt(365)));
    }
    scheduleVisit(c, 0);
  }

  /** Schedules the customer's next visit on or after {@code from}, if they still come. */
  private void scheduleVisit(Customer c, int from) {
    int last = Math.min(days, c.churnDay);
    for (int d = from; d < last; d++) {
      if (c.random.nextInt(MILLION) < c.visitMillionths) {
        int minute = OPENS + c.random.nextInt(OPEN_MINUTES);
        Instant at = start.plusDays(d).atTime(LocalTime.of(minute / 60, minute % 60))
            .atZone(zone).toInstant();
        agenda.get(d).add(new Event(at, c.index, c.nextSequence(), Kind.VISIT, null, null));
        return;
      }
    }
  }

  SimulationResult run() {
    for (int d = 0; d < days; d++) {
      today = start.plusDays(d);
      Instant dayStart = today.atStartOfDay(zone).toInstant();
      if (d > 0) {
        if (today.getDayOfMonth() == 1) {
          advanceAll(dayStart);
          snapshot(today.minusDays(1));
        }
        if (today.getDayOfWeek() == DayOfWeek.MONDAY) {
          runDraws(dayStart);
        }
      }
      if (d % SAMPLE_DAYS == 0) {
        sample(d, today, dayStart);
        listener.progress(d, days);
      }
      List<Event> events = agenda.get(d);
      agenda.set(d, List.of());
      events.sort(ORDER);
      for (Event e : events) {
        Customer c = customers[e.customer()];
        if (e.kind() == Kind.VISIT) {
          visit(c, e.at(), d);
        } else {
          giveBack(c, e);
        }
      }
    }
    LocalDate endDate = start.plusDays(days);
    today = endDate.minusDays(1);
    Instant end = endDate.atStartOfDay(zone).toInstant();
    advanceAll(end);
    snapshot(today);
    sample(days, endDate, end);
    listener.progress(days, days);
    return result();
  }

  // ---------------------------------------------------------------- visits

  private void visit(Customer c, Instant at, int day) {
    c.startVisit();
    if (!c.isMember() && c.willEnrol && day >= c.enrolDay) {
      enrol(c, at);
    }
    Purchase purchase = basket(c, at);
    Money value = purchase.subtotal();
    c.visits++;
    c.spend = c.spend.plus(value);
    if (c.firstVisit == null) {
      c.firstVisit = at;
    }
    c.lastVisit = at;
    if (!c.isMember()) {
      tally.nonMemberVisits++;
      tally.nonMemberRevenue = tally.nonMemberRevenue.plus(value);
      scheduleVisit(c, day + 1);
      return;
    }
    c.memberVisits++;
    c.memberSpend = c.memberSpend.plus(value);
    tally.memberVisits++;
    tally.memberRevenue = tally.memberRevenue.plus(value);
    renew(c, at);
    Decision decision = decide(c, purchase, at, "purchase");
    if (decision != null) {
      if (c.behaves(population.returnBasisPoints())) {
        int when = day + 1 + c.behaviour.nextInt(MAX_RETURN_DELAY);
        PurchaseLine line = purchase.lines().get(c.behaviour.nextInt(purchase.lines().size()));
        if (when < days) {
          int minute = OPENS + c.behaviour.nextInt(OPEN_MINUTES);
          Instant back = start.plusDays(when).atTime(LocalTime.of(minute / 60, minute % 60))
              .atZone(zone).toInstant();
          agenda.get(when).add(new Event(back, c.index, c.nextSequence(), Kind.RETURN, purchase,
              line));
        }
      }
      engage(c, at);
      spend(c, at, purchase);
    }
    scheduleVisit(c, day + 1);
  }

  private void enrol(Customer c, Instant at) {
    Member member = Member.enroll(c.id, at);
    if (c.birthday.isPresent()) {
      member = member.withProfile(MemberProfile.empty().withBirthday(c.birthday.get()));
    }
    if (program.referral().isPresent() && !enrolled.isEmpty()
        && c.behaves(population.referralBasisPoints())) {
      Customer referrer = enrolled.get(c.behaviour.nextInt(enrolled.size()));
      member = member.withReferrer(referrer.id);
    }
    c.member = member;
    c.held = held(member);
    c.enrolledAt = at;
    enrolled.add(c);
    if (profile.plan.isPresent()) {
      MembershipPlan plan = profile.plan.get();
      if (plan.trial().isPresent()) {
        decide(c, new MembershipTrial(c.nextActivity("t"), at, plan.id()), at, "trial");
      } else {
        pay(c, plan, at);
      }
    }
    if (profile.rewardsAccountCreated) {
      decide(c, EngagementEvent.of(c.nextActivity("e"), at, EngagementType.ACCOUNT_CREATED), at,
          "event");
    }
    if (profile.rewardsBirthdayShared && c.birthday.isPresent()) {
      decide(c, EngagementEvent.of(c.nextActivity("e"), at, EngagementType.BIRTHDAY_SHARED), at,
          "event");
    }
  }

  private void pay(Customer c, MembershipPlan plan, Instant at) {
    if (decide(c, new MembershipFeePayment(c.nextActivity("f"), at, plan.id(), plan.fee()), at,
        "fee") != null) {
      tally.membershipFees = tally.membershipFees.plus(plan.fee());
    }
  }

  /** A member whose paid membership has ended (or whose trial has) may pay again. */
  private void renew(Customer c, Instant at) {
    if (profile.plan.isEmpty()) {
      return;
    }
    MembershipPlan plan = profile.plan.get();
    Optional<Membership> membership = c.member.membership(plan.id());
    if (membership.isPresent() && membership.get().isActiveAt(at)) {
      return;
    }
    if (plan.isLifetime() && membership.isPresent()) {
      return;
    }
    if (c.behaves(population.renewalBasisPoints())) {
      pay(c, plan, at);
    }
  }

  private Purchase basket(Customer c, Instant at) {
    SplittableRandom r = c.basket;
    Purchase.Builder builder = Purchase.builder(c.nextActivity("p"), at);
    int online = population.onlineBasisPoints();
    int roll = r.nextInt(Population.CERTAIN);
    builder.channel(roll < online ? Channel.ONLINE
        : roll < online + population.appBasisPoints() ? Channel.APP : Channel.IN_STORE);
    if (!profile.instruments.isEmpty() && c.basketChance(population.instrumentBasisPoints())) {
      builder.paymentInstrument(profile.instruments.get(r.nextInt(profile.instruments.size())));
    }
    if (!profile.sellers.isEmpty()) {
      int choices = profile.sellers.size() + (profile.sellsWithoutPartner ? 1 : 0);
      int pick = r.nextInt(choices);
      if (pick < profile.sellers.size()) {
        builder.partner(profile.sellers.get(pick));
      }
    }
    int lines = population.minLines()
        + r.nextInt(population.maxLines() - population.minLines() + 1);
    for (int i = 1; i <= lines; i++) {
      String category = profile.categories.get(r.nextInt(profile.categories.size()));
      String sku = category + "-" + (1 + r.nextInt(SKUS_PER_CATEGORY));
      if (!profile.skus.isEmpty() && c.basketChance(population.tagBasisPoints())) {
        sku = profile.skus.get(r.nextInt(profile.skus.size()));
      }
      long units = minPriceUnits + r.nextLong(maxPriceUnits - minPriceUnits + 1);
      Money price = Money.of(BigDecimal.valueOf(units, priceScale), currency);
      boolean night = profile.nightCategories.contains(category);
      PurchaseLine line = PurchaseLine.of(LineId.of("l" + i), sku, category,
          BigDecimal.valueOf(night ? 1 + r.nextInt(3) : 1), price);
      if (night) {
        line = line.withUnitOfMeasure("night");
      }
      if (!profile.tags.isEmpty()) {
        List<String> tags = new ArrayList<>();
        for (String tag : profile.tags) {
          if (c.basketChance(population.tagBasisPoints())) {
            tags.add(tag);
          }
        }
        if (!tags.isEmpty()) {
          line = line.withTags(java.util.Set.copyOf(tags));
        }
      }
      builder.line(line);
    }
    return builder.build();
  }

  /** Sends one of the engagement events the program rewards, if the customer engages. */
  private void engage(Customer c, Instant at) {
    if (profile.events.isEmpty()
        || !profile.eventsOnly && !c.behaves(population.engagementBasisPoints())) {
      return;
    }
    ProgramProfile.EventTemplate template =
        profile.events.get(c.behaviour.nextInt(profile.events.size()));
    Map<String, String> attributes = new TreeMap<>();
    template.attributes().forEach((k, values) ->
        attributes.put(k, values.get(c.behaviour.nextInt(values.size()))));
    decide(c, new EngagementEvent(c.nextActivity("e"), at, template.type(), attributes), at,
        "event");
  }

  /** Something a member can spend points on, and what it costs. */
  private record Burn(long points, String kind, java.util.function.Function<ActivityId,
      Activity> activity) {}

  /** A member who can afford something may spend points on it. */
  private void spend(Customer c, Instant at, Purchase purchase) {
    if (profile.redeemable.isEmpty() || !c.behaves(population.redemptionBasisPoints())) {
      return;
    }
    Member m = c.member;
    List<Burn> options = new ArrayList<>();
    for (Reward reward : program.rewards().values()) {
      if (profile.redeemable.contains(reward.unit()) && m.available(reward.unit()) >= reward.cost()
          && reward.isOpenTo(m.tierId())) {
        options.add(new Burn(reward.cost(), "redeem", id -> RedeemReward.of(id, at, reward.id())));
      }
    }
    for (Cause cause : program.causes().values()) {
      for (UnitId unit : profile.redeemable) {
        long points = half(m.available(unit), cause.minimumPoints(), cause.stepPoints());
        if (points > 0) {
          options.add(new Burn(points, "donation",
              id -> new Donation(id, at, cause.id(), unit, points)));
          break;
        }
      }
    }
    if (program.pointsPayment().isPresent()) {
      PointsPayment terms = program.pointsPayment().get();
      long bySteps = m.available(terms.unit()) / terms.pointsPerStep();
      long byValue = purchase.subtotal().amount().multiply(terms.maxShare())
          .divide(terms.valuePerStep().amount(), 0, RoundingMode.DOWN).longValueExact();
      long steps = Math.min(bySteps, byValue);
      if (steps > 0) {
        long points = steps * terms.pointsPerStep();
        options.add(new Burn(points, "pay-with-points",
            id -> new PayWithPoints(id, at, purchase.id(), terms.unit(), points)));
      }
    }
    for (Partner partner : program.partners().values()) {
      if (partner.transfers().isEmpty()) {
        continue;
      }
      TransferTerms terms = partner.transfers().get();
      for (UnitId unit : profile.redeemable) {
        long points = half(m.available(unit), terms.minimumPoints(), terms.stepPoints());
        if (points > 0) {
          options.add(new Burn(points, "transfer",
              id -> new PointsTransfer(id, at, partner.id(), unit, points)));
          break;
        }
      }
    }
    if (options.isEmpty()) {
      return;
    }
    Burn chosen = options.get(0);
    switch (population.burnChoice()) {
      case RANDOM -> chosen = options.get(c.behaviour.nextInt(options.size()));
      case CHEAPEST -> {
        for (Burn o : options) {
          chosen = o.points() < chosen.points() ? o : chosen;
        }
      }
      case DEAREST -> {
        for (Burn o : options) {
          chosen = o.points() > chosen.points() ? o : chosen;
        }
      }
      default -> throw new IllegalStateException("burn choice " + population.burnChoice());
    }
    if (decide(c, chosen.activity().apply(c.nextActivity("b")), at, chosen.kind()) != null) {
      c.spentPoints = true;
    }
  }

  /**
   * Returns the valid amount nearest below half the balance (but at least the minimum), for a
   * donation or transfer of {@code minimum} plus whole steps; 0 if the balance is short of it.
   */
  private static long half(long available, long minimum, long step) {
    if (available < minimum) {
      return 0;
    }
    long want = Math.max(minimum, available / 2);
    return minimum + (want - minimum) / step * step;
  }

  /** A member returns one line of an earlier purchase whole. */
  private void giveBack(Customer c, Event e) {
    PurchaseLine line = e.line();
    Return ret = Return.of(c.nextActivity("r"), e.at(), e.purchase().id(),
        List.of(ReturnLine.of(line.id(), line.quantity())));
    if (decide(c, ret, e.at(), "return") != null) {
      tally.returns++;
      tally.returnedValue = tally.returnedValue.plus(line.total());
    }
  }

  // ---------------------------------------------------------------- deciding

  /**
   * Decides an activity for a member as a host would: stores the new state and applies the
   * program-state changes if it is not refused, counts what it moved, reports referrals to the
   * referrer, and counts every error. Returns the decision, or null if it was refused or threw.
   */
  private Decision decide(Customer c, Activity activity, Instant at, String kind) {
    tally.decisions++;
    Decision decision;
    try {
      decision = compiled.decide(state, c.member, activity, at, c.decisions);
    } catch (RuntimeException e) {
      tally.refusals++;
      tally.problem(today, c, kind, e.getClass().getSimpleName() + ": " + e.getMessage(), true);
      return null;
    }
    for (DecisionError error : decision.errors()) {
      tally.problem(today, c, kind, error.message(), error.refusesDecision());
    }
    if (decision.isRefused()) {
      tally.refusals++;
      return null;
    }
    store(c, decision);
    for (Effect e : decision.effects()) {
      if (e instanceof Effect.ReferralQualified q) {
        Customer referrer = byId.get(q.referrer());
        if (referrer != null && referrer.isMember()) {
          decide(referrer, new ReferralCredit(ActivityId.of(referrer.id.value() + ".cr."
              + q.purchase().value()), at, c.id, q.purchase()), at, "referral credit");
        }
      } else if (e instanceof Effect.ReferralWithdrawn w) {
        Customer referrer = byId.get(w.referrer());
        if (referrer != null && referrer.isMember()) {
          decide(referrer, new ReferralWithdrawal(ActivityId.of(referrer.id.value() + ".wd."
              + w.purchase().value()), at, c.id, w.purchase()), at, "referral withdrawal");
        }
      }
    }
    return decision;
  }

  private void store(Customer c, Decision decision) {
    c.member = decision.member();
    c.held = held(c.member);
    state = state.apply(decision.programStateChanges());
    tally.record(decision);
  }

  /** Advances every member to {@code at} and stores the result, as a host's period-end batch. */
  private void advanceAll(Instant at) {
    for (Customer c : enrolled) {
      if (!c.member.asOf().isBefore(at)) {
        continue;
      }
      tally.advances++;
      try {
        store(c, compiled.advance(state, c.member, at));
      } catch (RuntimeException e) {
        tally.refusals++;
        tally.problem(today, c, "advance", e.getClass().getSimpleName() + ": " + e.getMessage(),
            true);
      }
    }
  }

  /** Returns what a member holds of each redeemable unit, available and pending. */
  private long[] held(Member member) {
    long[] held = new long[profile.redeemable.size()];
    for (int i = 0; i < held.length; i++) {
      UnitId unit = profile.redeemable.get(i);
      held[i] = member.available(unit) + member.pending(unit);
    }
    return held;
  }

  private void runDraws(Instant at) {
    for (DrawId draw : program.draws().keySet()) {
      DrawResult result = compiled.runDraw(state, draw, at, hostRandom);
      state = state.apply(result.changes());
      tally.drawPrizes += result.winners().size();
    }
  }

  // ---------------------------------------------------------------- observing

  private void snapshot(LocalDate date) {
    if (program.tiers().isEmpty()) {
      return;
    }
    Map<TierId, Long> counts = new LinkedHashMap<>();
    for (Tier tier : program.tiers().get().tiers()) {
      counts.put(tier.id(), 0L);
    }
    for (Customer c : enrolled) {
      c.member.tierId().ifPresent(t -> counts.merge(t, 1L, Long::sum));
    }
    snapshots.add(new SimulationResult.TierSnapshot(date, counts));
  }

  /**
   * Samples the liability at {@code at}: each member advanced to it on a copy that is thrown
   * away, so the sample changes nothing. Where the program's balances cannot move with time
   * alone, the members are read as stored: advancing would give the same figures.
   */
  private void sample(int day, LocalDate date, Instant at) {
    Map<UnitId, Long> liability = new LinkedHashMap<>();
    long[] sums = new long[profile.redeemable.size()];
    int active = 0;
    for (Customer c : enrolled) {
      if (c.activeOn(day)) {
        active++;
      }
      long[] held = c.held;
      if (advanceSamples && c.member.asOf().isBefore(at)) {
        try {
          held = held(compiled.advance(state, c.member, at).member());
        } catch (RuntimeException e) {
          tally.problem(today, c, "sample", e.getClass().getSimpleName() + ": " + e.getMessage(),
              true);
        }
      }
      for (int i = 0; i < held.length; i++) {
        sums[i] += held[i];
      }
    }
    for (int i = 0; i < sums.length; i++) {
      liability.put(profile.redeemable.get(i), sums[i]);
    }
    Optional<Money> value = Optional.empty();
    if (!profile.pointValues.isEmpty()) {
      Money sum = Money.zero(currency);
      for (Map.Entry<UnitId, Money> e : profile.pointValues.entrySet()) {
        sum = sum.plus(e.getValue().times(liability.getOrDefault(e.getKey(), 0L)));
      }
      value = Optional.of(sum);
    }
    Map<UnitId, Long> issued = new LinkedHashMap<>();
    Map<UnitId, Long> spent = new LinkedHashMap<>();
    Map<UnitId, Long> expired = new LinkedHashMap<>();
    for (UnitId unit : program.units().keySet()) {
      issued.put(unit, tally.flow(unit, PostingType.EARN));
      expired.put(unit, -tally.flow(unit, PostingType.EXPIRE));
      if (profile.redeemable.contains(unit)) {
        spent.put(unit, -tally.flow(unit, PostingType.REDEEM) - tally.flow(unit,
            PostingType.DONATE) - tally.flow(unit, PostingType.TRANSFER));
      }
    }
    samples.add(new SimulationResult.Sample(day, date, at, enrolled.size(), active, liability,
        value, issued, spent, expired, tally.rewardsRedeemed));
  }

  private SimulationResult result() {
    Map<UnitId, SimulationResult.PointTotals> points = new LinkedHashMap<>();
    for (UnitId unit : program.units().keySet()) {
      long outstanding = 0;
      long pending = 0;
      for (Customer c : enrolled) {
        long p = c.member.pending(unit);
        outstanding += c.member.available(unit) + p;
        pending += p;
      }
      points.put(unit, new SimulationResult.PointTotals(unit, profile.redeemable.contains(unit),
          tally.flowMap(unit), outstanding, pending));
    }
    List<Member> members = new ArrayList<>();
    List<SimulationResult.CustomerRecord> records = new ArrayList<>();
    List<SimulationResult.SurveyAnswer> answers = new ArrayList<>();
    Population.Survey survey = population.survey();
    for (Customer c : customers) {
      if (c.isMember()) {
        members.add(c.member);
      }
      records.add(new SimulationResult.CustomerRecord(c.id, Optional.ofNullable(c.enrolledAt),
          Optional.ofNullable(c.firstVisit), Optional.ofNullable(c.lastVisit),
          c.churnDay < days ? Optional.of(start.plusDays(c.churnDay)) : Optional.empty(),
          c.visits, c.memberVisits, c.spend, c.memberSpend, c.spentPoints));
      if (c.visits > 0 && c.chance(survey.responseBasisPoints())) {
        int uplift = c.isMember() ? survey.memberUplift()
            + (c.spentPoints ? survey.redeemerUplift() : 0) : 0;
        int npsLow = survey.npsLow(uplift);
        int effortLow = survey.effortLow(uplift);
        answers.add(new SimulationResult.SurveyAnswer(c.id, c.isMember(),
            npsLow + c.random.nextInt(11 - npsLow), effortLow + c.random.nextInt(8 - effortLow)));
      }
    }
    List<String> notes = new ArrayList<>(profile.notes);
    if (points.values().stream().allMatch(p -> p.issued() == 0)) {
      notes.add("no points were issued in the run");
    }
    SimulationResult.Totals totals = new SimulationResult.Totals(customers.length,
        enrolled.size(), tally.memberVisits, tally.nonMemberVisits, tally.memberRevenue,
        tally.nonMemberRevenue, tally.returns, tally.returnedValue, tally.membershipFees,
        tally.decisions, tally.advances, tally.refusals, tally.rewardsRedeemed,
        tally.discountRewardValue, tally.vouchersIssued, tally.voucherValue,
        tally.voucherRevokedValue, tally.paidWithPointsValue, tally.donatedValue,
        tally.memberDiscountValue, tally.referralsQualified, tally.challengesCompleted,
        tally.drawPrizes, tally.instantWinPrizes);
    return new SimulationResult(program.id(), population, seed, start, days, zone, currency,
        totals, points, profile.pointValues, tally.rewards, samples, snapshots, members, records,
        answers, tally.errors, tally.firstProblems, notes);
  }
}
