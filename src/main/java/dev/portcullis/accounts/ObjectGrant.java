package dev.portcullis.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A permission on one object, to a user or to a group (django-guardian's user and group object permissions).
 * Written with SQL by {@link Grants}; mapped so that list restrictions can name it in JPQL.
 */
@Entity
@Table(name = "object_grants")
public class ObjectGrant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "group_id")
    public Long groupId;

    @Column(nullable = false)
    public String model;

    @Column(nullable = false)
    public String codename;

    @Column(name = "object_id", nullable = false)
    public Long objectId;
}
