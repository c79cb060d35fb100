package org.tradingnode.persistence.readside;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blocking CQL on one session: each statement prepared once, read and written at LOCAL_QUORUM so that
 * the projection reads back what it wrote even with a replication factor above one.
 */
final class CassandraStatements {
  private final CqlSession session;
  private final Map<String, PreparedStatement> prepared = new ConcurrentHashMap<>();

  CassandraStatements(CqlSession session) {
    this.session = session;
  }

  Row one(String cql, Object... values) {
    return session.execute(bound(cql, values)).one();
  }

  List<Row> all(String cql, Object... values) {
    return session.execute(bound(cql, values)).all();
  }

  void write(String cql, Object... values) {
    session.execute(bound(cql, values));
  }

  private BoundStatement bound(String cql, Object... values) {
    return prepared.computeIfAbsent(cql, session::prepare).bind(values)
        .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM);
  }
}
