package org.loyaltyrules.rules.config;

import java.util.List;
import java.util.Map;

/**
 * A member's state as stored, format {@value StateJson#MEMBER_FORMAT}: the shape Jackson binds,
 * every value still text or a whole number, absent values null. {@link StateEncoder} builds it
 * from a {@link org.loyaltyrules.core.member.Member} and {@link StateDecoder} turns it back,
 * checking every value.
 *
 * <p>Instants are ISO-8601 text ({@code 2026-03-02T13:00:00Z}), dates ISO ({@code 1990-02-28}),
 * amounts and quantities decimal text ({@code "12.50"}), points whole numbers, enums their
 * constant names, accounts {@code TYPE:owner}. Lists keep the model's order; maps are written
 * sorted by key.
 *
 * <p>Immutable apart from the lists and maps Jackson fills, which nothing changes afterwards.
 */
record MemberDocument(String format, String id, String enrolledAt, Profile profile, Tier tier,
    List<Membership> memberships, Ledger ledger, List<Voucher> vouchers,
    Map<String, String> progress, List<PurchaseRecord> purchases, String referredBy) {

  /** The member's profile. */
  record Profile(String birthday, List<String> segments, Map<String, String> attributes) {}

  /** The tier held. */
  record Tier(String tier, String since, String validThrough) {}

  /** A paid membership. */
  record Membership(String plan, String startedAt, String status, List<Term> terms) {}

  /** One term of a paid membership and the payment (or trial) that bought it. */
  record Term(String payment, String paid, String currency, String from, String until) {}

  /** The points ledger; its member is the document's. */
  record Ledger(String asOf, Boolean closed, List<Lot> lots, List<PostingDocument> postings,
      Map<String, Long> deficits, List<OpenReversal> openReversals,
      Map<String, String> recentActivities) {}

  /** A lot of points earned together. */
  record Lot(String id, String unit, Long amount, Long remaining, Long consumed, Long lapsed,
      Long reversed, Long writtenOff, String earnedAt, String vestsAt, String expiresAt,
      Boolean vested, String activity, List<String> lines, String rule, String fundedBy) {}

  /** A reversal still open to settlement. */
  record OpenReversal(String unit, String lot, Long after, Long writtenOff,
      List<Taken> takenFromLots) {}

  /** Points an open reversal took from another lot, in the order taken. */
  record Taken(String lot, Long points) {}

  /** A money voucher. */
  record Voucher(String id, String value, String currency, String issuedAt, String expiresAt,
      String source, String status) {}

  /** A purchase that can still be returned, with what was returned and paid with points. */
  record PurchaseRecord(Purchase purchase, Map<String, String> returned, List<String> returns,
      Context context, List<Payment> payments) {}

  /** A purchase; every amount is in its currency. */
  record Purchase(String id, String occurredAt, String channel, String paymentInstrument,
      String partner, String currency, String shipping, String tax, List<Line> lines) {}

  /** A purchase line. */
  record Line(String id, String sku, String category, List<String> tags, String quantity,
      String unitOfMeasure, String unitPrice, String partner) {}

  /**
   * What the rules knew of the member when a purchase was decided; {@code birthdayMonth} is
   * absent unless the purchase fell in the member's birthday month.
   */
  record Context(String tier, List<String> segments, Map<String, String> attributes,
      List<String> activePlans, List<String> exhausted, Boolean birthdayMonth) {}

  /** Points paid toward a purchase. */
  record Payment(String payment, String unit, Long points, Long restored, String orderValue) {}
}
