package org.tradingnode.http;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.tradingnode.core.entity.ExchangeConnectionEntity;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.core.entity.SafetyCoordinator;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.SymbolEntity;

/**
 * The entity types the audit calls read ({@code type=}), each with its journal type and the shape of its
 * ids: the ids the node gives its entities and the audit listings show, so that any entity listed can be
 * read and verified by the id shown, and nothing else is taken.
 */
enum AuditedType {
  STRATEGY("strategy", StrategyEntity.TYPE_KEY.name(), Validation.ID_REGEX,
      "a strategy id as created (" + Validation.ID_RULE + "), e.g. demo-btc-momentum"),
  RISK("risk", RiskEntity.TYPE_KEY.name(), Validation.ID_REGEX,
      "an account (" + Validation.ID_RULE + "), e.g. demo"),
  CONNECTION("connection", ExchangeConnectionEntity.TYPE_KEY.name(), Validation.ID_REGEX + ":" + Validation.ID_REGEX,
      "exchange:account, e.g. paper:demo (exchange and account each " + Validation.ID_RULE + ")"),
  SYMBOL("symbol", SymbolEntity.TYPE_KEY.name(), Validation.ID_REGEX + ":" + Validation.SYMBOL_REGEX,
      "exchange:SYMBOL, e.g. paper:BTCUSDT (exchange " + Validation.ID_RULE + ", SYMBOL "
          + Validation.SYMBOL_RULE + ")"),
  COORDINATOR("coordinator", SafetyCoordinator.PERSISTENCE_ID.entityTypeHint(),
      Pattern.quote(SafetyCoordinator.PERSISTENCE_ID.entityId()),
      SafetyCoordinator.PERSISTENCE_ID.entityId() + " (the one coordinator; the id may be left out)");

  private final String apiName;
  private final String journalType;
  private final Pattern idShape;
  private final String idRule;

  AuditedType(String apiName, String journalType, String idRegex, String idRule) {
    this.apiName = apiName;
    this.journalType = journalType;
    this.idShape = Pattern.compile(idRegex);
    this.idRule = idRule;
  }

  /** The type named by {@code type=}; 400 naming the known ones otherwise. */
  static AuditedType named(String type) {
    return Arrays.stream(values()).filter(t -> t.apiName.equals(type)).findFirst().orElseThrow(() ->
        ApiError.badRequest("invalid_type", "type must be one of "
            + Arrays.stream(values()).map(t -> t.apiName).sorted().toList()));
  }

  /** The type as {@code type=} names it. */
  String apiName() {
    return apiName;
  }

  /** The entity type in the journal (the first part of its persistence ids and tags). */
  String journalType() {
    return journalType;
  }

  /** Whether the type has a single entity, read when no id is given. */
  boolean isSingleton() {
    return this == COORDINATOR;
  }

  /**
   * The entity id of {@code id=}, checked against the shape of this type's ids (the coordinator's when
   * none is given); 400 naming the shape otherwise.
   */
  String entityId(String id) {
    if (id == null) {
      if (isSingleton()) {
        return SafetyCoordinator.PERSISTENCE_ID.entityId();
      }
      throw ApiError.badRequest("missing_id", "id is required for type=" + apiName + ": " + idRule);
    }
    if (!idShape.matcher(id).matches()) {
      throw ApiError.badRequest("invalid_id", "id of type=" + apiName + " must be " + idRule);
    }
    return id;
  }
}
