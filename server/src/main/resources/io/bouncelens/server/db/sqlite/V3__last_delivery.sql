-- The last delivery to each address that a report, a log or a sending service's event told of:
-- soft bounces before it no longer count towards suppressing the address.
CREATE TABLE deliveries (
    address      TEXT   PRIMARY KEY,
    delivered_at BIGINT NOT NULL
);
