package dev.portcullis.examples.invoices;

import dev.portcullis.accounts.User;
import dev.portcullis.security.core.Owned;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

@Entity
@Table(name = "invoices")
public class Invoice extends PanacheEntity implements Owned {
    public String number;
    public BigDecimal amount;
    public boolean paid;
    @ManyToOne
    public User owner;
    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Override
    public Long ownerId() {
        return owner.id;
    }
}
