package org.loyaltyrules.rules.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.DecisionError;
import org.loyaltyrules.core.decision.DrawResult;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.ProgramStateChange;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.ledger.Ledger;
import org.loyaltyrules.core.ledger.Lot;
import org.loyaltyrules.core.ledger.OpenReversal;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.MemberProfile;
import org.loyaltyrules.core.member.FeeTerm;
import org.loyaltyrules.core.member.Membership;
import org.loyaltyrules.core.member.PointsPaid;
import org.loyaltyrules.core.member.PurchaseContext;
import org.loyaltyrules.core.member.PurchaseRecord;
import org.loyaltyrules.core.member.TierStatus;
import org.loyaltyrules.core.member.Voucher;

/**
 * Turns the core model into state documents. Every part of a value is written; nothing is
 * derived on reading. Maps become sorted maps, so equal values give equal documents.
 *
 * <p>Stateless and thread-safe.
 */
final class StateEncoder {
  private StateEncoder() {}

  static MemberDocument member(Member m) {
    return new MemberDocument(StateJson.MEMBER_FORMAT, m.id().value(),
        StateValues.instant(m.enrolledAt()), profile(m.profile()),
        m.tier().map(StateEncoder::tier).orElse(null),
        list(m.memberships().values(), StateEncoder::membership), ledger(m.ledger()),
        list(m.vouchers().values(), StateEncoder::voucher),
        sorted(m.progress(), Function.identity(), StateValues::decimal),
        list(m.purchases().records(), StateEncoder::purchaseRecord),
        m.referredBy().map(MemberId::value).orElse(null));
  }

  private static MemberDocument.Profile profile(MemberProfile p) {
    return new MemberDocument.Profile(p.birthday().map(Object::toString).orElse(null),
        List.copyOf(p.segments()), new TreeMap<>(p.attributes()));
  }

  private static MemberDocument.Tier tier(TierStatus t) {
    return new MemberDocument.Tier(t.tier().value(), StateValues.instant(t.since()),
        optionalInstant(t.validThrough()));
  }

  private static MemberDocument.Membership membership(Membership m) {
    return new MemberDocument.Membership(m.plan().value(), StateValues.instant(m.startedAt()),
        m.status().name(), list(m.terms(), StateEncoder::term));
  }

  private static MemberDocument.Term term(FeeTerm t) {
    return new MemberDocument.Term(t.payment().value(), t.paid().amount().toPlainString(),
        t.paid().currency().getCurrencyCode(), StateValues.instant(t.from()),
        optionalInstant(t.until()));
  }

  private static MemberDocument.Ledger ledger(Ledger l) {
    return new MemberDocument.Ledger(StateValues.instant(l.asOf()), l.isClosed(),
        list(l.lots(), StateEncoder::lot), list(l.postings(), StateEncoder::posting),
        sorted(l.deficits(), u -> u.value(), Function.identity()),
        list(l.openReversals(), StateEncoder::openReversal),
        sorted(l.recentActivities(), ActivityId::value, StateValues::instant));
  }

  private static MemberDocument.Lot lot(Lot l) {
    return new MemberDocument.Lot(l.id().value(), l.unit().value(), l.amount(), l.remaining(),
        l.consumed(), l.lapsed(), l.reversed(), l.writtenOff(), StateValues.instant(l.earnedAt()),
        StateValues.instant(l.vestsAt()), optionalInstant(l.expiresAt()), l.isVested(),
        l.activity().value(), list(l.lines(), id -> id.value()),
        l.rule().map(r -> r.value()).orElse(null), StateValues.account(l.fundedBy()));
  }

  private static MemberDocument.OpenReversal openReversal(OpenReversal o) {
    List<MemberDocument.Taken> taken = new ArrayList<>();
    o.takenFromLots().forEach((lot, points) -> taken.add(new MemberDocument.Taken(lot.value(),
        points)));
    return new MemberDocument.OpenReversal(o.unit().value(), o.lot().value(), o.after(),
        o.writtenOff(), taken);
  }

  static MemberDocument.Voucher voucher(Voucher v) {
    return new MemberDocument.Voucher(v.id().value(), v.value().amount().toPlainString(),
        v.value().currency().getCurrencyCode(), StateValues.instant(v.issuedAt()),
        optionalInstant(v.expiresAt()), v.source().value(), v.status().name());
  }

  private static MemberDocument.PurchaseRecord purchaseRecord(PurchaseRecord r) {
    return new MemberDocument.PurchaseRecord(purchase(r.purchase()),
        sorted(r.returned(), id -> id.value(), StateValues::decimal),
        list(r.returns(), ActivityId::value), context(r.context()),
        list(r.payments(), StateEncoder::payment));
  }

  private static MemberDocument.Purchase purchase(Purchase p) {
    return new MemberDocument.Purchase(p.id().value(), StateValues.instant(p.occurredAt()),
        p.channel().name(), p.paymentInstrument().orElse(null),
        p.partner().map(id -> id.value()).orElse(null), p.currency().getCurrencyCode(),
        amount(p.shipping()), amount(p.tax()), list(p.lines(), StateEncoder::line));
  }

  private static MemberDocument.Line line(PurchaseLine l) {
    return new MemberDocument.Line(l.id().value(), l.sku(), l.category(), List.copyOf(l.tags()),
        StateValues.decimal(l.quantity()), l.unitOfMeasure(), amount(l.unitPrice()),
        l.partner().map(id -> id.value()).orElse(null));
  }

  private static MemberDocument.Context context(PurchaseContext c) {
    return new MemberDocument.Context(c.tier().map(id -> id.value()).orElse(null),
        List.copyOf(c.segments()), new TreeMap<>(c.attributes()),
        list(c.activePlans(), id -> id.value()), list(c.exhausted(), id -> id.value()),
        c.birthdayMonth() ? Boolean.TRUE : null);
  }

  private static MemberDocument.Payment payment(PointsPaid p) {
    return new MemberDocument.Payment(p.payment().value(), p.unit().value(), p.points(),
        p.restored(), StateValues.decimal(p.orderValue()));
  }

  static PostingDocument posting(Posting p) {
    return new PostingDocument(p.sequence(), StateValues.instant(p.at()), p.unit().value(),
        StateValues.account(p.from()), StateValues.account(p.to()), p.amount(), p.type().name(),
        p.activity().map(ActivityId::value).orElse(null),
        p.lot().map(id -> id.value()).orElse(null), p.rule().map(id -> id.value()).orElse(null),
        p.undoes().map(ActivityId::value).orElse(null),
        p.reversalOf().map(id -> id.value()).orElse(null), p.reason().orElse(null),
        p.funder().map(PartnerId::value).orElse(null));
  }

  static PostingsDocument postings(List<Posting> postings) {
    return new PostingsDocument(StateJson.POSTINGS_FORMAT, list(postings, StateEncoder::posting));
  }

  static ProgramStateDocument programState(ProgramState s) {
    Map<String, Map<String, Long>> entries = new TreeMap<>();
    s.drawEntries().forEach((draw, byMember) -> entries.put(draw.value(),
        sorted(byMember, id -> id.value(), Function.identity())));
    return new ProgramStateDocument(StateJson.PROGRAM_STATE_FORMAT,
        s.currency().getCurrencyCode(), sorted(s.budgetsSpent(), id -> id.value(),
            Function.identity()),
        sorted(s.settlement(), id -> id.value(), StateEncoder::amount), entries,
        prizes(s), sorted(s.drawRuns(), id -> id.value(), Function.identity()));
  }

  private static Map<String, Map<String, Long>> prizes(ProgramState s) {
    Map<String, Map<String, Long>> prizes = new TreeMap<>();
    s.prizesAwarded().forEach((draw, byPrize) -> prizes.put(draw.value(),
        sorted(byPrize, id -> id.value(), Function.identity())));
    return prizes;
  }

  static DecisionDocument decision(Decision d) {
    return new DecisionDocument(StateJson.DECISION_FORMAT,
        d.activity().map(ActivityId::value).orElse(null), StateValues.instant(d.at()),
        d.replay(), member(d.member()), list(d.effects(), StateEncoder::effect),
        list(d.postings(), StateEncoder::posting),
        list(d.programStateChanges(), StateEncoder::change), list(d.trace(), StateEncoder::trace),
        list(d.errors(), StateEncoder::error));
  }

  static EffectDocument effect(Effect effect) {
    if (effect instanceof Effect.PointsEarned e) {
      return new EffectDocument.PointsEarned(e.unit().value(), e.points(),
          e.rule().map(id -> id.value()).orElse(null), e.lot().value(),
          optionalInstant(e.pendingUntil()));
    } else if (effect instanceof Effect.PointsReversed e) {
      return new EffectDocument.PointsReversed(e.unit().value(), e.points(),
          e.activity().value());
    } else if (effect instanceof Effect.PointsRestored e) {
      return new EffectDocument.PointsRestored(e.unit().value(), e.points(),
          e.activity().value());
    } else if (effect instanceof Effect.PointsShortfall e) {
      return new EffectDocument.PointsShortfall(e.unit().value(), e.points(), e.policy().name());
    } else if (effect instanceof Effect.PointsExpired e) {
      return new EffectDocument.PointsExpired(e.unit().value(), e.points(),
          StateValues.instant(e.at()));
    } else if (effect instanceof Effect.RewardRedeemed e) {
      return new EffectDocument.RewardRedeemed(e.reward().value(), e.quantity(),
          e.unit().value(), e.points());
    } else if (effect instanceof Effect.PaidWithPoints e) {
      return new EffectDocument.PaidWithPoints(e.purchase().value(), e.unit().value(),
          e.points(), amount(e.value()), e.value().currency().getCurrencyCode());
    } else if (effect instanceof Effect.VoucherIssued e) {
      return new EffectDocument.VoucherIssued(voucher(e.voucher()));
    } else if (effect instanceof Effect.VoucherRevoked e) {
      return new EffectDocument.VoucherRevoked(voucher(e.voucher()));
    } else if (effect instanceof Effect.VoucherExpired e) {
      return new EffectDocument.VoucherExpired(voucher(e.voucher()));
    } else if (effect instanceof Effect.DonationMade e) {
      return new EffectDocument.DonationMade(e.cause().value(), e.unit().value(), e.points(),
          amount(e.value()), e.value().currency().getCurrencyCode());
    } else if (effect instanceof Effect.TierChanged e) {
      return new EffectDocument.TierChanged(e.from().map(id -> id.value()).orElse(null),
          e.to().value());
    } else if (effect instanceof Effect.MembershipChanged e) {
      return new EffectDocument.MembershipChanged(e.plan().value(), e.status().name(),
          optionalInstant(e.expiresAt()));
    } else if (effect instanceof Effect.PerkGranted e) {
      return new EffectDocument.PerkGranted(e.perk(), e.source());
    } else if (effect instanceof Effect.DiscountGranted e) {
      return new EffectDocument.DiscountGranted(e.plan().value(), amount(e.amount()),
          e.amount().currency().getCurrencyCode());
    } else if (effect instanceof Effect.DividendAdjusted e) {
      return new EffectDocument.DividendAdjusted(e.plan().value(), e.year(), amount(e.amount()),
          e.amount().currency().getCurrencyCode(), e.policy().name());
    } else if (effect instanceof Effect.PointsTransferred e) {
      return new EffectDocument.PointsTransferred(e.partner().value(), e.unit().value(),
          e.points(), e.partnerUnit(), e.partnerUnits());
    } else if (effect instanceof Effect.AccountClosed e) {
      return new EffectDocument.AccountClosed(e.reason());
    } else if (effect instanceof Effect.ChallengeProgressed e) {
      return new EffectDocument.ChallengeProgressed(e.challenge().value(), e.window(),
          StateValues.decimal(e.progress()), StateValues.decimal(e.target()), e.completions(),
          e.streak());
    } else if (effect instanceof Effect.ChallengeCompleted e) {
      return new EffectDocument.ChallengeCompleted(e.challenge().value(), e.window(),
          e.completion());
    } else if (effect instanceof Effect.ChallengeCompletionRevoked e) {
      return new EffectDocument.ChallengeCompletionRevoked(e.challenge().value(), e.window());
    } else if (effect instanceof Effect.BadgeEarned e) {
      return new EffectDocument.BadgeEarned(e.badge().value(), e.level(), e.levelName(),
          optionalInstant(e.until()));
    } else if (effect instanceof Effect.BadgeLost e) {
      return new EffectDocument.BadgeLost(e.badge().value(), e.from(), e.to(), e.lapsed());
    } else if (effect instanceof Effect.ReferralQualified e) {
      return new EffectDocument.ReferralQualified(e.referrer().value(), e.purchase().value());
    } else if (effect instanceof Effect.ReferralWithdrawn e) {
      return new EffectDocument.ReferralWithdrawn(e.referrer().value(), e.purchase().value());
    } else if (effect instanceof Effect.DrawEntriesEarned e) {
      return new EffectDocument.DrawEntriesEarned(e.draw().value(), e.entries());
    } else if (effect instanceof Effect.DrawEntriesWithdrawn e) {
      return new EffectDocument.DrawEntriesWithdrawn(e.draw().value(), e.entries());
    } else if (effect instanceof Effect.InstantWinPlayed e) {
      return new EffectDocument.InstantWinPlayed(e.game().value(),
          e.prize().map(p -> p.value()).orElse(null));
    }
    throw new IllegalStateException("no JSON form for effect " + effect.getClass().getName());
  }

  static ChangeDocument change(ProgramStateChange change) {
    if (change instanceof ProgramStateChange.BudgetSpent c) {
      return new ChangeDocument.BudgetSpent(c.budget().value(), c.points());
    } else if (change instanceof ProgramStateChange.SettlementAccrued c) {
      return new ChangeDocument.SettlementAccrued(c.partner().value(), amount(c.amount()),
          c.amount().currency().getCurrencyCode());
    } else if (change instanceof ProgramStateChange.DrawEntered c) {
      return new ChangeDocument.DrawEntered(c.draw().value(), c.member().value(), c.entries());
    } else if (change instanceof ProgramStateChange.PrizeAwarded c) {
      return new ChangeDocument.PrizeAwarded(c.draw().value(), c.prize().value(), c.prizes());
    } else if (change instanceof ProgramStateChange.DrawRun c) {
      return new ChangeDocument.DrawRun(c.draw().value(), c.run());
    }
    throw new IllegalStateException("no JSON form for change " + change.getClass().getName());
  }

  static DrawResultDocument drawResult(DrawResult r) {
    return new DrawResultDocument(StateJson.DRAW_RESULT_FORMAT, r.draw().value(),
        StateValues.instant(r.at()), r.seed(), list(r.winners(), w ->
            new DrawResultDocument.Winner(w.prize().value(), w.member().value(), w.ticket(),
                w.pool())), (long) r.entrants(), r.entries(),
        list(r.changes(), StateEncoder::change));
  }

  private static DecisionDocument.Trace trace(TraceEntry t) {
    return new DecisionDocument.Trace(t.rule().value(), t.matched(),
        t.unit().map(id -> id.value()).orElse(null), t.granted(), t.lostToCap(),
        t.lostToStacking(), StateValues.decimal(t.lostToRounding()), t.note());
  }

  private static DecisionDocument.ErrorItem error(DecisionError e) {
    return new DecisionDocument.ErrorItem(e.rule().map(id -> id.value()).orElse(null),
        e.message(), e.consequence().name());
  }

  private static String amount(Money money) {
    return money.amount().toPlainString();
  }

  private static String optionalInstant(Optional<Instant> instant) {
    return instant.map(StateValues::instant).orElse(null);
  }

  private static <T, R> List<R> list(Collection<T> values, Function<T, R> encode) {
    List<R> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(encode.apply(v)));
    return out;
  }

  private static <K, V, R> Map<String, R> sorted(Map<K, V> map, Function<K, String> key,
      Function<V, R> value) {
    Map<String, R> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(key.apply(k), value.apply(v)));
    return out;
  }
}
