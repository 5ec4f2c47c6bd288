package dev.portcullis.examples.library;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import java.util.LinkedHashSet;
import java.util.Set;

/** A reading club of members: a relation to many. */
@Entity
@Table(name = "library_clubs")
public class Club extends PanacheEntity {
    public String name;
    @ManyToMany
    @JoinTable(name = "library_clubs_members")
    public Set<Member> members = new LinkedHashSet<>();
}
