"""Use cases. Each public method is one user action = one transaction that also appends the journal and the outbox."""
