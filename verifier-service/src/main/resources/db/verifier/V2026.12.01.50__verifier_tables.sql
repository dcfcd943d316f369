-- verifier-service's tables as the previous release left them (Hibernate update from the entities); a database of
-- that release is baselined at this version (quarkus.flyway.baseline-version) and keeps its rows.
-- ${lob} is the type of an entity's @Lob String (oid on PostgreSQL, clob on H2: platform microprofile-config.properties).
create table verified_instruction (verifiedAt timestamp(6) with time zone not null, runId varchar(100), instructionId varchar(200) not null, functionsJson ${lob} not null, text ${lob} not null, primary key (instructionId));
