package org.synscope.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed logins: after {@link #LIMIT} failures for a user name or from an address within
 * {@link #WINDOW_MILLIS}, further attempts are refused (429) until the oldest failure ages out.
 */
final class LoginThrottle {
  static final int LIMIT = 5;
  static final long WINDOW_MILLIS = 15 * 60 * 1000L;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  long retryAfter(String... keys) {
    long now = System.currentTimeMillis();
    long wait = 0;
    for (String key : keys) {
      Deque<Long> f = failures.get(key);
      if (f == null) {
        continue;
      }
      synchronized (f) {
        while (!f.isEmpty() && now - f.peekFirst() > WINDOW_MILLIS) {
          f.pollFirst();
        }
        if (f.size() >= LIMIT) {
          wait = Math.max(wait, (f.peekFirst() + WINDOW_MILLIS - now + 999) / 1000);
        }
      }
    }
    return wait;
  }

  /**
   * Admits an attempt, or says how long to wait: the check and the count are one atomic step, so 30
   * attempts at once cannot all pass the check before any is counted. An admitted attempt counts as a
   * failure at once; {@link #succeeded} clears it when the password was right.
   *
   * @return 0 when admitted, else the seconds to wait
   */
  synchronized long admit(String... keys) {
    long wait = retryAfter(keys);
    if (wait == 0) {
      failed(keys);
    }
    return wait;
  }

  void failed(String... keys) {
    long now = System.currentTimeMillis();
    for (String key : keys) {
      Deque<Long> f = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      synchronized (f) {
        f.addLast(now);
      }
    }
  }

  void succeeded(String... keys) {
    for (String key : keys) {
      failures.remove(key);
    }
  }
}
