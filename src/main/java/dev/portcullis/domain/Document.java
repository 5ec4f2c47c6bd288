package dev.portcullis.domain;

import dev.portcullis.security.core.Identified;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A document, under object permissions: each one is seen and changed by those granted it. */
@Entity
@Table(name = "documents")
public class Document extends PanacheEntityBase implements Identified {

    public static final String MODEL = "document";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String content = "";

    /** The creating user's id; kept (as null) when that user is deleted. */
    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Override
    public Long primaryKey() {
        return id;
    }
}
