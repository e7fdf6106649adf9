package org.loyaltyrules.examples.kafka;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documents of {@code loyalty-rejections}: a record the library would not decide, with the
 * member's key, the error's type and message, and the record as it came.
 */
final class Rejections {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Rejections() {}

  static String of(String key, String record, RuntimeException error) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("format", "example-rejection/1");
    doc.put("member", key);
    doc.put("error", error.getClass().getSimpleName());
    doc.put("message", error.getMessage());
    doc.put("record", record);
    return JSON.writeValueAsString(doc);
  }
}
