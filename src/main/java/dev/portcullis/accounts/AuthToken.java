package dev.portcullis.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An opaque API token; only the SHA-256 of its key is stored. */
@Entity
@Table(name = "auth_tokens")
public class AuthToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;

    /** The device this token signs in ({@link Devices}); signing the device out deletes the token. */
    @Column(name = "device_id", nullable = false)
    public Long deviceId;

    @Column(name = "key_hash", nullable = false, unique = true, length = 64)
    public String keyHash;

    /** The first characters of the key, enough for a person to tell tokens apart, useless to an attacker. */
    @Column(name = "key_prefix", nullable = false, length = 8)
    public String keyPrefix;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
}
