package dev.portcullis.examples.library;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;

@Entity
@Table(name = "library_loans")
public class Loan extends PanacheEntity {
    @ManyToOne
    public Copy copy;
    @ManyToOne
    public Member member;
    public LocalDate due;
    public boolean returned;
}
