package org.h2.mvstore;

/**
 * The step of H2's background writer that copies the live pages of mostly dead chunks into the next
 * chunk, so that the old ones die and their space is reused ({@code FileStore.rewriteChunks}). The
 * background writer does not run with {@code WRITE_DELAY=0}, and H2's public {@link MVStore#compact} picks
 * any chunk that is not completely full (the oldest first), so it would keep copying old dense data;
 * the step itself takes a fill rate, but it is not public. This class sits in H2's package to call it,
 * compiled against the H2 version in the pom: an H2 upgrade that changes the step breaks the build, not
 * the node.
 */
public final class SparseChunkRewrite {
  private SparseChunkRewrite() {}

  /**
   * Copies on the live pages of chunks older than the store's retention time that are less than
   * {@code belowFillRate} percent live, up to {@code writeLimit} live bytes, the sparsest and oldest
   * first; they are written with the next commit. Gives up when the store is busy for more than 10 ms.
   * True when pages were copied.
   */
  public static boolean rewrite(MVStore store, int writeLimit, int belowFillRate) throws InterruptedException {
    FileStore<?> fileStore = store.getFileStore();
    Boolean rewritten = store.tryExecuteUnderStoreLock(() -> fileStore.rewriteChunks(writeLimit, belowFillRate));
    return rewritten != null && rewritten;
  }
}
