package dev.portcullis.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portcullis.database.DatabaseCircuit;
import dev.portcullis.security.core.AuthenticationFailure;
import dev.portcullis.security.core.Outages;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Verified credentials — opaque token hashes and JWTs — and the identity each stands for, so that the hot path
 * needs neither the database nor a signature check. An entry dies at the credential's own expiry, after
 * {@code portcullis.credential-cache.ttl} at most, and at once when its user or their tokens change on any
 * replica ({@link AuthChangeListener}). A verification that overlaps a change of its user is not cached
 * ({@link #ticket}). While no replica's changes can be heard, the cache is not used — except when the database
 * cannot be reached to check a credential again: then no revocation can be written either, so a credential
 * verified while changes were still heard is still good. It is answered straight from the cache while the
 * {@link DatabaseCircuit} is open, and after a failed check ({@link #orLastKnown}) until it has opened.
 */
@Singleton
public class CredentialCache {

    /**
     * @param deadline when the entry stops answering ({@link System#nanoTime()}): the credential's own expiry, or
     *                 the cache's time to live if sooner
     */
    private record Entry(SecurityIdentity identity, long userId, long deadline, long cachedAt) {

        boolean live(long now) {
            return deadline - now > 0;
        }
    }

    /** How many stripes per-user change counts are kept in (users share a stripe; a collision only skips a put). */
    private static final int STRIPES = 1024;
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    private final Cache<String, Entry> entries;
    private final Cache<String, AuthenticationFailure> rejected;
    private final Duration ttl;
    private final DatabaseCircuit database;
    private volatile boolean listening;
    /** Counts every change heard; a verification remembers the count it started at ({@link #ticket}). */
    private final AtomicLong changes = new AtomicLong();
    /** For each stripe of users, the count at their latest change; for everyone, the count at the latest reset. */
    private final AtomicLongArray userChangedAt = new AtomicLongArray(STRIPES);
    private volatile long resetAt;
    /** When changes were last known to be heard ({@link System#nanoTime()}). */
    private volatile long confirmedAt = System.nanoTime();

    public CredentialCache(@ConfigProperty(name = "portcullis.credential-cache.ttl", defaultValue = "5M") Duration ttl,
                           @ConfigProperty(name = "portcullis.credential-cache.size", defaultValue = "100000") long size,
                           DatabaseCircuit database) {
        this.ttl = ttl;
        this.database = database;
        // Upkeep (eviction, expiry) on the calling thread, a few entries at a time: handing it to the common pool
        // cost every few reads a task submission and a thread's wake-up. A fixed time to live, with each entry's
        // own earlier expiry checked on reading it: a per-entry expiry (Caffeine's Expiry) makes every read queue
        // for upkeep, while this way reads queue nothing until the cache is half full.
        this.entries = Caffeine.newBuilder().executor(Runnable::run).maximumSize(size).expireAfterWrite(ttl).build();
        // A credential that is wrong in itself (an unknown key, a JWT that fails verification) stays wrong:
        // keys are random and JWTs immutable. Kept apart, so that a flood of bad credentials evicts only its own kind,
        // and by digest (refusalKey).
        this.rejected = Caffeine.newBuilder().executor(Runnable::run).maximumSize(Math.max(1, size / 10)).expireAfterWrite(ttl).build();
    }

    /**
     * The answer for a credential seen before — its identity, or the failure it met — with no database round trip
     * and no signature check, on the calling thread; empty when it has to be verified.
     *
     * @throws AuthenticationFailure the failure the credential met, when that is remembered
     */
    public Optional<SecurityIdentity> remembered(String credential) {
        Optional<SecurityIdentity> identity = get(credential);
        if (identity.isPresent()) {
            return identity;
        }
        AuthenticationFailure failure = rejected.getIfPresent(refusalKey(credential));
        if (failure != null) {
            throw failure;
        }
        return Optional.empty();
    }

    /**
     * The verification, or — when it fails because the database cannot be reached — the identity the credential
     * was last verified as, if it was. Entries kept from before the outage are dropped once changes can be heard
     * again, since some may have been missed.
     */
    public Uni<SecurityIdentity> orLastKnown(String credential, Uni<SecurityIdentity> verification) {
        return verification.onFailure(Outages::databaseUnavailable).recoverWithUni(failure -> {
            database.observe(failure);
            Entry entry = live(credential);
            return entry == null ? Uni.createFrom().failure(failure) : Uni.createFrom().item(entry.identity());
        });
    }

    /** Remembers a credential that is wrong in itself — never one refused for its user's state. */
    public void reject(String credential, AuthenticationFailure failure) {
        rejected.put(refusalKey(credential), failure);
    }

    /**
     * The fixed-size key a refused credential is remembered by: its SHA-256. A refused credential is whatever a
     * client sent, as long as the header allows; kept whole, ten thousand refused 15 KB bearer tokens filled a 64 MB
     * heap. A verified credential is kept whole: only the service or an identity provider makes one, and looking it
     * up needs no digest.
     */
    public static String refusalKey(String credential) {
        return Tokens.hash(credential);
    }

    private Optional<SecurityIdentity> get(String credential) {
        if (!listening && !database.isOpen()) {
            return Optional.empty();
        }
        Entry entry = live(credential);
        return entry == null ? Optional.empty() : Optional.of(entry.identity());
    }

    /** The credential's entry, unless its credential has expired since it was cached. */
    private Entry live(String credential) {
        Entry entry = entries.getIfPresent(credential);
        return entry == null || entry.live(System.nanoTime()) ? entry : null;
    }

    /**
     * What a verification must take before it reads the database, and hand to {@link #put}: a change heard
     * after it (the user's tokens revoked while the verification ran) keeps its now-stale answer out of the cache.
     */
    public long ticket() {
        return changes.get();
    }

    /**
     * @param expiresAt when the credential itself expires ({@code null}: never)
     * @param ticket    the {@link #ticket()} taken before the credential was verified
     */
    public synchronized void put(String credential, SecurityIdentity identity, long userId, Instant expiresAt,
                                 long ticket) {
        if (!listening || resetAt > ticket || userChangedAt.get(stripe(userId)) > ticket) {
            return;
        }
        long lifetime = expiresAt == null ? nanos(ttl)
                : Math.min(nanos(ttl), nanos(Duration.between(Instant.now(), expiresAt)));
        long cachedAt = System.nanoTime();
        entries.put(credential, new Entry(identity, userId, cachedAt + lifetime, cachedAt));
    }

    /** The duration in nanoseconds, none if negative, at most the longest a {@code long} holds (292 years). */
    private static long nanos(Duration duration) {
        return duration.isNegative() ? 0 : duration.compareTo(LONGEST) >= 0 ? Long.MAX_VALUE : duration.toNanos();
    }

    /** Forgets every credential of the user: their tokens were revoked, or the account changed. */
    public synchronized void forgetUser(long userId) {
        userChangedAt.set(stripe(userId), changes.incrementAndGet());
        entries.asMap().values().removeIf(entry -> entry.userId() == userId);
    }

    private static int stripe(long userId) {
        return (int) Math.floorMod(userId, (long) STRIPES);
    }

    /**
     * Whether changes made on any replica are heard; when not, nothing is cached or served from the cache. Entries
     * verified before changes were last known to be heard are kept for {@link #orLastKnown}; later ones may have
     * missed a revocation and go. When changes are heard again, everything kept is forgotten.
     */
    synchronized void listening(boolean heard) {
        if (heard && !listening) {
            resetAt = changes.incrementAndGet();
            entries.invalidateAll();
            confirmedAt = System.nanoTime();
        } else if (!heard && listening) {
            resetAt = changes.incrementAndGet();
            long confirmed = confirmedAt;
            entries.asMap().values().removeIf(entry -> entry.cachedAt() - confirmed > 0);
        }
        this.listening = heard;
    }

    /** Changes are still heard: the listener's own heartbeat came back. */
    void confirmed() {
        confirmedAt = System.nanoTime();
    }

    boolean listening() {
        return listening;
    }
}
