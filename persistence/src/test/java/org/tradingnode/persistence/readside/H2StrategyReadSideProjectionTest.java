package org.tradingnode.persistence.readside;

import com.typesafe.config.Config;
import java.nio.file.Path;

/** The projection on the embedded profile: H2 journal file and read side tables in the same database. */
class H2StrategyReadSideProjectionTest extends StrategyReadSideProjectionContract {

  @Override
  Config profile(Path dataDir) {
    return EmbeddedProfile.config(dataDir);
  }
}
