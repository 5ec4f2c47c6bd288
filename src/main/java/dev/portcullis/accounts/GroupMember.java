package dev.portcullis.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A user's membership of a group; mapped so that list restrictions can name it in JPQL. */
@Entity
@Table(name = "group_members")
@IdClass(GroupMember.Key.class)
public class GroupMember extends PanacheEntityBase {

    @Id
    @Column(name = "group_id")
    public Long groupId;

    @Id
    @Column(name = "user_id")
    public Long userId;

    /** The composite primary key. */
    public static class Key implements Serializable {
        public Long groupId;
        public Long userId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(groupId, key.groupId) && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, userId);
        }
    }
}
