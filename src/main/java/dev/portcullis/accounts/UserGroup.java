package dev.portcullis.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;

/** A group of users (Django's {@code auth.Group}): what is granted to it is granted to every member. */
@Entity
@Table(name = "user_groups")
public class UserGroup extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 150)
    public String name;

    public static Optional<UserGroup> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
