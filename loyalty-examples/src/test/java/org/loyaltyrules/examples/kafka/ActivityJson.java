package org.loyaltyrules.examples.kafka;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of the activities on the input topic: one document per record, the member's id
 * in it (and as the record's key), in the style of the library's state documents — a
 * {@code format}, amounts and quantities as decimal text, instants ISO-8601.
 *
 * <pre>{@code
 * {"format":"example-activity/1","type":"purchase","id":"m00042-3","member":"m00042",
 *  "at":"2026-03-02T13:00:00Z","currency":"USD",
 *  "lines":[{"id":"l1","sku":"latte","category":"drinks","quantity":"2","price":"4.50"}]}
 * {"format":"example-activity/1","type":"return","id":"m00042-5","member":"m00042",
 *  "at":"2026-03-04T09:00:00Z","purchase":"m00042-3","lines":[{"line":"l1","quantity":"1"}]}
 * {"format":"example-activity/1","type":"redeem","id":"m00042-6","member":"m00042",
 *  "at":"2026-03-05T09:00:00Z","reward":"coffee","quantity":1}
 * }</pre>
 *
 * <p>The library itself reads and writes member state, program-level state and decisions
 * ({@link org.loyaltyrules.rules.config.StateJson}) but has no document for an activity: an
 * activity is the host's own event, which it maps to the library's types. This is that mapping for
 * the three kinds the example streams. Reading is strict: a missing or unknown property, a value of
 * the wrong type or a value the model refuses is an {@link IllegalArgumentException} naming the
 * property. Stateless and thread-safe.
 */
final class ActivityJson {
  /** The format this version reads and writes. */
  static final String FORMAT = "example-activity/1";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> COMMON = Set.of("format", "type", "id", "member", "at");

  private ActivityJson() {}

  /** An activity and the member it belongs to. */
  record MemberActivity(MemberId member, Activity activity) {}

  /**
   * Writes an activity of a member.
   *
   * @throws IllegalArgumentException if the activity is of a kind this form does not hold
   */
  static String write(MemberId member, Activity activity) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("format", FORMAT);
    if (activity instanceof Purchase p) {
      doc.put("type", "purchase");
      common(doc, member, activity);
      doc.put("currency", p.currency().getCurrencyCode());
      ArrayNode lines = doc.putArray("lines");
      for (PurchaseLine line : p.lines()) {
        ObjectNode l = lines.addObject();
        l.put("id", line.id().value());
        l.put("sku", line.sku());
        l.put("category", line.category());
        l.put("quantity", line.quantity().toPlainString());
        l.put("price", line.unitPrice().amount().toPlainString());
      }
    } else if (activity instanceof Return r) {
      doc.put("type", "return");
      common(doc, member, activity);
      doc.put("purchase", r.purchase().value());
      ArrayNode lines = doc.putArray("lines");
      for (ReturnLine line : r.lines()) {
        ObjectNode l = lines.addObject();
        l.put("line", line.line().value());
        l.put("quantity", line.quantity().toPlainString());
      }
    } else if (activity instanceof RedeemReward r) {
      doc.put("type", "redeem");
      common(doc, member, activity);
      doc.put("reward", r.reward().value());
      doc.put("quantity", r.quantity());
    } else {
      throw new IllegalArgumentException("activity " + activity.id() + ": a "
          + activity.getClass().getSimpleName() + " has no " + FORMAT + " form");
    }
    return JSON.writeValueAsString(doc);
  }

  private static void common(ObjectNode doc, MemberId member, Activity activity) {
    doc.put("id", activity.id().value());
    doc.put("member", member.value());
    doc.put("at", activity.occurredAt().toString());
  }

  /**
   * Reads an activity document.
   *
   * @throws IllegalArgumentException naming the property if the text is not such a document
   */
  static MemberActivity read(String json) {
    if (json == null) {
      throw new IllegalArgumentException("activity document must not be null");
    }
    JsonNode doc;
    try {
      doc = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("activity document is not JSON: "
          + e.getOriginalMessage(), e);
    }
    if (doc == null || !doc.isObject()) {
      throw new IllegalArgumentException("activity document must be a JSON object");
    }
    String format = text(doc, "format", "");
    if (!format.equals(FORMAT)) {
      throw new IllegalArgumentException("activity document: format is '" + format
          + "', this version reads " + FORMAT);
    }
    String type = text(doc, "type", "");
    MemberId member = MemberId.of(text(doc, "member", ""));
    ActivityId id = ActivityId.of(text(doc, "id", ""));
    Instant at = instant(doc, "at");
    Activity activity = switch (type) {
      case "purchase" -> purchase(doc, id, at);
      case "return" -> giveBack(doc, id, at);
      case "redeem" -> redeem(doc, id, at);
      default -> throw new IllegalArgumentException("activity document: type '" + type
          + "' is not one of [purchase, return, redeem]");
    };
    return new MemberActivity(member, activity);
  }

  private static Purchase purchase(JsonNode doc, ActivityId id, Instant at) {
    only(doc, "", Set.of("currency", "lines"));
    String currency = text(doc, "currency", "");
    Purchase.Builder purchase = Purchase.builder(id, at);
    JsonNode lines = array(doc, "lines", "");
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = lines.get(i);
      String path = "lines[" + i + "].";
      only(line, path, Set.of("id", "sku", "category", "quantity", "price"));
      purchase.line(PurchaseLine.of(LineId.of(text(line, "id", path)), text(line, "sku", path),
          text(line, "category", path), decimal(line, "quantity", path),
          Money.of(decimal(line, "price", path), Money.currency(currency))));
    }
    return purchase.build();
  }

  private static Return giveBack(JsonNode doc, ActivityId id, Instant at) {
    only(doc, "", Set.of("purchase", "lines"));
    List<ReturnLine> lines = new ArrayList<>();
    JsonNode items = array(doc, "lines", "");
    for (int i = 0; i < items.size(); i++) {
      JsonNode line = items.get(i);
      String path = "lines[" + i + "].";
      only(line, path, Set.of("line", "quantity"));
      lines.add(new ReturnLine(LineId.of(text(line, "line", path)),
          decimal(line, "quantity", path)));
    }
    return Return.of(id, at, ActivityId.of(text(doc, "purchase", "")), lines);
  }

  private static RedeemReward redeem(JsonNode doc, ActivityId id, Instant at) {
    only(doc, "", Set.of("reward", "quantity"));
    JsonNode quantity = doc.get("quantity");
    if (quantity == null || !quantity.isInt()) {
      throw new IllegalArgumentException("activity document: quantity must be a whole number, was "
          + quantity);
    }
    return new RedeemReward(id, at, RewardId.of(text(doc, "reward", "")), quantity.intValue());
  }

  /** Fails on a property that is neither common (at the top) nor one of {@code allowed}. */
  private static void only(JsonNode node, String path, Set<String> allowed) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("activity document: " + path + " must be an object");
    }
    for (String name : node.propertyNames()) {
      if (!allowed.contains(name) && !(path.isEmpty() && COMMON.contains(name))) {
        throw new IllegalArgumentException("activity document: " + path + name
            + " is not a property here");
      }
    }
  }

  private static String text(JsonNode node, String name, String path) {
    JsonNode value = node.get(name);
    if (value == null || !value.isString()) {
      throw new IllegalArgumentException("activity document: " + path + name
          + " must be text, was " + value);
    }
    return value.stringValue();
  }

  private static BigDecimal decimal(JsonNode node, String name, String path) {
    String text = text(node, name, path);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("activity document: " + path + name
          + " must be a decimal, was '" + text + "'", e);
    }
  }

  private static Instant instant(JsonNode node, String name) {
    String text = text(node, name, "");
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("activity document: " + name
          + " must be an ISO-8601 instant, was '" + text + "'", e);
    }
  }

  private static JsonNode array(JsonNode node, String name, String path) {
    JsonNode value = node.get(name);
    if (value == null || !value.isArray()) {
      throw new IllegalArgumentException("activity document: " + path + name
          + " must be an array, was " + value);
    }
    return value;
  }
}
