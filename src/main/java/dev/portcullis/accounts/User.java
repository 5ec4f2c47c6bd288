package dev.portcullis.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A user account (Django's {@code auth.User}). */
@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 150)
    public String username;

    @Column(nullable = false, length = 254)
    public String email = "";

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "is_staff", nullable = false)
    public boolean staff;

    @Column(name = "is_superuser", nullable = false)
    public boolean superuser;

    @Column(name = "is_active", nullable = false)
    public boolean active = true;

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Column(name = "date_joined", nullable = false)
    public OffsetDateTime dateJoined = OffsetDateTime.now();

    /** When the user last signed out everywhere; a JWT that names no device and is older than this is refused. */
    @Column(name = "signed_out_at")
    public OffsetDateTime signedOutAt;

    /**
     * The user of a name as typed: compared after Unicode NFKC normalisation, as Django normalises usernames,
     * so that a look-alike such as a full-width {@code ａｄｍｉｎ} is the same name as {@code admin}.
     */
    public static Optional<User> findByUsername(String username) {
        return find("username", normalize(username)).firstResultOptional();
    }

    /** Django's {@code AbstractBaseUser.normalize_username}. */
    public static String normalize(String username) {
        return Normalizer.normalize(username, Normalizer.Form.NFKC);
    }
}
