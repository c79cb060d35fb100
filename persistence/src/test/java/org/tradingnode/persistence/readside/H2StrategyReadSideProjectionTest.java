package org.tradingnode.persistence.readside;

import com.typesafe.config.Config;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The projection on the embedded profile: H2 journal file and read side tables in the same database. */
class H2StrategyReadSideProjectionTest extends StrategyReadSideProjectionContract {
  @TempDir
  Path dataDir;

  @Override
  Config freshProfile() {
    return EmbeddedProfile.config(dataDir);
  }
}
