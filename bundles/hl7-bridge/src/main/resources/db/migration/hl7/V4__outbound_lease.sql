-- One node at a time delivers an outbound channel's queue (cluster mode: several Karaf nodes share
-- the database): the node holding the channel's lease sends, the others stand by and take over when
-- it stops renewing (crash, shutdown). Keeps "consumed once per destination, in order".
CREATE TABLE hl7_channel_lease (
    channel     VARCHAR(60)  NOT NULL PRIMARY KEY,
    owner       VARCHAR(64)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
