package dev.portcullis.examples.library;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "library_copies")
public class Copy extends PanacheEntity {
    @ManyToOne
    public Book book;
    public String branch;
}
