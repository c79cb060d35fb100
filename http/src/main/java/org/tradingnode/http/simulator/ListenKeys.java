package org.tradingnode.http.simulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user data streams' listenKeys. An account has at most one: starting a stream while one is
 * active returns it and extends it, as Binance does. A key not kept alive within the validity
 * expires. Keys are random and unguessable. Confined to the venue thread.
 */
final class ListenKeys {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int LENGTH = 64;

  private record Entry(String account, long expiresAt) {}

  private final Map<String, Entry> keys = new LinkedHashMap<>();
  private final Duration validity;
  private final SecureRandom random = new SecureRandom();

  ListenKeys(Duration validity) {
    this.validity = validity;
  }

  String start(String account, long now) {
    for (Map.Entry<String, Entry> e : keys.entrySet()) {
      if (e.getValue().account().equals(account)) {
        e.setValue(new Entry(account, now + validity.toMillis()));
        return e.getKey();
      }
    }
    StringBuilder key = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    keys.put(key.toString(), new Entry(account, now + validity.toMillis()));
    return key.toString();
  }

  void keepAlive(String account, String key, long now) {
    owned(account, key);
    keys.put(key, new Entry(account, now + validity.toMillis()));
  }

  void close(String account, String key) {
    owned(account, key);
    keys.remove(key);
  }

  /** The account's active keys: where its events go. */
  List<String> of(String account) {
    List<String> mine = new ArrayList<>(1);
    keys.forEach((key, entry) -> {
      if (entry.account().equals(account)) {
        mine.add(key);
      }
    });
    return mine;
  }

  /** Removes and returns the keys whose validity ended. */
  List<String> expire(long now) {
    List<String> expired = new ArrayList<>();
    for (Iterator<Map.Entry<String, Entry>> it = keys.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Entry> e = it.next();
      if (e.getValue().expiresAt() <= now) {
        expired.add(e.getKey());
        it.remove();
      }
    }
    return expired;
  }

  private void owned(String account, String key) {
    Entry entry = keys.get(key);
    if (entry == null || !entry.account().equals(account)) {
      throw BinanceError.invalidListenKey();
    }
  }
}
