package dev.portcullis.domain;

import dev.portcullis.security.core.Identified;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A shared note, under model permissions: whoever may change notes may change any note. */
@Entity
@Table(name = "notes")
public class Note extends PanacheEntityBase implements Identified {

    public static final String MODEL = "note";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Override
    public Long primaryKey() {
        return id;
    }
}
