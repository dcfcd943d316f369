-- The corpora query-service announced on the corpora topic: a run may only name one of these.
create table known_corpus (loadedAt timestamp(6) with time zone, queries bigint not null, corpusId varchar(100) not null, primary key (corpusId));
