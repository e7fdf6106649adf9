package org.loyaltyrules.examples.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.rules.config.StateJson;

/**
 * The decoded states of a task's most recently used members, beside the store that holds their
 * JSON: reading a member's state from JSON costs more than deciding its activity, and busy members
 * come back often. The store stays the truth — an entry is used only while the store holds
 * exactly the text it was decoded from or written as — so the cache can be lost at any moment (a
 * rebalance makes a new processor, and a new cache, for the task). Not thread-safe: one per task.
 */
final class MemberCache {
  private record Entry(String json, Member member) {}

  private final int capacity;
  private final Map<String, Entry> entries;

  MemberCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > MemberCache.this.capacity;
      }
    };
  }

  /** The member whose state the store holds as {@code json}. */
  Member read(String key, String json) {
    Entry entry = entries.get(key);
    if (entry != null && entry.json().equals(json)) {
      return entry.member();
    }
    Member member = StateJson.readMember(json);
    wrote(key, json, member);
    return member;
  }

  /** Notes that the store now holds {@code json}, the state {@code member}. */
  void wrote(String key, String json, Member member) {
    if (capacity > 0) {
      entries.put(key, new Entry(json, member));
    }
  }
}
