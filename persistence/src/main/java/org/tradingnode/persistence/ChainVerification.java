package org.tradingnode.persistence;

/**
 * The outcome of walking one entity's hash chain. When {@code ok}, every chained event matched and
 * {@code verified} counts them; otherwise {@code firstMismatch} is the first sequence number whose
 * stored hashes do not match its stored bytes or its predecessor, and {@code reason} says which.
 * {@code unchained} counts events stored before chaining existed (readable, not verifiable).
 */
public record ChainVerification(
    String persistenceId, boolean ok, long verified, long unchained, Long firstMismatch, String reason) {}
