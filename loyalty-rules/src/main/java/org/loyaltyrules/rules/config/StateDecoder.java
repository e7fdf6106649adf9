package org.loyaltyrules.rules.config;

import static org.loyaltyrules.rules.config.StateValues.constant;
import static org.loyaltyrules.rules.config.StateValues.decimal;
import static org.loyaltyrules.rules.config.StateValues.flag;
import static org.loyaltyrules.rules.config.StateValues.id;
import static org.loyaltyrules.rules.config.StateValues.instant;
import static org.loyaltyrules.rules.config.StateValues.model;
import static org.loyaltyrules.rules.config.StateValues.number;
import static org.loyaltyrules.rules.config.StateValues.optionalId;
import static org.loyaltyrules.rules.config.StateValues.optionalInstant;
import static org.loyaltyrules.rules.config.StateValues.required;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.BadgeId;
import org.loyaltyrules.core.BudgetId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.DecisionError;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.DrawResult;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.ProgramStateChange;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.ledger.Account;
import org.loyaltyrules.core.ledger.Ledger;
import org.loyaltyrules.core.ledger.Lot;
import org.loyaltyrules.core.ledger.OpenReversal;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.MemberProfile;
import org.loyaltyrules.core.member.FeeTerm;
import org.loyaltyrules.core.member.Membership;
import org.loyaltyrules.core.member.MembershipStatus;
import org.loyaltyrules.core.member.PointsPaid;
import org.loyaltyrules.core.member.PurchaseContext;
import org.loyaltyrules.core.member.PurchaseHistory;
import org.loyaltyrules.core.member.PurchaseRecord;
import org.loyaltyrules.core.member.TierStatus;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.Dividend;
import org.loyaltyrules.core.program.ShortfallPolicy;

/**
 * Turns state documents back into the core model, checking every value on the way: a value
 * missing, malformed or refused by the model is a {@link StateFormatException} naming its path.
 * The model's own checks (a ledger whose lots and postings disagree, a voucher that expires
 * before it was issued) run as they do for values built in Java.
 *
 * <p>Stateless and thread-safe.
 */
final class StateDecoder {
  private StateDecoder() {}

  /** Decodes one part of a document at a path. */
  @FunctionalInterface
  private interface Decode<D, T> {
    T apply(D document, StatePath path);
  }

  // -- member ----------------------------------------------------------------------------------

  static Member member(MemberDocument doc, StatePath path) {
    StateValues.format(doc.format(), StateJson.MEMBER_FORMAT, path.field("format"));
    MemberId id = id(doc.id(), path.field("id"), MemberId::of);
    Instant enrolledAt = instant(doc.enrolledAt(), path.field("enrolledAt"));
    MemberProfile profile = profile(required(doc.profile(), path.field("profile")),
        path.field("profile"));
    TierStatus tier = doc.tier() == null ? null : tier(doc.tier(), path.field("tier"));
    List<Membership> memberships = unique(list(doc.memberships(), path.field("memberships"),
        StateDecoder::membership), Membership::plan, path.field("memberships"), "plan");
    StatePath ledgerPath = path.field("ledger");
    Ledger ledger = ledger(required(doc.ledger(), ledgerPath), id, ledgerPath);
    List<Voucher> vouchers = unique(list(doc.vouchers(), path.field("vouchers"),
        StateDecoder::voucher), Voucher::id, path.field("vouchers"), "id");
    Map<String, BigDecimal> progress = map(doc.progress(), path.field("progress"),
        StateDecoder::counterName, StateDecoder::counter);
    List<PurchaseRecord> records = list(doc.purchases(), path.field("purchases"),
        StateDecoder::purchaseRecord);
    unique(records, r -> r.purchase().id(), path.field("purchases"), "purchase.id");
    PurchaseHistory purchases = model(() -> PurchaseHistory.of(records), path.field("purchases"));
    MemberId referredBy = doc.referredBy() == null ? null
        : id(doc.referredBy(), path.field("referredBy"), MemberId::of);
    if (id.equals(referredBy)) {
      throw new StateFormatException(path.field("referredBy").toString(), "member " + id
          + " cannot be their own referrer");
    }
    return model(() -> {
      Member.Builder b = Member.builder(id, enrolledAt, ledger).profile(profile)
          .vouchers(vouchers).purchases(purchases);
      if (tier != null) {
        b.tier(tier);
      }
      memberships.forEach(b::membership);
      progress.forEach(b::progress);
      if (referredBy != null) {
        b.referredBy(referredBy);
      }
      return b.build();
    }, path);
  }

  private static String counterName(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a progress counter's name must not be blank");
    }
    return name;
  }

  private static BigDecimal counter(String text, StatePath path) {
    BigDecimal value = decimal(text, path);
    if (value.signum() <= 0) {
      throw new StateFormatException(path.toString(), "must be positive (a counter at zero is "
          + "left out), was " + StatePath.quote(text));
    }
    return value;
  }

  private static MemberProfile profile(MemberDocument.Profile doc, StatePath path) {
    Optional<java.time.LocalDate> birthday = doc.birthday() == null ? Optional.empty()
        : Optional.of(StateValues.date(doc.birthday(), path.field("birthday")));
    Set<String> segments = set(doc.segments(), path.field("segments"), Function.identity());
    Map<String, String> attributes = texts(doc.attributes(), path.field("attributes"));
    return model(() -> new MemberProfile(birthday, segments, attributes), path);
  }

  private static TierStatus tier(MemberDocument.Tier doc, StatePath path) {
    TierId tier = id(doc.tier(), path.field("tier"), TierId::of);
    Instant since = instant(doc.since(), path.field("since"));
    Optional<Instant> validThrough = Optional.ofNullable(optionalInstant(doc.validThrough(),
        path.field("validThrough")));
    return model(() -> new TierStatus(tier, since, validThrough), path);
  }

  private static Membership membership(MemberDocument.Membership doc, StatePath path) {
    PlanId plan = id(doc.plan(), path.field("plan"), PlanId::of);
    Instant startedAt = instant(doc.startedAt(), path.field("startedAt"));
    MembershipStatus status = constant(MembershipStatus.class, doc.status(),
        path.field("status"));
    List<FeeTerm> terms = list(doc.terms(), path.field("terms"), StateDecoder::term);
    return model(() -> new Membership(plan, startedAt, status, terms), path);
  }

  private static FeeTerm term(MemberDocument.Term doc, StatePath path) {
    ActivityId payment = id(doc.payment(), path.field("payment"), ActivityId::of);
    Currency currency = StateValues.currency(doc.currency(), path.field("currency"));
    Money paid = StateValues.money(doc.paid(), currency, path.field("paid"));
    Instant from = instant(doc.from(), path.field("from"));
    Optional<Instant> until = Optional.ofNullable(optionalInstant(doc.until(),
        path.field("until")));
    return model(() -> new FeeTerm(payment, paid, from, until), path);
  }

  static Voucher voucher(MemberDocument.Voucher doc, StatePath path) {
    VoucherId id = id(doc.id(), path.field("id"), VoucherId::of);
    Currency currency = StateValues.currency(doc.currency(), path.field("currency"));
    Money value = StateValues.money(doc.value(), currency, path.field("value"));
    Instant issuedAt = instant(doc.issuedAt(), path.field("issuedAt"));
    Optional<Instant> expiresAt = Optional.ofNullable(optionalInstant(doc.expiresAt(),
        path.field("expiresAt")));
    ActivityId source = id(doc.source(), path.field("source"), ActivityId::of);
    VoucherStatus status = constant(VoucherStatus.class, doc.status(), path.field("status"));
    return model(() -> new Voucher(id, value, issuedAt, expiresAt, source, status), path);
  }

  // -- ledger ----------------------------------------------------------------------------------

  private static Ledger ledger(MemberDocument.Ledger doc, MemberId member, StatePath path) {
    Instant asOf = instant(doc.asOf(), path.field("asOf"));
    boolean closed = flag(doc.closed(), path.field("closed"));
    List<Lot> lots = list(doc.lots(), path.field("lots"), StateDecoder::lot);
    List<Posting> postings = list(doc.postings(), path.field("postings"), StateDecoder::posting);
    Map<UnitId, Long> deficits = map(doc.deficits(), path.field("deficits"), UnitId::of,
        StateValues::number);
    List<OpenReversal> openReversals = list(doc.openReversals(), path.field("openReversals"),
        StateDecoder::openReversal);
    Map<ActivityId, Instant> recent = map(doc.recentActivities(),
        path.field("recentActivities"), ActivityId::of, StateValues::instant);
    return model(() -> Ledger.restore(member, asOf, lots, postings, deficits, openReversals,
        recent, closed), path);
  }

  private static Lot lot(MemberDocument.Lot doc, StatePath path) {
    LotId id = id(doc.id(), path.field("id"), LotId::of);
    UnitId unit = id(doc.unit(), path.field("unit"), UnitId::of);
    long amount = number(doc.amount(), path.field("amount"));
    long remaining = number(doc.remaining(), path.field("remaining"));
    long consumed = number(doc.consumed(), path.field("consumed"));
    long lapsed = number(doc.lapsed(), path.field("lapsed"));
    long reversed = number(doc.reversed(), path.field("reversed"));
    long writtenOff = number(doc.writtenOff(), path.field("writtenOff"));
    Instant earnedAt = instant(doc.earnedAt(), path.field("earnedAt"));
    Instant vestsAt = instant(doc.vestsAt(), path.field("vestsAt"));
    Instant expiresAt = optionalInstant(doc.expiresAt(), path.field("expiresAt"));
    boolean vested = flag(doc.vested(), path.field("vested"));
    ActivityId activity = id(doc.activity(), path.field("activity"), ActivityId::of);
    List<LineId> lines = list(doc.lines(), path.field("lines"),
        (text, at) -> id(text, at, LineId::of));
    RuleId rule = optionalId(doc.rule(), path.field("rule"), RuleId::of);
    Account fundedBy = StateValues.account(doc.fundedBy(), path.field("fundedBy"));
    return model(() -> Lot.builder(id, unit, amount, earnedAt, vestsAt, activity, fundedBy)
        .remaining(remaining).consumed(consumed).lapsed(lapsed).reversed(reversed)
        .writtenOff(writtenOff).expiresAt(expiresAt).vested(vested).lines(lines).rule(rule)
        .build(), path);
  }

  private static OpenReversal openReversal(MemberDocument.OpenReversal doc, StatePath path) {
    UnitId unit = id(doc.unit(), path.field("unit"), UnitId::of);
    LotId lot = id(doc.lot(), path.field("lot"), LotId::of);
    long after = number(doc.after(), path.field("after"));
    long writtenOff = number(doc.writtenOff(), path.field("writtenOff"));
    StatePath takenPath = path.field("takenFromLots");
    Map<LotId, Long> taken = new LinkedHashMap<>();
    List<MemberDocument.Taken> entries = required(doc.takenFromLots(), takenPath);
    for (int i = 0; i < entries.size(); i++) {
      StatePath at = takenPath.index(i);
      MemberDocument.Taken entry = required(entries.get(i), at);
      LotId from = id(entry.lot(), at.field("lot"), LotId::of);
      long points = number(entry.points(), at.field("points"));
      if (taken.put(from, points) != null) {
        throw new StateFormatException(at.field("lot").toString(), "duplicate lot "
            + StatePath.quote(from.value()));
      }
    }
    return model(() -> new OpenReversal(unit, lot, after, writtenOff, taken), path);
  }

  static Posting posting(PostingDocument doc, StatePath path) {
    long sequence = number(doc.sequence(), path.field("sequence"));
    Instant at = instant(doc.at(), path.field("at"));
    UnitId unit = id(doc.unit(), path.field("unit"), UnitId::of);
    Account from = StateValues.account(doc.from(), path.field("from"));
    Account to = StateValues.account(doc.to(), path.field("to"));
    long amount = number(doc.amount(), path.field("amount"));
    PostingType type = constant(PostingType.class, doc.type(), path.field("type"));
    ActivityId activity = optionalId(doc.activity(), path.field("activity"), ActivityId::of);
    LotId lot = optionalId(doc.lot(), path.field("lot"), LotId::of);
    RuleId rule = optionalId(doc.rule(), path.field("rule"), RuleId::of);
    ActivityId undoes = optionalId(doc.undoes(), path.field("undoes"), ActivityId::of);
    LotId reversalOf = optionalId(doc.reversalOf(), path.field("reversalOf"), LotId::of);
    String reason = doc.reason();
    PartnerId funder = optionalId(doc.funder(), path.field("funder"), PartnerId::of);
    return model(() -> Posting.builder(sequence, at, unit, from, to, amount, type)
        .activity(activity).lot(lot).rule(rule).undoes(undoes).reversalOf(reversalOf)
        .reason(reason).funder(funder).build(), path);
  }

  static List<Posting> postings(PostingsDocument doc) {
    StatePath root = StatePath.root();
    StateValues.format(doc.format(), StateJson.POSTINGS_FORMAT, root.field("format"));
    return List.copyOf(list(doc.postings(), root.field("postings"), StateDecoder::posting));
  }

  // -- purchases -------------------------------------------------------------------------------

  private static PurchaseRecord purchaseRecord(MemberDocument.PurchaseRecord doc,
      StatePath path) {
    Purchase purchase = purchase(required(doc.purchase(), path.field("purchase")),
        path.field("purchase"));
    Map<LineId, BigDecimal> returned = map(doc.returned(), path.field("returned"), LineId::of,
        StateValues::decimal);
    List<ActivityId> returns = list(doc.returns(), path.field("returns"),
        (text, at) -> id(text, at, ActivityId::of));
    PurchaseContext context = context(required(doc.context(), path.field("context")),
        path.field("context"));
    List<PointsPaid> payments = list(doc.payments(), path.field("payments"),
        StateDecoder::payment);
    return model(() -> new PurchaseRecord(purchase, returned, returns, context, payments), path);
  }

  private static Purchase purchase(MemberDocument.Purchase doc, StatePath path) {
    ActivityId id = id(doc.id(), path.field("id"), ActivityId::of);
    Instant occurredAt = instant(doc.occurredAt(), path.field("occurredAt"));
    Channel channel = constant(Channel.class, doc.channel(), path.field("channel"));
    Currency currency = StateValues.currency(doc.currency(), path.field("currency"));
    Money shipping = StateValues.money(doc.shipping(), currency, path.field("shipping"));
    Money tax = StateValues.money(doc.tax(), currency, path.field("tax"));
    List<PurchaseLine> lines = list(doc.lines(), path.field("lines"),
        (line, at) -> line(line, currency, at));
    Purchase.Builder b = Purchase.builder(id, occurredAt).channel(channel).shipping(shipping)
        .tax(tax);
    if (doc.paymentInstrument() != null) {
      model(() -> b.paymentInstrument(doc.paymentInstrument()), path.field("paymentInstrument"));
    }
    if (doc.partner() != null) {
      b.partner(id(doc.partner(), path.field("partner"), PartnerId::of));
    }
    b.lines(lines);
    return model(b::build, path);
  }

  private static PurchaseLine line(MemberDocument.Line doc, Currency currency, StatePath path) {
    LineId id = id(doc.id(), path.field("id"), LineId::of);
    String sku = required(doc.sku(), path.field("sku"));
    String category = required(doc.category(), path.field("category"));
    Set<String> tags = set(doc.tags(), path.field("tags"), Function.identity());
    BigDecimal quantity = decimal(doc.quantity(), path.field("quantity"));
    String unitOfMeasure = required(doc.unitOfMeasure(), path.field("unitOfMeasure"));
    Money unitPrice = StateValues.money(doc.unitPrice(), currency, path.field("unitPrice"));
    PartnerId partner = optionalId(doc.partner(), path.field("partner"), PartnerId::of);
    return model(() -> {
      PurchaseLine line = PurchaseLine.of(id, sku, category, quantity, unitPrice).withTags(tags)
          .withUnitOfMeasure(unitOfMeasure);
      return partner == null ? line : line.withPartner(partner);
    }, path);
  }

  private static PurchaseContext context(MemberDocument.Context doc, StatePath path) {
    Optional<TierId> tier = Optional.ofNullable(optionalId(doc.tier(), path.field("tier"),
        TierId::of));
    Set<String> segments = set(doc.segments(), path.field("segments"), Function.identity());
    Map<String, String> attributes = texts(doc.attributes(), path.field("attributes"));
    Set<PlanId> plans = set(doc.activePlans(), path.field("activePlans"), PlanId::of);
    Set<RuleId> exhausted = set(doc.exhausted(), path.field("exhausted"), RuleId::of);
    boolean birthdayMonth = Boolean.TRUE.equals(doc.birthdayMonth());
    return model(() -> new PurchaseContext(tier, segments, attributes, plans, exhausted,
        birthdayMonth), path);
  }

  private static PointsPaid payment(MemberDocument.Payment doc, StatePath path) {
    ActivityId payment = id(doc.payment(), path.field("payment"), ActivityId::of);
    UnitId unit = id(doc.unit(), path.field("unit"), UnitId::of);
    long points = number(doc.points(), path.field("points"));
    long restored = number(doc.restored(), path.field("restored"));
    BigDecimal orderValue = decimal(doc.orderValue(), path.field("orderValue"));
    return model(() -> new PointsPaid(payment, unit, points, restored, orderValue), path);
  }

  // -- program state ---------------------------------------------------------------------------

  static ProgramState programState(ProgramStateDocument doc) {
    StatePath root = StatePath.root();
    StateValues.format(doc.format(), StateJson.PROGRAM_STATE_FORMAT, root.field("format"));
    Currency currency = StateValues.currency(doc.currency(), root.field("currency"));
    Map<BudgetId, Long> budgets = map(doc.budgetsSpent(), root.field("budgetsSpent"),
        BudgetId::of, StateDecoder::positive);
    Map<PartnerId, Money> settlement = map(doc.settlement(), root.field("settlement"),
        PartnerId::of, (text, at) -> {
          Money amount = StateValues.money(text, currency, at);
          if (amount.isZero()) {
            throw new StateFormatException(at.toString(), "must not be zero (a settled partner "
                + "is left out), was " + StatePath.quote(text));
          }
          return amount;
        });
    Map<DrawId, Map<MemberId, Long>> entries = map(doc.drawEntries(), root.field("drawEntries"),
        DrawId::of, (byMember, at) -> {
          if (byMember.isEmpty()) {
            throw new StateFormatException(at.toString(), "must not be empty (a draw without "
                + "entries is left out)");
          }
          return map(byMember, at, MemberId::of, StateDecoder::positive);
        });
    Map<DrawId, Map<PrizeId, Long>> prizes = map(doc.prizesAwarded(),
        root.field("prizesAwarded"), DrawId::of, (byPrize, at) -> {
          if (byPrize.isEmpty()) {
            throw new StateFormatException(at.toString(), "must not be empty (a draw without "
                + "prizes awarded is left out)");
          }
          return map(byPrize, at, PrizeId::of, StateDecoder::positive);
        });
    Map<DrawId, Long> runs = map(doc.drawRuns(), root.field("drawRuns"), DrawId::of,
        StateDecoder::positive);
    return model(() -> ProgramState.of(currency, budgets, settlement, entries, prizes, runs),
        root);
  }

  private static long positive(Long value, StatePath path) {
    long n = number(value, path);
    if (n <= 0) {
      throw new StateFormatException(path.toString(), "must be positive, was " + n);
    }
    return n;
  }

  // -- decision --------------------------------------------------------------------------------

  static Decision decision(DecisionDocument doc) {
    StatePath root = StatePath.root();
    StateValues.format(doc.format(), StateJson.DECISION_FORMAT, root.field("format"));
    Optional<ActivityId> activity = Optional.ofNullable(optionalId(doc.activity(),
        root.field("activity"), ActivityId::of));
    Instant at = instant(doc.at(), root.field("at"));
    boolean replay = flag(doc.replay(), root.field("replay"));
    Member member = member(required(doc.member(), root.field("member")), root.field("member"));
    List<Effect> effects = list(doc.effects(), root.field("effects"), StateDecoder::effect);
    List<Posting> postings = list(doc.postings(), root.field("postings"),
        StateDecoder::posting);
    List<ProgramStateChange> changes = list(doc.programStateChanges(),
        root.field("programStateChanges"), StateDecoder::change);
    List<TraceEntry> trace = list(doc.trace(), root.field("trace"), StateDecoder::trace);
    List<DecisionError> errors = list(doc.errors(), root.field("errors"), StateDecoder::error);
    return model(() -> new Decision(activity, at, replay, member, effects, postings, changes,
        trace, errors), root);
  }

  private static Effect effect(EffectDocument doc, StatePath path) {
    if (doc instanceof EffectDocument.PointsEarned e) {
      UnitId unit = unit(e.unit(), path);
      long points = number(e.points(), path.field("points"));
      Optional<RuleId> rule = Optional.ofNullable(optionalId(e.rule(), path.field("rule"),
          RuleId::of));
      LotId lot = id(e.lot(), path.field("lot"), LotId::of);
      Optional<Instant> pendingUntil = Optional.ofNullable(optionalInstant(e.pendingUntil(),
          path.field("pendingUntil")));
      return model(() -> new Effect.PointsEarned(unit, points, rule, lot, pendingUntil), path);
    } else if (doc instanceof EffectDocument.PointsReversed e) {
      UnitId unit = unit(e.unit(), path);
      long points = number(e.points(), path.field("points"));
      ActivityId activity = id(e.activity(), path.field("activity"), ActivityId::of);
      return model(() -> new Effect.PointsReversed(unit, points, activity), path);
    } else if (doc instanceof EffectDocument.PointsRestored e) {
      UnitId unit = unit(e.unit(), path);
      long points = number(e.points(), path.field("points"));
      ActivityId activity = id(e.activity(), path.field("activity"), ActivityId::of);
      return model(() -> new Effect.PointsRestored(unit, points, activity), path);
    } else if (doc instanceof EffectDocument.PointsShortfall e) {
      UnitId unit = unit(e.unit(), path);
      long points = number(e.points(), path.field("points"));
      ShortfallPolicy policy = constant(ShortfallPolicy.class, e.policy(), path.field("policy"));
      return model(() -> new Effect.PointsShortfall(unit, points, policy), path);
    } else if (doc instanceof EffectDocument.PointsExpired e) {
      UnitId unit = unit(e.unit(), path);
      long points = number(e.points(), path.field("points"));
      Instant at = instant(e.at(), path.field("at"));
      return model(() -> new Effect.PointsExpired(unit, points, at), path);
    } else if (doc instanceof EffectDocument.RewardRedeemed e) {
      RewardId reward = id(e.reward(), path.field("reward"), RewardId::of);
      int quantity = required(e.quantity(), path.field("quantity"));
      UnitId unit = unit(e.unit(), path);
      long points = number(e.points(), path.field("points"));
      return model(() -> new Effect.RewardRedeemed(reward, quantity, unit, points), path);
    } else if (doc instanceof EffectDocument.PaidWithPoints e) {
      ActivityId purchase = id(e.purchase(), path.field("purchase"), ActivityId::of);
      UnitId unit = unit(e.unit(), path);
      long points = number(e.points(), path.field("points"));
      Money value = StateValues.money(e.value(), StateValues.currency(e.currency(),
          path.field("currency")), path.field("value"));
      return model(() -> new Effect.PaidWithPoints(purchase, unit, points, value), path);
    } else if (doc instanceof EffectDocument.VoucherIssued e) {
      Voucher voucher = voucher(required(e.voucher(), path.field("voucher")),
          path.field("voucher"));
      return new Effect.VoucherIssued(voucher);
    } else if (doc instanceof EffectDocument.VoucherRevoked e) {
      Voucher voucher = voucher(required(e.voucher(), path.field("voucher")),
          path.field("voucher"));
      return new Effect.VoucherRevoked(voucher);
    } else if (doc instanceof EffectDocument.VoucherExpired e) {
      Voucher voucher = voucher(required(e.voucher(), path.field("voucher")),
          path.field("voucher"));
      return new Effect.VoucherExpired(voucher);
    } else if (doc instanceof EffectDocument.DonationMade e) {
      CauseId cause = id(e.cause(), path.field("cause"), CauseId::of);
      UnitId unit = unit(e.unit(), path);
      long points = number(e.points(), path.field("points"));
      Money value = StateValues.money(e.value(), StateValues.currency(e.currency(),
          path.field("currency")), path.field("value"));
      return model(() -> new Effect.DonationMade(cause, unit, points, value), path);
    } else if (doc instanceof EffectDocument.TierChanged e) {
      Optional<TierId> from = Optional.ofNullable(optionalId(e.from(), path.field("from"),
          TierId::of));
      TierId to = id(e.to(), path.field("to"), TierId::of);
      return model(() -> new Effect.TierChanged(from, to), path);
    } else if (doc instanceof EffectDocument.MembershipChanged e) {
      PlanId plan = id(e.plan(), path.field("plan"), PlanId::of);
      MembershipStatus status = constant(MembershipStatus.class, e.status(),
          path.field("status"));
      Optional<Instant> expiresAt = Optional.ofNullable(optionalInstant(e.expiresAt(),
          path.field("expiresAt")));
      return model(() -> new Effect.MembershipChanged(plan, status, expiresAt), path);
    } else if (doc instanceof EffectDocument.PerkGranted e) {
      String perk = required(e.perk(), path.field("perk"));
      String source = required(e.source(), path.field("source"));
      return model(() -> new Effect.PerkGranted(perk, source), path);
    } else if (doc instanceof EffectDocument.DiscountGranted e) {
      PlanId plan = id(e.plan(), path.field("plan"), PlanId::of);
      Money amount = StateValues.money(e.amount(), StateValues.currency(e.currency(),
          path.field("currency")), path.field("amount"));
      return model(() -> new Effect.DiscountGranted(plan, amount), path);
    } else if (doc instanceof EffectDocument.DividendAdjusted e) {
      PlanId plan = id(e.plan(), path.field("plan"), PlanId::of);
      int year = required(e.year(), path.field("year"));
      Money amount = StateValues.money(e.amount(), StateValues.currency(e.currency(),
          path.field("currency")), path.field("amount"));
      Dividend.ReturnPolicy policy = constant(Dividend.ReturnPolicy.class, e.policy(),
          path.field("policy"));
      return model(() -> new Effect.DividendAdjusted(plan, year, amount, policy), path);
    } else if (doc instanceof EffectDocument.PointsTransferred e) {
      PartnerId partner = id(e.partner(), path.field("partner"), PartnerId::of);
      UnitId unit = unit(e.unit(), path);
      long points = number(e.points(), path.field("points"));
      String partnerUnit = required(e.partnerUnit(), path.field("partnerUnit"));
      long partnerUnits = number(e.partnerUnits(), path.field("partnerUnits"));
      return model(() -> new Effect.PointsTransferred(partner, unit, points, partnerUnit,
          partnerUnits), path);
    } else if (doc instanceof EffectDocument.ChallengeProgressed e) {
      ChallengeId challenge = id(e.challenge(), path.field("challenge"), ChallengeId::of);
      String window = required(e.window(), path.field("window"));
      BigDecimal progress = decimal(e.progress(), path.field("progress"));
      BigDecimal target = decimal(e.target(), path.field("target"));
      long completions = number(e.completions(), path.field("completions"));
      int streak = required(e.streak(), path.field("streak"));
      return model(() -> new Effect.ChallengeProgressed(challenge, window, progress, target,
          completions, streak), path);
    } else if (doc instanceof EffectDocument.ChallengeCompleted e) {
      ChallengeId challenge = id(e.challenge(), path.field("challenge"), ChallengeId::of);
      String window = required(e.window(), path.field("window"));
      long completion = number(e.completion(), path.field("completion"));
      return model(() -> new Effect.ChallengeCompleted(challenge, window, completion), path);
    } else if (doc instanceof EffectDocument.ChallengeCompletionRevoked e) {
      ChallengeId challenge = id(e.challenge(), path.field("challenge"), ChallengeId::of);
      String window = required(e.window(), path.field("window"));
      return model(() -> new Effect.ChallengeCompletionRevoked(challenge, window), path);
    } else if (doc instanceof EffectDocument.BadgeEarned e) {
      BadgeId badge = id(e.badge(), path.field("badge"), BadgeId::of);
      int level = required(e.level(), path.field("level"));
      String levelName = required(e.levelName(), path.field("levelName"));
      Optional<Instant> until = Optional.ofNullable(optionalInstant(e.until(),
          path.field("until")));
      return model(() -> new Effect.BadgeEarned(badge, level, levelName, until), path);
    } else if (doc instanceof EffectDocument.BadgeLost e) {
      BadgeId badge = id(e.badge(), path.field("badge"), BadgeId::of);
      int from = required(e.from(), path.field("from"));
      int to = required(e.to(), path.field("to"));
      boolean lapsed = flag(e.lapsed(), path.field("lapsed"));
      return model(() -> new Effect.BadgeLost(badge, from, to, lapsed), path);
    } else if (doc instanceof EffectDocument.ReferralQualified e) {
      MemberId referrer = id(e.referrer(), path.field("referrer"), MemberId::of);
      ActivityId purchase = id(e.purchase(), path.field("purchase"), ActivityId::of);
      return model(() -> new Effect.ReferralQualified(referrer, purchase), path);
    } else if (doc instanceof EffectDocument.ReferralWithdrawn e) {
      MemberId referrer = id(e.referrer(), path.field("referrer"), MemberId::of);
      ActivityId purchase = id(e.purchase(), path.field("purchase"), ActivityId::of);
      return model(() -> new Effect.ReferralWithdrawn(referrer, purchase), path);
    } else if (doc instanceof EffectDocument.DrawEntriesEarned e) {
      DrawId draw = id(e.draw(), path.field("draw"), DrawId::of);
      long entries = number(e.entries(), path.field("entries"));
      return model(() -> new Effect.DrawEntriesEarned(draw, entries), path);
    } else if (doc instanceof EffectDocument.DrawEntriesWithdrawn e) {
      DrawId draw = id(e.draw(), path.field("draw"), DrawId::of);
      long entries = number(e.entries(), path.field("entries"));
      return model(() -> new Effect.DrawEntriesWithdrawn(draw, entries), path);
    } else if (doc instanceof EffectDocument.InstantWinPlayed e) {
      DrawId game = id(e.game(), path.field("game"), DrawId::of);
      Optional<PrizeId> prize = e.prize() == null ? Optional.empty()
          : Optional.of(id(e.prize(), path.field("prize"), PrizeId::of));
      return model(() -> new Effect.InstantWinPlayed(game, prize), path);
    } else {
      EffectDocument.AccountClosed e = (EffectDocument.AccountClosed) doc;
      String reason = required(e.reason(), path.field("reason"));
      return model(() -> new Effect.AccountClosed(reason), path);
    }
  }

  private static ProgramStateChange change(ChangeDocument doc, StatePath path) {
    if (doc instanceof ChangeDocument.BudgetSpent c) {
      BudgetId budget = id(c.budget(), path.field("budget"), BudgetId::of);
      long points = number(c.points(), path.field("points"));
      return model(() -> new ProgramStateChange.BudgetSpent(budget, points), path);
    } else if (doc instanceof ChangeDocument.SettlementAccrued c) {
      PartnerId partner = id(c.partner(), path.field("partner"), PartnerId::of);
      Money amount = StateValues.money(c.amount(), StateValues.currency(c.currency(),
          path.field("currency")), path.field("amount"));
      return model(() -> new ProgramStateChange.SettlementAccrued(partner, amount), path);
    } else if (doc instanceof ChangeDocument.DrawEntered c) {
      DrawId draw = id(c.draw(), path.field("draw"), DrawId::of);
      MemberId member = id(c.member(), path.field("member"), MemberId::of);
      long entries = number(c.entries(), path.field("entries"));
      return model(() -> new ProgramStateChange.DrawEntered(draw, member, entries), path);
    } else if (doc instanceof ChangeDocument.PrizeAwarded c) {
      DrawId draw = id(c.draw(), path.field("draw"), DrawId::of);
      PrizeId prize = id(c.prize(), path.field("prize"), PrizeId::of);
      long prizes = number(c.prizes(), path.field("prizes"));
      return model(() -> new ProgramStateChange.PrizeAwarded(draw, prize, prizes), path);
    } else {
      ChangeDocument.DrawRun c = (ChangeDocument.DrawRun) doc;
      DrawId draw = id(c.draw(), path.field("draw"), DrawId::of);
      long run = number(c.run(), path.field("run"));
      return model(() -> new ProgramStateChange.DrawRun(draw, run), path);
    }
  }

  // -- draw result -----------------------------------------------------------------------------

  static DrawResult drawResult(DrawResultDocument doc) {
    StatePath root = StatePath.root();
    StateValues.format(doc.format(), StateJson.DRAW_RESULT_FORMAT, root.field("format"));
    DrawId draw = id(doc.draw(), root.field("draw"), DrawId::of);
    Instant at = instant(doc.at(), root.field("at"));
    long seed = number(doc.seed(), root.field("seed"));
    List<DrawResult.Winner> winners = list(doc.winners(), root.field("winners"),
        StateDecoder::winner);
    long entrants = number(doc.entrants(), root.field("entrants"));
    if (entrants > Integer.MAX_VALUE) {
      throw new StateFormatException(root.field("entrants").toString(), "must be at most "
          + Integer.MAX_VALUE + ", was " + entrants);
    }
    long entries = number(doc.entries(), root.field("entries"));
    List<ProgramStateChange> changes = list(doc.changes(), root.field("changes"),
        StateDecoder::change);
    return model(() -> new DrawResult(draw, at, seed, winners, (int) entrants, entries, changes),
        root);
  }

  private static DrawResult.Winner winner(DrawResultDocument.Winner doc, StatePath path) {
    PrizeId prize = id(doc.prize(), path.field("prize"), PrizeId::of);
    MemberId member = id(doc.member(), path.field("member"), MemberId::of);
    long ticket = number(doc.ticket(), path.field("ticket"));
    long pool = number(doc.pool(), path.field("pool"));
    return model(() -> new DrawResult.Winner(prize, member, ticket, pool), path);
  }

  private static TraceEntry trace(DecisionDocument.Trace doc, StatePath path) {
    RuleId rule = id(doc.rule(), path.field("rule"), RuleId::of);
    boolean matched = flag(doc.matched(), path.field("matched"));
    Optional<UnitId> unit = Optional.ofNullable(optionalId(doc.unit(), path.field("unit"),
        UnitId::of));
    long granted = number(doc.granted(), path.field("granted"));
    long lostToCap = number(doc.lostToCap(), path.field("lostToCap"));
    long lostToStacking = number(doc.lostToStacking(), path.field("lostToStacking"));
    BigDecimal lostToRounding = decimal(doc.lostToRounding(), path.field("lostToRounding"));
    String note = required(doc.note(), path.field("note"));
    return model(() -> new TraceEntry(rule, matched, unit, granted, lostToCap, lostToStacking,
        lostToRounding, note), path);
  }

  private static DecisionError error(DecisionDocument.ErrorItem doc, StatePath path) {
    Optional<RuleId> rule = Optional.ofNullable(optionalId(doc.rule(), path.field("rule"),
        RuleId::of));
    String message = required(doc.message(), path.field("message"));
    DecisionError.Consequence consequence = constant(DecisionError.Consequence.class,
        doc.consequence(), path.field("consequence"));
    return model(() -> new DecisionError(rule, message, consequence), path);
  }

  // -- helpers ---------------------------------------------------------------------------------

  private static UnitId unit(String text, StatePath path) {
    return id(text, path.field("unit"), UnitId::of);
  }

  private static <D, T> List<T> list(List<D> docs, StatePath path, Decode<D, T> decode) {
    List<D> values = required(docs, path);
    List<T> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      StatePath at = path.index(i);
      out.add(decode.apply(required(values.get(i), at), at));
    }
    return out;
  }

  private static <K, D, V> Map<K, V> map(Map<String, D> docs, StatePath path,
      Function<String, K> key, Decode<D, V> decode) {
    Map<String, D> values = required(docs, path);
    Map<K, V> out = new LinkedHashMap<>();
    values.forEach((name, doc) -> {
      StatePath at = path.field(name);
      K k = id(name, at, key);
      out.put(k, decode.apply(required(doc, at), at));
    });
    return out;
  }

  private static Map<String, String> texts(Map<String, String> docs, StatePath path) {
    return map(docs, path, Function.identity(), (text, at) -> text);
  }

  private static <T> Set<T> set(List<String> docs, StatePath path, Function<String, T> of) {
    List<String> values = required(docs, path);
    Set<T> out = new LinkedHashSet<>();
    for (int i = 0; i < values.size(); i++) {
      StatePath at = path.index(i);
      T value = id(values.get(i), at, of);
      if (!out.add(value)) {
        throw new StateFormatException(at.toString(), "duplicate value "
            + StatePath.quote(values.get(i)));
      }
    }
    return out;
  }

  /** Returns {@code values}, checking that no two share a key. */
  private static <T, K> List<T> unique(List<T> values, Function<T, K> key, StatePath path,
      String keyPath) {
    Map<K, Integer> seen = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      K k = key.apply(values.get(i));
      Integer first = seen.putIfAbsent(k, i);
      if (first != null) {
        StatePath at = path.index(i);
        for (String part : keyPath.split("\\.")) {
          at = at.field(part);
        }
        throw new StateFormatException(at.toString(), "duplicate " + StatePath.quote(
            String.valueOf(k)) + ", the same as " + path.index(first));
      }
    }
    return values;
  }
}
