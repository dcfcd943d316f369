-- Every labelled back-translation (paper 3.2), kept or dropped instruction alike, for
-- GET /runs/{runId}/back-translations. ${text} is the database's unbounded text type.
create table back_translation (id varchar(300) not null, runId varchar(100) not null, instructionId varchar(200) not null, position integer not null, functionId varchar(200), backTranslation ${text} not null, label varchar(20) not null, entailment float(53) not null, neutral float(53) not null, contradiction float(53) not null, outcome varchar(100) not null, mode varchar(20) not null, primary key (id));
create index back_translation_run_instruction on back_translation (runId, instructionId, position);
