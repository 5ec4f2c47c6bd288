package dev.portcullis.examples.library;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "library_books")
public class Book extends PanacheEntity {
    public String title;
    public String author;
    public String isbn;
}
