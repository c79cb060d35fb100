package org.tradingnode.http;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** What the node checks before it calls itself ready (e.g. journal answers, sharding up). */
public interface Readiness {
  CompletionStage<Map<String, Boolean>> check();
}
