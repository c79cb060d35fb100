package org.tradingnode.persistence.readside;

import java.nio.file.Path;
import org.apache.pekko.persistence.query.Offset;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on H2: an H2 file as the embedded profile opens it; a batch is one transaction. */
class H2ReadSideStoreTest extends ReadSideStoreContract {
  @TempDir
  Path dataDir;
  private H2ReadSideStore store;

  @Override
  ReadSideStore openStore() {
    store = H2ReadSideStore.open(EmbeddedProfile.jdbcUrl(EmbeddedProfile.config(dataDir)), "sa", "", Runnable::run);
    return store;
  }

  @Override
  void closeStore() {
    store.close();
  }

  @Override
  Offset offsetOf(int n) {
    return Offset.sequence(n);
  }
}
